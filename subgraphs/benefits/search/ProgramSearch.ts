import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import type { Catalogue } from '../catalogue/Catalogue.ts';
import type { Category, LifeEvent, Program } from '../catalogue/programSchema.ts';
import { analyzeQuery, type QueryAnalysis } from './analyzeQuery.ts';
import type { Language } from './detectLanguage.ts';
import { indexTerm, words } from './normalizeText.ts';

export interface SearchOptions {
  /** Language of the explanation; detected from the text when omitted. */
  language?: Language;
  /** The resident's province: its programs and federal ones are kept, other provinces' are not. */
  province?: ProvinceCode;
  /** How many hits, best first (default 10). */
  first?: number;
}

/** Why a program matched, in terms a front end can show or translate. */
export interface MatchExplanation {
  /** The resident's own words found in the program's text. */
  matchedTerms: string[];
  /** Related words found instead, each with the phrase of the query that brought it. */
  synonyms: { term: string; from: string }[];
  lifeEvents: LifeEvent[];
  categories: Category[];
  /** The program's province, when the query named it (TEXT) or the caller gave it (ARGUMENT). */
  province: { code: ProvinceCode; source: 'TEXT' | 'ARGUMENT' } | null;
  /** Ages read in the query that fall within the program's age condition. */
  ages: number[];
  /** Set when the program is usually replaced by another in the province asked about. */
  replacedBy: string | null;
}

export interface SearchHit {
  program: Program;
  score: number;
  why: MatchExplanation;
}

export interface SearchResult {
  language: Language;
  /** Provinces the search was narrowed to (named in the text or given), empty for all of Canada. */
  provinces: ProvinceCode[];
  ages: number[];
  hits: SearchHit[];
}

interface ProgramDocument {
  id: string;
  name: string;
  keywords: string;
  summary: string;
  audience: string;
  howToApply: string;
}

// Ranking weights, tuned on the labelled queries in tests/benefits/labelledQueries.json
// (npx tsx bench/searchQuality.ts prints recall@3 and MRR against a naive baseline).
const FIELD_BOOST = { name: 3, keywords: 2.5, summary: 1, audience: 0.5, howToApply: 0.3 };
const EXPANSION_WEIGHT = 0.4; // a synonym counts less than the resident's own word
// Per concept of the query: one bonus when the program shares any of its life events, one when it
// shares any of its categories (a concept with two categories must not count twice).
const LIFE_EVENT_BONUS = 0.3;
const CATEGORY_BONUS = 0.3;
const AGE_IN_RANGE_BONUS = 0.7;
const AGE_OUT_OF_RANGE_PENALTY = -0.6;
const PROVINCE_BONUS = { TEXT: 0.35, ARGUMENT: 0.2, ORIGIN: 0.1 };
const REPLACED_FACTOR = 0.35;
// With no province known, a federal program certainly applies to the resident and a provincial one
// only if they live there: provincial programs rank a little lower, and one province cannot crowd out the rest.
const UNKNOWN_PROVINCE_FACTOR = 0.6;

/**
 * Plain-language search over the catalogue (English and French): MiniSearch's BM25 over folded,
 * lightly stemmed text, plus what the query says about life events, categories, ages and
 * provinces. Built once per process; `search` is pure.
 */
export class ProgramSearch {
  private readonly index: MiniSearch<ProgramDocument>;

  constructor(private readonly catalogue: Catalogue) {
    this.index = new MiniSearch<ProgramDocument>({
      fields: ['name', 'keywords', 'summary', 'audience', 'howToApply'],
      tokenize: (text) => words(text),
      processTerm: (word) => indexTerm(word),
      // Queries reach the index already analysed (folded, stemmed, stop words gone).
      searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
    });
    this.index.addAll(catalogue.programs.map(toDocument));
  }

  search(text: string, options: SearchOptions = {}): SearchResult {
    const q = analyzeQuery(text);
    const language = options.language ?? q.language;
    const scope = scopeOf(q, options.province);
    const own = this.run(q.terms.map((t) => t.term));
    const related = this.run(q.expansions.map((e) => e.term));
    const textScore = new Map<string, number>();
    for (const [id, r] of own) textScore.set(id, r.score);
    for (const [id, r] of related) textScore.set(id, (textScore.get(id) ?? 0) + EXPANSION_WEIGHT * r.score);
    const maxText = Math.max(0, ...textScore.values());

    const ages = q.ages.map((a) => a.age);
    // Each concept's life events and categories; an age says something about life stage even when
    // no word does ("my mother is 67"), so it counts as a concept of its own.
    const signals: { lifeEvents: readonly LifeEvent[]; categories: readonly Category[] }[] = q.concepts.map((c) => c.concept);
    for (const age of ages) {
      if (age >= 60) signals.push({ lifeEvents: ['retirement'], categories: [] });
      if (age < 18) signals.push({ lifeEvents: ['raising-children'], categories: [] });
    }

    const hits: SearchHit[] = [];
    for (const program of this.catalogue.programs) {
      const inScope = scope.get(program.jurisdiction as ProvinceCode);
      if (program.jurisdiction !== 'CA' && scope.size > 0 && inScope === undefined) continue;
      const lifeEvents = program.lifeEvents.filter((e) => signals.some((c) => c.lifeEvents.includes(e)));
      const categories = program.categories.filter((k) => signals.some((c) => c.categories.includes(k)));
      const agesInRange = program.ages ? ages.filter((a) => inRange(a, program.ages!)) : [];
      const text = maxText > 0 ? (textScore.get(program.id) ?? 0) / maxText : 0;
      if (text === 0 && lifeEvents.length === 0 && categories.length === 0 && agesInRange.length === 0) continue;

      let score = text;
      for (const c of signals) {
        if (c.lifeEvents.some((e) => program.lifeEvents.includes(e))) score += LIFE_EVENT_BONUS;
        if (c.categories.some((k) => program.categories.includes(k))) score += CATEGORY_BONUS;
      }
      if (program.ages && ages.length > 0) score += agesInRange.length > 0 ? AGE_IN_RANGE_BONUS : AGE_OUT_OF_RANGE_PENALTY;
      if (inScope !== undefined) score += PROVINCE_BONUS[inScope];
      const replaced = program.replacedIn.find((r) => scope.has(r.province) && scope.get(r.province) !== 'ORIGIN');
      if (replaced) score *= REPLACED_FACTOR;
      if (scope.size === 0 && program.jurisdiction !== 'CA') score *= UNKNOWN_PROVINCE_FACTOR;
      if (score <= 0) continue;

      hits.push({
        program,
        score,
        why: {
          matchedTerms: q.terms.filter((t) => own.get(program.id)?.queryTerms.includes(t.term)).map((t) => t.word),
          synonyms: q.expansions
            .filter((e) => related.get(program.id)?.queryTerms.includes(e.term))
            .map((e) => ({ term: e.term, from: e.from })),
          lifeEvents,
          categories,
          province:
            inScope === undefined ? null : { code: program.jurisdiction as ProvinceCode, source: inScope === 'ARGUMENT' ? 'ARGUMENT' : 'TEXT' },
          ages: agesInRange,
          replacedBy: replaced?.by ?? null,
        },
      });
    }
    // Ties keep catalogue order (federal first), so results are stable run to run.
    hits.sort((a, b) => b.score - a.score);
    return { language, provinces: [...scope.keys()], ages, hits: hits.slice(0, options.first ?? 10) };
  }

  private run(terms: string[]): Map<string, MiniSearchResult> {
    if (terms.length === 0) return new Map();
    const results = this.index.search(terms.join(' '), {
      boost: FIELD_BOOST,
      combineWith: 'OR',
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
      weights: { fuzzy: 0.3, prefix: 0.5 },
    });
    return new Map(results.map((r) => [r.id as string, r]));
  }
}

/** Provinces in scope and why: named in the text (or as the place being left), or given by the caller. */
function scopeOf(q: QueryAnalysis, province: ProvinceCode | undefined): Map<ProvinceCode, 'TEXT' | 'ARGUMENT' | 'ORIGIN'> {
  const scope = new Map<ProvinceCode, 'TEXT' | 'ARGUMENT' | 'ORIGIN'>();
  for (const m of q.provinces) {
    if (!m.origin) scope.set(m.province, 'TEXT');
    else if (!scope.has(m.province)) scope.set(m.province, 'ORIGIN');
  }
  if (province !== undefined && !scope.has(province)) scope.set(province, 'ARGUMENT');
  return scope;
}

function inRange(age: number, range: { min?: number | undefined; max?: number | undefined }): boolean {
  return (range.min === undefined || age >= range.min) && (range.max === undefined || age <= range.max);
}

function toDocument(p: Program): ProgramDocument {
  const both = (t: { en: string; fr: string }) => `${t.en} ${t.fr}`;
  return {
    id: p.id,
    name: both(p.name),
    keywords: p.keywords ? [...p.keywords.en, ...p.keywords.fr].join(' ') : '',
    summary: both(p.summary),
    audience: both(p.audience),
    howToApply: both(p.howToApply),
  };
}
