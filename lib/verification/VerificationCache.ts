import { createHash } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/Store.ts';
import type { Claim, Verification } from './Verification.ts';
import { verificationMetrics as m } from './verificationMetrics.ts';

/**
 * The issuer's cache of signed verifications, in the shared store until `validUntil`, so the
 * legacy system is asked once per fact per validity window across every replica.
 *
 * Invariant: nothing stale is served. When a store operation fails, reads bypass the cache
 * (the legacy system answers, slower but correct) until the change-feed consumer has applied
 * every pending invalidation again (`markResynced`), because entries written before an outage
 * may have missed an invalidation during it.
 */
export class VerificationCache {
  private resyncNeeded = false;

  constructor(
    private readonly store: Store,
    readonly issuer: string,
    private readonly logger: Logger,
  ) {}

  /** Cache key from the legacy key: hashed, so no identifier is stored in a key. */
  key(claim: Claim, legacyKey: string, parameter: string | null = null): string {
    const h = createHash('sha256').update(`${this.issuer}:${legacyKey}`).digest('base64url').slice(0, 22);
    return `verif:${this.issuer}:${claim}:${h}:${parameter ?? '-'}`;
  }

  get degraded() {
    return this.resyncNeeded;
  }

  async getMany(claim: Claim, keys: readonly string[]): Promise<(Verification | null)[]> {
    if (this.resyncNeeded) {
      m.cache.inc({ issuer: this.issuer, claim, outcome: 'bypass' }, keys.length);
      return keys.map(() => null);
    }
    try {
      const raw = await this.store.mget(keys);
      const now = Date.now();
      return raw.map((r) => {
        const v = r ? (JSON.parse(r) as Verification) : null;
        const fresh = v && Date.parse(v.validUntil) > now ? v : null;
        m.cache.inc({ issuer: this.issuer, claim, outcome: fresh ? 'hit' : 'miss' });
        return fresh;
      });
    } catch (e) {
      this.degrade('mget', e);
      m.cache.inc({ issuer: this.issuer, claim, outcome: 'bypass' }, keys.length);
      return keys.map(() => null);
    }
  }

  async put(key: string, v: Verification): Promise<void> {
    if (this.resyncNeeded) return;
    try {
      await this.store.set(key, JSON.stringify(v), Date.parse(v.validUntil) - Date.now());
    } catch (e) {
      this.degrade('set', e);
    }
  }

  /** Drop entries whose source changed. Throws when the store cannot be reached (retry later). */
  async invalidate(keys: readonly string[]): Promise<void> {
    try {
      await this.store.del(keys);
      m.invalidations.inc({ issuer: this.issuer }, keys.length);
    } catch (e) {
      this.degrade('del', e);
      throw e;
    }
  }

  /** Called by the change-feed consumer once every pending invalidation has been applied. */
  markResynced(): void {
    if (this.resyncNeeded) this.logger.info({ issuer: this.issuer }, 'verification cache back in use');
    this.resyncNeeded = false;
  }

  private degrade(operation: string, e: unknown) {
    m.storeErrors.inc({ issuer: this.issuer, operation });
    if (!this.resyncNeeded) this.logger.warn({ issuer: this.issuer, reason: (e as Error).message }, 'store unavailable: verifications bypass the cache');
    this.resyncNeeded = true;
  }
}
