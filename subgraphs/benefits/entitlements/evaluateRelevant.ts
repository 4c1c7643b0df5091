import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import { evaluateBcFamilyBenefit } from '../rules/bcFamilyBenefit.ts';
import { evaluateCanadaChildBenefit } from '../rules/canadaChildBenefit.ts';
import { evaluateCanadaDentalCarePlan } from '../rules/canadaDentalCarePlan.ts';
import { evaluateCanadaWorkersBenefit } from '../rules/canadaWorkersBenefit.ts';
import type { EligibilityFacts } from '../rules/EligibilityFacts.ts';
import { evaluateGuaranteedIncomeSupplement } from '../rules/guaranteedIncomeSupplement.ts';
import { evaluateOldAgeSecurity } from '../rules/oldAgeSecurity.ts';
import { evaluateOntarioChildBenefit } from '../rules/ontarioChildBenefit.ts';
import { PROGRAM_IDS, type ProgramId, type ProgramResult } from '../rules/ProgramResult.ts';
import { evaluateProvincialHealthCoverage } from '../rules/provincialHealthCoverage.ts';
import { evaluateQuebecFamilyAllowance } from '../rules/quebecFamilyAllowance.ts';
import type { RulesParameters } from '../rules/rulesParameters.ts';
import { validateFacts } from '../rules/validateFacts.ts';

const EVALUATE: Record<ProgramId, (facts: EligibilityFacts, p: RulesParameters) => ProgramResult> = {
  CCB: (f, p) => evaluateCanadaChildBenefit(f, p.ccb),
  CDCP: (f, p) => evaluateCanadaDentalCarePlan(f, p.cdcp),
  OAS: (f, p) => evaluateOldAgeSecurity(f, p.oas),
  GIS: (f, p) => evaluateGuaranteedIncomeSupplement(f, p.gis),
  CWB: (f, p) => evaluateCanadaWorkersBenefit(f, p.cwb),
  BCFB: (f, p) => evaluateBcFamilyBenefit(f, p.bcfb),
  OCB: (f, p) => evaluateOntarioChildBenefit(f, p.ocb),
  QC_FAMILY_ALLOWANCE: (f, p) => evaluateQuebecFamilyAllowance(f, p.qcFamilyAllowance),
  HEALTH_COVERAGE: (f, p) => evaluateProvincialHealthCoverage(f, p.healthCoverage),
};

/** The province whose residents a provincial program serves; federal ones (and health coverage, per province) have none. */
const ONLY_IN: Partial<Record<ProgramId, ProvinceCode>> = { BCFB: 'BC', OCB: 'ON', QC_FAMILY_ALLOWANCE: 'QC' };

/**
 * `evaluateAll` for the programs that concern this resident: federal ones, health coverage, and
 * their own province's (every one when the province is not known). Another province's program
 * would only say "does not live there", and its parameter file must not decide whether this
 * resident gets an answer (a Quebec file whose figures run out stops Quebec residents only).
 * Impossible facts and an asOf without figures for a program evaluated: BAD_USER_INPUT, as evaluateAll.
 */
export function evaluateRelevant(facts: EligibilityFacts, params: RulesParameters): ProgramResult[] {
  validateFacts(facts);
  const province = facts.province?.value;
  return PROGRAM_IDS.filter((id) => {
    const only = ONLY_IN[id];
    return only === undefined || province === undefined || only === province;
  }).map((id) => EVALUATE[id](facts, params));
}
