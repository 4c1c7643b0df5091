import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth.ts';
import type { SyntheticResident } from '../../mocks/population/SyntheticResident.ts';
import { CRA_BATCH_CAP } from '../../adapters/cra/CraAdapter.ts';
import { ESDC_BATCH_CAP } from '../../adapters/esdc/EsdcAdapter.ts';
import { IRCC_BATCH_CAP } from '../../adapters/ircc/IrccAdapter.ts';
import { ConsentLedger } from '../../lib/consent/ConsentLedger.ts';
import { grantOutreachConsent } from '../../subgraphs/benefits/outreach/outreachConsent.ts';
import { OutreachStore } from '../../subgraphs/benefits/outreach/OutreachStore.ts';
import { screenOptedIn } from '../../subgraphs/benefits/outreach/screenOptedIn.ts';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';

// Proactive outreach through the whole graph: residents opt in; MyCanada's navigation service
// screens the opt-in pool in batches through the gateway (verified facts by entity resolution);
// a program (GIS) lists the opted-in residents likely eligible and not receiving it. Only those.
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

const SCREENER = { kind: 'agency', clientId: 'mycanada-navigation', agency: 'MyCanada', program: 'benefits-navigation', jurisdiction: 'CA', purpose: 'outreach-screening' } as const;
const GIS_PROGRAM = { kind: 'agency', clientId: 'esdc-gis', agency: 'ESDC', program: 'GIS', jurisdiction: 'CA', purpose: 'outreach' } as const;

const OPT_IN = /* GraphQL */ `mutation($d: DeclaredFactsInput) { optInToOutreach(declaredFacts: $d) { optedInAt declaredFacts { maritalStatus } } }`;
const CANDIDATES = /* GraphQL */ `query($program: ID!, $first: Int, $after: String) {
  outreachCandidates(program: $program, first: $first, after: $after) {
    candidates { resident { id } program { id } status amount { monthly { cents } annual { cents } } missingFacts screenedAt }
    scanned endCursor hasNextPage } }`;

type Candidates = {
  outreachCandidates: {
    candidates: { resident: { id: string }; program: { id: string }; status: string; amount: { monthly: { cents: number } } | null; missingFacts: string[] }[];
    scanned: number;
    endCursor: string;
    hasNextPage: boolean;
  };
};

const residentToken = (r: SyntheticResident) => sys.tokenFor({ kind: 'resident', residentId: r.id });

/** Low-income seniors with OAS and no GIS in pay, a 2025 return on file: GIS candidates once single. */
function gisLikelySeniors(count: number): SyntheticResident[] {
  const out: SyntheticResident[] = [];
  for (let i = 20; i < sys.population.size && out.length < count; i++) {
    const r = sys.population.get(i)!;
    const last = r.taxReturns.at(-1);
    if (r.esdc.oasMonthlyCents > 0 && r.esdc.gisMonthlyCents === 0 && last?.taxYear === 2025 && last.netIncomeCents < 1_500_000) out.push(r);
  }
  return out;
}

describe('proactive outreach for GIS', () => {
  let senior: SyntheticResident;
  let notOptedIn: SyntheticResident;
  let optedOut: SyntheticResident;

  beforeAll(async () => {
    senior = sys.population.byPersona('senior-on')!;
    [notOptedIn, optedOut] = gisLikelySeniors(2) as [SyntheticResident, SyntheticResident];
    // What the opt-in must grant MyCanada's screening under consent (see the report on issue #6).
    await sys.grantEverything([senior.id, optedOut.id, notOptedIn.id], SCREENER as Extract<Actor, { kind: 'agency' }>);
  });

  it('the resident opts in with what the graph cannot know, and reads their opt-in back', async () => {
    const r = await sys.query<{ optInToOutreach: { optedInAt: string; declaredFacts: { maritalStatus: string } } }>(OPT_IN, {
      token: await sys.personaToken('senior-on'),
      variables: { d: { maritalStatus: 'WIDOWED' } },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.optInToOutreach.declaredFacts.maritalStatus).toBe('WIDOWED');
    const back = await sys.query<{ me: { outreachOptIn: { declaredFacts: { maritalStatus: string } } } }>(`{ me { outreachOptIn { declaredFacts { maritalStatus } } } }`, {
      token: await sys.personaToken('senior-on'),
    });
    expect(back.data!.me.outreachOptIn.declaredFacts.maritalStatus).toBe('WIDOWED');
  });

  it('lists an opted-in likely-eligible resident, never one who did not opt in or opted out', async () => {
    // The one who never opts in is eligible too: their own query finds GIS unclaimed.
    const own = await sys.query<{ me: { unclaimedBenefits: { rulesProgram: string }[] } }>(
      `{ me { unclaimedBenefits(declaredFacts: { maritalStatus: SINGLE }) { rulesProgram } } }`,
      { token: await residentToken(notOptedIn) },
    );
    expect(own.data!.me.unclaimedBenefits.map((e) => e.rulesProgram)).toContain('GIS');
    // Screening a resident who has not opted in keeps nothing (null), even for the screener.
    const direct = await sys.query<{ resident: { outreachScreening: unknown } }>(`{ resident(id: "${notOptedIn.id}") { outreachScreening { screenedAt } } }`, {
      token: await sys.tokenFor(SCREENER),
    });
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.resident.outreachScreening).toBeNull();

    const optOutToken = await residentToken(optedOut);
    expect((await sys.query(OPT_IN, { token: optOutToken, variables: { d: { maritalStatus: 'SINGLE' } } })).errors).toBeUndefined();

    const run = await screenOptedIn({ graphUrl: sys.gatewayUrl, token: await sys.tokenFor(SCREENER) });
    expect(run).toEqual({ queries: 2, screened: 2, withUnclaimed: 2, failed: 0 });

    const out = await sys.query<{ optOutOfOutreach: boolean }>(`mutation { optOutOfOutreach }`, { token: optOutToken });
    expect(out.data!.optOutOfOutreach).toBe(true);

    const listed = await sys.query<Candidates>(CANDIDATES, { token: await sys.tokenFor(GIS_PROGRAM), variables: { program: 'ca-gis' } });
    expect(listed.errors).toBeUndefined();
    const page = listed.data!.outreachCandidates;
    expect(page.candidates.map((c) => c.resident.id)).toEqual([senior.id]);
    expect(page.candidates[0]).toMatchObject({ program: { id: 'ca-gis' }, status: 'LIKELY', amount: { monthly: { cents: 73_185 } } });
    expect(page).toMatchObject({ scanned: 2, hasNextPage: false });
  });

  it('pages with a cursor; a program lists for itself only; the pool is MyCanada’s screening’s only', async () => {
    const gis = await sys.tokenFor(GIS_PROGRAM);
    const first = await sys.query<Candidates>(CANDIDATES, { token: gis, variables: { program: 'ca-gis', first: 1 } });
    expect(first.data!.outreachCandidates.candidates).toHaveLength(1);
    const next = await sys.query<Candidates>(CANDIDATES, { token: gis, variables: { program: 'ca-gis', first: 1, after: first.data!.outreachCandidates.endCursor } });
    expect(next.data!.outreachCandidates).toMatchObject({ candidates: [], hasNextPage: false });

    expect(codes(await sys.query(CANDIDATES, { token: gis, variables: { program: 'ca-ccb' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await sys.query(CANDIDATES, { token: gis, variables: { program: 'ca-nothing' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await sys.query(CANDIDATES, { token: gis, variables: { program: 'ca-gis', first: 501 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await sys.query(CANDIDATES, { token: gis, variables: { program: 'ca-gis', after: 'bm90LWEtY3Vyc29y' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await sys.query(CANDIDATES, { token: await sys.personaToken('senior-on'), variables: { program: 'ca-gis' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await sys.query(`{ outreachPool { residentIds } }`, { token: gis }))).toEqual(['FORBIDDEN']);
    const senior = sys.population.byPersona('senior-on')!;
    expect(codes(await sys.query(`{ resident(id: "${senior.id}") { outreachScreening { screenedAt } } }`, { token: gis }))).toContain('FORBIDDEN');
  });

  it('an agency cannot opt a resident in; an impossible declared fact is refused with its name', async () => {
    expect(codes(await sys.query(OPT_IN, { token: await sys.tokenFor(GIS_PROGRAM), variables: { d: {} } }))).toEqual(['FORBIDDEN']);
    const r = await sys.query(OPT_IN, { token: await sys.personaToken('parents-qc'), variables: { d: { children: [{ dateOfBirth: '2999-01-01' }] } } });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions).toMatchObject({ fact: 'children' });
    const back = await sys.query<{ me: { outreachOptIn: unknown } }>(`{ me { outreachOptIn { optedInAt } } }`, { token: await sys.personaToken('parents-qc') });
    expect(back.data!.me.outreachOptIn).toBeNull();
  });
  it('opting in is consent, recorded as grants; withdrawing the program\'s grant alone takes the resident off its list', async () => {
    const token = await residentToken(senior);
    const consents = await sys.query<{ me: { consents: { id: string; recipientAgency: string; recipientProgram: string; purpose: string; status: string }[] } }>(
      `{ me { consents { id recipientAgency recipientProgram purpose status } } }`,
      { token },
    );
    const gisGrant = consents.data!.me.consents.find((g) => g.recipientProgram === 'GIS' && g.purpose === 'outreach' && g.status === 'ACTIVE')!;
    expect(gisGrant).toMatchObject({ recipientAgency: 'ESDC' });
    expect(consents.data!.me.consents.some((g) => g.purpose === 'outreach-screening' && g.status === 'ACTIVE')).toBe(true);
    await sys.query(`mutation { withdrawConsent(grantId: "${gisGrant.id}") { status } }`, { token });
    const listed = await sys.query<Candidates>(CANDIDATES, { token: await sys.tokenFor(GIS_PROGRAM), variables: { program: 'ca-gis' } });
    expect(listed.data!.outreachCandidates.candidates).toEqual([]);
    // The refusal is in the resident's own access log.
    const log = await sys.query<{ me: { accessLog: { entries: { agency: string | null; program: string | null; outcome: string }[] } } }>(
      `{ me { accessLog { entries { agency program outcome } } } }`,
      { token },
    );
    expect(log.data!.me.accessLog.entries.at(-1)).toMatchObject({ agency: 'ESDC', program: 'GIS', outcome: 'DENIED' });
  });
});

describe('outreach in bulk: the pool screened in batches of 500, legacy systems asked per batch', () => {
  it('600 more opt-ins: two pool pages, two screening queries, each legacy system asked per batch under its cap', async () => {
    // Written through the benefits subgraph's store, as 600 optInToOutreach mutations would
    // (the mutation itself is tested above); every one declares SINGLE.
    const ids = Array.from({ length: 600 }, (_, i) => sys.population.get(1_000 + i)!.id);
    const outreach = new OutreachStore(sys.store);
    const ledger = new ConsentLedger(sys.store);
    for (const id of ids) {
      await grantOutreachConsent(ledger, id, new Date());
      await outreach.optIn(id, { maritalStatus: 'SINGLE' }, new Date());
    }
    // The opt-ins' own grants are what lets the screening read them.
    const token = await sys.tokenFor(SCREENER as Extract<Actor, { kind: 'agency' }>);
    sys.legacy.forEach((l) => l.resetCalls());
    const run = await screenOptedIn({ graphUrl: sys.gatewayUrl, token });
    // The pool: senior-on, the resident who opted out (skipped), then the 600: pages of 500 and 102 entries.
    expect(run).toMatchObject({ queries: 4, screened: 601 });
    const batches = (cap: number) => Math.ceil(499 / cap) + Math.ceil(102 / cap);
    expect(sys.legacy.get('cra')!.calls.total).toBeLessThanOrEqual(batches(CRA_BATCH_CAP));
    expect(sys.legacy.get('esdc')!.calls.total).toBeLessThanOrEqual(batches(ESDC_BATCH_CAP));
    expect(sys.legacy.get('ircc')!.calls.total).toBeLessThanOrEqual(batches(IRCC_BATCH_CAP));

    // Every candidate listed is opted in; the GIS program pages through them all.
    const gis = await sys.tokenFor(GIS_PROGRAM);
    const listed: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const r: Awaited<ReturnType<typeof sys.query<Candidates>>> = await sys.query<Candidates>(CANDIDATES, { token: gis, variables: { program: 'ca-gis', first: 50, after } });
      listed.push(...r.data!.outreachCandidates.candidates.map((c) => c.resident.id));
      if (!r.data!.outreachCandidates.hasNextPage) break;
      after = r.data!.outreachCandidates.endCursor;
    }
    const optedIn = new Set([sys.population.byPersona('senior-on')!.id, ...ids]);
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.every((id) => optedIn.has(id))).toBe(true);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
