import DataLoader from 'dataloader';
import type { Actor } from '../auth.ts';
import { AppError, ErrorCode, isAppError } from '../errors.ts';
import type { AccessLog, NewEntry } from './AccessLog.ts';
import type { DataCategory, SourceAgency } from './categories.ts';
import { matchingGrant, type ConsentLedger, type Grant } from './ConsentLedger.ts';
import type { LogOutbox } from './LogOutbox.ts';

export interface ConsentDeps {
  ledger: ConsentLedger;
  log: AccessLog;
  outbox: LogOutbox;
  now: () => Date;
  /** Off only for benchmarks' baseline: every check passes and nothing is logged. */
  enforce: boolean;
}

type Decision = { residentId: string; category: DataCategory; source: SourceAgency; grant: Grant | null; error: AppError | null };

/**
 * The consent check at the point of release, per request. Every check of a request is batched
 * (one read of the grants and one log append for all residents), decided, and logged before
 * anything is released:
 * - a resident reads only their own data (every read logged);
 * - an agency program gets a category only under a live grant matching category, source
 *   agency, recipient and purpose at that moment, else CONSENT_REQUIRED saying what grant would;
 * - when grants or the log cannot be reached, agency access fails closed (CONSENT_UNAVAILABLE).
 */
export class ConsentGuard {
  private readonly loader: DataLoader<string, true>;

  constructor(
    private readonly deps: ConsentDeps,
    private readonly actor: Actor,
    private readonly requestId: string,
  ) {
    this.loader = new DataLoader<string, true>((keys) => this.decide(keys));
  }

  /** Resolves when this actor may have `category` from `source` about the resident; else rejects, typed. */
  async check(residentId: string, category: DataCategory, source: SourceAgency): Promise<void> {
    if (!this.deps.enforce) return;
    await this.loader.load(`${residentId}|${category}|${source}`);
  }

  private async decide(keys: readonly string[]): Promise<(true | Error)[]> {
    const wanted = keys.map((k) => {
      const [residentId, category, source] = k.split('|') as [string, DataCategory, SourceAgency];
      return { residentId, category, source };
    });
    const actor = this.actor;
    if (actor.kind === 'anonymous') {
      return wanted.map(() => new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated: a signed token is needed to read resident data'));
    }
    const now = this.deps.now();
    const ids = [...new Set(wanted.map((w) => w.residentId))];
    // The log's tails are read alongside the grants, so deciding and logging cost two round trips.
    const tails = this.deps.log.tailsOf(ids).catch(() => undefined);
    let decisions: Decision[];
    if (actor.kind === 'resident') {
      decisions = wanted.map((w) => ({
        ...w,
        grant: null,
        error: w.residentId === actor.residentId ? null : new AppError(ErrorCode.FORBIDDEN, 'A resident may read only their own data'),
      }));
    } else {
      let grants: Grant[][];
      try {
        grants = await this.deps.ledger.grantsFor(ids);
      } catch (e) {
        return wanted.map(() => (isAppError(e) ? e : new AppError(ErrorCode.CONSENT_UNAVAILABLE, 'Consent cannot be checked')));
      }
      const byResident = new Map(ids.map((id, i) => [id, grants[i]!]));
      const recipient = { agency: actor.agency, program: actor.program };
      decisions = wanted.map((w) => {
        const grant = matchingGrant(byResident.get(w.residentId)!, { category: w.category, sourceAgency: w.source, recipient, purpose: actor.purpose }, now) ?? null;
        return {
          ...w,
          grant,
          error: grant
            ? null
            : new AppError(ErrorCode.CONSENT_REQUIRED, `No live consent covers ${w.category} from ${w.source} for ${actor.agency}/${actor.program} (${actor.purpose})`, {
                required: { category: w.category, sourceAgency: w.source, recipient, purpose: actor.purpose },
                howToObtain: 'requestConsent(input: …) asks the resident; they accept or decline',
              }),
        };
      });
    }
    try {
      await this.record(decisions, now, await tails);
    } catch (e) {
      if (actor.kind !== 'resident') return wanted.map(() => (isAppError(e) ? e : new AppError(ErrorCode.CONSENT_UNAVAILABLE, 'Access log unavailable')));
    }
    return decisions.map((d) => d.error ?? true);
  }

  /** One log entry per resident, source, outcome and grant, with the categories merged. */
  private async record(decisions: Decision[], now: Date, tails: Awaited<ReturnType<AccessLog['tailsOf']>> | undefined) {
    const actor = this.actor;
    const groups = new Map<string, NewEntry>();
    for (const d of decisions) {
      const outcome = d.error ? 'DENIED' : 'ALLOWED';
      const k = `${d.residentId}|${d.source}|${outcome}|${d.grant?.id ?? ''}`;
      const existing = groups.get(k);
      if (existing) {
        if (!existing.categories.includes(d.category)) existing.categories.push(d.category);
        continue;
      }
      groups.set(k, {
        residentId: d.residentId,
        at: now.toISOString(),
        requestId: this.requestId,
        // Another resident's id is never written into someone's log.
        actor:
          actor.kind === 'agency'
            ? { kind: 'agency', self: false, agency: actor.agency, program: actor.program, jurisdiction: actor.jurisdiction }
            : { kind: actor.kind, self: actor.kind === 'resident' && actor.residentId === d.residentId, agency: null, program: null, jurisdiction: null },
        categories: [d.category],
        sourceAgency: d.source,
        purpose: actor.kind === 'agency' ? actor.purpose : null,
        grantId: d.grant?.id ?? null,
        outcome,
      });
    }
    const entries = [...groups.values()];
    try {
      await this.deps.log.append(entries, tails);
    } catch (e) {
      if (actor.kind === 'resident') this.deps.outbox.hold(entries);
      throw e;
    }
  }
}
