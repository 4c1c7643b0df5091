import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateCanadaWorkersBenefit, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { child, fact, income, ruleOutcome, thrown } from './facts.ts';

// CRA form 5007-TC (Schedule 6), 2025 tax year: 27% of working income over $3,000; maximum $1,633
// single / $2,813 family; less 15% of adjusted net income over $26,855 / $30,639; disability
// supplement $843 (27% over $1,150, reduced over $37,740 single).
const FORM_2025 = 'https://www.canada.ca/content/dam/cra-arc/formspubs/pbg/5007-tc/5007-tc-25e.pdf';
const FORM_2024 = 'https://www.canada.ca/content/dam/cra-arc/formspubs/pbg/5007-tc/5007-tc-24e.pdf';

const worker = (taxYear: number, working: number, afni: number, over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  asOf: `${taxYear + 1}-05-01`,
  dateOfBirth: fact('1990-02-02'),
  maritalStatus: fact('SINGLE'),
  children: fact([]),
  residentOfCanada: fact(true),
  workingIncome: income(taxYear, working),
  adjustedFamilyNetIncome: income(taxYear, afni),
  ...over,
});
const cwb = (...args: Parameters<typeof worker>) => evaluateCanadaWorkersBenefit(worker(...args));

describe(`Canada Workers Benefit, 2025 tax year (${FORM_2025})`, () => {
  it('phases in at 27% above $3,000: $5,000 earned gives $540', () => {
    expect(cwb(2025, 5_000, 5_000).amount?.annualCents).toBe(54_000);
  });

  it('pays the $1,633 single maximum at exactly the $26,855 threshold', () => {
    const r = cwb(2025, 26_855, 26_855);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.annualCents).toBe(163_300);
    expect(r.amount?.basis).toBe('TAX_YEAR');
    expect(r.amount?.period.incomeYear).toBe(2025);
    expect(r.amount?.period.sources.map((s) => s.url)).toContain(FORM_2025);
  });

  it('reduces by 15% above the threshold: $1,633 - 15% x $3,145 = $1,161.25', () => {
    expect(cwb(2025, 30_000, 30_000).amount?.annualCents).toBe(116_125);
  });

  it('pays the $2,813 family maximum to a single parent, reduced above $30,639', () => {
    const parent = { children: fact([child('a', '2015-01-01')]) };
    expect(cwb(2025, 20_000, 25_000, parent).amount?.annualCents).toBe(281_300);
    // $2,813 - 15% x ($40,000 - $30,639)
    expect(cwb(2025, 40_000, 40_000, { maritalStatus: fact('MARRIED') }).amount?.annualCents).toBe(140_885);
  });

  it('adds the $843 disability supplement with the disability tax credit', () => {
    const r = cwb(2025, 10_000, 10_000, { disabilityTaxCredit: fact(true) });
    expect(r.amount?.annualCents).toBe(163_300 + 84_300);
    expect(r.details.disabilitySupplementCents).toBe(84_300);
  });

  it('pays nothing without working income above $3,000: NOT_ELIGIBLE', () => {
    const r = cwb(2025, 0, 0);
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'CWB_WORKING_INCOME')).toBe('FAIL');
  });

  it('refuses someone under 19 at the end of the tax year', () => {
    expect(cwb(2025, 10_000, 10_000, { dateOfBirth: fact('2007-03-01') }).status).toBe('NOT_ELIGIBLE');
  });
});

describe(`Canada Workers Benefit, 2024 tax year (${FORM_2024})`, () => {
  it('caps a single worker at $1,590', () => {
    expect(cwb(2024, 10_000, 10_000).amount?.annualCents).toBe(159_000);
  });
});

describe('Canada Workers Benefit with facts missing or out of range', () => {
  it('estimates 2026 with the 2025 figures, flagged as not in force', () => {
    const r = cwb(2026, 10_000, 10_000);
    expect(r.amount?.period.figuresPeriodId).toBe('2025');
    expect(r.amount?.period.figuresInForceOnAsOf).toBe(false);
  });

  it('gives BAD_USER_INPUT naming workingIncome for a tax year with no figures', () => {
    const e = thrown(() => cwb(2022, 10_000, 10_000));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: 'workingIncome' });
  });

  it('is UNKNOWN without the working income, LIKELY without the family situation', () => {
    const r = cwb(2025, 10_000, 10_000, { workingIncome: undefined, asOf: '2026-05-01' });
    expect(r.status).toBe('UNKNOWN');
    expect(r.missingFacts).toContain('workingIncome');
    const l = cwb(2025, 10_000, 10_000, { maritalStatus: undefined });
    expect(l.status).toBe('LIKELY');
    expect(l.missingFacts).toEqual(['maritalStatus']);
  });
});
