/**
 * Text normalisation shared by indexing and querying: accent folding, tokenising, stop words and
 * stemming. A text is always analysed with its own language's rules (a Spanish summary with the Spanish
 * stemmer), and folded before it is stemmed so that "reintegración" and "reintegracion" meet.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';

/** Languages with a stemmer; text in any other language is folded but not stemmed. */
export const STEMMED_LANGUAGES = ['en', 'es', 'fr'] as const;
export type StemmedLanguage = (typeof STEMMED_LANGUAGES)[number];

const STEMMERS: Record<StemmedLanguage, (word: string) => string> = {
  en: stemEnglish,
  es: stemSpanish,
  fr: stemFrench,
};

/** Letters that NFD does not decompose but people type without. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

/**
 * Lower-cases and strips accents ("Atención" → "atencion", "œuvre" → "oeuvre"); letters of other scripts
 * (Arabic, Armenian) are kept.
 */
export function fold(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c);
}

/** Dotted abbreviations such as "A.MI.CO." are one word ("AMICO"). */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}{1,4}\.){2,}(?:\p{L}{1,4}(?![\p{L}\p{N}]))?/gu;

/**
 * Splits text into words as written (case and accents kept): runs of letters and digits; hyphens,
 * apostrophes and punctuation separate words. Single letters (elided "l'", possessive "'s", list
 * markers) are dropped.
 */
export function tokenise(text: string): string[] {
  // Most texts have no letter-dot-letter at all; skipping the abbreviation scan for them halves the cost.
  const joined = /\p{L}\.\p{L}/u.test(text) ? text.replace(DOTTED_ABBREVIATION, (m) => m.replace(/\./g, '')) : text;
  return joined.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 || /\d/.test(w));
}

/**
 * Small hand-picked stop-word lists (folded). Deliberately short: generic lists drop words that carry
 * meaning here, such as Spanish "trata" or French "personnes".
 */
const STOP_WORDS: Record<StemmedLanguage, ReadonlySet<string>> = {
  en: new Set(
    ('a an the and or nor of in on at to for from by with without as is are was were be been being this that these ' +
      'those it its they them their there we our us you your he she his her which who whom what when where how why ' +
      'into onto through about than then also not no so such other each both all any some more most can could ' +
      'should would will shall may might must do does did has have had who if but per via up').split(' '),
  ),
  es: new Set(
    ('el la los las un una unos unas de del al a y e o u en con sin por para sobre entre que se su sus es son ' +
      'fue este esta estos estas ese esa lo le les como mas muy tambien ya no ni desde hasta').split(' '),
  ),
  fr: new Set(
    ('le la les un une des du de d l au aux et ou en dans sur sous par pour avec sans que qui quoi ce cet cette ' +
      'ces se sa son ses leur leurs est sont ete etre il elle ils elles on ne pas plus a y ainsi tous tout toute ' +
      'toutes entre vers chez').split(' '),
  ),
};

/** True for a folded word that is a stop word in the given language (or, without one, in any of them). */
export function isStopWord(folded: string, language?: string): boolean {
  if (language !== undefined) return isStemmed(language) ? STOP_WORDS[language].has(folded) : false;
  return STOP_WORDS.en.has(folded) || STOP_WORDS.es.has(folded) || STOP_WORDS.fr.has(folded);
}

function isStemmed(language: string): language is StemmedLanguage {
  return (STEMMED_LANGUAGES as readonly string[]).includes(language);
}

/** Stems already computed, per language; cleared when one grows past STEM_CACHE_LIMIT. */
const stemCaches: Record<StemmedLanguage, Map<string, string>> = { en: new Map(), es: new Map(), fr: new Map() };
const STEM_CACHE_LIMIT = 200_000;

/** The stem of a folded word in a language; the word itself for languages without a stemmer. */
export function stem(folded: string, language: string): string {
  if (!isStemmed(language)) return folded;
  const cache = stemCaches[language];
  let stemmed = cache.get(folded);
  if (stemmed === undefined) {
    stemmed = /\d/.test(folded) ? folded : language === 'es' ? stemSpanishFolded(folded) : STEMMERS[language](folded);
    if (cache.size > STEM_CACHE_LIMIT) cache.clear();
    cache.set(folded, stemmed);
  }
  return stemmed;
}

/**
 * The Spanish stem of a folded word. Spanish writes "-ción" and "-sión" with an accent that folding takes
 * away, and the stemmer knows those suffixes only accented: the accent is put back first, so that
 * "informacion" stems like "información" and "informativas" ("inform") and "reintegracion" like English
 * "reintegration" ("reintegr").
 */
function stemSpanishFolded(folded: string): string {
  return fold(stemSpanish(folded.replace(/([cs])ion$/, '$1ión')));
}

/** One word of a text: as written (lower case), folded, and its index term (stem), or null for a stop word. */
export interface AnalysedWord {
  surface: string;
  folded: string;
  term: string | null;
}

function analyseWord(word: string, language: string): AnalysedWord {
  const folded = fold(word);
  return { surface: word.toLowerCase(), folded, term: isStopWord(folded, language) ? null : stem(folded, language) };
}

/**
 * Tokenises texts and gives each word its folded form and index term, remembering every distinct word as
 * written, per language, so that a catalogue's recurring words are analysed once. The words it returns
 * are shared between calls: read them, do not change them.
 */
export class WordAnalyser {
  private readonly known = new Map<string, Map<string, AnalysedWord>>();

  /** The words of a text in a language, analysed. */
  words(text: string, language: string): AnalysedWord[] {
    let known = this.known.get(language);
    if (!known) this.known.set(language, (known = new Map()));
    const words: AnalysedWord[] = [];
    for (const token of tokenise(text)) {
      let word = known.get(token);
      if (!word) known.set(token, (word = analyseWord(token, language)));
      words.push(word);
    }
    return words;
  }
}

/** The index terms of a text in a language: folded, stop words dropped, stemmed. */
export function analyse(text: string, language: string): string[] {
  const terms: string[] = [];
  for (const word of tokenise(text)) {
    const folded = fold(word);
    if (!isStopWord(folded, language)) terms.push(stem(folded, language));
  }
  return terms;
}

/**
 * The index terms a query word may stand for: the folded word itself and its English, Spanish and
 * French stems (a query's language is not known, so each stemmer's reading is an alternative).
 */
export function queryTermVariants(folded: string): string[] {
  const variants = new Set([folded]);
  for (const language of STEMMED_LANGUAGES) variants.add(stem(folded, language));
  return [...variants];
}

/** A word in the sense of whole-word matching: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text` (runs of letters and digits) in order, each match giving the word and where it starts. */
export function wordMatches(text: string): IterableIterator<RegExpExecArray> {
  return text.matchAll(WORD);
}

/** The words of `text` (runs of letters and digits), in order, as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}
