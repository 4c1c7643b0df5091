import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateGuaranteedIncomeSupplement, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { fact, income, ruleOutcome, thrown, verifiedBy } from './facts.ts';

// canada.ca GIS, how much you could receive: single pensioner, April to June 2026: maximum $1,109.85
// a month, annual income under $22,512 (ESDC's oas-amounts JSON for the quarter: top-up $171.91).
const GIS_AMOUNTS = 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/guaranteed-income-supplement/benefit-amount.html';
const OAS_ANNUAL_2024 = 8_916.6; // 12 x $743.05, stands for the OAS included in 2024 net income

const single = (asOf: string, incomeYear: number, netDollars: number, over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  asOf,
  dateOfBirth: fact('1958-10-10'),
  maritalStatus: fact('SINGLE'),
  residentOfCanada: fact(true),
  receivingOas: fact(true, verifiedBy('ESDC')),
  receivingGis: fact(false, verifiedBy('ESDC')),
  individualNetIncome: income(incomeYear, netDollars),
  oasPensionIncome: income(incomeYear, OAS_ANNUAL_2024),
  workingIncome: income(incomeYear, 0),
  ...over,
});
const gis = (netDollarsBesidesOas: number, over: Partial<EligibilityFacts> = {}) =>
  evaluateGuaranteedIncomeSupplement(single('2026-05-15', 2024, OAS_ANNUAL_2024 + netDollarsBesidesOas, over));

describe(`GIS, single pensioner, April to June 2026 (${GIS_AMOUNTS})`, () => {
  it('pays the $1,109.85 maximum with no income besides OAS', () => {
    const r = gis(0);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.monthlyCents).toBe(110_985);
    expect(r.amount?.period.figuresPeriodId).toBe('2026-Q2');
    expect(r.receiving).toBe(false);
  });

  it('still pays (94 cents) at $22,488, the last $24 band under the published $22,512 limit', () => {
    expect(gis(22_488).amount?.monthlyCents).toBe(94);
  });

  it('pays nothing at exactly the published limit of $22,512: NOT_ELIGIBLE', () => {
    const r = gis(22_512);
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'GIS_INCOME_TEST')).toBe('FAIL');
  });

  it('exempts the first $5,000 and half the next $10,000 of employment income', () => {
    // $20,000 earned -> $10,000 counted: $937.94 - $416 + ($171.91 - $166) = $527.85
    const r = gis(20_000, { workingIncome: income(2024, 20_000) });
    expect(r.amount?.monthlyCents).toBe(52_785);
  });

  it('uses the October to December 2025 quarter maximum of $1,105.43 in that quarter', () => {
    const r = evaluateGuaranteedIncomeSupplement(single('2025-11-01', 2024, OAS_ANNUAL_2024));
    expect(r.amount?.monthlyCents).toBe(110_543);
  });
});

describe('GIS persona: single senior in Ontario, 67, net income $16,800 (OAS + CPP), 40 years in Canada, not receiving GIS', () => {
  // 2025 OAS paid: 6 x $727.67 + 3 x $734.95 + 3 x $740.09 = $8,791.14 (canada.ca quarterly amounts).
  // GIS income $8,008.86; at April to June 2026 rates (the latest published; asOf is in October to
  // December 2026): $937.94 - $333 + ($171.91 - $125) = $651.85 a month.
  const facts: EligibilityFacts = {
    asOf: '2026-12-01',
    province: fact('ON'),
    dateOfBirth: fact('1959-04-03'),
    maritalStatus: fact('WIDOWED'),
    residentOfCanada: fact(true),
    yearsInCanadaAfter18: fact(40),
    receivingOas: fact(true, verifiedBy('ESDC')),
    receivingGis: fact(false, verifiedBy('ESDC')),
    individualNetIncome: income(2025, 16_800),
    oasPensionIncome: { value: { taxYear: 2025, cents: 879_114 }, source: verifiedBy('ESDC') },
    workingIncome: income(2025, 0),
  };

  it('is ELIGIBLE with an amount, the reasons, and the figures it used', () => {
    const r = evaluateGuaranteedIncomeSupplement(facts);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.receiving).toBe(false);
    expect(r.amount?.monthlyCents).toBe(65_185);
    expect(r.amount?.annualCents).toBe(12 * 65_185);
    expect(r.amount?.period.incomeYear).toBe(2025);
    expect(r.amount?.period.figuresInForceOnAsOf).toBe(false);
    expect(r.amount?.period.from).toBe('2026-10-01');
    expect(r.explanation.map((x) => [x.id, x.outcome])).toEqual([
      ['GIS_AGE', 'PASS'],
      ['GIS_RESIDENT_OF_CANADA', 'PASS'],
      ['GIS_RECEIVES_OAS', 'PASS'],
      ['GIS_SINGLE_PENSIONER', 'PASS'],
      ['GIS_EMPLOYMENT_EXEMPTION', 'PASS'],
      ['GIS_INCOME_TEST', 'PASS'],
    ]);
    const incomeRule = r.explanation.find((x) => x.id === 'GIS_INCOME_TEST')!;
    expect(incomeRule.factsUsed[0]).toMatchObject({ fact: 'individualNetIncome', source: { kind: 'verification', issuer: 'CRA' } });
    expect(r.missingFacts).toEqual([]);
  });
});

describe('GIS with facts missing or impossible', () => {
  it('is UNKNOWN for a couple (not encoded) and without the OAS part of income', () => {
    expect(gis(0, { maritalStatus: fact('MARRIED') }).status).toBe('UNKNOWN');
    const r = gis(0, { oasPensionIncome: undefined });
    expect(r.status).toBe('UNKNOWN');
    expect(r.missingFacts).toEqual(['oasPensionIncome']);
  });

  it('is LIKELY when the employment income is not known (counted as none)', () => {
    const r = gis(5_000, { workingIncome: undefined });
    expect(r.status).toBe('LIKELY');
    expect(r.missingFacts).toEqual(['workingIncome']);
  });

  it('gives BAD_USER_INPUT for a negative income', () => {
    const e = thrown(() => gis(0, { individualNetIncome: { value: { taxYear: 2024, cents: -1 }, source: verifiedBy('CRA') } }));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: 'individualNetIncome' });
  });
});
