import { readFileSync } from 'node:fs';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';

/** One labelled query of `labelledQueries.json` (shared by the search tests and bench/searchQuality.ts). */
export interface LabelledQuery {
  text: string;
  province?: ProvinceCode;
  relevant: string[];
  mustHitTop3?: string[];
  /** Added after the ranking weights were set, and not used to tune them. */
  heldOut?: boolean;
}

export const LABELLED_QUERIES: readonly LabelledQuery[] = (
  JSON.parse(readFileSync(new URL('./labelledQueries.json', import.meta.url), 'utf8')) as { queries: LabelledQuery[] }
).queries;

/** Share of a query's relevant programs found in the first k, out of at most k (so 1 is reachable). */
export function recallAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  const top = ranked.slice(0, k);
  return relevant.filter((id) => top.includes(id)).length / Math.min(k, relevant.length);
}

/** 1 / rank of the first relevant program, 0 when none is ranked. */
export function reciprocalRank(ranked: readonly string[], relevant: readonly string[]): number {
  const i = ranked.findIndex((id) => relevant.includes(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export function meanOver(queries: readonly LabelledQuery[], rank: (q: LabelledQuery) => readonly string[]) {
  let recall3 = 0;
  let mrr = 0;
  for (const q of queries) {
    const ranked = rank(q);
    recall3 += recallAt(3, ranked, q.relevant);
    mrr += reciprocalRank(ranked, q.relevant);
  }
  return { recall3: recall3 / queries.length, mrr: mrr / queries.length };
}
