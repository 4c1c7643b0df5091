import type {
  ChildFacts, EligibilityFacts, Fact, FactSource, IncomeForYear,
} from '../../subgraphs/benefits/rules/index.ts';
import { AppError } from '../../lib/errors.ts';

/** Fixtures for the rules tests: facts with sources, in a line each. */
export const declared: FactSource = { kind: 'declared' };
export const verifiedBy = (issuer: string): FactSource => ({ kind: 'verification', issuer, verificationId: `${issuer}-v1` });

export const fact = <T>(value: T, source: FactSource = declared): Fact<T> => ({ value, source });
export const income = (taxYear: number, dollars: number): Fact<IncomeForYear> =>
  fact({ taxYear, cents: Math.round(dollars * 100) }, verifiedBy('CRA'));
export const child = (key: string, dateOfBirth: string, sharedCustody = false): ChildFacts => ({ key, dateOfBirth, sharedCustody });

/** A family resident in `province`, everything presumable known, the AFNI of `incomeYear`. */
export function familyFacts(
  asOf: string,
  province: EligibilityFacts['province'] extends Fact<infer P> | undefined ? P : never,
  incomeYear: number,
  afniDollars: number,
  children: ChildFacts[],
  maritalStatus: 'MARRIED' | 'SINGLE' = 'MARRIED',
): EligibilityFacts {
  return {
    asOf,
    province: fact(province),
    maritalStatus: fact(maritalStatus),
    children: fact(children, verifiedBy('CRA')),
    adjustedFamilyNetIncome: income(incomeYear, afniDollars),
    residentOfCanada: fact(true),
    filedTaxReturn: fact({ taxYear: incomeYear, filed: true }, verifiedBy('CRA')),
    immigrationStatus: fact({ status: 'CITIZEN_BY_BIRTH' as const, validUntil: null }, verifiedBy('IRCC')),
  };
}

/** The AppError a call throws (or fails the test): tests assert its code and details. */
export function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

export const ruleOutcome = (explanation: { id: string; outcome: string }[], id: string) =>
  explanation.find((r) => r.id === id)?.outcome;
