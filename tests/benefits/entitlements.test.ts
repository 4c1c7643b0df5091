import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestSystem, type GraphQLResponse, type TestSystem } from '../support/system.ts';

// The whole graph in this process: entitlements are computed by the benefits subgraph from the
// facts the gateway resolves for it (@requires), never by the benefits subgraph asking a legacy system.
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

const AS_OF = '2026-12-01';

interface Source {
  kind: string;
  issuer: string | null;
  verificationId: string | null;
  field: string | null;
  note: string | null;
}
interface Entitlement {
  rulesProgram: string;
  program: { id: string };
  status: string;
  amount: { annual: { cents: number }; monthly: { cents: number }; basis: string; period: { from: string; to: string; incomeYear: number; figuresPeriodId: string; sources: { url: string }[] } } | null;
  missingFacts: string[];
  receiving: boolean | null;
  receivingSource: Source | null;
  nextAction: { kind: string; text: string; textFr: string; url: string; firstDo: { id: string }[] } | null;
  explanation: { id: string; outcome: string; factsUsed: { fact: string; value: string; source: Source }[] }[];
}

const SOURCE = 'kind issuer verificationId field note';
const ENTITLEMENT = /* GraphQL */ `
  rulesProgram program { id } status missingFacts receiving receivingSource { ${SOURCE} }
  amount { annual { cents } monthly { cents } basis period { from to incomeYear figuresPeriodId sources { url } } }
  nextAction { kind text textFr: text(language: FR) url firstDo { id } }
  explanation { id outcome factsUsed { fact value source { ${SOURCE} } } }
`;
const ME = (field: 'entitlements' | 'unclaimedBenefits') => /* GraphQL */ `
  query($asOf: Date, $d: DeclaredFactsInput) { me { ${field}(asOf: $asOf, declaredFacts: $d) { ${ENTITLEMENT} } } }`;

type Me<F extends string> = { me: Record<F, Entitlement[]> };

async function mine<F extends 'entitlements' | 'unclaimedBenefits'>(persona: string, field: F, declaredFacts?: Record<string, unknown>, asOf: string = AS_OF) {
  return sys.query<Me<F>>(ME(field), { token: await sys.personaToken(persona), variables: { asOf, d: declaredFacts ?? null } });
}

const of = (list: Entitlement[], program: string) => list.find((e) => e.rulesProgram === program);
const rule = (e: Entitlement, id: string) => e.explanation.find((r) => r.id === id);
const reliancesOf = async (persona: string) =>
  (
    await sys.query<{ me: { verificationReliances: { verificationId: string; issuer: string; program: string; jurisdiction: string; purpose: string }[] } }>(
      `{ me { verificationReliances { verificationId issuer program jurisdiction purpose } } }`,
      { token: await sys.personaToken(persona) },
    )
  ).data!.me.verificationReliances;

describe('the Ontario senior persona (senior-on: 67, OAS and CPP in pay, not GIS)', () => {
  // Her 2025 return: total $16,800, net $15,624 (the mock's net is 93% of total). OAS in pay
  // $740.09 a month (ESDC), taken x 12 = $8,881.08 as the OAS in her 2025 net income.
  // GIS income $6,742 (whole dollars). GIS for a single pensioner, April to June 2026 figures
  // (the latest published; asOf is in October to December 2026, carried forward), canada.ca
  // https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement/benefit-amount.html :
  // $1,109.85 - $171.91 top-up - floor(6742 / 24) = $280 -> $657.94; top-up $171.91 - floor((6742 - 2000) / 48) = $98 -> $73.91;
  // $731.85 a month.
  const widowed = { maritalStatus: 'WIDOWED' };

  it('shows GIS among unclaimed benefits, with the amount, the reasons and the next action', async () => {
    const r = await mine('senior-on', 'unclaimedBenefits', widowed);
    expect(r.errors).toBeUndefined();
    const unclaimed = r.data!.me.unclaimedBenefits;
    expect(unclaimed.map((e) => e.rulesProgram)).toEqual(['GIS']);
    const gis = unclaimed[0]!;
    expect(gis.program.id).toBe('ca-gis');
    // Residence in Canada and employment income are not known to the graph: presumed, so LIKELY.
    expect(gis.status).toBe('LIKELY');
    expect(gis.missingFacts).toEqual(['RESIDENT_OF_CANADA', 'WORKING_INCOME']);
    expect(gis.amount).toMatchObject({ monthly: { cents: 73_185 }, annual: { cents: 12 * 73_185 }, basis: 'QUARTER_ANNUALIZED' });
    expect(gis.amount!.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31', incomeYear: 2025, figuresPeriodId: '2026-Q2' });
    expect(gis.amount!.period.sources.map((s) => s.url)).toContain(
      'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement/benefit-amount.html',
    );
    expect(gis.receiving).toBe(false);
    expect(gis.receivingSource).toMatchObject({ kind: 'AGENCY_RECORD', issuer: 'ESDC', field: 'federalBenefitsInPay' });
    expect(gis.explanation.map((x) => [x.id, x.outcome])).toEqual([
      ['GIS_AGE', 'PASS'],
      ['GIS_RESIDENT_OF_CANADA', 'UNKNOWN'],
      ['GIS_RECEIVES_OAS', 'PASS'],
      ['GIS_SINGLE_PENSIONER', 'PASS'],
      ['GIS_EMPLOYMENT_EXEMPTION', 'UNKNOWN'],
      ['GIS_INCOME_TEST', 'PASS'],
    ]);
    const income = rule(gis, 'GIS_INCOME_TEST')!.factsUsed[0]!;
    expect(income.fact).toBe('INDIVIDUAL_NET_INCOME');
    expect(JSON.parse(income.value)).toEqual({ taxYear: 2025, cents: 1_562_400 });
    expect(income.source).toMatchObject({ kind: 'VERIFICATION', issuer: 'CRA' });
    expect(income.source.verificationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rule(gis, 'GIS_AGE')!.factsUsed[0]!.source).toMatchObject({ kind: 'AGENCY_RECORD', field: 'dateOfBirth' });
    expect(rule(gis, 'GIS_SINGLE_PENSIONER')!.factsUsed[0]!.source.kind).toBe('DECLARED');
    expect(gis.nextAction).toMatchObject({
      kind: 'APPLY',
      url: 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement.html',
      firstDo: [{ id: 'ca-oas' }, { id: 'ca-tax-return' }],
    });
    expect(gis.nextAction!.text).toMatch(/apply/i);
    expect(gis.nextAction!.textFr).not.toBe(gis.nextAction!.text);
  });

  it('without her marital status GIS is UNKNOWN (couples are not encoded), asks for it, and is not listed as unclaimed', async () => {
    const all = await mine('senior-on', 'entitlements');
    expect(all.errors).toBeUndefined();
    const gis = of(all.data!.me.entitlements, 'GIS')!;
    expect(gis.status).toBe('UNKNOWN');
    expect(gis.amount).toBeNull();
    expect(gis.missingFacts).toContain('MARITAL_STATUS');
    expect(gis.nextAction).toMatchObject({ kind: 'PROVIDE_FACTS' });
    expect(gis.nextAction!.text).toContain('your marital status');
    // OAS is in pay: nothing to do. Other provinces' programs are left out.
    expect(of(all.data!.me.entitlements, 'OAS')).toMatchObject({ receiving: true, nextAction: null });
    expect(all.data!.me.entitlements.map((e) => e.program.id)).toEqual(['ca-ccb', 'ca-cdcp', 'ca-oas', 'ca-gis', 'ca-cwb', 'on-child-benefit', 'on-ohip']);
    expect((await mine('senior-on', 'unclaimedBenefits')).data!.me.unclaimedBenefits).toEqual([]);
  });
});

describe('verified once, reused: entitlements rely on CRA’s and IRCC’s verifications', () => {
  it('computing entitlements (and unclaimed benefits) twice asks CRA, IRCC and ESDC at most once each, and records the reliances', async () => {
    const cra = sys.legacy.get('cra')!;
    const ircc = sys.legacy.get('ircc')!;
    const esdc = sys.legacy.get('esdc')!;
    // A resident nothing has asked about yet in this system: the first computation fills the caches.
    [cra, ircc, esdc].forEach((l) => l.resetCalls());
    const first = await mine('disability-ns', 'entitlements');
    expect(first.errors).toBeUndefined();
    expect([cra.calls.total, ircc.calls.total, esdc.calls.total]).toEqual([1, 1, 1]);
    const second = await mine('disability-ns', 'entitlements');
    expect(second.errors).toBeUndefined();
    expect([cra.calls.total, ircc.calls.total, esdc.calls.total]).toEqual([1, 1, 1]);
    // Unclaimed benefits also read CRA's benefits in pay (the CCB): one more CRA call, once.
    await mine('disability-ns', 'unclaimedBenefits');
    await mine('disability-ns', 'unclaimedBenefits');
    // Benefits in pay (ESDC's and CRA's) are cached facts too: no legacy system is asked again.
    expect([cra.calls.total, ircc.calls.total, esdc.calls.total]).toEqual([2, 1, 1]);

    // The same verifications both times, and each recorded once as relied on by MyCanada's navigation.
    const ids = (r: GraphQLResponse<Me<'entitlements'>>) =>
      new Set(r.data!.me.entitlements.flatMap((e) => e.explanation.flatMap((x) => x.factsUsed.map((f) => f.source.verificationId))).filter((v) => v !== null));
    expect(ids(first).size).toBe(2);
    expect(ids(second)).toEqual(ids(first));
    const relied = (await reliancesOf('disability-ns')).filter((r) => r.program === 'benefits-navigation');
    expect(relied.map((r) => [r.issuer, r.jurisdiction, r.purpose]).sort()).toEqual([
      ['CRA', 'NS', 'entitlement-estimate'],
      ['IRCC', 'NS', 'entitlement-estimate'],
    ]);
    expect(new Set(relied.map((r) => r.verificationId))).toEqual(ids(first));
  });
});

describe('the newcomer family in BC (newcomer-bc), with what the graph cannot know declared', () => {
  // Hassan's 2025 net income $13,206 (CRA) + Yasmin's declared $2,883 = $16,089, under the CCB's
  // first threshold: the 2026-27 maximums for a child of 7 ($6,883) and one of 4 ($8,157), canada.ca
  // https://www.canada.ca/en/revenue-agency/services/child-family-benefits/canada-child-benefit-overview.html
  const family = {
    maritalStatus: 'MARRIED',
    spouseNetIncomeCents: 288_300,
    children: [{ dateOfBirth: '2019-05-20' }, { dateOfBirth: '2022-08-09' }],
    residentOfCanada: true,
    hasAccessToPrivateDentalInsurance: false,
  };

  it('computes the CCB at both maximums, and says the family income rests partly on the resident’s word', async () => {
    const r = await mine('newcomer-bc', 'entitlements', family);
    expect(r.errors).toBeUndefined();
    const ccb = of(r.data!.me.entitlements, 'CCB')!;
    expect(ccb.status).toBe('ELIGIBLE');
    expect(ccb.amount!.annual.cents).toBe(815_700 + 688_300);
    // CRA's in-pay record is not read by `entitlements` (see unclaimedBenefits).
    expect(ccb.receiving).toBeNull();
    const afni = rule(ccb, 'CCB_INCOME_TEST')!.factsUsed.find((f) => f.fact === 'ADJUSTED_FAMILY_NET_INCOME')!;
    expect(JSON.parse(afni.value)).toEqual({ taxYear: 2025, cents: 1_320_600 + 288_300 });
    expect(afni.source.kind).toBe('DECLARED');
    expect(afni.source.note).toMatch(/CRA verification [0-9a-f-]{36}/);
    expect(rule(ccb, 'CCB_STATUS_IN_CANADA')!.factsUsed[0]!.source).toMatchObject({ kind: 'VERIFICATION', issuer: 'IRCC' });
    expect(r.data!.me.entitlements.map((e) => e.program.id)).toContain('bc-family-benefit');
    expect(r.data!.me.entitlements.map((e) => e.program.id)).not.toContain('on-child-benefit');
  });

  it('a CCB in pay (CRA’s record), and the B.C. family benefit paid with it, are not unclaimed', async () => {
    const r = await sys.query<{ me: { entitlements: Entitlement[]; unclaimedBenefits: Entitlement[] } }>(
      /* GraphQL */ `query($d: DeclaredFactsInput) { me {
        entitlements(asOf: "${AS_OF}", declaredFacts: $d) { rulesProgram status }
        unclaimedBenefits(asOf: "${AS_OF}", declaredFacts: $d) { rulesProgram } } }`,
      { token: await sys.personaToken('newcomer-bc'), variables: { d: family } },
    );
    expect(r.errors).toBeUndefined();
    expect(of(r.data!.me.entitlements, 'BCFB')!.status).toBe('ELIGIBLE');
    expect(r.data!.me.unclaimedBenefits.map((e) => e.rulesProgram)).not.toContain('CCB');
    expect(r.data!.me.unclaimedBenefits.map((e) => e.rulesProgram)).not.toContain('BCFB');
  });
});

describe('bad input: typed errors, never amounts, and nothing relied on', () => {
  const cases: [string, Record<string, unknown> | undefined, string, Record<string, unknown>][] = [
    ['an asOf before every published period', undefined, '2020-01-01', { fact: 'asOf' }],
    ['an asOf after the figures can be carried forward', undefined, '2031-01-01', { fact: 'asOf' }],
    ['an asOf that is not a date', undefined, '2026-02-30', { fact: 'asOf', argument: 'asOf' }],
    ['a child born after asOf', { maritalStatus: 'WIDOWED', children: [{ dateOfBirth: '2027-01-05' }] }, AS_OF, { fact: 'children' }],
    ['a negative working income', { workingIncomeCents: -100 }, AS_OF, { fact: 'workingIncome' }],
    ['a negative spouse income', { maritalStatus: 'MARRIED', spouseNetIncomeCents: -1 }, AS_OF, { fact: 'adjustedFamilyNetIncome', argument: 'declaredFacts.spouseNetIncomeCents' }],
    ['more years in Canada after 18 than adult life', { yearsInCanadaAfter18: 60 }, AS_OF, { fact: 'yearsInCanadaAfter18' }],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming the fact', async (_name, declaredFacts, asOf, details) => {
    const before = (await reliancesOf('senior-on')).length;
    for (const field of ['entitlements', 'unclaimedBenefits'] as const) {
      const r = await mine('senior-on', field, declaredFacts, asOf);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions).toMatchObject(details);
      expect(r.data?.me ?? null).toBeNull();
    }
    expect((await reliancesOf('senior-on')).length).toBe(before);
  });

  it('too many declared children: BAD_USER_INPUT on the argument', async () => {
    const r = await mine('newcomer-bc', 'entitlements', { children: Array.from({ length: 21 }, () => ({ dateOfBirth: '2020-01-01' })) });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions).toMatchObject({ argument: 'declaredFacts.children' });
  });

  it('another resident’s entitlements: FORBIDDEN', async () => {
    const senior = sys.population.byPersona('senior-on')!;
    const other = await sys.query(`{ resident(id: "${senior.id}") { entitlements(asOf: "${AS_OF}") { status } } }`, {
      token: await sys.personaToken('tfw-bc'),
    });
    expect(codes(other)).toContain('FORBIDDEN');
    expect(JSON.stringify(other.data ?? null)).not.toContain('status');
  });
});
