import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { OasValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { RuleBook } from './RuleBook.ts';
import { ageAt, ageFact, benefitPeriod, cents, incomeOf, incomeYearFor, residentOfCanadaRule } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';
import { selectPeriod } from './selectPeriod.ts';
import { validateFacts } from './validateFacts.ts';

/** Monthly OAS pension before recovery tax, in cents: the quarter's amount for the age, in 40ths. */
export function oasGrossMonthlyCents(age: number, yearsAfter18: number, v: OasValues): number {
  const full = cents(age >= v.olderAge ? v.monthlyAmount75Plus : v.monthlyAmount65To74);
  return Math.round((full * Math.min(yearsAfter18, v.fullPensionYears)) / v.fullPensionYears);
}

/** Annual recovery tax, in cents: 15% of net income above the income year's threshold. */
export function oasRecoveryAnnualCents(netIncomeCents: number, thresholdDollars: number, rate: number): number {
  return Math.round(Math.max(0, netIncomeCents - cents(thresholdDollars)) * rate);
}

export function evaluateOldAgeSecurity(
  facts: EligibilityFacts,
  set: ParameterSet<OasValues> = rulesParameters().oas,
): ProgramResult {
  validateFacts(facts);
  const selected = selectPeriod(set, facts.asOf);
  const v = selected.period.values;
  const book = new RuleBook(facts);
  const age = ageAt(facts, facts.asOf);
  const years = facts.yearsInCanadaAfter18?.value;

  book.check({
    id: 'OAS_AGE',
    description: `${v.minimumAge} or older`,
    needs: [ageFact(facts)],
    parameters: { minimumAge: v.minimumAge },
    test: () => age! >= v.minimumAge,
  });
  residentOfCanadaRule(book, facts, 'OAS');
  book.check({
    id: 'OAS_LEGAL_STATUS',
    description: 'Canadian citizen or legal resident of Canada',
    needs: ['immigrationStatus'],
    presumable: true,
    // Every status IRCC reports here (citizen, permanent, protected, valid permit) is legal residence.
    test: () => true,
  });
  book.check({
    id: 'OAS_RESIDENCE_YEARS',
    description: `At least ${v.minimumResidenceYears} years in Canada after 18 (full pension at ${v.fullPensionYears})`,
    needs: ['yearsInCanadaAfter18'],
    parameters: { minimumResidenceYears: v.minimumResidenceYears, fullPensionYears: v.fullPensionYears },
    test: () => years! >= v.minimumResidenceYears,
  });

  const incomeYear = incomeYearFor(facts.asOf);
  const threshold = v.recoveryThresholdByIncomeYear[String(incomeYear)];
  const income = incomeOf(book, facts, 'individualNetIncome', incomeYear, 'OAS');
  const gross = age !== null && years !== undefined ? oasGrossMonthlyCents(age, years, v) : null;
  const recovery = income !== null && threshold !== undefined ? oasRecoveryAnnualCents(income, threshold, v.recoveryRate) : null;
  const netAnnual = gross === null ? null : Math.max(0, 12 * gross - (recovery ?? 0));
  book.check({
    id: 'OAS_INCOME_BELOW_RECOVERY_LIMIT',
    description: `Net income of ${incomeYear} leaves a pension after the ${v.recoveryRate * 100}% recovery tax`,
    needs: ['individualNetIncome'],
    // Unknown income: the pension is estimated before recovery tax, which most pensioners never pay.
    presumable: true,
    parameters: { incomeYear, recoveryThreshold: threshold ?? null, recoveryRate: v.recoveryRate },
    test: () => (threshold === undefined || netAnnual === null ? null : netAnnual > 0),
  });

  const status = book.status;
  const amount =
    (status === 'ELIGIBLE' || status === 'LIKELY') && netAnnual !== null && gross !== null
      ? {
          annualCents: netAnnual,
          monthlyCents: Math.max(0, gross - Math.round((recovery ?? 0) / 12)),
          basis: 'QUARTER_ANNUALIZED' as const,
          period: benefitPeriod(selected, incomeYear),
        }
      : null;
  return {
    program: 'OAS',
    status,
    amount,
    explanation: book.rules,
    missingFacts: book.missingFacts,
    receiving: facts.receivingOas?.value ?? null,
    details: {
      figuresInForceOnAsOf: selected.inForce,
      grossMonthlyCents: gross,
      recoveryTaxAnnualCents: recovery,
      partialPensionFortieths: years === undefined ? null : Math.min(years, v.fullPensionYears),
    },
  };
}
