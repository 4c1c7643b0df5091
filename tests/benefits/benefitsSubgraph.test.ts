import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Actor } from '../../lib/auth.ts';
import { ErrorCode } from '../../lib/errors.ts';
import { formatError } from '../../lib/formatError.ts';
import { benefitsSubgraph } from '../../subgraphs/benefits/benefitsSubgraph.ts';
import { subgraphs } from '../../subgraphs/registry.ts';
import { testBaseContext, testSubgraphConfig } from '../support/subgraphConfig.ts';

// The benefits subgraph calls no legacy system: the catalogue and the search index are all it builds.
const contextFor = benefitsSubgraph.createContext(await testSubgraphConfig({}));
const server = new ApolloServer({
  schema: buildSubgraphSchema({ typeDefs: benefitsSubgraph.typeDefs, resolvers: benefitsSubgraph.resolvers as never }),
  formatError,
});
beforeAll(() => server.start());
afterAll(() => server.stop());

interface Result {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string; argument?: string } }[];
}

const anonymous: Actor = { kind: 'anonymous' };

async function run(query: string, variables: Record<string, unknown> = {}, actor: Actor = anonymous): Promise<Result> {
  const res = await server.executeOperation(
    { query, variables },
    { contextValue: contextFor(testBaseContext(actor, { enforceConsent: false })) /* consent is tested in tests/consent */ },
  );
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as Result;
}
const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

const SEARCH = /* GraphQL */ `
  query ($text: String!, $language: Language, $province: Province, $first: Int) {
    searchPrograms(text: $text, language: $language, province: $province, first: $first) {
      score
      language
      program { id jurisdiction name(language: FR) }
      why {
        matchedTerms synonyms { term from } lifeEvents categories province provinceSource ages
        replacedBy { id }
        text
        textEn: text(language: EN)
      }
    }
  }
`;

type Hit = {
  score: number;
  language: string;
  program: { id: string; jurisdiction: string; name: string };
  why: Record<string, unknown> & { text: string; textEn: string };
};

describe('benefits subgraph', () => {
  it('programs: public, filtered by jurisdiction, province of residence, life event and category', async () => {
    const r = await run(/* GraphQL */ `{
      qc: programs(jurisdiction: QC) { id jurisdiction }
      bc: programs(availableIn: BC) { jurisdiction }
      jobLoss: programs(lifeEvent: JOB_LOSS, jurisdiction: CA) { id lifeEvents }
      dentalOn: programs(category: DENTAL, availableIn: ON) { id categories }
      all: programs { id }
    }`);
    expect(r.errors).toBeUndefined();
    const d = r.data as Record<string, { id: string; jurisdiction: string; lifeEvents: string[]; categories: string[] }[]>;
    expect(d.qc!.length).toBeGreaterThanOrEqual(6);
    expect(d.qc!.every((p) => p.jurisdiction === 'QC')).toBe(true);
    expect(new Set(d.bc!.map((p) => p.jurisdiction))).toEqual(new Set(['CA', 'BC']));
    expect(d.jobLoss!.map((p) => p.id)).toContain('ca-ei-regular');
    expect(d.jobLoss!.every((p) => p.lifeEvents.includes('JOB_LOSS'))).toBe(true);
    expect(d.dentalOn!.map((p) => p.id).sort()).toEqual(['ca-cdcp', 'on-healthy-smiles', 'on-seniors-dental']);
    expect(d.all![0]!.id.startsWith('ca-')).toBe(true);
  });

  it('program: bilingual fields, official link, relationships', async () => {
    const r = await run(/* GraphQL */ `{
      ccb: program(id: "ca-ccb") {
        id jurisdiction name nameFr: name(language: FR) agency summaryFr: summary(language: FR) audience howToApply
        applyUrl applyUrlFr: applyUrl(language: FR) frenchNameIsOfficial lifeEvents categories ageRange { min max }
        requires { id } leadsTo { id }
      }
      bcfb: program(id: "bc-family-benefit") { applyUrl(language: FR) frenchNameIsOfficial administeredWith { id name } }
      gis: program(id: "ca-gis") { ageRange { min max } requires { id } }
      mat: program(id: "ca-ei-maternity-parental") { replacedIn { province by { id name(language: FR) } } }
      none: program(id: "ca-no-such-program") { id }
    }`);
    expect(r.errors).toBeUndefined();
    const d = r.data as Record<string, Record<string, unknown> | null>;
    expect(d.ccb).toMatchObject({
      id: 'ca-ccb',
      jurisdiction: 'CA',
      name: 'Canada Child Benefit (CCB)',
      nameFr: 'Allocation canadienne pour enfants (ACE)',
      agency: 'Canada Revenue Agency',
      applyUrl: 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/canada-child-benefit-overview.html',
      frenchNameIsOfficial: true,
      lifeEvents: expect.arrayContaining(['BIRTH', 'RAISING_CHILDREN']),
      categories: ['CHILD_FAMILY'],
      ageRange: null,
      requires: [{ id: 'ca-sin' }, { id: 'ca-tax-return' }],
    });
    expect(d.ccb!.applyUrlFr).toMatch(/^https:\/\/www\.canada\.ca\/fr\//);
    // No French page of its own: the English page, rather than a made-up address.
    expect(d.bcfb).toMatchObject({
      applyUrl: 'https://www2.gov.bc.ca/gov/content/family-social-supports/affordability/family-benefit',
      frenchNameIsOfficial: false,
      administeredWith: [{ id: 'ca-ccb', name: 'Canada Child Benefit (CCB)' }],
    });
    expect(d.gis).toEqual({ ageRange: { min: 65, max: null }, requires: [{ id: 'ca-oas' }, { id: 'ca-tax-return' }] });
    expect(d.mat).toEqual({
      replacedIn: [{ province: 'QC', by: { id: 'qc-rqap', name: "Régime québécois d'assurance parentale (RQAP)" } }],
    });
    expect(d.none).toBeNull();
  });

  it('a malformed program id is BAD_USER_INPUT', async () => {
    for (const id of ['', 'CCB', 'xx-ccb', 'ca-', `ca-${'a'.repeat(100)}`]) {
      const r = await run('query ($id: ID!) { program(id: $id) { id } }', { id });
      expect(codes(r), id).toEqual([ErrorCode.BAD_USER_INPUT]);
      expect(r.errors![0]!.extensions?.argument).toBe('id');
    }
  });

  it('searchPrograms: plain English, province-aware, with why each program matched', async () => {
    const r = await run(SEARCH, { text: 'I just had a baby in Quebec', first: 5 });
    expect(r.errors).toBeUndefined();
    const hits = (r.data as { searchPrograms: Hit[] }).searchPrograms;
    expect(hits).toHaveLength(5);
    expect(hits.slice(0, 3).map((h) => h.program.id)).toEqual(expect.arrayContaining(['qc-rqap', 'qc-family-allowance']));
    expect(hits.every((h) => ['CA', 'QC'].includes(h.program.jurisdiction))).toBe(true);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    const rqap = hits.find((h) => h.program.id === 'qc-rqap')!;
    expect(rqap.language).toBe('EN');
    expect(rqap.why).toMatchObject({ lifeEvents: ['BIRTH'], province: 'QC', provinceSource: 'TEXT', replacedBy: null, ages: [] });
    expect(rqap.why.synonyms).toEqual(expect.arrayContaining([{ term: 'naissance', from: 'had a baby' }]));
    expect(rqap.why.text).toContain('Quebec');
  });

  it('searchPrograms: plain French, explanation in French unless asked otherwise', async () => {
    const r = await run(SEARCH, { text: "j'ai perdu mon emploi" });
    const hits = (r.data as { searchPrograms: Hit[] }).searchPrograms;
    expect(hits[0]!.program.id).toBe('ca-ei-regular');
    expect(hits[0]!.language).toBe('FR');
    expect(hits[0]!.why.lifeEvents).toContain('JOB_LOSS');
    expect(hits[0]!.why.text).toMatch(/^Correspond à /);
    expect(hits[0]!.why.textEn).toMatch(/^Matches /);
  });

  it('searchPrograms: the province argument, and ages read in the text', async () => {
    const r = await run(SEARCH, { text: 'my father is 70', province: 'ON', first: 10 });
    const hits = (r.data as { searchPrograms: Hit[] }).searchPrograms;
    expect(hits.every((h) => ['CA', 'ON'].includes(h.program.jurisdiction))).toBe(true);
    const oas = hits.find((h) => h.program.id === 'ca-oas')!;
    expect(oas.why.ages).toEqual([70]);
    expect(hits.find((h) => h.program.jurisdiction === 'ON')!.why.provinceSource).toBe('ARGUMENT');
  });

  it('searchPrograms: a federal program replaced in the province says by which', async () => {
    const r = await run(SEARCH, { text: 'maternity leave', province: 'QC' });
    const hits = (r.data as { searchPrograms: Hit[] }).searchPrograms;
    expect(hits[0]!.program.id).toBe('qc-rqap');
    expect(hits.find((h) => h.program.id === 'ca-ei-maternity-parental')!.why.replacedBy).toEqual({ id: 'qc-rqap' });
  });

  it('searchPrograms: bad text or first is BAD_USER_INPUT, naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'a'.repeat(501) }, 'text'],
      [{ text: 'dental', first: 0 }, 'first'],
      [{ text: 'dental', first: 51 }, 'first'],
      [{ text: 'dental', first: -3 }, 'first'],
    ];
    for (const [variables, argument] of cases) {
      const r = await run(SEARCH, variables);
      expect(codes(r), JSON.stringify(variables).slice(0, 40)).toEqual([ErrorCode.BAD_USER_INPUT]);
      expect(r.errors![0]!.extensions?.argument).toBe(argument);
    }
    expect(codes(await run(SEARCH, { text: 'a'.repeat(500), first: 50 }))).toEqual([]);
    expect(codes(await run(SEARCH, { text: 'dental', first: null }))).toEqual([]);
  });

  it('resolves Program entities by id, for other subgraphs to point at', async () => {
    const r = await run(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Program { id name(language: FR) } } }',
      { r: [{ __typename: 'Program', id: 'ca-gis' }, { __typename: 'Program', id: 'ca-gone' }] },
    );
    expect(r.errors).toBeUndefined();
    expect((r.data as { _entities: unknown[] })._entities).toEqual([{ id: 'ca-gis', name: 'Supplément de revenu garanti (SRG)' }, null]);
  });

  it('needs no token: a resident or an agency gets the same answers', async () => {
    const resident: Actor = { kind: 'resident', residentId: 'R00000001' };
    const a = await run(SEARCH, { text: 'dental care' }, resident);
    const b = await run(SEARCH, { text: 'dental care' });
    expect(a).toEqual(b);
  });

  it('composes with every subgraph of the registry', () => {
    const all = [...subgraphs.filter((s) => s.name !== 'benefits'), benefitsSubgraph];
    const result = composeServices(
      all.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: `http://localhost:${s.defaultPort}/graphql` })),
    );
    expect(result.errors ?? []).toEqual([]);
  });
});
