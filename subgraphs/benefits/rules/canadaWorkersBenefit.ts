import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { CwbValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { RuleBook } from './RuleBook.ts';
import { ageAt, ageFact, ageFromBirth, benefitPeriod, cents, incomeOf, residentOfCanadaRule } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';
import { selectPeriod } from './selectPeriod.ts';
import { validateFacts } from './validateFacts.ts';

export interface CwbAmounts {
  basicCents: number;
  disabilityCents: number;
}

/**
 * CWB for a tax year, in cents (Schedule 6): 27% of working income above $3,000 up to the
 * maximum, less 15% of adjusted (family) net income above the threshold; the disability
 * supplement the same way from $1,150 of working income.
 */
export function cwbAnnualCents(workingCents: number, afniCents: number, family: boolean, disabled: boolean, v: CwbValues): CwbAmounts {
  const phase = (start: number, max: number, threshold: number) =>
    Math.max(
      0,
      Math.min(cents(max), v.phaseInRate * Math.max(0, workingCents - cents(start))) -
        v.phaseOutRate * Math.max(0, afniCents - cents(threshold)),
    );
  return {
    basicCents: Math.round(phase(v.phaseInStart, family ? v.maxFamily : v.maxSingle, family ? v.phaseOutThresholdFamily : v.phaseOutThresholdSingle)),
    disabilityCents: disabled
      ? Math.round(
          phase(v.disabilityPhaseInStart, v.disabilityMax, family ? v.disabilityPhaseOutThresholdFamily : v.disabilityPhaseOutThresholdSingle),
        )
      : 0,
  };
}

const COUPLE = new Set(['MARRIED', 'COMMON_LAW']);
/** An eligible dependant for the family amount: a child under 19 at the end of the year. */
const DEPENDANT_AGE = 19;

export function evaluateCanadaWorkersBenefit(
  facts: EligibilityFacts,
  set: ParameterSet<CwbValues> = rulesParameters().cwb,
): ProgramResult {
  validateFacts(facts);
  // The tax year is the working income's; without it, the last year that can be filed.
  const taxYear = facts.workingIncome?.value.taxYear ?? Number(facts.asOf.slice(0, 4)) - 1;
  const selected = selectPeriod(set, `${taxYear}-07-01`, facts.workingIncome ? 'workingIncome' : 'asOf');
  const v = selected.period.values;
  const book = new RuleBook(facts);
  const yearEnd = `${taxYear}-12-31`;
  const age = ageAt(facts, yearEnd) ?? ageAt(facts, facts.asOf);

  book.check({
    id: 'CWB_AGE',
    description: `${v.minimumAge} or older on December 31 of the tax year (or living with a spouse or child)`,
    needs: [ageFact(facts)],
    parameters: { minimumAge: v.minimumAge, taxYear },
    test: () => age! >= v.minimumAge,
  });
  residentOfCanadaRule(book, facts, 'CWB');
  const children = facts.children?.value ?? [];
  const hasDependant = children.some((c) => c.dateOfBirth <= yearEnd && ageFromBirth(c.dateOfBirth, yearEnd) < DEPENDANT_AGE);
  const family = COUPLE.has(facts.maritalStatus?.value ?? 'SINGLE') || hasDependant;
  book.check({
    id: 'CWB_FAMILY_SITUATION',
    description: 'Single or family (a spouse or an eligible dependant) known',
    needs: ['maritalStatus'],
    uses: ['children'],
    presumable: true,
    parameters: { family },
    test: () => true,
  });
  const working = incomeOf(book, facts, 'workingIncome', taxYear, 'CWB');
  book.check({
    id: 'CWB_WORKING_INCOME',
    description: `Working income above $${v.phaseInStart}`,
    needs: ['workingIncome'],
    parameters: { phaseInStart: v.phaseInStart, phaseInRate: v.phaseInRate },
    test: () => working! > cents(v.phaseInStart),
  });
  const afni = incomeOf(book, facts, 'adjustedFamilyNetIncome', taxYear, 'CWB');
  const disabled = facts.disabilityTaxCredit?.value === true;
  const amounts = working !== null && afni !== null ? cwbAnnualCents(working, afni, family, disabled, v) : null;
  const total = amounts === null ? null : amounts.basicCents + amounts.disabilityCents;
  book.check({
    id: 'CWB_INCOME_TEST',
    description: 'Adjusted net income leaves an amount after the 15% reduction',
    needs: ['adjustedFamilyNetIncome', 'workingIncome'],
    uses: ['disabilityTaxCredit'],
    parameters: {
      taxYear,
      maximum: family ? v.maxFamily : v.maxSingle,
      phaseOutThreshold: family ? v.phaseOutThresholdFamily : v.phaseOutThresholdSingle,
      phaseOutRate: v.phaseOutRate,
    },
    test: () => total! > 0,
  });

  const status = book.status;
  return {
    program: 'CWB',
    status,
    amount:
      (status === 'ELIGIBLE' || status === 'LIKELY') && total !== null
        ? { annualCents: total, monthlyCents: Math.round(total / 12), basis: 'TAX_YEAR', period: benefitPeriod(selected, taxYear) }
        : null,
    explanation: book.rules,
    missingFacts: book.missingFacts,
    receiving: null,
    details: {
      figuresInForceOnAsOf: selected.inForce,
      taxYear,
      basicCents: amounts?.basicCents ?? null,
      disabilitySupplementCents: amounts?.disabilityCents ?? null,
    },
  };
}
