import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateOldAgeSecurity, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { fact, income, ruleOutcome, thrown, verifiedBy } from './facts.ts';

// canada.ca OAS payment amounts, April to June 2026: $743.05 (65 to 74), $817.36 (75 and over).
const PAYMENTS = 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/payments.html';
// canada.ca OAS recovery tax: 15% above $90,997 for 2024 income; example $98,000 -> $7,003 -> $1,050.45.
const RECOVERY = 'https://www.canada.ca/en/services/benefits/publicpensions/old-age-security/recovery-tax.html';

const asOf = '2026-05-15'; // April to June 2026; recovery withheld on 2024 income
const senior = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  asOf,
  dateOfBirth: fact('1959-04-03'), // 67
  residentOfCanada: fact(true),
  immigrationStatus: fact({ status: 'CITIZEN_BY_BIRTH' as const, validUntil: null }, verifiedBy('IRCC')),
  yearsInCanadaAfter18: fact(40),
  individualNetIncome: income(2024, 50_000),
  receivingOas: fact(true, verifiedBy('ESDC')),
  ...over,
});

describe(`OAS pension, April to June 2026 (${PAYMENTS})`, () => {
  it('pays $743.05 a month at 65 to 74 with 40 years in Canada', () => {
    const r = evaluateOldAgeSecurity(senior());
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.monthlyCents).toBe(74_305);
    expect(r.amount?.annualCents).toBe(12 * 74_305);
    expect(r.amount?.basis).toBe('QUARTER_ANNUALIZED');
    expect(r.amount?.period.figuresPeriodId).toBe('2026-Q2');
    expect(r.receiving).toBe(true);
  });

  it('pays $817.36 a month at 75 and over', () => {
    expect(evaluateOldAgeSecurity(senior({ dateOfBirth: fact('1950-01-01') })).amount?.monthlyCents).toBe(81_736);
  });

  it('pays a partial pension in 40ths: 24 years gives 24/40 of $743.05', () => {
    expect(evaluateOldAgeSecurity(senior({ yearsInCanadaAfter18: fact(24) })).amount?.monthlyCents).toBe(44_583);
  });

  it('refuses under 65 and under 10 years of residence after 18', () => {
    expect(evaluateOldAgeSecurity(senior({ dateOfBirth: fact('1961-06-01') })).status).toBe('NOT_ELIGIBLE');
    const r = evaluateOldAgeSecurity(senior({ yearsInCanadaAfter18: fact(9) }));
    expect(ruleOutcome(r.explanation, 'OAS_RESIDENCE_YEARS')).toBe('FAIL');
  });
});

describe(`OAS recovery tax (${RECOVERY})`, () => {
  it('recovers nothing at exactly the $90,997 threshold', () => {
    const r = evaluateOldAgeSecurity(senior({ individualNetIncome: income(2024, 90_997) }));
    expect(r.details.recoveryTaxAnnualCents).toBe(0);
    expect(r.amount?.annualCents).toBe(12 * 74_305);
  });

  it('recovers $1,050.45 on $98,000 of 2024 income, as in the published example', () => {
    const r = evaluateOldAgeSecurity(senior({ individualNetIncome: income(2024, 98_000) }));
    expect(r.details.recoveryTaxAnnualCents).toBe(105_045);
    expect(r.amount?.annualCents).toBe(12 * 74_305 - 105_045);
    expect(r.amount?.monthlyCents).toBe(74_305 - 8_754);
  });

  it('recovers the whole pension at high income: NOT_ELIGIBLE on the income rule', () => {
    const r = evaluateOldAgeSecurity(senior({ individualNetIncome: income(2024, 200_000) }));
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'OAS_INCOME_BELOW_RECOVERY_LIMIT')).toBe('FAIL');
  });
});

describe('OAS with facts missing or impossible', () => {
  it('is LIKELY, before recovery tax, without the income', () => {
    const r = evaluateOldAgeSecurity(senior({ individualNetIncome: undefined }));
    expect(r.status).toBe('LIKELY');
    expect(r.missingFacts).toEqual(['individualNetIncome']);
    expect(r.amount?.monthlyCents).toBe(74_305);
  });

  it('is UNKNOWN without the years in Canada', () => {
    const r = evaluateOldAgeSecurity(senior({ yearsInCanadaAfter18: undefined }));
    expect(r.status).toBe('UNKNOWN');
    expect(r.missingFacts).toEqual(['yearsInCanadaAfter18']);
  });

  it('gives BAD_USER_INPUT for more years in Canada than adult life, or a birth date after asOf', () => {
    expect(thrown(() => evaluateOldAgeSecurity(senior({ yearsInCanadaAfter18: fact(60) }))).details).toMatchObject({
      fact: 'yearsInCanadaAfter18',
    });
    const e = thrown(() => evaluateOldAgeSecurity(senior({ dateOfBirth: fact('2027-01-01') })));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: 'dateOfBirth' });
  });
});
