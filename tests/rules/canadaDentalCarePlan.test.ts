import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateCanadaDentalCarePlan, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { fact, income, ruleOutcome, thrown, verifiedBy } from './facts.ts';

// canada.ca CDCP, do you qualify: no access to dental insurance, AFNI under $90,000, resident for
// tax purposes, return filed; co-payment 0% under $70,000, 40% from $70,000, 60% from $80,000.
const QUALIFY = 'https://www.canada.ca/en/services/benefits/dental/dental-care-plan/qualify.html';
const APPLY = 'https://www.canada.ca/en/services/benefits/dental/dental-care-plan/apply.html';

const applicant = (afni: number, over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  asOf: '2025-09-01', // coverage year July 2025 to June 2026: 2024 AFNI
  dateOfBirth: fact('1985-06-06'),
  residentOfCanada: fact(true),
  filedTaxReturn: fact({ taxYear: 2024, filed: true }, verifiedBy('CRA')),
  adjustedFamilyNetIncome: income(2024, afni),
  hasAccessToPrivateDentalInsurance: fact(false),
  ...over,
});
const cdcp = (...args: Parameters<typeof applicant>) => evaluateCanadaDentalCarePlan(applicant(...args));

describe(`Canadian Dental Care Plan (${QUALIFY})`, () => {
  it.each([
    [0, 0],
    [69_999.99, 0],
    [70_000, 40],
    [79_999.99, 40],
    [80_000, 60],
    [89_999.99, 60],
  ])('AFNI $%d: ELIGIBLE, co-payment %d%%', (afni, coPay) => {
    const r = cdcp(afni);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.details.coPayPercent).toBe(coPay);
    expect(r.amount).toBeNull();
  });

  it('is NOT_ELIGIBLE at exactly $90,000', () => {
    const r = cdcp(90_000);
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'CDCP_INCOME_UNDER_LIMIT')).toBe('FAIL');
  });

  it('is NOT_ELIGIBLE with access to dental insurance, UNKNOWN when that is not known', () => {
    expect(cdcp(30_000, { hasAccessToPrivateDentalInsurance: fact(true) }).status).toBe('NOT_ELIGIBLE');
    const r = cdcp(30_000, { hasAccessToPrivateDentalInsurance: undefined });
    expect(r.status).toBe('UNKNOWN');
    expect(r.missingFacts).toEqual(['hasAccessToPrivateDentalInsurance']);
  });
});

describe(`Canadian Dental Care Plan roll-out by age (${APPLY})`, () => {
  it('was not yet open to a 40-year-old in March 2024, was to a 70-year-old', () => {
    const early = { asOf: '2024-03-15', adjustedFamilyNetIncome: income(2022, 30_000), filedTaxReturn: fact({ taxYear: 2022, filed: true }) };
    expect(cdcp(30_000, early).status).toBe('NOT_ELIGIBLE');
    expect(cdcp(30_000, { ...early, dateOfBirth: fact('1953-01-01') }).status).toBe('ELIGIBLE');
  });

  it('opened in June 2024 to adults with the disability tax credit', () => {
    const june = { asOf: '2024-07-15', adjustedFamilyNetIncome: income(2023, 30_000), filedTaxReturn: fact({ taxYear: 2023, filed: true }) };
    expect(cdcp(30_000, { ...june, disabilityTaxCredit: fact(true) }).status).toBe('ELIGIBLE');
    expect(cdcp(30_000, { ...june, disabilityTaxCredit: fact(false) }).status).toBe('NOT_ELIGIBLE');
  });

  it('is open to every age since May 2025, age not needed', () => {
    const r = cdcp(30_000, { dateOfBirth: undefined });
    expect(r.status).toBe('ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'CDCP_APPLICATIONS_OPEN')).toBe('PASS');
  });

  it('gives BAD_USER_INPUT for an asOf before the plan existed', () => {
    const e = thrown(() => cdcp(30_000, { asOf: '2023-06-01', adjustedFamilyNetIncome: income(2022, 1), filedTaxReturn: undefined }));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: 'asOf' });
  });
});
