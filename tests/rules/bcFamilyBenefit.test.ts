import { describe, expect, it } from 'vitest';
import { evaluateBcFamilyBenefit } from '../../subgraphs/benefits/rules/index.ts';
import { child, familyFacts, ruleOutcome } from './facts.ts';

// gov.bc.ca B.C. family benefit, July 2025 to June 2026 (regular amounts again): $1,750 first child,
// $1,100 second, $900 each other; minimums $775 / $750 / $725; 4% above $29,526 down to the
// minimums, then 4% above $94,483; single-parent supplement up to $500 (see bcFamilyBenefit.yaml).
const BCFB = 'https://www2.gov.bc.ca/gov/content/family-social-supports/affordability/family-benefit';

const asOf = '2025-09-15';
const kids = (n: number) => Array.from({ length: n }, (_, i) => child(`c${i}`, `201${i}-04-04`));
const bcfb = (afni: number, n: number, marital: 'MARRIED' | 'SINGLE' = 'MARRIED', on = asOf, incomeYear = 2024) =>
  evaluateBcFamilyBenefit(familyFacts(on, 'BC', incomeYear, afni, kids(n), marital));

describe(`B.C. family benefit, July 2025 to June 2026 (${BCFB})`, () => {
  it('pays $1,750 for one child at exactly the first threshold of $29,526', () => {
    const r = bcfb(29_526, 1);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.annualCents).toBe(175_000);
    expect(r.amount?.monthlyCents).toBe(14_583);
  });

  it('adds the $500 single-parent supplement: two children at zero income get $3,350', () => {
    expect(bcfb(0, 2, 'SINGLE').amount?.annualCents).toBe(335_000);
  });

  it('pays four children $1,750 + $1,100 + $900 + $900', () => {
    expect(bcfb(20_000, 4).amount?.annualCents).toBe(465_000);
  });

  it('reduces by 4% above the first threshold, not below the minimums', () => {
    expect(bcfb(40_000, 2).amount?.annualCents).toBe(243_104); // $2,850 - 4% x $10,474
    expect(bcfb(60_000, 2).amount?.annualCents).toBe(163_104); // $2,850 - 4% x $30,474
    expect(bcfb(80_000, 2).amount?.annualCents).toBe(152_500); // the minimum $775 + $750
  });

  it('reduces the minimum by 4% above the second threshold of $94,483', () => {
    expect(bcfb(94_483, 2).amount?.annualCents).toBe(152_500);
    expect(bcfb(100_000, 2).amount?.annualCents).toBe(130_432); // $1,525 - 4% x $5,517
  });

  it('pays a shared-custody parent half', () => {
    const r = evaluateBcFamilyBenefit(familyFacts(asOf, 'BC', 2024, 20_000, [child('a', '2016-01-01', true)]));
    expect(r.amount?.annualCents).toBe(87_500);
  });

  it('is NOT_ELIGIBLE outside B.C.', () => {
    const r = evaluateBcFamilyBenefit(familyFacts(asOf, 'ON', 2024, 20_000, kids(1)));
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'BCFB_RESIDENT_OF_BC')).toBe('FAIL');
  });

  it('is LIKELY, at the two-parent amount, when the family situation is not known', () => {
    const facts = familyFacts(asOf, 'BC', 2024, 0, kids(1));
    delete facts.maritalStatus;
    const r = evaluateBcFamilyBenefit(facts);
    expect(r.status).toBe('LIKELY');
    expect(r.missingFacts).toEqual(['maritalStatus']);
    expect(r.amount?.annualCents).toBe(175_000);
  });
});

describe(`B.C. family benefit, July 2023 to June 2024 (${BCFB}, Budget 2023 figures)`, () => {
  it('paid $1,750 under $27,354 and the $775 minimum up to $87,533', () => {
    expect(bcfb(27_354, 1, 'MARRIED', '2023-10-01', 2022).amount?.annualCents).toBe(175_000);
    expect(bcfb(87_533, 1, 'MARRIED', '2023-10-01', 2022).amount?.annualCents).toBe(77_500);
  });
});
