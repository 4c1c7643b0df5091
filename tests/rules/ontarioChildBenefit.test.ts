import { describe, expect, it } from 'vitest';
import { evaluateOntarioChildBenefit } from '../../subgraphs/benefits/rules/index.ts';
import { child, familyFacts, ruleOutcome } from './facts.ts';

// CRA, Province of Ontario programs: OCB July 2025 to June 2026 up to $1,727 a year ($143.91 a
// month) per child, reduced by 8% of AFNI above $26,364 (Taxation Act, 2007, s. 104).
const OCB_2025 = 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/provincial-territorial-programs/province-ontario.html';
const OCB_PAGE = 'https://www.ontario.ca/page/ontario-child-benefit';

const kids = (n: number) => Array.from({ length: n }, (_, i) => child(`c${i}`, `201${i}-06-06`));
const ocb = (afni: number, n: number, on = '2025-09-15', incomeYear = 2024) =>
  evaluateOntarioChildBenefit(familyFacts(on, 'ON', incomeYear, afni, kids(n)));

describe(`Ontario Child Benefit, July 2025 to June 2026 (${OCB_2025})`, () => {
  it('pays $1,727 a year, $143.91 a month, at exactly the $26,364 threshold', () => {
    const r = ocb(26_364, 1);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.annualCents).toBe(172_700);
    expect(r.amount?.monthlyCents).toBe(14_391);
  });

  it('pays three children the maximum at zero income', () => {
    expect(ocb(0, 3).amount?.annualCents).toBe(518_100);
  });

  it('reduces the family total by 8% above the threshold: two children at $40,000 get $2,363.12', () => {
    expect(ocb(40_000, 2).amount?.annualCents).toBe(236_312);
  });

  it('phases out completely: one child at $48,000 is NOT_ELIGIBLE on income', () => {
    const r = ocb(48_000, 1);
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'OCB_INCOME_TEST')).toBe('FAIL');
  });

  it('pays a shared-custody parent half', () => {
    const r = evaluateOntarioChildBenefit(familyFacts('2025-09-15', 'ON', 2024, 0, [child('a', '2012-12-12', true)]));
    expect(r.amount?.annualCents).toBe(86_350);
  });

  it('is NOT_ELIGIBLE outside Ontario', () => {
    expect(evaluateOntarioChildBenefit(familyFacts('2025-09-15', 'QC', 2024, 0, kids(1))).status).toBe('NOT_ELIGIBLE');
  });
});

describe(`Ontario Child Benefit, July 2024 to June 2025 (${OCB_PAGE})`, () => {
  it('paid $140 a month per child under $25,646', () => {
    const r = ocb(25_646, 1, '2024-10-01', 2023);
    expect(r.amount?.annualCents).toBe(168_000);
    expect(r.amount?.monthlyCents).toBe(14_000);
  });
});
