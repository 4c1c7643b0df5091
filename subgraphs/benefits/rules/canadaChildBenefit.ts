import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { CcbValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { evaluateChildBenefit, type ChildInMonth } from './evaluateChildBenefit.ts';
import { cents } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';

/**
 * CCB for a full-custody family, per year, in cents (CRA calculation sheet): the per-child
 * maximums by age, less the first rate on AFNI between the thresholds and the second rate above
 * the second threshold; both rates depend on the number of children (1, 2, 3, 4 or more).
 */
export function ccbAnnualCents(kids: ChildInMonth[], afniCents: number, v: CcbValues): number {
  const max = kids.reduce((sum, k) => sum + cents(k.age < v.youngChildAge ? v.maxPerChildUnder6 : v.maxPerChild6To17), 0);
  const { oneChild, twoChildren, threeChildren, fourOrMoreChildren } = v.reductionRates;
  const rates = [oneChild, twoChildren, threeChildren][kids.length - 1] ?? fourOrMoreChildren;
  const t1 = cents(v.firstThreshold);
  const t2 = cents(v.secondThreshold);
  const reduction =
    afniCents <= t1 ? 0
    : afniCents <= t2 ? rates.first * (afniCents - t1)
    : rates.first * (t2 - t1) + rates.second * (afniCents - t2);
  return Math.max(0, max - reduction);
}

export function evaluateCanadaChildBenefit(
  facts: EligibilityFacts,
  set: ParameterSet<CcbValues> = rulesParameters().ccb,
): ProgramResult {
  return evaluateChildBenefit(facts, {
    program: 'CCB',
    prefix: 'CCB',
    set,
    province: null,
    checksStatus: true,
    asksMaritalStatus: false,
    childAgeLimit: (v) => v.childAgeLimit,
    sharedCustodyShare: (v) => v.sharedCustodyShare,
    annualCents: (kids, afni, _singleParent, v) => ccbAnnualCents(kids, afni, v),
  });
}
