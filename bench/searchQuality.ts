/**
 * Search quality of the benefits catalogue over the labelled queries of
 * tests/benefits/labelledQueries.json: recall@3 and MRR, side by side with two baselines from the
 * same run, ratios reported.
 *   - naive: lower-cased substring match of the query's words (3+ letters), ranked by how many
 *     match; no accent folding, stemming, stop words, synonyms, province or age logic.
 *   - bm25: MiniSearch over the same folded, stemmed text as the real search, without concepts,
 *     provinces or ages (what the plain library gives).
 * `npx tsx bench/searchQuality.ts` alone, or `searchQualityLines()` from bench/run.ts.
 */
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCatalogue } from '../subgraphs/benefits/catalogue/loadCatalogue.ts';
import type { Program } from '../subgraphs/benefits/catalogue/programSchema.ts';
import { indexTerm, terms, words } from '../subgraphs/benefits/search/normalizeText.ts';
import { ProgramSearch } from '../subgraphs/benefits/search/ProgramSearch.ts';
import { LABELLED_QUERIES, meanOver, type LabelledQuery } from '../tests/benefits/labelledQueries.ts';
import { fmt, percentiles } from './stats.ts';

const RANKED = 10;

const programText = (p: Program) =>
  [p.name, p.summary, p.audience].flatMap((t) => [t.en, t.fr]).concat(p.keywords ? [...p.keywords.en, ...p.keywords.fr] : []).join(' ');

/** The naive baseline: count of query words found as substrings, catalogue order for ties. */
function naiveRanker(programs: readonly Program[]) {
  const texts = programs.map((p) => ({ id: p.id, text: programText(p).toLowerCase() }));
  return (q: LabelledQuery) => {
    const queryWords = [...new Set(q.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3))];
    return texts
      .map((t, i) => ({ id: t.id, i, n: queryWords.filter((w) => t.text.includes(w)).length }))
      .filter((s) => s.n > 0)
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .slice(0, RANKED)
      .map((s) => s.id);
  };
}

/** The library alone: BM25 over folded, stemmed text, no concepts, provinces or ages. */
function bm25Ranker(programs: readonly Program[]) {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    tokenize: (text) => words(text),
    processTerm: (word) => indexTerm(word),
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  index.addAll(programs.map((p) => ({ id: p.id, text: programText(p) })));
  return (q: LabelledQuery) =>
    index
      .search(terms(q.text).join(' '), { prefix: (t) => t.length >= 5 })
      .slice(0, RANKED)
      .map((r) => r.id as string);
}

export function searchQualityLines(): string[] {
  const catalogue = loadCatalogue();
  const search = new ProgramSearch(catalogue);
  const full = (q: LabelledQuery) => search.search(q.text, { province: q.province, first: RANKED }).hits.map((h) => h.program.id);
  const naive = meanOver(LABELLED_QUERIES, naiveRanker(catalogue.programs));
  const bm25 = meanOver(LABELLED_QUERIES, bm25Ranker(catalogue.programs));
  const ours = meanOver(LABELLED_QUERIES, full);
  const heldOutQueries = LABELLED_QUERIES.filter((q) => q.heldOut);
  const heldOut = meanOver(heldOutQueries, full);
  const heldOutNaive = meanOver(heldOutQueries, naiveRanker(catalogue.programs));
  // Timed after the passes above, so JIT warm-up is not counted.
  const durations = LABELLED_QUERIES.map((q) => {
    const t = performance.now();
    full(q);
    return performance.now() - t;
  });
  const latency = percentiles(durations);
  const n = LABELLED_QUERIES.length;
  const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : fmt(a / b, 2));
  return [
    `5. search quality, ${n} labelled queries (EN+FR), ${catalogue.programs.length} programs: ` +
      `recall@3 ${fmt(ours.recall3, 3)}, MRR ${fmt(ours.mrr, 3)}; ` +
      `naive keyword baseline recall@3 ${fmt(naive.recall3, 3)}, MRR ${fmt(naive.mrr, 3)} ` +
      `(ratios ${ratio(ours.recall3, naive.recall3)} / ${ratio(ours.mrr, naive.mrr)})`,
    `   BM25 alone (MiniSearch, folded and stemmed, no synonyms/provinces/ages): recall@3 ${fmt(bm25.recall3, 3)}, ` +
      `MRR ${fmt(bm25.mrr, 3)} (ratios ${ratio(ours.recall3, bm25.recall3)} / ${ratio(ours.mrr, bm25.mrr)}); ` +
      `search latency p50 ${fmt(latency.p50, 2)} ms p99 ${fmt(latency.p99, 2)} ms`,
    `   held-out subset (${heldOutQueries.length} queries not used to tune the weights): recall@3 ${fmt(heldOut.recall3, 3)}, ` +
      `MRR ${fmt(heldOut.mrr, 3)}; naive ${fmt(heldOutNaive.recall3, 3)} / ${fmt(heldOutNaive.mrr, 3)} ` +
      `(ratios ${ratio(heldOut.recall3, heldOutNaive.recall3)} / ${ratio(heldOut.mrr, heldOutNaive.mrr)})`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of searchQualityLines()) console.log(line);
}
