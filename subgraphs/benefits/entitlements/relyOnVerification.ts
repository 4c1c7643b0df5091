import { z } from 'zod';
import { IMMIGRATION_STATUSES } from '../../../adapters/ircc/parseIrccResponse.ts';
import { AppError, ErrorCode } from '../../../lib/errors.ts';
import type { RelianceLog } from '../../../lib/verification/RelianceLog.ts';
import type { Claim, Verification } from '../../../lib/verification/Verification.ts';

/** Checks a proof offline against the trusted issuers' keys (`verifyProof`, or a ProofMemo over it). */
export interface ProofChecker {
  verify(proof: string): Promise<Verification>;
}

/** How this subgraph checks proofs, and where it records what it relied on. */
export interface RelyingParty {
  proofs: ProofChecker;
  reliances: RelianceLog;
}

/** Who relies on a verification, for what: shown to the resident in `verificationReliances`. */
export interface RelianceBy {
  agency: string;
  program: string;
  jurisdiction: string;
  purpose: string;
}

/** MyCanada's navigation service: the program that runs the eligibility rules. */
export const NAVIGATION = { agency: 'MyCanada', program: 'benefits-navigation' } as const;

export interface Relied<T> {
  verification: Verification;
  value: T;
}

const malformed = (why: string) => new AppError(ErrorCode.INVALID_PROOF, `The verification cannot be relied on: ${why}`, { reason: 'MALFORMED' });

/**
 * Checks a proof offline (issuer key, signature, expiry: INVALID_PROOF with `reason` otherwise),
 * that it is about this resident and this claim, and that its value has the shape the claim
 * promises. Never calls the issuer or its legacy system.
 */
export async function checkVerification<T>(
  proof: string,
  expected: { subject: string; claim: Claim },
  valueSchema: z.ZodType<T>,
  proofs: ProofChecker,
): Promise<Relied<T>> {
  const verification = await proofs.verify(proof);
  if (verification.subject !== expected.subject || verification.claim !== expected.claim) {
    throw malformed(`it is not a ${expected.claim} verification about this resident`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(verification.value);
  } catch {
    throw malformed('its value is not JSON');
  }
  const parsed = valueSchema.safeParse(raw);
  if (!parsed.success) throw malformed(`its value is not a ${expected.claim} value`);
  return { verification, value: parsed.data };
}

/**
 * Records each reliance (once per verification, program and purpose: RelianceLog's rule). A
 * verification whose reliance cannot be recorded is not relied on: STORE_UNAVAILABLE, no result.
 */
export async function recordReliances(relying: RelyingParty, verifications: readonly Verification[], by: RelianceBy): Promise<void> {
  try {
    await Promise.all(verifications.map((v) => relying.reliances.record(v, by)));
  } catch {
    throw new AppError(ErrorCode.STORE_UNAVAILABLE, 'The reliance could not be recorded, so the verification is not relied on');
  }
}

export const incomeValue = z.object({ taxYear: z.number().int(), netIncomeCents: z.number().int() });
export const statusValue = z.object({ status: z.enum(IMMIGRATION_STATUSES), validUntil: z.string().nullable() });
