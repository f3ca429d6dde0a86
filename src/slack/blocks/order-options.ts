/**
 * The options of the dialog's searchable publication select (an external_select, so it scales past the
 * 100 options a static select can hold): titles containing what was typed first, then what the search
 * engine finds for it (topics, keywords, misspellings), at most 100; the newest titles when nothing is typed
 * (the select asks with an empty value as it opens), and none for a query with nothing to search by.
 */
import type { types } from '@slack/bolt';
import type { Publication } from '../../catalogue/schema.js';
import type { Translator } from '../../i18n/translator.js';
import { fold } from '../../search/normalise.js';
import type { SearchEngine } from '../../search/types.js';
import { LIMITS, truncate } from '../mrkdwn.js';
import { newestFirst } from './home.js';
import { plainText } from './kit.js';
import { languageNames } from './publication.js';


/** One title as an option: "Title (2019)" and its editions, the reader's first, as the description. */
export function publicationOption(p: Publication, t: Translator): types.PlainTextOption {
  const year = ` (${p.year})`;
  return {
    text: plainText(`${truncate(p.title, LIMITS.optionText - year.length)}${year}`, LIMITS.optionText),
    value: p.id,
    description: plainText(languageNames(p, t), LIMITS.optionText),
  };
}

/**
 * Whether `query` (trimmed, not empty) has something to search by: a letter, or a number of four digits or
 * more (a year, the 2030 of a title). "0", "-" or "12" would only match titles by accident.
 */
export function isSearchableQuery(query: string): boolean {
  return /\p{L}|\p{N}{4}/u.test(query);
}

/** The publications offered for `typed`, best first, at most `max`. */
export function matchingPublications(engine: SearchEngine, typed: string, max: number = LIMITS.optionsPerSelect): Publication[] {
  const query = typed.trim();
  if (query === '') return [...engine.publications].sort(newestFirst).slice(0, max);
  if (!isSearchableQuery(query)) return [];
  const words = fold(query).split(/\s+/);
  const byTitle = engine.publications.filter((p) => {
    const title = fold(p.title);
    return words.every((w) => title.includes(w));
  });
  const found = new Map(byTitle.map((p) => [p.id, p]));
  for (const hit of engine.search(query, { limit: max }).hits) found.set(hit.publication.id, hit.publication);
  return [...found.values()].slice(0, max);
}

/** The options payload answering a block_suggestion for the publication select. */
export function publicationOptions(engine: SearchEngine, typed: string, t: Translator): { options: types.PlainTextOption[] } {
  return { options: matchingPublications(engine, typed).map((p) => publicationOption(p, t)) };
}

/**
 * What words naming a title (after `/handbooks order`, or in an order request in words) name: one title the
 * search clearly ranks first, or how many titles they fit, with the best of them as candidates.
 */
export type OrderPreselection = { publication: Publication } | { matches: number; candidates: Publication[] };

/** A top hit is clear when it is the only one, or scores at least this many times the next one. */
const CLEAR_LEAD = 1.5;
/** Titles offered when words fit several. */
const ORDER_CANDIDATES_MAX = 3;
/** Hits looked at for titles the first does not clearly beat. */
const CONTENDERS_MAX = 10;

/**
 * The title to pre-select for `words`, when the search is confident about it; else the best candidates.
 * When the request names a language edition (`language`), a title is also clear when it is the only one
 * with that edition among the titles the first does not clearly beat ("manuel de réintégration en
 * français": of the titles about reintegration, only the Reintegration Handbook has a French edition).
 */
export function orderPreselection(engine: SearchEngine, words: string, language?: string): OrderPreselection {
  const query = words.trim();
  if (!isSearchableQuery(query)) return { matches: 0, candidates: [] };
  const found = engine.search(query, { limit: CONTENDERS_MAX });
  const [first, second] = found.hits;
  if (first === undefined) return { matches: 0, candidates: [] };
  const clear = found.total === 1 || (!found.query.filterOnly && second !== undefined && first.score > 0 && first.score >= CLEAR_LEAD * second.score);
  if (clear) return { publication: first.publication };
  const contenders = found.query.filterOnly ? [] : found.hits.filter((h) => h.score > 0 && CLEAR_LEAD * h.score > first.score);
  const inEdition = language === undefined ? [] : contenders.filter((h) => h.publication.languages.includes(language));
  if (inEdition.length === 1 && inEdition[0]) return { publication: inEdition[0].publication };
  const candidates = (inEdition.length > 1 ? inEdition : found.hits).slice(0, ORDER_CANDIDATES_MAX);
  return { matches: found.total, candidates: candidates.map((h) => h.publication) };
}
