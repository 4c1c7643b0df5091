import { z } from 'zod';
import type { LegacySystemDefinition } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { json } from '../../lib/httpServer.ts';
import { ageOn } from '../../lib/dates.ts';
import { POPULATION_REFERENCE_DATE } from '../population/Population.ts';
import { Rng } from '../population/random.ts';
import { holderOf, identifiersOf, linkBook, sameIdentifier, type LinkEvent } from './identifierLinks.ts';

/**
 * Identity registry (mock): the system of record linking a resident to federal and provincial
 * identifiers. JSON over HTTP, the most modern of the systems behind the graph.
 *
 *   GET  /v1/persons/{id}                 -> 200 person | 404 {"error":"PERSON_NOT_FOUND"}
 *   POST /v1/persons:batchGet {"ids":[…]} -> 200 {"persons":[person|null…]} in order; at most 200 ids
 *   GET  /v1/persons:lookup?scheme=SIN|UCI|HEALTH_NUMBER&value=…[&jurisdiction=BC]
 *                                         -> 200 person | 404 {"error":"PERSON_NOT_FOUND"}
 *   POST /v1/persons/{id}/identifiers     {"action":"LINK"|"UNLINK", scheme, value, jurisdiction, reason, by}
 *                                         -> 200 person | 404 | 409 {"error":"IDENTIFIER_IN_USE"|"ALREADY_LINKED"|"NOT_LINKED"}
 *
 * A person carries its identifiers (with where each came from), the history of links and
 * unlinks with their reasons, and how the identity was established, in the spirit of the
 * Pan-Canadian Trust Framework's levels of assurance (LOA1 little confidence … LOA4 very high).
 */
export const IDENTITY_BATCH_CAP = 200;

/** How the registry established this person's identity. */
export function assuranceOf(r: SyntheticResident) {
  if (ageOn(r.dateOfBirth, POPULATION_REFERENCE_DATE) < 16) {
    return { level: 'LOA2', method: 'BIRTH_REGISTRATION_AND_PARENT', establishedOn: r.immigration.arrivalDate ?? r.dateOfBirth };
  }
  if (r.immigration.arrivalDate && r.immigration.status !== 'NATURALIZED_CITIZEN') {
    return { level: 'LOA3', method: 'IN_PERSON_IMMIGRATION_DOCUMENT_CHECK', establishedOn: r.immigration.arrivalDate };
  }
  const rng = new Rng(r.index, 0x1d);
  const pick = rng.weighted({ LOA3: 45, LOA2: 45, LOA1: 10 });
  const method = { LOA3: 'IN_PERSON_DOCUMENT_CHECK', LOA2: 'SIGN_IN_PARTNER_BANK', LOA1: 'SELF_ASSERTED' }[pick];
  return { level: pick, method, establishedOn: `${2015 + rng.int(0, 10)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` };
}

export function personRecord(r: SyntheticResident, events: readonly LinkEvent[] = []) {
  return {
    id: r.id,
    givenName: r.givenName,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    province: r.province,
    postalCode: r.postalCode,
    preferredLanguage: r.preferredLanguage,
    householdId: r.householdId,
    identifiers: identifiersOf(r, events),
    identifierHistory: events,
    assurance: assuranceOf(r),
  };
}

const LinkRequest = z.object({
  action: z.enum(['LINK', 'UNLINK']),
  scheme: z.enum(['SIN', 'UCI', 'HEALTH_NUMBER']),
  value: z.string().min(1).max(20),
  jurisdiction: z.string().min(2).max(2),
  reason: z.string().min(1).max(500),
  by: z.object({ agency: z.string().min(1), program: z.string().min(1) }),
});

export const identityRegistry: LegacySystemDefinition = {
  name: 'identity-registry',
  title: 'Identity registry (JSON)',
  defaultPort: 5101,
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    const book = linkBook(ctx.state);
    const record = (r: SyntheticResident) => personRecord(r, book.get(r.id) ?? []);
    const corrupt = (p: ReturnType<typeof personRecord>) =>
      ctx.malformed ? { ...p, dateOfBirth: ctx.malformed === 'bad-date' ? '1990-02-31' : 19900101 } : p;

    const links = /^\/v1\/persons\/([A-Za-z0-9]+)\/identifiers$/.exec(path);
    if (links && req.method === 'POST') {
      const r = ctx.population.byId(links[1]!);
      if (!r) return json({ error: 'PERSON_NOT_FOUND' }, 404);
      const body = LinkRequest.safeParse(await req.json().catch(() => null));
      if (!body.success) return json({ error: 'INVALID_REQUEST' }, 400);
      const { action, reason, by, ...identifier } = body.data;
      const events = book.get(r.id) ?? [];
      const held = identifiersOf(r, events).some((c) => sameIdentifier(c, identifier));
      if (action === 'UNLINK' && !held) return json({ error: 'NOT_LINKED' }, 409);
      if (action === 'LINK') {
        if (held) return json({ error: 'ALREADY_LINKED' }, 409);
        const holder = holderOf(ctx.population, book, identifier);
        if (holder && holder.id !== r.id) return json({ error: 'IDENTIFIER_IN_USE' }, 409);
      }
      events.push({ action: action === 'LINK' ? 'LINKED' : 'UNLINKED', ...identifier, reason, by, at: new Date().toISOString() });
      book.set(r.id, events);
      return json(record(r));
    }
    const one = /^\/v1\/persons\/([A-Za-z0-9]+)$/.exec(path);
    if (one && req.method === 'GET') {
      const r = ctx.population.byId(one[1]!);
      return r ? json(corrupt(record(r))) : json({ error: 'PERSON_NOT_FOUND' }, 404);
    }
    if (path === '/v1/persons:lookup' && req.method === 'GET') {
      const q = new URL(req.url).searchParams;
      const scheme = q.get('scheme') ?? '';
      const r = holderOf(ctx.population, book, { scheme, value: q.get('value') ?? '', jurisdiction: scheme === 'HEALTH_NUMBER' ? (q.get('jurisdiction') ?? '') : 'CA' });
      return r ? json(record(r)) : json({ error: 'PERSON_NOT_FOUND' }, 404);
    }
    if (path === '/v1/persons:batchGet' && req.method === 'POST') {
      const body = (await req.json().catch(() => null)) as { ids?: unknown } | null;
      const ids = body?.ids;
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return json({ error: 'INVALID_REQUEST' }, 400);
      if (ids.length > IDENTITY_BATCH_CAP) return json({ error: 'BATCH_TOO_LARGE', max: IDENTITY_BATCH_CAP }, 413);
      const persons = ids.map((id) => {
        const r = ctx.population.byId(id);
        return r ? record(r) : null;
      });
      if (ctx.malformed && persons[0]) persons[0] = corrupt(persons[0]) as ReturnType<typeof personRecord>;
      return json({ persons });
    }
    return json({ error: 'NO_SUCH_ROUTE' }, 404);
  },
};
