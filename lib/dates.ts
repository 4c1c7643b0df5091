/** Calendar-date helpers on ISO `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */

const DAY_MS = 86_400_000;

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export const parseIsoDate = (s: string) => new Date(`${s}T00:00:00Z`);

export const addDays = (iso: string, days: number) => isoDate(new Date(parseIsoDate(iso).getTime() + days * DAY_MS));

export function addMonths(iso: string, months: number): string {
  const d = parseIsoDate(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDate(d);
}

export const daysBetween = (fromIso: string, toIso: string) =>
  Math.round((parseIsoDate(toIso).getTime() - parseIsoDate(fromIso).getTime()) / DAY_MS);

/** Age in whole years on `onIso`. */
export function ageOn(dateOfBirth: string, onIso: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = parseIsoDate(s);
  return !Number.isNaN(d.getTime()) && isoDate(d) === s;
}
