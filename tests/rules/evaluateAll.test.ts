import { describe, expect, it } from 'vitest';
import { PROGRAM_IDS, evaluateAll, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { child, fact, income, verifiedBy } from './facts.ts';

// The newcomer family in BC (mock persona newcomer-bc): permanent residents since 2025-09-10,
// children born 2019-05-20 and 2022-08-09, 2025 family income $17,300, asOf 2026-12-01.
// Figures: CCB July 2026 to June 2027 and BCFB July 2025 to June 2026 (latest published), see
// https://www.canada.ca/en/revenue-agency/services/tax/individuals/frequently-asked-questions-individuals/adjustment-personal-income-tax-benefit-amounts.html
// and https://www2.gov.bc.ca/gov/content/family-social-supports/affordability/family-benefit
const newcomerBc: EligibilityFacts = {
  asOf: '2026-12-01',
  province: fact('BC'),
  dateOfBirth: fact('1988-03-14'),
  maritalStatus: fact('MARRIED'),
  children: fact([child('child-7', '2019-05-20'), child('child-4', '2022-08-09')], verifiedBy('CRA')),
  adjustedFamilyNetIncome: income(2025, 17_300),
  individualNetIncome: income(2025, 13_206),
  workingIncome: income(2025, 14_200),
  immigrationStatus: fact({ status: 'PERMANENT_RESIDENT' as const, validUntil: null }, verifiedBy('IRCC')),
  residencyStartDate: fact('2025-09-10', verifiedBy('IRCC')),
  residentOfCanada: fact(true),
  filedTaxReturn: fact({ taxYear: 2025, filed: true }, verifiedBy('CRA')),
  hasAccessToPrivateDentalInsurance: fact(false),
  yearsInCanadaAfter18: fact(1),
};

describe('evaluateAll for a newcomer family in BC on 2026-12-01', () => {
  const results = evaluateAll(newcomerBc);
  const of = (id: string) => results.find((r) => r.program === id)!;

  it('answers every program once, in order', () => {
    expect(results.map((r) => r.program)).toEqual([...PROGRAM_IDS]);
  });

  it('finds the CCB at both 2026-27 maximums ($8,157 + $6,883) and the BC family benefit ($1,750 + $1,100)', () => {
    expect(of('CCB').status).toBe('ELIGIBLE');
    expect(of('CCB').amount?.annualCents).toBe(815_700 + 688_300);
    expect(of('BCFB').status).toBe('ELIGIBLE');
    expect(of('BCFB').amount?.annualCents).toBe(285_000);
    expect(of('BCFB').amount?.period.figuresInForceOnAsOf).toBe(false);
  });

  it('finds dental care, the workers benefit and health coverage; not OAS/GIS or other provinces’ benefits', () => {
    expect(of('CDCP').status).toBe('ELIGIBLE');
    expect(of('CDCP').details.coPayPercent).toBe(0);
    expect(of('CWB').status).toBe('ELIGIBLE');
    // Family: $2,813 (27% x $11,200 = $3,024 capped), AFNI under $30,639 (2025 figures)
    expect(of('CWB').amount?.annualCents).toBe(281_300);
    expect(of('HEALTH_COVERAGE').status).toBe('ELIGIBLE');
    expect(of('HEALTH_COVERAGE').details.coverageStartsOn).toBe('2025-12-01');
    for (const id of ['OAS', 'GIS', 'OCB', 'QC_FAMILY_ALLOWANCE']) expect(of(id).status).toBe('NOT_ELIGIBLE');
  });
});
