import type { Store } from '../store/Store.ts';
import type { Verification } from './Verification.ts';
import { verificationMetrics as m } from './verificationMetrics.ts';

/** One program's reliance on one verification, as the resident sees it. */
export interface Reliance {
  verificationId: string;
  issuer: string;
  claim: string;
  claimParameter: string | null;
  /** The relying program: agency, program and its jurisdiction. */
  agency: string;
  program: string;
  jurisdiction: string;
  purpose: string;
  at: string;
}

/** Every reliance on a verification, per resident, in the shared store. */
export class RelianceLog {
  constructor(private readonly store: Store) {}

  /** Record a reliance once per verification, program and purpose (asking again is the same reliance). */
  async record(v: Verification, by: { agency: string; program: string; jurisdiction: string; purpose: string }): Promise<void> {
    const once = `reliance-seen:${v.id}:${by.jurisdiction}:${by.agency}:${by.program}:${by.purpose}`;
    const ttl = Math.max(1, Date.parse(v.validUntil) - Date.now());
    if (!(await this.store.setIfAbsent(once, '1', ttl))) return;
    const r: Reliance = {
      verificationId: v.id,
      issuer: v.issuer.agency,
      claim: v.claim,
      claimParameter: v.claimParameter,
      ...by,
      at: new Date().toISOString(),
    };
    try {
      await this.store.append(`reliances:${v.subject}`, JSON.stringify(r));
    } catch (e) {
      await this.store.del([once]).catch(() => {});
      throw e;
    }
    m.reliances.inc({ issuer: v.issuer.agency, claim: v.claim });
  }

  async list(residentId: string): Promise<Reliance[]> {
    return (await this.store.range(`reliances:${residentId}`)).map((s) => JSON.parse(s) as Reliance);
  }
}
