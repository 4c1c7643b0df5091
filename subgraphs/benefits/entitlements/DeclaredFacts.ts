import { AppError, ErrorCode } from '../../../lib/errors.ts';
import type { MaritalStatus } from '../rules/EligibilityFacts.ts';

/** What a resident declares about facts no agency of the graph holds (GraphQL DeclaredFactsInput). */
export interface DeclaredFacts {
  maritalStatus?: MaritalStatus | null;
  children?: { dateOfBirth: string; sharedCustody?: boolean | null }[] | null;
  spouseNetIncomeCents?: number | null;
  workingIncomeCents?: number | null;
  yearsInCanadaAfter18?: number | null;
  hasAccessToPrivateDentalInsurance?: boolean | null;
  residentOfCanada?: boolean | null;
}

export const MAX_DECLARED_CHILDREN = 20;

const bad = (argument: string, message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { argument });

/**
 * Checks what only the input layer can see, and returns a copy without nulls (what is stored
 * with an opt-in). The facts themselves (a child born after asOf, a negative working income)
 * are checked by the rules, which name the fact.
 */
export function normalizeDeclaredFacts(input: DeclaredFacts | null | undefined): DeclaredFacts {
  if (!input) return {};
  const out: DeclaredFacts = {};
  if (input.maritalStatus != null) out.maritalStatus = input.maritalStatus;
  if (input.children != null) {
    if (input.children.length > MAX_DECLARED_CHILDREN) {
      throw bad('declaredFacts.children', `At most ${MAX_DECLARED_CHILDREN} children may be declared`);
    }
    out.children = input.children.map((c) => ({ dateOfBirth: c.dateOfBirth, sharedCustody: c.sharedCustody ?? false }));
  }
  // A spouse's income is added to the resident's verified one before the rules see it, so the
  // rules could not tell a negative part from a smaller total: refused here.
  if (input.spouseNetIncomeCents != null) {
    if (!Number.isInteger(input.spouseNetIncomeCents) || input.spouseNetIncomeCents < 0) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Impossible fact: a negative spouse net income', {
        argument: 'declaredFacts.spouseNetIncomeCents',
        fact: 'adjustedFamilyNetIncome',
      });
    }
    out.spouseNetIncomeCents = input.spouseNetIncomeCents;
  }
  if (input.workingIncomeCents != null) out.workingIncomeCents = input.workingIncomeCents;
  if (input.yearsInCanadaAfter18 != null) out.yearsInCanadaAfter18 = input.yearsInCanadaAfter18;
  if (input.hasAccessToPrivateDentalInsurance != null) out.hasAccessToPrivateDentalInsurance = input.hasAccessToPrivateDentalInsurance;
  if (input.residentOfCanada != null) out.residentOfCanada = input.residentOfCanada;
  return out;
}
