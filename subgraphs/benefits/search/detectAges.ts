/** An age stated in a query ("my mother is 67", "j'ai 62 ans") and the words that stated it. */
export interface AgeMention {
  age: number;
  at: readonly number[];
}

const AFTER = new Set(['year', 'years', 'yr', 'yrs', 'yo', 'ans', 'an']);
const BEFORE = new Set(['is', 'am', 'aged', 'age', 'turning', 'turned', 'turns', 'turn', 'ai', 'a', 'agee', 'ag']);
// Numbers followed by these are counts or amounts, not ages: "2 kids", "3 months pregnant".
const NOT_AN_AGE_AFTER = new Set([
  'month', 'months', 'mois', 'week', 'weeks', 'semaine', 'semaines', 'day', 'days', 'jours', 'kid', 'kids', 'child',
  'children', 'enfant', 'enfants', 'dollar', 'dollars', 'k', '000', 'hour', 'hours', 'heures', 'people', 'personnes',
]);

/**
 * Ages in the folded query words: a number of at most 120 followed by "years"/"ans", or preceded
 * by "is", "am", "aged", "turning", "âgée de". Numbers followed by a count word are not ages.
 */
export function detectAges(queryWords: readonly string[]): AgeMention[] {
  const found: AgeMention[] = [];
  queryWords.forEach((w, i) => {
    if (!/^\d{1,3}$/.test(w)) return;
    const age = Number(w);
    if (age > 120) return;
    const next = queryWords[i + 1] ?? '';
    if (NOT_AN_AGE_AFTER.has(next)) return;
    const prev = queryWords[i - 1] ?? '';
    const prev2 = queryWords[i - 2] ?? '';
    const at = [i];
    if (AFTER.has(next)) at.push(i + 1);
    else if (!(BEFORE.has(prev) || (prev === 'de' && BEFORE.has(prev2)))) return;
    found.push({ age, at });
  });
  return found;
}
