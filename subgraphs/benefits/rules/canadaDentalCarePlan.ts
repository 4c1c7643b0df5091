import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { CdcpValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { RuleBook } from './RuleBook.ts';
import { ageAt, ageFact, cents, filedReturnRule, incomeOf, incomeYearFor, residentOfCanadaRule } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';
import { selectPeriod } from './selectPeriod.ts';
import { validateFacts } from './validateFacts.ts';

/** The co-payment percentage for an AFNI, or null at or above the income limit. */
export function cdcpCoPayPercent(afniCents: number, v: CdcpValues): number | null {
  if (afniCents >= cents(v.incomeLimit)) return null;
  return v.coPayBands.find((b) => afniCents < cents(b.below))?.coPayPercent ?? null;
}

/** Whether the resident's group could apply on `date` under the roll-out. */
function groupOpen(v: CdcpValues, date: string, age: number | null, dtc: boolean | undefined): boolean | null {
  const open = v.rollout.filter((g) => g.from <= date);
  const covers = (a: number) => open.some((g) => !g.disabilityTaxCredit && g.minAge <= a && (g.maxAge === null || a <= g.maxAge));
  // Once every age is open without conditions, age and DTC no longer matter.
  if (Array.from({ length: 131 }, (_, a) => a).every(covers)) return true;
  if (age === null) return null;
  const byAge = open.filter((g) => g.minAge <= age && (g.maxAge === null || age <= g.maxAge));
  if (byAge.some((g) => !g.disabilityTaxCredit)) return true;
  if (byAge.some((g) => g.disabilityTaxCredit)) return dtc === undefined ? null : dtc;
  return false;
}

export function evaluateCanadaDentalCarePlan(
  facts: EligibilityFacts,
  set: ParameterSet<CdcpValues> = rulesParameters().cdcp,
): ProgramResult {
  validateFacts(facts);
  const selected = selectPeriod(set, facts.asOf);
  const v = selected.period.values;
  const book = new RuleBook(facts);
  const age = ageAt(facts, facts.asOf);
  const open = groupOpen(v, facts.asOf, age, facts.disabilityTaxCredit?.value);

  book.check({
    id: 'CDCP_NO_DENTAL_INSURANCE',
    description: 'No access to dental insurance (employer, pension, association or private plan), even if declined',
    needs: ['hasAccessToPrivateDentalInsurance'],
    test: () => !facts.hasAccessToPrivateDentalInsurance!.value,
  });
  residentOfCanadaRule(book, facts, 'CDCP');
  const incomeYear = incomeYearFor(facts.asOf);
  filedReturnRule(book, facts, 'CDCP', incomeYear);
  const afni = incomeOf(book, facts, 'adjustedFamilyNetIncome', incomeYear, 'CDCP');
  book.check({
    id: 'CDCP_INCOME_UNDER_LIMIT',
    description: `Adjusted family net income of ${incomeYear} under $${v.incomeLimit}`,
    needs: ['adjustedFamilyNetIncome'],
    parameters: { incomeLimit: v.incomeLimit, incomeYear },
    test: () => afni! < cents(v.incomeLimit),
  });
  book.check({
    id: 'CDCP_APPLICATIONS_OPEN',
    description: 'Applications open to the resident’s age group on this date (roll-out)',
    needs: open === null ? [ageFact(facts)] : [],
    uses: ['disabilityTaxCredit'],
    presumable: true,
    test: () => open,
  });

  return {
    program: 'CDCP',
    status: book.status,
    amount: null,
    explanation: book.rules,
    missingFacts: book.missingFacts,
    receiving: null,
    details: { coPayPercent: afni === null ? null : cdcpCoPayPercent(afni, v) },
  };
}
