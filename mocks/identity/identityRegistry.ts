import type { LegacySystemDefinition } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { json } from '../../lib/httpServer.ts';
import { ageOn } from '../../lib/dates.ts';
import { POPULATION_REFERENCE_DATE } from '../population/Population.ts';
import { Rng } from '../population/random.ts';

/**
 * Identity registry (mock): the record linking a resident to federal and provincial
 * identifiers. JSON over HTTP, the most modern of the systems behind the graph.
 *
 *   GET  /v1/persons/{id}                 -> 200 person | 404 {"error":"PERSON_NOT_FOUND"}
 *   POST /v1/persons:batchGet {"ids":[…]} -> 200 {"persons":[person|null…]} in order; at most 200 ids
 *   GET  /v1/persons:lookup?scheme=SIN|UCI|HEALTH_NUMBER&value=…[&jurisdiction=BC]
 *                                         -> 200 person | 404 {"error":"PERSON_NOT_FOUND"}
 *
 * Each person carries how their identity was established, in the spirit of the Pan-Canadian
 * Trust Framework's levels of assurance (LOA1 little confidence … LOA4 very high).
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
    assurance: assuranceOf(r),
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
    if (path === '/v1/persons:lookup' && req.method === 'GET') {
      const q = new URL(req.url).searchParams;
      const value = q.get('value') ?? '';
      const jurisdiction = q.get('jurisdiction') ?? '';
      const r =
        q.get('scheme') === 'SIN' ? ctx.population.bySin(value)
          : q.get('scheme') === 'UCI' ? ctx.population.byUci(value)
            : q.get('scheme') === 'HEALTH_NUMBER' && /^[A-Z]{2}$/.test(jurisdiction)
              ? ctx.population.byHealthNumber(jurisdiction as SyntheticResident['province'], value)
              : undefined;
      return r ? json(personRecord(r)) : json({ error: 'PERSON_NOT_FOUND' }, 404);
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
