import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../errors.ts';
import type { Store } from '../store/Store.ts';
import type { DataCategory, SourceAgency } from './categories.ts';

export interface Recipient {
  agency: string;
  program: string;
}

/** A resident's consent: these categories, from this agency, to this program, for this purpose. */
export interface Grant {
  id: string;
  residentId: string;
  categories: DataCategory[];
  sourceAgency: SourceAgency;
  recipient: Recipient;
  purpose: string;
  legalBasis: string;
  grantedAt: string;
  expiresAt: string;
  withdrawnAt: string | null;
  /** The program's request this grant answered, if any. */
  requestId: string | null;
}

export type GrantStatus = 'ACTIVE' | 'WITHDRAWN' | 'EXPIRED';

export const grantStatus = (g: Grant, now: Date): GrantStatus =>
  g.withdrawnAt ? 'WITHDRAWN' : Date.parse(g.expiresAt) <= now.getTime() ? 'EXPIRED' : 'ACTIVE';

/** A program asking a resident for consent; the resident accepts or declines. */
export interface ConsentRequest {
  id: string;
  residentId: string;
  categories: DataCategory[];
  sourceAgency: SourceAgency;
  recipient: Recipient;
  purpose: string;
  legalBasis: string;
  durationDays: number;
  requestedAt: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  answeredAt: string | null;
  grantId: string | null;
}

type GrantEvent = { type: 'GRANTED'; grant: Grant } | { type: 'WITHDRAWN'; grantId: string; at: string };
type RequestEvent = { type: 'REQUESTED'; request: ConsentRequest } | { type: 'ANSWERED'; requestId: string; accepted: boolean; grantId: string | null; at: string };

const grantsKey = (residentId: string) => `consent:grants:${residentId}`;
const requestsKey = (residentId: string) => `consent:requests:${residentId}`;

export const consentUnavailable = () =>
  new AppError(ErrorCode.CONSENT_UNAVAILABLE, 'Consent cannot be checked or recorded right now (the consent store is unreachable); nothing was released or changed');

/**
 * Consent grants and requests, as append-only event lists per resident in the shared store.
 * An event is acknowledged only once the store has it (Redis with AOF: on disk), and state is
 * read afresh on every request, so a withdrawal takes effect on the next request everywhere.
 */
export class ConsentLedger {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async grantsFor(residentIds: readonly string[]): Promise<Grant[][]> {
    let lists: string[][];
    try {
      lists = await this.store.rangeMany(residentIds.map(grantsKey));
    } catch {
      throw consentUnavailable();
    }
    return lists.map((events) => foldGrants(events.map((e) => JSON.parse(e) as GrantEvent)));
  }

  async grant(input: Omit<Grant, 'id' | 'grantedAt' | 'withdrawnAt'>): Promise<Grant> {
    const grant: Grant = { ...input, id: randomUUID(), grantedAt: this.now().toISOString(), withdrawnAt: null };
    await this.append(grantsKey(grant.residentId), { type: 'GRANTED', grant });
    return grant;
  }

  async withdraw(residentId: string, grantId: string): Promise<Grant> {
    const [grants] = await this.grantsFor([residentId]);
    const g = grants!.find((x) => x.id === grantId);
    if (!g) throw new AppError(ErrorCode.NOT_FOUND, 'No such consent grant for this resident');
    if (g.withdrawnAt) return g;
    const at = this.now().toISOString();
    await this.append(grantsKey(residentId), { type: 'WITHDRAWN', grantId, at });
    return { ...g, withdrawnAt: at };
  }

  async requestsFor(residentId: string): Promise<ConsentRequest[]> {
    let events: string[];
    try {
      events = await this.store.range(requestsKey(residentId));
    } catch {
      throw consentUnavailable();
    }
    return foldRequests(events.map((e) => JSON.parse(e) as RequestEvent));
  }

  async request(input: Omit<ConsentRequest, 'id' | 'requestedAt' | 'status' | 'answeredAt' | 'grantId'>): Promise<ConsentRequest> {
    const request: ConsentRequest = { ...input, id: randomUUID(), requestedAt: this.now().toISOString(), status: 'PENDING', answeredAt: null, grantId: null };
    await this.append(requestsKey(input.residentId), { type: 'REQUESTED', request });
    return request;
  }

  /** The resident's answer; accepting grants exactly what was asked, for the duration asked. */
  async answer(residentId: string, requestId: string, accept: boolean): Promise<{ request: ConsentRequest; grant: Grant | null }> {
    const request = (await this.requestsFor(residentId)).find((r) => r.id === requestId);
    if (!request) throw new AppError(ErrorCode.NOT_FOUND, 'No such consent request for this resident');
    if (request.status !== 'PENDING') throw new AppError(ErrorCode.BAD_USER_INPUT, 'This request has already been answered', { reason: request.status });
    let grant: Grant | null = null;
    if (accept) {
      grant = await this.grant({
        residentId,
        categories: request.categories,
        sourceAgency: request.sourceAgency,
        recipient: request.recipient,
        purpose: request.purpose,
        legalBasis: request.legalBasis,
        expiresAt: new Date(this.now().getTime() + request.durationDays * 86_400_000).toISOString(),
        requestId,
      });
    }
    const at = this.now().toISOString();
    await this.append(requestsKey(residentId), { type: 'ANSWERED', requestId, accepted: accept, grantId: grant?.id ?? null, at });
    return { request: { ...request, status: accept ? 'ACCEPTED' : 'DECLINED', answeredAt: at, grantId: grant?.id ?? null }, grant };
  }

  private async append(key: string, event: GrantEvent | RequestEvent) {
    try {
      await this.store.append(key, JSON.stringify(event));
    } catch {
      throw consentUnavailable();
    }
  }
}

function foldGrants(events: GrantEvent[]): Grant[] {
  const byId = new Map<string, Grant>();
  for (const e of events) {
    if (e.type === 'GRANTED') byId.set(e.grant.id, e.grant);
    else {
      const g = byId.get(e.grantId);
      if (g && !g.withdrawnAt) byId.set(g.id, { ...g, withdrawnAt: e.at });
    }
  }
  return [...byId.values()];
}

function foldRequests(events: RequestEvent[]): ConsentRequest[] {
  const byId = new Map<string, ConsentRequest>();
  for (const e of events) {
    if (e.type === 'REQUESTED') byId.set(e.request.id, e.request);
    else {
      const r = byId.get(e.requestId);
      if (r) byId.set(r.id, { ...r, status: e.accepted ? 'ACCEPTED' : 'DECLINED', answeredAt: e.at, grantId: e.grantId });
    }
  }
  return [...byId.values()];
}

/** The live grant that covers this release, if any. */
export function matchingGrant(
  grants: readonly Grant[],
  want: { category: DataCategory; sourceAgency: SourceAgency; recipient: Recipient; purpose: string },
  now: Date,
): Grant | undefined {
  return grants.find(
    (g) =>
      grantStatus(g, now) === 'ACTIVE' &&
      Date.parse(g.grantedAt) <= now.getTime() &&
      g.categories.includes(want.category) &&
      g.sourceAgency === want.sourceAgency &&
      g.recipient.agency === want.recipient.agency &&
      g.recipient.program === want.recipient.program &&
      g.purpose === want.purpose,
  );
}
