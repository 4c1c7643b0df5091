import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { rulesParameters, type RulesParameters } from './rulesParameters.ts';
import { validateFacts } from './validateFacts.ts';
import { evaluateCanadaChildBenefit } from './canadaChildBenefit.ts';
import { evaluateCanadaDentalCarePlan } from './canadaDentalCarePlan.ts';
import { evaluateOldAgeSecurity } from './oldAgeSecurity.ts';
import { evaluateGuaranteedIncomeSupplement } from './guaranteedIncomeSupplement.ts';
import { evaluateCanadaWorkersBenefit } from './canadaWorkersBenefit.ts';
import { evaluateBcFamilyBenefit } from './bcFamilyBenefit.ts';
import { evaluateOntarioChildBenefit } from './ontarioChildBenefit.ts';
import { evaluateQuebecFamilyAllowance } from './quebecFamilyAllowance.ts';
import { evaluateProvincialHealthCoverage } from './provincialHealthCoverage.ts';

/**
 * Every program for one resident, in PROGRAM_IDS order. Impossible facts throw BAD_USER_INPUT
 * before any rule runs (one error, not nine); so does an asOf with no figures for a program.
 */
export function evaluateAll(facts: EligibilityFacts, params: RulesParameters = rulesParameters()): ProgramResult[] {
  validateFacts(facts);
  return [
    evaluateCanadaChildBenefit(facts, params.ccb),
    evaluateCanadaDentalCarePlan(facts, params.cdcp),
    evaluateOldAgeSecurity(facts, params.oas),
    evaluateGuaranteedIncomeSupplement(facts, params.gis),
    evaluateCanadaWorkersBenefit(facts, params.cwb),
    evaluateBcFamilyBenefit(facts, params.bcfb),
    evaluateOntarioChildBenefit(facts, params.ocb),
    evaluateQuebecFamilyAllowance(facts, params.qcFamilyAllowance),
    evaluateProvincialHealthCoverage(facts, params.healthCoverage),
  ];
}
