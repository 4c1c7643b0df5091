import { addMonths } from '../../../lib/dates.ts';
import type { EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { HealthCoverageValues } from './parameterSchemas.ts';
import type { ProgramResult } from './ProgramResult.ts';
import { RuleBook } from './RuleBook.ts';
import { rulesParameters } from './rulesParameters.ts';
import { selectPeriod } from './selectPeriod.ts';
import { validateFacts } from './validateFacts.ts';

/** The first day of coverage for residence established on `start`, under the province's wait. */
export function coverageStartDate(start: string, wait: HealthCoverageValues['waitingPeriod']): string {
  switch (wait.kind) {
    case 'NONE':
      return start;
    case 'BALANCE_OF_MONTH_PLUS_MONTHS':
      // BC: the rest of the month of arrival, then `months` whole months: 10 Sept -> 1 Dec.
      return addMonths(`${start.slice(0, 7)}-01`, wait.months + 1);
    case 'MONTHS_AFTER_START':
      // Quebec: "up to three months"; the latest start is taken, never an earlier guess.
      return addMonths(start, wait.months);
  }
}

export function evaluateProvincialHealthCoverage(
  facts: EligibilityFacts,
  set: ParameterSet<HealthCoverageValues> = rulesParameters().healthCoverage,
): ProgramResult {
  validateFacts(facts);
  const book = new RuleBook(facts);
  const province = facts.province?.value;
  const encoded = province !== undefined && set.periods.some((p) => p.series === province);
  book.check({
    id: 'HEALTH_PROVINCE_RULES_ENCODED',
    description: 'The province’s health insurance rules are encoded (BC, ON, QC so far)',
    needs: ['province'],
    parameters: { encoded: set.periods.map((p) => p.series).join(',') },
    test: () => (encoded ? true : null),
  });
  const result = (details: ProgramResult['details']): ProgramResult => ({
    program: 'HEALTH_COVERAGE',
    status: book.status,
    amount: null,
    explanation: book.rules,
    missingFacts: book.missingFacts,
    receiving: null,
    details,
  });
  if (!encoded) return result({ province: province ?? null });

  const selected = selectPeriod(set, facts.asOf, 'asOf', (p) => p.series === province);
  const v = selected.period.values;
  const start = facts.residencyStartDate?.value;
  const status = facts.immigrationStatus?.value;
  const rule = status ? v.statuses[status.status] : undefined;
  book.check({
    id: 'HEALTH_STATUS_ELIGIBLE',
    description: `Status in Canada insured by the ${v.planName}`,
    needs: ['immigrationStatus'],
    uses: ['residencyStartDate'],
    parameters: { minPermitMonths: rule?.minPermitMonths ?? null },
    test: () => {
      if (!rule!.eligible) return false;
      if (rule!.minPermitMonths === undefined) return true;
      // A permit must run at least that long from the day residence was established (or asOf).
      const until = status!.validUntil;
      return until === null ? null : addMonths(start ?? facts.asOf, rule!.minPermitMonths) <= until;
    },
  });
  book.check({
    id: 'HEALTH_RESIDENT_OF_PROVINCE',
    description: `Makes ${province} the main place of residence (date established known)`,
    needs: ['residencyStartDate'],
    presumable: true,
    test: () => true,
  });
  const coverageStartsOn = start === undefined ? null : coverageStartDate(start, v.waitingPeriod);
  return result({
    province: v.province,
    planName: v.planName,
    waitingPeriod: v.waitingPeriod.kind,
    coverageStartsOn,
    inWaitingPeriod: coverageStartsOn === null ? null : facts.asOf < coverageStartsOn,
    rulesPeriodId: selected.period.id,
    sources: selected.period.citations.map((c) => c.url).join(' '),
  });
}
