/**
 * Words that carry no meaning for finding a program, in English and French, already folded
 * (lower case, no accents). Phrases are matched before these are dropped, so "lost my job" and
 * "perdu mon emploi" still trigger their concepts.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'i', 'me', 'my', 'mine', 'im', 'ive', 'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its',
  'they', 'them', 'their', 'a', 'an', 'the', 'and', 'or', 'but', 'if', 'of', 'at', 'by', 'for', 'with', 'about', 'to',
  'from', 'in', 'on', 'into', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having',
  'do', 'does', 'did', 'just', 'so', 'than', 'too', 'very', 'can', 'could', 'will', 'would', 'should', 'may', 'might',
  'must', 'what', 'which', 'who', 'whom', 'this', 'that', 'these', 'those', 'there', 'here', 'when', 'where', 'why',
  'how', 'all', 'any', 'some', 'get', 'got', 'need', 'needs', 'want', 'wants', 'looking', 'help', 'please', 'also',
  'now', 'year', 'years', 'yo', 'dont', 'cant', 'not', 'no', 'only', 'still', 'our', 'us', 'living', 'live', 'lives',
  'eligible', 'apply', 'qualify', 'month', 'months', 'week', 'weeks',
  // French
  'je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'm', 'te', 't', 'se', 's', 'mon', 'ma', 'mes',
  'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'le', 'la', 'les', 'l',
  'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'et', 'ou', 'mais', 'donc', 'car', 'ni', 'que', 'qu', 'qui',
  'quoi', 'dont', 'en', 'dans', 'par', 'pour', 'avec', 'sans', 'sur', 'sous', 'chez', 'ce', 'cet', 'cette', 'ces',
  'c', 'est', 'suis', 'es', 'sommes', 'etes', 'sont', 'ai', 'as', 'avons', 'avez', 'ont', 'etre', 'avoir', 'fait',
  'faire', 'ne', 'pas', 'plus', 'tres', 'y', 'n', 'comment', 'quel', 'quelle', 'quels', 'quelles', 'besoin', 'veux',
  'voudrais', 'ans', 'an', 'mois', 'semaine', 'semaines', 'vit', 'vis', 'habite', 'admissible',
]);
