import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { BcfbValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { evaluateChildBenefit, type ChildInMonth } from './evaluateChildBenefit.ts';
import { cents } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';

const byRank = (n: number, first: number, second: number, each: number) =>
  cents(first) + (n >= 2 ? cents(second) : 0) + Math.max(0, n - 2) * cents(each);

/**
 * B.C. family benefit per year, in cents: the maximum (plus the single-parent supplement) up to
 * the first threshold; then less 4% of AFNI above it but not below the per-child minimums up to
 * the second threshold; above it, the minimums less 4% of AFNI above the second threshold.
 */
export function bcfbAnnualCents(kids: ChildInMonth[], afniCents: number, singleParent: boolean, v: BcfbValues): number {
  const n = kids.length;
  const max = byRank(n, v.maxFirstChild, v.maxSecondChild, v.maxEachAdditionalChild) + (singleParent ? cents(v.singleParentSupplement) : 0);
  const min = byRank(n, v.minFirstChild, v.minSecondChild, v.minEachAdditionalChild);
  const t1 = cents(v.firstThreshold);
  const t2 = cents(v.secondThreshold);
  if (afniCents <= t1) return max;
  if (afniCents <= t2) return Math.max(min, max - v.reductionRate * (afniCents - t1));
  return Math.max(0, min - v.reductionRate * (afniCents - t2));
}

export function evaluateBcFamilyBenefit(
  facts: EligibilityFacts,
  set: ParameterSet<BcfbValues> = rulesParameters().bcfb,
): ProgramResult {
  return evaluateChildBenefit(facts, {
    program: 'BCFB',
    prefix: 'BCFB',
    set,
    province: 'BC',
    checksStatus: false,
    asksMaritalStatus: true,
    childAgeLimit: (v) => v.childAgeLimit,
    sharedCustodyShare: (v) => v.sharedCustodyShare,
    annualCents: bcfbAnnualCents,
  });
}
