import type { Program } from '../catalogue/programSchema.ts';
import type { FactSource } from '../rules/EligibilityFacts.ts';
import type { ProgramResult } from '../rules/ProgramResult.ts';

/** What an Entitlement resolver receives: the rules' result, its catalogue program, what is in pay. */
export interface EntitlementView {
  result: ProgramResult;
  program: Program;
  /** In pay, as the paying agency's record says; null when the record was not read or says nothing. */
  receiving: boolean | null;
  receivingSource: FactSource | null;
  asOf: string;
}

/** ELIGIBLE or LIKELY, and the payer's record says it is not in pay. */
export const isUnclaimed = (e: EntitlementView) =>
  (e.result.status === 'ELIGIBLE' || e.result.status === 'LIKELY') && e.receiving === false;
