import { addDays, addMonths } from '../../../lib/dates.ts';
import { AppError, ErrorCode } from '../../../lib/errors.ts';
import type { FactName } from './EligibilityFacts.ts';
import type { ParameterPeriod, ParameterSet } from './parameterFile.ts';

export interface SelectedPeriod<V> {
  period: ParameterPeriod<V>;
  /** The period the date falls in: the parameter period itself, or its figures shifted forward. */
  window: { from: string; to: string | null; label: string };
  /** False when the date is after the last published period and its figures stand in. */
  inForce: boolean;
}

const monthsBetween = (fromIso: string, toIso: string) => {
  const [fy, fm] = fromIso.split('-').map(Number) as [number, number];
  const [ty, tm] = toIso.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
};

/**
 * The parameter period in force on `date`. A date after the last period, within the file's
 * `carryForwardMonths`, gets the last period's figures over a window of the same length that
 * contains it (a benefit year stays July to June, a quarter stays a quarter). Any other date
 * has no figures: BAD_USER_INPUT naming `fact`, never an amount from nowhere.
 */
export function selectPeriod<V>(
  set: ParameterSet<V>,
  date: string,
  fact: FactName | 'asOf' = 'asOf',
  filter: (p: ParameterPeriod<V>) => boolean = () => true,
): SelectedPeriod<V> {
  const periods = set.periods.filter(filter);
  const current = periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
  if (current) return { period: current, window: { from: current.from, to: current.to, label: current.label }, inForce: true };
  const last = periods[periods.length - 1];
  if (last && last.to !== null && date > last.to && date <= addMonths(last.to, set.carryForwardMonths)) {
    const length = monthsBetween(last.from, addDays(last.to, 1));
    const steps = Math.ceil((monthsBetween(addDays(last.to, 1), date) + 1) / length);
    const from = addMonths(last.from, steps * length);
    const to = addDays(addMonths(addDays(last.to, 1), steps * length), -1);
    return { period: last, window: { from, to, label: `${from} to ${to}` }, inForce: false };
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, `No published ${set.title} figures for ${date}`, {
    fact,
    program: set.program,
  });
}
