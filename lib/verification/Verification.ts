/**
 * A verification: a signed statement by the authoritative agency that a fact about a resident
 * holds, which a relying jurisdiction can check offline and rely on until `validUntil`
 * instead of asking the resident or the legacy system again.
 */
export interface Verification {
  /** Unique per issuance. */
  id: string;
  issuer: { agency: string; jurisdiction: string };
  /** The Resident graph id it is about. */
  subject: string;
  claim: Claim;
  /** What the claim is about, when it needs it (the tax year of an income claim). */
  claimParameter: string | null;
  /** The minimal value the claim needs, as canonical JSON. */
  value: string;
  method: string;
  verifiedAt: string;
  validUntil: string;
  /** Assurance of the source record (e.g. "authoritative-record"). */
  assurance: string;
  /** Which legacy record it comes from (no personal identifier). */
  provenance: string;
  /** Compact JWS over all the fields above, by the issuer's key. */
  proof: string;
}

export const CLAIMS = ['INCOME', 'IMMIGRATION_STATUS', 'AGE', 'RESIDENCY', 'BENEFITS_IN_PAY'] as const;
export type Claim = (typeof CLAIMS)[number];

export type UnsignedVerification = Omit<Verification, 'proof'>;

/** How long a verification may be relied on, per claim (the issuer may cap it lower). */
export const VALIDITY_MS: Record<Claim, number> = {
  // CRA's figures change only on reassessment, which the change feed signals; 30 days bounds
  // how long a missed signal could matter.
  INCOME: 30 * 86_400_000,
  // Statuses change rarely and IRCC signals changes; capped at the status's own end date.
  IMMIGRATION_STATUS: 30 * 86_400_000,
  AGE: 365 * 86_400_000,
  // Benefits in pay come from a nightly batch and change at most monthly: one day.
  BENEFITS_IN_PAY: 86_400_000,
  RESIDENCY: 30 * 86_400_000,
};
