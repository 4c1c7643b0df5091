import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { GisValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { RuleBook } from './RuleBook.ts';
import { ageAt, ageFact, benefitPeriod, cents, incomeOf, incomeYearFor, residentOfCanadaRule } from './ruleHelpers.ts';
import { rulesParameters } from './rulesParameters.ts';
import { selectPeriod } from './selectPeriod.ts';
import { validateFacts } from './validateFacts.ts';

/** Employment and self-employment income left out of GIS income: the first $5,000, half the next $10,000. */
export function gisEmploymentExemptionCents(workingCents: number, v: GisValues): number {
  const full = Math.min(workingCents, cents(v.employmentExemptionFull));
  const partial = Math.min(Math.max(0, workingCents - cents(v.employmentExemptionFull)), cents(v.employmentExemptionPartial));
  return full + Math.round(partial * v.employmentExemptionPartialRate);
}

/**
 * Monthly GIS for a single pensioner with a full OAS pension, in cents (OAS Act s. 12, as the
 * published quarterly tables apply it): the maximum less the top-up, reduced $1 per $24 of annual
 * income; plus the top-up, reduced $1 per $48 of income above $2,000.
 */
export function gisSingleMonthlyCents(incomeCents: number, v: GisValues): number {
  const dollars = Math.floor(incomeCents / 100);
  const topUp = cents(v.topUpMonthlySingle);
  const base = cents(v.maxMonthlySingle) - topUp - Math.floor(dollars / v.incomeStepDollars) * 100;
  const topUpLeft =
    dollars < v.topUpFreeIncome ? topUp : topUp - Math.floor((dollars - v.topUpFreeIncome) / v.topUpStepDollars) * 100;
  return Math.max(0, base) + Math.max(0, topUpLeft);
}

const SINGLE = new Set(['SINGLE', 'SEPARATED', 'DIVORCED', 'WIDOWED']);

export function evaluateGuaranteedIncomeSupplement(
  facts: EligibilityFacts,
  set: ParameterSet<GisValues> = rulesParameters().gis,
): ProgramResult {
  validateFacts(facts);
  const selected = selectPeriod(set, facts.asOf);
  const v = selected.period.values;
  const book = new RuleBook(facts);
  const age = ageAt(facts, facts.asOf);

  book.check({
    id: 'GIS_AGE',
    description: `${v.minimumAge} or older`,
    needs: [ageFact(facts)],
    parameters: { minimumAge: v.minimumAge },
    test: () => age! >= v.minimumAge,
  });
  residentOfCanadaRule(book, facts, 'GIS');
  book.check({
    id: 'GIS_RECEIVES_OAS',
    description: 'Receives the OAS pension (or applies for it with the GIS)',
    needs: ['receivingOas'],
    presumable: true,
    test: () => (facts.receivingOas!.value ? true : null),
  });
  book.check({
    id: 'GIS_SINGLE_PENSIONER',
    description: 'Single, widowed, separated or divorced (couples are not encoded yet)',
    needs: ['maritalStatus'],
    test: () => (SINGLE.has(facts.maritalStatus!.value) ? true : null),
  });

  const incomeYear = incomeYearFor(facts.asOf);
  const net = incomeOf(book, facts, 'individualNetIncome', incomeYear, 'GIS');
  const receivesOas = facts.receivingOas?.value === true;
  // OAS is left out of GIS income; a pensioner in pay must tell how much of it was in net income.
  const oas = receivesOas ? incomeOf(book, facts, 'oasPensionIncome', incomeYear, 'GIS') : 0;
  if (receivesOas && oas === null) {
    book.check({
      id: 'GIS_OAS_IN_INCOME',
      description: `OAS pension included in the ${incomeYear} net income (excluded from GIS income)`,
      needs: ['oasPensionIncome'],
      test: () => null,
    });
  }
  const working = incomeOf(book, facts, 'workingIncome', incomeYear, 'GIS');
  book.check({
    id: 'GIS_EMPLOYMENT_EXEMPTION',
    description: 'Employment income known (the first $5,000 and half the next $10,000 are exempt)',
    needs: ['workingIncome'],
    presumable: true,
    parameters: { full: v.employmentExemptionFull, partial: v.employmentExemptionPartial },
    test: () => true,
  });
  const gisIncome =
    net === null || oas === null ? null : Math.max(0, net - oas - gisEmploymentExemptionCents(Math.min(working ?? 0, net - oas), v));
  const monthly = gisIncome === null ? null : gisSingleMonthlyCents(gisIncome, v);
  book.check({
    id: 'GIS_INCOME_TEST',
    description: `GIS income of ${incomeYear} below the limit for a single pensioner`,
    needs: ['individualNetIncome'],
    parameters: {
      incomeYear,
      gisIncomeCents: gisIncome,
      publishedIncomeLimit: v.publishedIncomeLimitSingle,
      maxMonthly: v.maxMonthlySingle,
    },
    test: () => (monthly === null ? null : monthly > 0),
  });

  const status = book.status;
  return {
    program: 'GIS',
    status,
    amount:
      (status === 'ELIGIBLE' || status === 'LIKELY') && monthly !== null
        ? { annualCents: monthly * 12, monthlyCents: monthly, basis: 'QUARTER_ANNUALIZED', period: benefitPeriod(selected, incomeYear) }
        : null,
    explanation: book.rules,
    missingFacts: book.missingFacts,
    receiving: facts.receivingGis?.value ?? null,
    details: { figuresInForceOnAsOf: selected.inForce, gisIncomeCents: gisIncome },
  };
}
