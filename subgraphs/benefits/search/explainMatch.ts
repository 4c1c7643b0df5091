import { CATEGORY_LABELS, jurisdictionName, LIFE_EVENT_LABELS } from '../catalogue/labels.ts';
import type { Program } from '../catalogue/programSchema.ts';
import type { Language } from './detectLanguage.ts';
import type { MatchExplanation } from './ProgramSearch.ts';

const quote = (words: readonly string[]) => words.map((w) => `“${w}”`).join(', ');

/** One sentence saying why a program matched, in English or French, for people rather than code. */
export function explainMatch(program: Program, why: MatchExplanation, language: Language, replacedByName?: string): string {
  const fr = language === 'FR';
  const l = fr ? 'fr' : 'en';
  const parts: string[] = [];
  if (why.matchedTerms.length > 0) parts.push(`${fr ? 'vos mots' : 'your words'} ${quote(why.matchedTerms)}`);
  if (why.synonyms.length > 0) {
    const froms = [...new Set(why.synonyms.map((s) => s.from))];
    parts.push(`${fr ? 'des mots liés à' : 'words related to'} ${quote(froms)} (${quote(why.synonyms.map((s) => s.term))})`);
  }
  if (why.lifeEvents.length > 0) {
    parts.push(`${fr ? 'situation' : 'life event'}: ${why.lifeEvents.map((e) => LIFE_EVENT_LABELS[e][l]).join(', ')}`);
  }
  if (why.categories.length > 0) {
    parts.push(`${fr ? 'sujet' : 'topic'}: ${why.categories.map((c) => CATEGORY_LABELS[c][l]).join(', ')}`);
  }
  if (why.ages.length > 0) parts.push(`${fr ? 'âge' : 'age'} ${why.ages.join(', ')}`);
  const place = jurisdictionName(program.jurisdiction)[l];
  if (why.province) {
    const how = why.province.source === 'TEXT' ? (fr ? 'nommé dans la recherche' : 'named in your search') : fr ? 'votre province' : 'your province';
    parts.push(`${fr ? 'programme de' : 'a program of'} ${place} (${how})`);
  } else if (program.jurisdiction === 'CA') {
    parts.push(fr ? 'programme fédéral offert partout au Canada' : 'a federal program available across Canada');
  }
  const sentence = `${fr ? 'Correspond à' : 'Matches'} ${parts.join('; ')}.`;
  if (!why.replacedBy) return sentence;
  const instead = replacedByName ?? why.replacedBy;
  return `${sentence} ${fr ? `Classé plus bas : dans cette province, on se tourne plutôt vers ${instead}.` : `Ranked lower: in that province people usually turn to ${instead} instead.`}`;
}
