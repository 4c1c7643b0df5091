import type { Program } from '../catalogue/programSchema.ts';
import type { FactName } from '../rules/EligibilityFacts.ts';
import type { EntitlementView } from './EntitlementView.ts';

export interface NextActionView {
  kind: 'APPLY' | 'PROVIDE_FACTS';
  program: Program;
  missingFacts: FactName[];
}

/**
 * What the resident can do next: nothing when the benefit is in pay or a rule failed; tell the
 * missing facts when a deciding one is missing; else apply, as the catalogue says (for a benefit
 * whose in-pay record was not read, "apply" reads as "apply if you do not receive it yet").
 */
export function nextAction(e: EntitlementView): NextActionView | null {
  const { status, missingFacts } = e.result;
  if (e.receiving === true || status === 'NOT_ELIGIBLE') return null;
  if (status === 'UNKNOWN') return missingFacts.length > 0 ? { kind: 'PROVIDE_FACTS', program: e.program, missingFacts } : null;
  return { kind: 'APPLY', program: e.program, missingFacts };
}
