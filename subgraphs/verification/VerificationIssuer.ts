import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Actor, SigningKey } from '../../lib/auth.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { signVerification } from '../../lib/verification/proof.ts';
import type { RelianceLog } from '../../lib/verification/RelianceLog.ts';
import type { VerificationCache } from '../../lib/verification/VerificationCache.ts';
import { VALIDITY_MS, type Claim, type Verification } from '../../lib/verification/Verification.ts';
import { verificationMetrics as m } from '../../lib/verification/verificationMetrics.ts';

/** What an adapter establishes, before it is signed. */
export interface FactToSign {
  subject: string;
  claimParameter: string | null;
  value: unknown;
  method: string;
  provenance: string;
  assurance: string;
  /** The fact's own end (a permit's expiry): the verification never outlives it. */
  notAfter?: string | null;
}

/**
 * Issues verifications for one agency: cache first (shared store, until validUntil), the
 * legacy system only on a miss, then signed and cached, so the legacy system is asked once
 * per fact per validity window whichever replica or program asks.
 */
export class VerificationIssuer {
  constructor(
    readonly issuer: { agency: string; jurisdiction: string },
    private readonly key: SigningKey,
    readonly cache: VerificationCache,
    private readonly reliances: RelianceLog,
  ) {}

  /** A per-request loader; `fetchFacts` is called only with the keys the cache did not have. */
  loader<K>(claim: Claim, cacheKeyOf: (k: K) => string, fetchFacts: (keys: readonly K[]) => Promise<(FactToSign | Error)[]>) {
    return new DataLoader<K, Verification, string>(
      async (keys) => {
        const cacheKeys = keys.map(cacheKeyOf);
        const cached = await this.cache.getMany(claim, cacheKeys);
        const missing = keys.map((_, i) => i).filter((i) => cached[i] === null);
        const out: (Verification | Error)[] = cached.map((v) => v as Verification);
        if (missing.length > 0) {
          const facts = await fetchFacts(missing.map((i) => keys[i]!));
          await Promise.all(
            missing.map(async (keyIndex, j) => {
              const fact = facts[j]!;
              if (fact instanceof Error) {
                out[keyIndex] = fact;
                return;
              }
              const v = await this.sign(claim, fact);
              out[keyIndex] = v;
              await this.cache.put(cacheKeys[keyIndex]!, v);
            }),
          );
        }
        return out;
      },
      { cacheKeyFn: cacheKeyOf },
    );
  }

  /**
   * An agency program that receives a verification relies on it: record who, for what
   * purpose. If that cannot be recorded, the verification is not released (fail closed).
   */
  async releaseTo(actor: Actor, v: Verification): Promise<Verification> {
    if (actor.kind !== 'agency') return v;
    try {
      await this.reliances.record(v, { agency: actor.agency, program: actor.program, jurisdiction: actor.jurisdiction, purpose: actor.purpose });
    } catch {
      throw new AppError(ErrorCode.STORE_UNAVAILABLE, 'The reliance could not be recorded, so the verification is not released');
    }
    return v;
  }

  private async sign(claim: Claim, fact: FactToSign): Promise<Verification> {
    const now = Date.now();
    let validUntil = now + VALIDITY_MS[claim];
    if (fact.notAfter) validUntil = Math.min(validUntil, Date.parse(`${fact.notAfter}T23:59:59Z`));
    m.issued.inc({ issuer: this.issuer.agency, claim });
    return signVerification(this.key, {
      id: randomUUID(),
      issuer: this.issuer,
      subject: fact.subject,
      claim,
      claimParameter: fact.claimParameter,
      value: JSON.stringify(fact.value),
      method: fact.method,
      verifiedAt: new Date(now).toISOString(),
      validUntil: new Date(validUntil).toISOString(),
      assurance: fact.assurance,
      provenance: fact.provenance,
    });
  }
}
