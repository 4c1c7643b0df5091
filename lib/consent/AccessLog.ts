import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { consentUnavailable } from './ConsentLedger.ts';
import type { DataCategory, SourceAgency } from './categories.ts';
import type { Store } from '../store/Store.ts';

/** One release or denial of a resident's data, as the resident reads it. */
export interface AccessEntry {
  seq: number;
  at: string;
  requestId: string;
  actor: { kind: 'resident' | 'agency' | 'anonymous'; self: boolean; agency: string | null; program: string | null; jurisdiction: string | null };
  categories: DataCategory[];
  sourceAgency: SourceAgency;
  purpose: string | null;
  grantId: string | null;
  outcome: 'ALLOWED' | 'DENIED';
  /** Hash of the previous entry (64 zeros for the first). */
  prevHash: string;
  /** sha256 over prevHash and this entry without `hash`: anyone can recompute it. */
  hash: string;
}

export type NewEntry = Omit<AccessEntry, 'seq' | 'prevHash' | 'hash'> & { residentId: string };

export interface LogVerification {
  intact: boolean;
  entries: number;
  /** The first entry found wrong (0-based), when not intact. */
  brokenAt: number | null;
  problem: 'EDITED' | 'REORDERED_OR_DELETED' | 'TRUNCATED' | 'HEAD_INVALID' | null;
}

const GENESIS = '0'.repeat(64);
const logKey = (residentId: string) => `accesslog:${residentId}`;
const headKey = (residentId: string) => `accesslog:head:${residentId}`;

/** Canonical JSON (sorted keys), so that a hash does not depend on property order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const entryHash = (e: Omit<AccessEntry, 'hash'>) => createHash('sha256').update(canonical(e)).digest('hex');

/**
 * Per-resident, append-only, hash-chained access log in the shared store. Each entry carries
 * the previous entry's hash, so an edit, a deletion or a reordering breaks the chain; a head
 * (length and last hash) authenticated with the service's secret, moved in the same atomic
 * step as each append, catches a cut-off tail. Appends are batched (one store round trip per
 * batch when the tails were read ahead) and retried when another replica appended first, so
 * the chain never forks.
 */
export class AccessLog {
  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {}

  /** The current tail of each resident's log (read ahead of `append`, alongside other reads). */
  async tailsOf(residentIds: readonly string[]): Promise<Map<string, { length: number; last: string | null }>> {
    try {
      const tails = await this.store.tails(residentIds.map(logKey));
      return new Map(residentIds.map((id, i) => [id, tails[i]!]));
    } catch {
      throw consentUnavailable();
    }
  }

  /**
   * Append entries (any residents, in order). `known` tails save a round trip; when another
   * writer got there first, the tail is read again. Throws CONSENT_UNAVAILABLE when it cannot.
   */
  async append(entries: readonly NewEntry[], known?: Map<string, { length: number; last: string | null }>): Promise<void> {
    let pending = groupByResident(entries);
    for (let attempt = 0; pending.size > 0; attempt++) {
      if (attempt === 8) throw consentUnavailable();
      const ids = [...pending.keys()];
      const fresh = attempt === 0 && known && ids.every((id) => known.has(id)) ? known : await this.tailsOf(ids);
      const tails = ids.map((id) => fresh.get(id)!);
      const items = ids.map((id, i) => {
        const tail = tails[i]!;
        let prevHash = tail.last ? (JSON.parse(tail.last) as AccessEntry).hash : GENESIS;
        const chained = pending.get(id)!.map((e, k) => {
          const { residentId: _r, ...rest } = e;
          const body = { ...rest, seq: tail.length + k, prevHash };
          const hash = entryHash(body);
          prevHash = hash;
          return { ...body, hash } as AccessEntry;
        });
        return { id, expectedLength: tail.length, chained };
      });
      let ok: boolean[];
      try {
        ok = await this.store.appendBatchIfLength(
          items.map((it) => {
            const last = it.chained.at(-1)!;
            return {
              key: logKey(it.id),
              expectedLength: it.expectedLength,
              values: it.chained.map((c) => JSON.stringify(c)),
              // The head moves in the same atomic step, so it never lags or runs ahead of the list.
              then: { key: headKey(it.id), value: this.signHead(it.id, last.seq + 1, last.hash) },
            };
          }),
        );
      } catch {
        throw consentUnavailable();
      }
      const retry = new Map<string, NewEntry[]>();
      items.forEach((it, i) => {
        if (!ok[i]) retry.set(it.id, pending.get(it.id)!);
      });
      pending = retry;
    }
  }

  async read(residentId: string): Promise<AccessEntry[]> {
    try {
      return (await this.store.range(logKey(residentId))).map((s) => JSON.parse(s) as AccessEntry);
    } catch {
      throw consentUnavailable();
    }
  }

  /** Recompute the chain and compare with the authenticated head. */
  async verify(residentId: string): Promise<LogVerification> {
    let raw: string[];
    let head: string | null;
    try {
      [raw, head] = await Promise.all([this.store.range(logKey(residentId)), this.store.get(headKey(residentId))]);
    } catch {
      throw consentUnavailable();
    }
    const broken = (brokenAt: number, problem: LogVerification['problem']): LogVerification => ({ intact: false, entries: raw.length, brokenAt, problem });
    let prev = GENESIS;
    for (let i = 0; i < raw.length; i++) {
      let e: AccessEntry;
      try {
        e = JSON.parse(raw[i]!) as AccessEntry;
      } catch {
        return broken(i, 'EDITED');
      }
      const { hash, ...body } = e;
      if (entryHash(body) !== hash) return broken(i, 'EDITED');
      if (e.prevHash !== prev || e.seq !== i) return broken(i, 'REORDERED_OR_DELETED');
      prev = hash;
    }
    if (raw.length === 0 && head === null) return { intact: true, entries: 0, brokenAt: null, problem: null };
    const parsed = head ? this.readHead(residentId, head) : null;
    if (!parsed) return broken(raw.length, 'HEAD_INVALID');
    if (raw.length < parsed.length) return broken(raw.length, 'TRUNCATED');
    if (raw.length > parsed.length) return broken(parsed.length, 'HEAD_INVALID');
    const atHead = JSON.parse(raw[parsed.length - 1]!) as AccessEntry;
    if (atHead.hash !== parsed.lastHash) return broken(parsed.length - 1, 'EDITED');
    return { intact: true, entries: raw.length, brokenAt: null, problem: null };
  }

  private signHead(residentId: string, length: number, lastHash: string): string {
    const body = `${residentId}:${length}:${lastHash}`;
    return `${length}:${lastHash}:${createHmac('sha256', this.secret).update(body).digest('hex')}`;
  }

  private readHead(residentId: string, head: string): { length: number; lastHash: string } | null {
    const [len, lastHash, mac] = head.split(':');
    if (!len || !lastHash || !mac) return null;
    const expected = createHmac('sha256', this.secret).update(`${residentId}:${len}:${lastHash}`).digest();
    const given = Buffer.from(mac, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { length: Number(len), lastHash };
  }
}

function groupByResident(entries: readonly NewEntry[]): Map<string, NewEntry[]> {
  const m = new Map<string, NewEntry[]>();
  for (const e of entries) m.set(e.residentId, [...(m.get(e.residentId) ?? []), e]);
  return m;
}
