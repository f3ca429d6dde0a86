/**
 * Says in words how a query was read: ISBNs and the edition each identifies, its filters by name, newest
 * first, spelling corrected, acronyms expanded, and what was left out (words no title has, languages the
 * catalogue does not know).
 */
import { languageName } from '../../catalogue/languages.js';
import type { SearchFilters, UnderstoodQuery } from '../../search/types.js';
import { plainEcho } from '../mrkdwn.js';

/** "Editions in French or Spanish · published 2019–2020"; empty when there are no filters. */
export function describeFilters(filters: SearchFilters): string {
  const parts: string[] = [];
  const languages = filters.languages ?? [];
  if (languages.length > 0) parts.push(`Editions in ${joinList(languages.map(languageName), filters.everyLanguage ? 'and' : 'or')}`);
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

/** "newest first" when the query asked for recent titles; empty otherwise. */
export function describeSort(query: UnderstoodQuery): string {
  return query.sort === 'newest' ? 'newest first' : '';
}

/** "ISBN 978-… is the print edition (English)", "no title has ISBN 978…", one per ISBN the query gave. */
function describeIdentifiers(query: UnderstoodQuery): string[] {
  return (query.identifiers ?? []).map(({ isbn, edition, language }) => {
    if (edition === undefined) return `no title has ISBN ${plainEcho(isbn)}`;
    const label = edition === 'print' ? `ISBN ${isbn} is the print edition` : `E-ISBN ${isbn} is the electronic edition`;
    return language ? `${label} (${languageName(language)})` : label;
  });
}

/** The heading of a listing (a query of filters or recency only): "All titles: editions in Spanish · newest first". */
export function describeListing(query: UnderstoodQuery): string {
  const parts = [describeFilters(query.filters), describeSort(query)].filter(Boolean);
  return `All titles: ${parts.length > 0 ? lowerFirst(parts.join(' · ')) : 'the whole catalogue'}`;
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
  parts.push(...describeIdentifiers(query));
  const filters = describeFilters(query.filters);
  if (filters) parts.push(parts.length === 0 ? filters : lowerFirst(filters));
  const sort = describeSort(query);
  if (sort) parts.push(sort);
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

/** "a, b or c" (or "a, b and c"). */
function joinList(names: readonly string[], conjunction: 'or' | 'and'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
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
    query.sort !== undefined ||
    (query.identifiers?.length ?? 0) > 0 ||
    query.corrections.length > 0 ||
    query.expansions.length > 0 ||
    (query.unmatchedWords?.length ?? 0) > 0 ||
    (query.unknownLanguages?.length ?? 0) > 0
  );
}
