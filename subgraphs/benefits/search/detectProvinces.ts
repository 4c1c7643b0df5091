import type { ProvinceCode } from '../../../lib/jurisdictions.ts';

/** A province or territory named in a query, and the words that named it. */
export interface ProvinceMention {
  province: ProvinceCode;
  at: readonly number[];
  /** "from Ontario", "quitter l'Ontario": where someone is leaving, not where they will live. */
  origin: boolean;
}

// Names, French names, common abbreviations and the largest cities, as folded words. Two-letter
// codes that are also ordinary words ("on", "pe", "nu", "ab", "nt") count only when written in
// capitals (CODES_UPPER); "on" is left out altogether, since "ON" in a shouted query is too ambiguous.
const NAMES: Record<ProvinceCode, readonly string[]> = {
  AB: ['alberta', 'calgary', 'edmonton', 'red deer', 'lethbridge'],
  BC: ['british columbia', 'colombie britannique', 'bc', 'b c', 'c b', 'vancouver', 'surrey', 'burnaby', 'kelowna'],
  MB: ['manitoba', 'winnipeg', 'brandon'],
  NB: ['new brunswick', 'nouveau brunswick', 'moncton', 'fredericton', 'saint john'],
  NL: ['newfoundland', 'labrador', 'terre neuve', 'nfld', 'st john s', 'st johns'],
  NS: ['nova scotia', 'nouvelle ecosse', 'halifax', 'dartmouth', 'cape breton'],
  NT: ['northwest territories', 'territoires du nord ouest', 'nwt', 'tno', 'yellowknife'],
  NU: ['nunavut', 'iqaluit'],
  ON: ['ontario', 'toronto', 'ottawa', 'mississauga', 'brampton', 'london ontario', 'windsor', 'sudbury', 'thunder bay'],
  PE: ['prince edward island', 'pei', 'p e i', 'ile du prince edouard', 'ipe', 'charlottetown', 'summerside'],
  QC: ['quebec', 'qc', 'montreal', 'laval', 'gatineau', 'sherbrooke', 'trois rivieres', 'saguenay'],
  SK: ['saskatchewan', 'sask', 'regina', 'saskatoon'],
  YT: ['yukon', 'whitehorse'],
};
const CODES_UPPER: Partial<Record<ProvinceCode, string>> = {
  AB: 'AB', MB: 'MB', NB: 'NB', NL: 'NL', NS: 'NS', NT: 'NT', NU: 'NU', PE: 'PE', SK: 'SK', YT: 'YT',
};
const ORIGIN_WORDS = new Set(['from', 'leaving', 'left', 'quitter', 'quitte', 'quitté', 'depuis']);

const PATTERNS = (Object.entries(NAMES) as [ProvinceCode, readonly string[]][])
  .flatMap(([province, names]) => names.map((n) => ({ province, words: n.split(' ') })))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * Provinces and territories named in the query. `rawWords` are the query's words folded for
 * accents but not for case (same positions as `queryWords`), so capital-only codes can be told apart.
 */
export function detectProvinces(queryWords: readonly string[], rawWords: readonly string[]): ProvinceMention[] {
  const taken = new Set<number>();
  const found: ProvinceMention[] = [];
  const add = (province: ProvinceCode, at: number[]) => {
    at.forEach((i) => taken.add(i));
    const before = queryWords[at[0]! - 1] ?? '';
    const beforeThat = queryWords[at[0]! - 2] ?? '';
    const origin = ORIGIN_WORDS.has(before) || (ORIGIN_WORDS.has(beforeThat) && ['l', 'le', 'la', 'the'].includes(before));
    found.push({ province, at, origin });
  };
  for (const p of PATTERNS) {
    for (let i = 0; i + p.words.length <= queryWords.length; i++) {
      const at = p.words.map((_, k) => i + k);
      if (at.some((j) => taken.has(j))) continue;
      if (p.words.every((w, k) => queryWords[i + k] === w)) add(p.province, at);
    }
  }
  for (const [province, code] of Object.entries(CODES_UPPER) as [ProvinceCode, string][]) {
    rawWords.forEach((w, i) => {
      if (w === code && !taken.has(i)) add(province, [i]);
    });
  }
  return found;
}

/**
 * The query's words without accents, case kept (for capital-only codes); lower-casing them gives
 * the query words, so the two lists always line up.
 */
export function rawWords(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

