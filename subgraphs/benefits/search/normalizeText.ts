import { STOP_WORDS } from './stopWords.ts';

/** Lower case without accents or typographic apostrophes: "Bébé d’Élise" → "bebe d'elise" (é = e). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`´]/g, "'").toLowerCase();
}

/** Words of a text after folding; apostrophes and hyphens separate words ("j'ai" → j, ai). */
export function words(text: string): string[] {
  return foldText(text).split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/**
 * A light stemmer for English and French plurals and feminines, so that "families" meets
 * "family", "sociaux" meets "social" and "aînées" meets "aîné". Deliberately conservative:
 * a wrong stem on both sides still matches, a missed one only costs recall.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('eaux')) return w.slice(0, -1);
  if (w.endsWith('aux') && w.length > 5) return `${w.slice(0, -3)}al`;
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ee') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** A word as the index keeps it, or null when it carries no meaning for search. */
export function indexTerm(word: string): string | null {
  const w = foldText(word);
  if (w.length < 2 || STOP_WORDS.has(w)) return null;
  return stem(w);
}

/** The meaningful, stemmed terms of a text, in order. */
export function terms(text: string): string[] {
  return words(text).flatMap((w) => {
    const t = indexTerm(w);
    return t === null ? [] : [t];
  });
}
