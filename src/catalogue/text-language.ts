/**
 * Guesses the language a summary is written in by counting common function words that are
 * distinctive for each language (words shared by several languages, such as "de" or "la", are left out).
 */
import { foldedWords } from './text.js';

const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'for', 'with', 'that', 'this', 'on', 'by', 'are', 'it', 'which', 'from', 'as', 'an'],
  fr: ['le', 'les', 'des', 'du', 'et', 'est', 'pour', 'dans', 'une', 'sur', 'au', 'aux', 'ce', 'celui', 'ci', 'qui', 'avec', 'par'],
  es: ['el', 'los', 'las', 'y', 'del', 'para', 'una', 'que', 'con', 'por', 'es', 'se', 'sobre', 'como', 'este', 'esta', 'su'],
  it: ['il', 'di', 'e', 'che', 'per', 'della', 'delle', 'gli', 'sono', 'nel', 'nella', 'una', 'con', 'dei', 'alla'],
  pt: ['o', 'os', 'do', 'da', 'dos', 'das', 'e', 'que', 'para', 'uma', 'com', 'em', 'no', 'na', 'por'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'fur', 'den', 'dem', 'ein', 'eine', 'zu', 'von', 'auf', 'nicht'],
};

/** Fewest function words a text needs before its language is trusted over the fallback. */
const MIN_EVIDENCE = 3;

/**
 * The ISO 639-1 code of the language `text` is most likely written in, or `fallback` when the text is
 * too short or too ambiguous to tell.
 */
export function detectTextLanguage(text: string, fallback: string): string {
  const counts = new Map<string, number>();
  const words = foldedWords(text);
  for (const [code, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    counts.set(code, words.filter((w) => set.has(w)).length);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_EVIDENCE || (second && second[1] === best[1])) return fallback;
  return best[0];
}
