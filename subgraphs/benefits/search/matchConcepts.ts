import { CONCEPTS, type Concept } from './concepts.ts';
import { stem, words } from './normalizeText.ts';

/** A concept found in a query, with the resident's own words that triggered it. */
export interface ConceptMatch {
  concept: Concept;
  phrase: string;
  /** Indexes of the query words the phrase covered. */
  at: readonly number[];
}

interface CompiledPhrase {
  concept: Concept;
  phrase: string;
  stems: readonly string[];
}

// Compiled once: phrases folded and stemmed like query words, longest first so that
// "perdu mon emploi" is preferred to a shorter phrase inside it.
const PHRASES: readonly CompiledPhrase[] = CONCEPTS.flatMap((concept) =>
  concept.phrases.map((phrase) => ({ concept, phrase, stems: words(phrase).map(stem) })),
)
  .filter((p) => p.stems.length > 0)
  .sort((a, b) => b.stems.length - a.stems.length);

/**
 * Concepts whose phrases occur in the query words (already folded), word for word after stemming.
 * `skip` marks words already consumed (a province or an age). One match per concept.
 */
export function matchConcepts(queryWords: readonly string[], skip: ReadonlySet<number> = new Set()): ConceptMatch[] {
  const stems = queryWords.map(stem);
  const found = new Map<string, ConceptMatch>();
  for (const p of PHRASES) {
    if (found.has(p.concept.id)) continue;
    for (let i = 0; i + p.stems.length <= stems.length; i++) {
      const at = p.stems.map((_, k) => i + k);
      if (at.some((j) => skip.has(j))) continue;
      if (p.stems.every((s, k) => stems[i + k] === s)) {
        found.set(p.concept.id, { concept: p.concept, phrase: queryWords.slice(i, i + p.stems.length).join(' '), at });
        break;
      }
    }
  }
  return [...found.values()];
}
