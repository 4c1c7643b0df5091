import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { OcbValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { evaluateChildBenefit, type ChildInMonth } from './evaluateChildBenefit.ts';
import { cents } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';

/** Ontario Child Benefit per year, in cents: the maximum per child less 8% of AFNI above the threshold. */
export function ocbAnnualCents(kids: ChildInMonth[], afniCents: number, v: OcbValues): number {
  const reduction = Math.max(0, afniCents - cents(v.threshold)) * v.reductionRate;
  return Math.max(0, kids.length * cents(v.maxPerChild) - reduction);
}

export function evaluateOntarioChildBenefit(
  facts: EligibilityFacts,
  set: ParameterSet<OcbValues> = rulesParameters().ocb,
): ProgramResult {
  return evaluateChildBenefit(facts, {
    program: 'OCB',
    prefix: 'OCB',
    set,
    province: 'ON',
    checksStatus: false,
    asksMaritalStatus: false,
    childAgeLimit: (v) => v.childAgeLimit,
    sharedCustodyShare: (v) => v.sharedCustodyShare,
    annualCents: (kids, afni, _singleParent, v) => ocbAnnualCents(kids, afni, v),
  });
}
