export type Language = 'EN' | 'FR';

const FRENCH = new Set([
  'je', 'j', 'ai', 'mon', 'ma', 'mes', 'le', 'la', 'les', 'des', 'du', 'un', 'une', 'pour', 'avec', 'est', 'suis', 'au', 'aux',
  'et', 'de', 'ou', 'qui', 'quoi', 'comment', 'ans', 'mere', 'pere', 'enfant', 'enfants', 'emploi', 'aide', 'cours',
  'francais', 'bebe', 'naissance', 'perdu', 'prestation', 'allocation', 'assurance', 'personne', 'personnes', 'sans',
]);
const ENGLISH = new Set([
  'i', 'my', 'the', 'a', 'an', 'for', 'with', 'is', 'am', 'and', 'of', 'in', 'to', 'just', 'lost', 'how', 'what', 'need',
  'job', 'old', 'years', 'mother', 'father', 'baby', 'care', 'help', 'benefit', 'benefits', 'card', 'health', 'income',
  'low', 'work', 'am', 'have', 'has', 'our', 'from', 'moving',
]);

/**
 * English or French, from the query's folded words and its accents. A tie, or no clue at all,
 * is English unless the raw text has French accents (é, è, à, ç…).
 */
export function detectLanguage(text: string, foldedWords: readonly string[]): Language {
  let fr = /[éèêàâçùûîôœ]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const w of foldedWords) {
    if (FRENCH.has(w)) fr++;
    if (ENGLISH.has(w)) en++;
  }
  return fr > en ? 'FR' : 'EN';
}
