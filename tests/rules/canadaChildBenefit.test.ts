import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateCanadaChildBenefit } from '../../subgraphs/benefits/rules/index.ts';
import { child, familyFacts, income, ruleOutcome, thrown } from './facts.ts';

// CRA, CCB calculation sheet July 2025 to June 2026 (2024 AFNI): $7,997 under 6, $6,748 aged 6 to 17,
// thresholds $37,487 and $81,222; reduction rates 7/13.5/19/23% then 3.2/5.7/8/9.5% (ITA s. 122.61).
const SHEET_2025 =
  'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/canada-child-benefit/canada-child-benefit-ccb-calculation-sheet-july-2025-june-2026-payments-2024-tax-year.html';
const INDEXATION_2026 =
  'https://www.canada.ca/en/revenue-agency/services/tax/individuals/frequently-asked-questions-individuals/adjustment-personal-income-tax-benefit-amounts.html';

const asOf = '2025-09-15'; // in the July 2025 to June 2026 benefit year, 2024 income
const under6 = (k: string) => child(k, '2022-01-10'); // 3 all year
const aged6to17 = (k: string) => child(k, '2015-03-02'); // 10 all year
const ccb = (afni: number, kids: ReturnType<typeof child>[], on = asOf, incomeYear = 2024) =>
  evaluateCanadaChildBenefit(familyFacts(on, 'ON', incomeYear, afni, kids));

describe(`Canada Child Benefit, July 2025 to June 2026 (${SHEET_2025})`, () => {
  it('pays the $7,997 maximum for a child under 6 at exactly the first threshold, $666.41 a month', () => {
    const r = ccb(37_487, [under6('a')]);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.annualCents).toBe(799_700);
    expect(r.amount?.monthlyCents).toBe(66_641);
    expect(r.amount?.period.figuresPeriodId).toBe('2025-07/2026-06');
    expect(r.amount?.period.incomeYear).toBe(2024);
    expect(r.amount?.period.sources.map((s) => s.url)).toContain(SHEET_2025);
  });

  it('pays $6,748 for a child aged 6 to 17, $562.33 a month', () => {
    const r = ccb(20_000, [aged6to17('a')]);
    expect(r.amount?.annualCents).toBe(674_800);
    expect(r.amount?.monthlyCents).toBe(56_233);
  });

  it('pays both maximums at zero income', () => {
    expect(ccb(0, [under6('a'), aged6to17('b')]).amount?.annualCents).toBe(1_474_500);
  });

  it('reduces by 13.5% between the thresholds for two children: $14,745 - 13.5% x $20,000 = $12,045', () => {
    const r = ccb(57_487, [under6('a'), aged6to17('b')]);
    expect(r.amount?.annualCents).toBe(1_204_500);
    expect(r.amount?.monthlyCents).toBe(100_375);
  });

  it('reduces by 23% for four or more children, exactly at the second threshold: $29,490 - 23% x $43,735', () => {
    const kids = [under6('a'), child('b', '2021-05-01'), aged6to17('c'), child('d', '2013-02-02')];
    const r = ccb(81_222, kids);
    expect(r.amount?.annualCents).toBe(1_943_095);
    expect(r.amount?.monthlyCents).toBe(161_924);
  });

  it('adds the second rate above the second threshold: one child 6 to 17 at $100,000 gets $3,085.65', () => {
    // $6,748 - (7% x $43,735 + 3.2% x $18,778) = $6,748 - $3,662.35
    expect(ccb(100_000, [aged6to17('a')]).amount?.annualCents).toBe(308_565);
  });

  it('phases out completely at high income: NOT_ELIGIBLE on the income test', () => {
    const r = ccb(250_000, [aged6to17('a')]);
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'CCB_INCOME_TEST')).toBe('FAIL');
    expect(r.amount).toBeNull();
  });

  it('pays a shared-custody parent 50% of the full amount', () => {
    const r = ccb(30_000, [child('a', '2022-01-10', true)]);
    expect(r.amount?.annualCents).toBe(399_850);
  });

  it('mixes full and shared custody as the Act does: full-only amount + 50% of what the shared child adds', () => {
    // all full: $12,045; the 8-year-old alone: $6,748 - 7% x $20,000 = $5,348; $5,348 + 50% x $6,697
    const r = ccb(57_487, [aged6to17('a'), child('b', '2022-01-10', true)]);
    expect(r.amount?.annualCents).toBe(869_650);
  });

  it('switches a child to the 6-to-17 amount the month after the sixth birthday', () => {
    // born 2020-01-15: under 6 for July 2025 to January 2026 (7 months), then 6 to 17 (5 months)
    const r = ccb(30_000, [child('a', '2020-01-15')]);
    expect(r.amount?.annualCents).toBe(Math.round(((7 * 7_997 + 5 * 6_748) * 100) / 12));
  });

  it('counts a newborn from the month after birth', () => {
    expect(ccb(30_000, [child('a', '2025-09-10')]).status).toBe('NOT_ELIGIBLE');
    expect(ccb(30_000, [child('a', '2025-09-10')], '2025-10-05').status).toBe('ELIGIBLE');
  });
});

describe(`Canada Child Benefit, July 2026 to June 2027 (${INDEXATION_2026}; see ccb.yaml on how it was confirmed)`, () => {
  it('uses the 2026-27 maximum $8,157 on 2026-12-01, with 2025 income at exactly the $38,237 threshold', () => {
    const r = ccb(38_237, [under6('a')], '2026-12-01', 2025);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.annualCents).toBe(815_700);
    expect(r.amount?.period.figuresPeriodId).toBe('2026-07/2027-06');
    expect(r.amount?.period.figuresInForceOnAsOf).toBe(true);
  });

  it('carries the latest figures forward a year at most, and says so', () => {
    const r = ccb(20_000, [under6('a')], '2027-08-01', 2026);
    expect(r.amount?.period.figuresInForceOnAsOf).toBe(false);
    expect(r.amount?.period.from).toBe('2027-07-01');
    expect(r.amount?.period.to).toBe('2028-06-30');
    expect(thrown(() => ccb(20_000, [under6('a')], '2028-08-01', 2027)).details).toMatchObject({ fact: 'asOf' });
  });
});

describe('Canada Child Benefit with facts missing or impossible', () => {
  it('is UNKNOWN without the family income, naming it', () => {
    const facts = familyFacts(asOf, 'ON', 2024, 0, [under6('a')]);
    delete facts.adjustedFamilyNetIncome;
    const r = evaluateCanadaChildBenefit(facts);
    expect(r.status).toBe('UNKNOWN');
    expect(r.missingFacts).toEqual(['adjustedFamilyNetIncome']);
    expect(r.amount).toBeNull();
  });

  it('is LIKELY, with an amount, when only residence and the filed return are not known', () => {
    const facts = familyFacts(asOf, 'ON', 2024, 30_000, [under6('a')]);
    delete facts.residentOfCanada;
    delete facts.filedTaxReturn;
    const r = evaluateCanadaChildBenefit(facts);
    expect(r.status).toBe('LIKELY');
    expect(r.missingFacts.sort()).toEqual(['filedTaxReturn', 'residentOfCanada']);
    expect(r.amount?.annualCents).toBe(799_700);
  });

  it('is LIKELY when the income is of another year than the benefit year needs', () => {
    const facts = { ...familyFacts(asOf, 'ON', 2024, 30_000, [under6('a')]), adjustedFamilyNetIncome: income(2023, 30_000) };
    const r = evaluateCanadaChildBenefit(facts);
    expect(r.status).toBe('LIKELY');
    expect(ruleOutcome(r.explanation, 'CCB_ADJUSTEDFAMILYNETINCOME_YEAR')).toBe('UNKNOWN');
  });

  it('refuses a temporary resident in Canada for less than 18 months', () => {
    const facts = {
      ...familyFacts(asOf, 'BC', 2024, 30_000, [under6('a')]),
      immigrationStatus: { value: { status: 'TEMPORARY_WORKER' as const, validUntil: '2027-01-01' }, source: { kind: 'declared' as const } },
      residencyStartDate: { value: '2025-01-10', source: { kind: 'declared' as const } },
    };
    expect(evaluateCanadaChildBenefit(facts).status).toBe('NOT_ELIGIBLE');
  });

  it('reports each fact a rule used with its source', () => {
    const r = ccb(30_000, [under6('a')]);
    const used = r.explanation.find((x) => x.id === 'CCB_INCOME_TEST')!.factsUsed;
    expect(used.map((u) => u.fact).sort()).toEqual(['adjustedFamilyNetIncome', 'children']);
    expect(used[0]!.source).toEqual({ kind: 'verification', issuer: 'CRA', verificationId: 'CRA-v1' });
  });

  it('gives BAD_USER_INPUT, not an amount, for a child born after asOf or an asOf before any period', () => {
    expect(thrown(() => ccb(30_000, [child('a', '2026-01-01')])).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(thrown(() => ccb(30_000, [child('a', '2026-01-01')])).details).toMatchObject({ fact: 'children' });
    const early = thrown(() => ccb(30_000, [under6('a')], '2024-01-15', 2022));
    expect(early.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(early.details).toMatchObject({ fact: 'asOf' });
  });
});
