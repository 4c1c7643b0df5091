import { isRealIsoDate } from '../../../lib/dates.ts';
import { AppError, ErrorCode } from '../../../lib/errors.ts';
import { isProvinceCode } from '../../../lib/jurisdictions.ts';
import { IMMIGRATION_STATUSES } from '../../../adapters/ircc/parseIrccResponse.ts';
import { MARITAL_STATUSES, type EligibilityFacts, type FactName, type IncomeForYear } from './EligibilityFacts.ts';
import { ageFromBirth } from './ruleHelpers.ts';

const impossible = (fact: FactName | 'asOf', reason: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `Impossible fact: ${fact} (${reason})`, { fact, reason, ...extra });

/**
 * Rejects facts that cannot be true, before any rule runs: a typed BAD_USER_INPUT naming the
 * fact, never an amount computed from them. Missing facts are fine; the rules report them.
 */
export function validateFacts(facts: EligibilityFacts): void {
  const { asOf } = facts;
  if (typeof asOf !== 'string' || !isRealIsoDate(asOf)) throw impossible('asOf', 'not a real YYYY-MM-DD date');
  const asOfYear = Number(asOf.slice(0, 4));

  const pastDate = (fact: FactName, value: string, extra: Record<string, unknown> = {}) => {
    if (!isRealIsoDate(value)) throw impossible(fact, 'not a real YYYY-MM-DD date', extra);
    if (value > asOf) throw impossible(fact, 'after asOf', extra);
  };
  const income = (fact: FactName, value: IncomeForYear | undefined) => {
    if (value === undefined) return;
    if (!Number.isInteger(value.cents) || value.cents < 0) throw impossible(fact, 'negative or not whole cents');
    if (!Number.isInteger(value.taxYear) || value.taxYear < 1900 || value.taxYear > asOfYear) {
      throw impossible(fact, 'tax year not before asOf');
    }
  };

  if (facts.province && !isProvinceCode(facts.province.value)) throw impossible('province', 'not a province code');
  if (facts.maritalStatus && !MARITAL_STATUSES.includes(facts.maritalStatus.value)) {
    throw impossible('maritalStatus', 'unknown marital status');
  }
  if (facts.dateOfBirth) pastDate('dateOfBirth', facts.dateOfBirth.value);
  const age = facts.dateOfBirth ? ageFromBirth(facts.dateOfBirth.value, asOf) : facts.age?.value;
  if (facts.age && (!Number.isInteger(facts.age.value) || facts.age.value < 0 || facts.age.value > 130)) {
    throw impossible('age', 'not a whole number of years from 0 to 130');
  }
  for (const child of facts.children?.value ?? []) pastDate('children', child.dateOfBirth, { child: child.key });
  income('adjustedFamilyNetIncome', facts.adjustedFamilyNetIncome?.value);
  income('individualNetIncome', facts.individualNetIncome?.value);
  income('workingIncome', facts.workingIncome?.value);
  income('oasPensionIncome', facts.oasPensionIncome?.value);
  if (facts.residencyStartDate) pastDate('residencyStartDate', facts.residencyStartDate.value);
  if (facts.immigrationStatus) {
    const { status, validUntil } = facts.immigrationStatus.value;
    if (!IMMIGRATION_STATUSES.includes(status)) throw impossible('immigrationStatus', 'unknown status');
    if (validUntil !== null && !isRealIsoDate(validUntil)) throw impossible('immigrationStatus', 'validUntil not a real date');
  }
  const years = facts.yearsInCanadaAfter18?.value;
  if (years !== undefined) {
    if (!Number.isInteger(years) || years < 0) throw impossible('yearsInCanadaAfter18', 'negative or not whole years');
    if (age !== undefined && years > Math.max(0, age - 18)) throw impossible('yearsInCanadaAfter18', 'more years than adult life');
  }
  const filed = facts.filedTaxReturn?.value;
  if (filed && (!Number.isInteger(filed.taxYear) || filed.taxYear > asOfYear)) {
    throw impossible('filedTaxReturn', 'tax year not before asOf');
  }
}
