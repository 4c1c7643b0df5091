import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import type { Catalogue } from '../catalogue/Catalogue.ts';
import type { EligibilityFacts, FactSource } from '../rules/EligibilityFacts.ts';
import type { ProgramResult } from '../rules/ProgramResult.ts';
import type { EntitlementView } from './EntitlementView.ts';
import { catalogueIdFor, PAID_WITH_CCB } from './programLinks.ts';
import type { ResidentRepresentation } from './ResidentRepresentation.ts';

/** CRA's in-pay record of the CCB, when it was read (`unclaimedBenefits`, outreach). */
export interface CcbInPay {
  receiving: boolean;
  dataAsOf: string;
}

export function ccbInPay(rep: ResidentRepresentation): CcbInPay | null {
  const cra = rep.craBenefits;
  return cra ? { receiving: cra.canadaChildBenefitMonthly.cents > 0, dataAsOf: cra.dataAsOf } : null;
}

const craRecord = (ccb: CcbInPay, paidWithCcb: boolean): FactSource => ({
  kind: 'record',
  issuer: 'CRA',
  field: 'craBenefits',
  note: `nightly batch of ${ccb.dataAsOf}${paidWithCcb ? '; paid with the CCB, on its application' : ''}`,
});

/**
 * The rules' results as entitlements: each with its catalogue program, and what is in pay from
 * the payers' records (ESDC's through the facts; CRA's CCB when read). A provincial program of
 * another province is left out (evaluateRelevant already skips them when the province is known).
 */
export function toEntitlements(
  results: readonly ProgramResult[],
  facts: EligibilityFacts,
  catalogue: Catalogue,
  ccb: CcbInPay | null,
): EntitlementView[] {
  const province: ProvinceCode | null = facts.province?.value ?? null;
  const views: EntitlementView[] = [];
  for (const result of results) {
    const id = catalogueIdFor(result.program, province);
    // checkProgramLinks made sure at start that every id the rules use is in the catalogue.
    const program = id ? catalogue.get(id) : undefined;
    if (!program) continue;
    if (program.jurisdiction !== 'CA' && province !== null && program.jurisdiction !== province) continue;
    let receiving = result.receiving;
    let receivingSource: FactSource | null = null;
    if (receiving !== null) {
      receivingSource = (result.program === 'GIS' ? facts.receivingGis : facts.receivingOas)?.source ?? null;
    } else if (ccb && (result.program === 'CCB' || PAID_WITH_CCB.has(result.program))) {
      receiving = ccb.receiving;
      receivingSource = craRecord(ccb, result.program !== 'CCB');
    }
    views.push({ result, program, receiving, receivingSource, asOf: facts.asOf });
  }
  return views;
}
