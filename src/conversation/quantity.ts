/**
 * Quantities as people write them in English, French and Spanish: digits ("5", "x5", "5x") and small
 * number words ("five", "cinq", "cinco", "a dozen", "une vingtaine"). Keys are folded (see ./tokens.ts).
 */
import type { Token } from './tokens.js';

/** Number words by folded key. "a", "un", "une", "una" (one) count only before a word for copies. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
  quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100, douzaine: 12,
  dizaine: 10, vingtaine: 20, trentaine: 30, cinquantaine: 50, centaine: 100,
  uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  trece: 13, catorce: 14, quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, docena: 12, decena: 10,
};

/** Words that mean one only before a word for copies ("a copy", "un exemplaire", "una copia"). */
const ARTICLE_ONE = new Set(['a', 'an', 'un', 'une', 'una']);

/** Words that may come between an article and a number word: "a dozen", "une douzaine", "a couple of". */
const BEFORE_NUMBER_WORD = new Set(['a', 'an', 'une', 'una', 'un']);

/** A quantity read at a place in a message: its value and how many tokens it spans. */
export interface QuantityAt {
  value: number;
  length: number;
}

/**
 * The quantity that starts at `tokens[i]`, if any: digits (up to 6, so that a year in a title such as
 * "2030" is not read as a quantity below 10,000), "x5"/"5x", a number word with an optional article ("a
 * dozen", "une vingtaine de"), "a couple (of)". `beforeCopies` allows "a"/"un"/"une"/"una" as one.
 */
export function quantityAt(tokens: readonly Token[], i: number, beforeCopies: boolean): QuantityAt | undefined {
  const key = tokens[i]?.key;
  if (key === undefined) return undefined;
  const digits = /^x?(\d{1,6})x?$/.exec(key);
  if (digits?.[1] !== undefined && !/^(?:19|20)\d\d$/.test(digits[1])) return { value: Number(digits[1]), length: 1 };
  if (key in NUMBER_WORDS) return { value: NUMBER_WORDS[key] as number, length: 1 };
  const next = tokens[i + 1]?.key;
  if (BEFORE_NUMBER_WORD.has(key) && next !== undefined) {
    if (next in NUMBER_WORDS) return { value: NUMBER_WORDS[next] as number, length: 2 };
    if (next === 'couple') return { value: 2, length: tokens[i + 2]?.key === 'of' ? 3 : 2 };
  }
  if (beforeCopies && ARTICLE_ONE.has(key)) return { value: 1, length: 1 };
  return undefined;
}
