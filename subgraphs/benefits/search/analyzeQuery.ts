import { detectAges, type AgeMention } from './detectAges.ts';
import { detectLanguage, type Language } from './detectLanguage.ts';
import { detectProvinces, rawWords, type ProvinceMention } from './detectProvinces.ts';
import { matchConcepts, type ConceptMatch } from './matchConcepts.ts';
import { indexTerm, terms as textTerms } from './normalizeText.ts';

/** What a plain-language query says, before any program is looked at. */
export interface QueryAnalysis {
  language: Language;
  provinces: ProvinceMention[];
  ages: AgeMention[];
  concepts: ConceptMatch[];
  /** Search terms from the resident's own words (stemmed), each with the word it came from. */
  terms: { term: string; word: string }[];
  /** Related terms the concepts add, each with the phrase that brought it. */
  expansions: { term: string; from: string }[];
}

export function analyzeQuery(text: string): QueryAnalysis {
  const raw = rawWords(text);
  const words = raw.map((w) => w.toLowerCase());
  const provinces = detectProvinces(words, raw);
  const ages = detectAges(words);
  // Words naming a province or an age are facts, not search terms: "Quebec" would otherwise
  // match every Quebec program by name, and "67" matches nothing useful.
  const consumed = new Set([...provinces.flatMap((p) => p.at), ...ages.flatMap((a) => a.at)]);
  const concepts = matchConcepts(words, consumed);
  const terms: QueryAnalysis['terms'] = [];
  words.forEach((w, i) => {
    if (consumed.has(i) || /^\d+$/.test(w)) return;
    const term = indexTerm(w);
    if (term !== null && !terms.some((t) => t.term === term)) terms.push({ term, word: w });
  });
  const expansions: QueryAnalysis['expansions'] = [];
  for (const c of concepts) {
    for (const term of c.concept.expands.flatMap((e) => textTerms(e))) {
      if (!terms.some((t) => t.term === term) && !expansions.some((e) => e.term === term)) {
        expansions.push({ term, from: c.phrase });
      }
    }
  }
  return { language: detectLanguage(text, words), provinces, ages, concepts, terms, expansions };
}
