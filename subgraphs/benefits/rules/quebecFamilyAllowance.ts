import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { QcFamilyAllowanceValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { evaluateChildBenefit, type ChildInMonth } from './evaluateChildBenefit.ts';
import { cents } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';

/**
 * Allocation famille per year, in cents: the total maximum (per child, plus the single-parent
 * supplement) less 4% of family income above the threshold, never below the total minimum.
 * Null when the year's threshold is unconfirmed: no amount is guessed.
 */
export function qcFamilyAllowanceAnnualCents(
  kids: ChildInMonth[],
  incomeCents: number,
  singleParent: boolean,
  v: QcFamilyAllowanceValues,
): number | null {
  const threshold = singleParent ? v.thresholdSingleParent : v.thresholdWithSpouse;
  if (threshold === null) return null;
  const n = kids.length;
  const max = n * cents(v.maxPerChild) + (singleParent ? cents(v.singleParentMax) : 0);
  const min = n * cents(v.minPerChild) + (singleParent ? cents(v.singleParentMin) : 0);
  return Math.max(min, max - v.reductionRate * Math.max(0, incomeCents - cents(threshold)));
}

export function evaluateQuebecFamilyAllowance(
  facts: EligibilityFacts,
  set: ParameterSet<QcFamilyAllowanceValues> = rulesParameters().qcFamilyAllowance,
): ProgramResult {
  return evaluateChildBenefit(facts, {
    program: 'QC_FAMILY_ALLOWANCE',
    prefix: 'QC_FA',
    set,
    province: 'QC',
    checksStatus: true,
    asksMaritalStatus: true,
    childAgeLimit: (v) => v.childAgeLimit,
    sharedCustodyShare: (v) => v.sharedCustodyShare,
    annualCents: qcFamilyAllowanceAnnualCents,
  });
}
