import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../mocks/population/random.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { agencyActor, type AgencyActor } from '../support/consentOps.ts';

/**
 * Model-based: random grant / withdraw / expire / query steps (fixed seed) against a simple
 * oracle of live grants. Invariant: a category is released to a program exactly when a live
 * grant matches category, source, recipient and purpose at that moment; otherwise the field
 * is null with CONSENT_REQUIRED.
 */
const STEPS = 1000;
let sys: TestSystem;
let clock = Date.parse('2026-12-01T12:00:00Z');
beforeAll(async () => {
  sys = await startTestSystem({ now: () => new Date(clock) });
});
afterAll(() => sys.stop());

const PERSONAS = ['senior-on', 'laid-off-ab', 'tfw-bc'];
const PROGRAMS: AgencyActor[] = [agencyActor('ON-MOH', 'Trillium', 'income-test'), agencyActor('ESDC', 'GIS', 'outreach'), agencyActor('ESDC', 'GIS', 'audit')];
// Queried fields and what each releases.
const FIELDS = [
  { field: 'income { taxYear }', key: 'income', category: 'INCOME', source: 'CRA' },
  { field: 'immigrationStatus { status }', key: 'immigrationStatus', category: 'IMMIGRATION_STATUS', source: 'IRCC' },
  { field: 'sinRecord { status }', key: 'sinRecord', category: 'SIN_RECORD', source: 'ESDC' },
  { field: 'healthCoverage { status }', key: 'healthCoverage', category: 'HEALTH_COVERAGE', source: 'PROVINCIAL_HEALTH' },
  { field: 'givenName', key: 'givenName', category: 'IDENTITY', source: 'IDENTITY' },
] as const;
const SOURCES = ['CRA', 'IRCC', 'ESDC', 'PROVINCIAL_HEALTH', 'IDENTITY'];
const CATEGORIES = ['INCOME', 'IMMIGRATION_STATUS', 'SIN_RECORD', 'HEALTH_COVERAGE', 'IDENTITY', 'BENEFITS_IN_PAY'];

interface ModelGrant {
  id: string;
  persona: string;
  program: AgencyActor;
  purpose: string;
  categories: string[];
  source: string;
  expiresAt: number;
  withdrawn: boolean;
}

describe(`consent, model-based: ${STEPS} random steps against an oracle (seed 7)`, () => {
  it('no category is ever released without a live matching grant, and every covered one is', async () => {
    const rng = new Rng(7);
    const grants: ModelGrant[] = [];
    const tally = { grant: 0, withdraw: 0, expire: 0, query: 0, released: 0, denied: 0 };
    const tokens = new Map<string, string>();
    const tokenOf = async (p: AgencyActor) => {
      const k = `${p.program}|${p.purpose}`;
      if (!tokens.has(k)) tokens.set(k, await sys.tokenFor(p));
      return tokens.get(k)!;
    };

    for (let step = 0; step < STEPS; step++) {
      const roll = rng.next();
      if (roll < 0.3) {
        const persona = rng.pick(PERSONAS);
        const program = rng.pick(PROGRAMS);
        const categories = CATEGORIES.filter(() => rng.next() < 0.35);
        if (categories.length === 0) categories.push(rng.pick(CATEGORIES));
        const source = rng.pick(SOURCES);
        const purpose = rng.next() < 0.85 ? program.purpose : 'another-purpose';
        const expiresAt = clock + rng.int(1, 48) * 3_600_000;
        const r = await sys.query<{ grantConsent: { grant: { id: string } } }>(
          `mutation($i: GrantConsentInput!) { grantConsent(input: $i) { grant { id } } }`,
          {
            token: await sys.personaToken(persona),
            variables: { i: { categories, sourceAgency: source, recipientAgency: program.agency, recipientProgram: program.program, purpose, expiresAt: new Date(expiresAt).toISOString() } },
          },
        );
        expect(r.errors, `step ${step} grant`).toBeUndefined();
        grants.push({ id: r.data!.grantConsent.grant.id, persona, program, purpose, categories, source, expiresAt, withdrawn: false });
        tally.grant++;
      } else if (roll < 0.45) {
        const live = grants.filter((g) => !g.withdrawn);
        if (live.length === 0) continue;
        const g = rng.pick(live);
        const r = await sys.query(`mutation { withdrawConsent(grantId: "${g.id}") { status } }`, { token: await sys.personaToken(g.persona) });
        expect(r.errors, `step ${step} withdraw`).toBeUndefined();
        g.withdrawn = true;
        tally.withdraw++;
      } else if (roll < 0.55) {
        clock += rng.int(1, 12) * 3_600_000;
        tally.expire++;
      } else {
        const persona = rng.pick(PERSONAS);
        const program = rng.pick(PROGRAMS);
        const id = sys.population.byPersona(persona)!.id;
        const r = await sys.query<{ resident: Record<string, unknown> | null }>(`{ resident(id: "${id}") { ${FIELDS.map((f) => f.field).join(' ')} } }`, {
          token: await tokenOf(program),
        });
        for (const f of FIELDS) {
          const covered = grants.some(
            (g) =>
              !g.withdrawn && g.expiresAt > clock && g.persona === persona && g.program.agency === program.agency &&
              g.program.program === program.program && g.purpose === program.purpose && g.source === f.source && g.categories.includes(f.category),
          );
          const value = r.data?.resident?.[f.key] ?? null;
          const error = (r.errors ?? []).find((e) => e.path?.at(-1) === f.key);
          if (covered) {
            expect(value, `step ${step}: ${f.key} of ${persona} to ${program.program}/${program.purpose} should be released: ${JSON.stringify(r.errors)}`).not.toBeNull();
            tally.released++;
          } else {
            expect(value, `step ${step}: ${f.key} of ${persona} to ${program.program}/${program.purpose} released without a live grant`).toBeNull();
            expect(error?.extensions?.code, `step ${step}: ${f.key}`).toBe('CONSENT_REQUIRED');
            tally.denied++;
          }
        }
        tally.query++;
      }
    }
    console.info(`model-based consent: ${JSON.stringify(tally)}`);
    expect(tally.query).toBeGreaterThan(300);
    expect(tally.released).toBeGreaterThan(50);
    expect(tally.denied).toBeGreaterThan(50);
  });
});
