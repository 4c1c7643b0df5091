import { ageOn } from '../../../lib/dates.ts';
import type { EligibilityFacts, FactName } from './EligibilityFacts.ts';
import type { BenefitPeriod } from './ProgramResult.ts';
import type { RuleBook } from './RuleBook.ts';
import type { SelectedPeriod } from './selectPeriod.ts';

export const ageFromBirth = (dateOfBirth: string, on: string) => ageOn(dateOfBirth, on);

/** Whole dollars or dollars-and-cents from a parameter file, as integer cents. */
export const cents = (dollars: number) => Math.round(dollars * 100);

/**
 * The resident's age on `on`: from the date of birth, or the `age` fact when `on` is asOf
 * (an age alone says nothing about another day). Null when neither can tell.
 */
export function ageAt(facts: EligibilityFacts, on: string): number | null {
  if (facts.dateOfBirth) return ageFromBirth(facts.dateOfBirth.value, on);
  if (facts.age && on === facts.asOf) return facts.age.value;
  return null;
}

/** Which of dateOfBirth / age an age rule reads. */
export const ageFact = (facts: EligibilityFacts): FactName => (facts.dateOfBirth || !facts.age ? 'dateOfBirth' : 'age');

/**
 * The tax year whose income a July-to-June benefit year rests on: a payment from July Y to
 * June Y+1 uses the income of Y-1 (CCB, provincial child benefits, GIS, OAS recovery, CDCP).
 */
export function incomeYearFor(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year - 1 : year - 2;
}

/**
 * Reads an income fact for the tax year a rule needs. An income of another year is still used,
 * as an estimate: a presumable open rule says so, so the result is at best LIKELY.
 */
export function incomeOf(
  book: RuleBook,
  facts: EligibilityFacts,
  fact: 'adjustedFamilyNetIncome' | 'individualNetIncome' | 'workingIncome' | 'oasPensionIncome',
  neededYear: number,
  programPrefix: string,
): number | null {
  const value = facts[fact]?.value;
  if (value === undefined) return null;
  if (value.taxYear !== neededYear) {
    book.check({
      id: `${programPrefix}_${fact.toUpperCase()}_YEAR`,
      description: `Needs ${fact} of ${neededYear}; the ${value.taxYear} figure is used as an estimate`,
      needs: [fact],
      presumable: true,
      parameters: { neededTaxYear: neededYear, factTaxYear: value.taxYear },
      test: () => null,
    });
  }
  return value.cents;
}

/** The period an amount is for, with the figures used and where they come from. */
export function benefitPeriod<V>(selected: SelectedPeriod<V>, incomeYear: number | null): BenefitPeriod {
  const { period, window, inForce } = selected;
  return {
    from: window.from,
    to: window.to ?? window.from,
    label: inForce ? period.label : `${window.label} (figures of ${period.label}, the latest published)`,
    figuresPeriodId: period.id,
    figuresLabel: period.label,
    figuresInForceOnAsOf: inForce,
    incomeYear,
    sources: period.citations,
  };
}

/** Residence in Canada, a rule most residents meet: open when unknown (LIKELY), never a guess. */
export function residentOfCanadaRule(book: RuleBook, facts: EligibilityFacts, prefix: string): void {
  book.check({
    id: `${prefix}_RESIDENT_OF_CANADA`,
    description: 'Resident of Canada for tax purposes',
    needs: ['residentOfCanada'],
    presumable: true,
    test: () => facts.residentOfCanada!.value,
  });
}

/** A tax return filed for the income year the benefit rests on. */
export function filedReturnRule(book: RuleBook, facts: EligibilityFacts, prefix: string, taxYear: number): void {
  book.check({
    id: `${prefix}_TAX_RETURN_FILED`,
    description: `Tax return for ${taxYear} filed (and the spouse's, if any)`,
    needs: ['filedTaxReturn'],
    presumable: true,
    parameters: { taxYear },
    // A filing fact about another year says nothing about this one: the rule stays open.
    test: () => (facts.filedTaxReturn!.value.taxYear === taxYear ? facts.filedTaxReturn!.value.filed : null),
  });
}
