import type { LegacySystemDefinition } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { json } from '../../lib/httpServer.ts';

/**
 * Identity registry (mock): the record linking a resident to federal and provincial
 * identifiers. JSON over HTTP, the most modern of the systems behind the graph.
 *
 *   GET  /v1/persons/{id}                 -> 200 person | 404 {"error":"PERSON_NOT_FOUND"}
 *   POST /v1/persons:batchGet {"ids":[…]} -> 200 {"persons":[person|null…]} in order; at most 200 ids
 */
export const IDENTITY_BATCH_CAP = 200;

export function personRecord(r: SyntheticResident) {
  return {
    id: r.id,
    givenName: r.givenName,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    province: r.province,
    postalCode: r.postalCode,
    preferredLanguage: r.preferredLanguage,
    householdId: r.householdId,
    identifiers: {
      sin: r.sin,
      uci: r.uci,
      healthNumber: r.health.number,
      healthProvince: r.province,
    },
  };
}

export const identityRegistry: LegacySystemDefinition = {
  name: 'identity-registry',
  title: 'Identity registry (JSON)',
  defaultPort: 5101,
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    const one = /^\/v1\/persons\/([A-Za-z0-9]+)$/.exec(path);
    const corrupt = (p: ReturnType<typeof personRecord>) =>
      ctx.malformed ? { ...p, dateOfBirth: ctx.malformed === 'bad-date' ? '1990-02-31' : 19900101 } : p;
    if (one && req.method === 'GET') {
      const r = ctx.population.byId(one[1]!);
      return r ? json(corrupt(personRecord(r))) : json({ error: 'PERSON_NOT_FOUND' }, 404);
    }
    if (path === '/v1/persons:batchGet' && req.method === 'POST') {
      const body = (await req.json().catch(() => null)) as { ids?: unknown } | null;
      const ids = body?.ids;
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return json({ error: 'INVALID_REQUEST' }, 400);
      if (ids.length > IDENTITY_BATCH_CAP) return json({ error: 'BATCH_TOO_LARGE', max: IDENTITY_BATCH_CAP }, 413);
      const persons = ids.map((id) => {
        const r = ctx.population.byId(id);
        return r ? personRecord(r) : null;
      });
      if (ctx.malformed && persons[0]) persons[0] = corrupt(persons[0]) as ReturnType<typeof personRecord>;
      return json({ persons });
    }
    return json({ error: 'NO_SUCH_ROUTE' }, 404);
  },
};
