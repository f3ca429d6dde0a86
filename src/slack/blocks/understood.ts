/**
 * Says in words how a query was read: its filters by name, spelling corrected, acronyms expanded, and what
 * was left out (words no title has, languages the catalogue does not know).
 */
import { languageName } from '../../catalogue/languages.js';
import type { SearchFilters, UnderstoodQuery } from '../../search/types.js';
import { plainEcho } from '../mrkdwn.js';

/** "Editions in French or Spanish · published 2019–2020"; empty when there are no filters. */
export function describeFilters(filters: SearchFilters): string {
  const parts: string[] = [];
  const languages = filters.languages ?? [];
  if (languages.length > 0) parts.push(`Editions in ${orList(languages.map(languageName))}`);
  const { yearFrom, yearTo } = filters;
  if (yearFrom !== undefined && yearTo !== undefined) {
    parts.push(yearFrom === yearTo ? `published in ${yearFrom}` : `published ${yearFrom}–${yearTo}`);
  } else if (yearFrom !== undefined) {
    parts.push(`published in ${yearFrom} or later`);
  } else if (yearTo !== undefined) {
    parts.push(`published in ${yearTo} or earlier`);
  }
  return parts.join(' · ');
}

/**
 * One mrkdwn line on what was searched: the words (as corrected), the filters, corrections ("trafiking → trafficking")
 * and expansions ("GBV: gender-based violence"). Everything that came from the user is escaped.
 */
export function describeUnderstood(query: UnderstoodQuery): string {
  const parts: string[] = [];
  const corrected = new Map(query.corrections.map((c) => [c.from, c.to]));
  const terms = query.terms.map((t) => corrected.get(t) ?? t);
  if (terms.length > 0) parts.push(`Searched for *${plainEcho(terms.join(' '))}*`);
  const filters = describeFilters(query.filters);
  if (filters) parts.push(parts.length === 0 ? filters : lowerFirst(filters));
  if (query.corrections.length > 0) {
    parts.push(`spelling corrected: ${query.corrections.map((c) => `${plainEcho(c.from)} → ${plainEcho(c.to)}`).join(', ')}`);
  }
  if (query.expansions.length > 0) {
    parts.push(`read ${query.expansions.map((e) => `${plainEcho(e.acronym)} as ${plainEcho(e.expansion)}`).join(', ')}`);
  }
  if (query.unmatchedWords?.length) parts.push(`no title mentions ${quotedList(query.unmatchedWords)}`);
  if (query.unknownLanguages?.length) parts.push(`unknown language ${quotedList(query.unknownLanguages)} left out`);
  if (parts.length === 0) return `Searched for “${plainEcho(query.text.trim())}”`;
  return upperFirst(parts.join(' · '));
}

/** “a”, “b” — user words, escaped. */
function quotedList(words: readonly string[]): string {
  return words.map((w) => `“${plainEcho(w)}”`).join(', ');
}

function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether the engine read more into a query than its words: filters, corrections, expansions or words left out. */
export function hasInterpretation(query: UnderstoodQuery): boolean {
  return (
    describeFilters(query.filters) !== '' ||
    query.corrections.length > 0 ||
    query.expansions.length > 0 ||
    (query.unmatchedWords?.length ?? 0) > 0 ||
    (query.unknownLanguages?.length ?? 0) > 0
  );
}
