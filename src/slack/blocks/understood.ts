/**
 * Says in words how a query was read: ISBNs and the edition each identifies, its filters by name, newest
 * first, spelling corrected, acronyms expanded, and what was left out (words no title has, languages the
 * catalogue does not know).
 */
import type { Translator } from '../../i18n/translator.js';
import type { SearchFilters, UnderstoodQuery } from '../../search/types.js';
import { plainEcho } from '../mrkdwn.js';

/** "Editions in French or Spanish · published 2019–2020"; empty when there are no filters. */
export function describeFilters(filters: SearchFilters, t: Translator): string {
  const parts: string[] = [];
  const languages = filters.languages ?? [];
  if (languages.length > 0) {
    const names = languages.map((l) => t.language(l));
    parts.push(t('understood.editionsIn', { languages: t.list(names, filters.everyLanguage ? 'conjunction' : 'disjunction') }));
  }
  const { yearFrom, yearTo } = filters;
  if (yearFrom !== undefined && yearTo !== undefined) {
    parts.push(
      yearFrom === yearTo
        ? t('understood.publishedIn', { year: String(yearFrom) })
        : t('understood.publishedBetween', { from: String(yearFrom), to: String(yearTo) }),
    );
  } else if (yearFrom !== undefined) {
    parts.push(t('understood.publishedSince', { year: String(yearFrom) }));
  } else if (yearTo !== undefined) {
    parts.push(t('understood.publishedUntil', { year: String(yearTo) }));
  }
  return parts.join(' · ');
}

/** "newest first" when the query asked for recent titles; empty otherwise. */
export function describeSort(query: UnderstoodQuery, t: Translator): string {
  return query.sort === 'newest' ? t('understood.newestFirst') : '';
}

/** "ISBN 978-… is the print edition (English)", "no title has ISBN 978…", one per ISBN the query gave. */
function describeIdentifiers(query: UnderstoodQuery, t: Translator): string[] {
  return (query.identifiers ?? []).map(({ isbn, edition, language }) => {
    if (edition === undefined) return t('understood.noIsbn', { isbn: plainEcho(isbn) });
    const label = t(edition === 'print' ? 'understood.isbnPrint' : 'understood.isbnElectronic', { isbn });
    return language ? t('understood.isbnLanguage', { edition: label, language: t.language(language) }) : label;
  });
}

/** The heading of a listing (a query of filters or recency only): "All titles: editions in Spanish · newest first". */
export function describeListing(query: UnderstoodQuery, t: Translator): string {
  const parts = [describeFilters(query.filters, t), describeSort(query, t)].filter(Boolean);
  return t('results.allTitles', { filters: parts.length > 0 ? lowerFirst(parts.join(' · ')) : t('results.wholeCatalogue') });
}

/**
 * One mrkdwn line on what was searched: the words (as corrected), the filters, corrections ("trafiking → trafficking")
 * and expansions ("GBV: gender-based violence"). Everything that came from the user is escaped.
 */
export function describeUnderstood(query: UnderstoodQuery, t: Translator): string {
  const parts: string[] = [];
  const corrected = new Map(query.corrections.map((c) => [c.from, c.to]));
  const terms = query.terms.map((term) => corrected.get(term) ?? term);
  if (terms.length > 0) parts.push(t('understood.searchedFor', { terms: plainEcho(terms.join(' ')) }));
  parts.push(...describeIdentifiers(query, t));
  const filters = describeFilters(query.filters, t);
  if (filters) parts.push(parts.length === 0 ? filters : lowerFirst(filters));
  const sort = describeSort(query, t);
  if (sort) parts.push(sort);
  if (query.corrections.length > 0) {
    parts.push(t('understood.corrected', { corrections: query.corrections.map((c) => `${plainEcho(c.from)} → ${plainEcho(c.to)}`).join(', ') }));
  }
  if (query.expansions.length > 0) {
    const acronyms = query.expansions.map((e) => t('understood.acronym', { acronym: plainEcho(e.acronym), expansion: plainEcho(e.expansion) }));
    parts.push(t('understood.acronyms', { acronyms: acronyms.join(', ') }));
  }
  if (query.unmatchedWords?.length) parts.push(t('understood.unmatched', { words: quotedList(query.unmatchedWords, t) }));
  if (query.unknownLanguages?.length) parts.push(t('understood.unknownLanguage', { languages: quotedList(query.unknownLanguages, t) }));
  if (parts.length === 0) return t('understood.searchedForText', { text: t('common.quoted', { text: plainEcho(query.text.trim()) }) });
  return upperFirst(parts.join(' · '));
}

/** “a”, “b” (« a », « b » in French) — user words, escaped. */
function quotedList(words: readonly string[], t: Translator): string {
  return words.map((w) => t('common.quoted', { text: plainEcho(w) })).join(', ');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether the engine read more into a query than its words: filters, newest first, ISBNs, corrections, expansions or words left out. */
export function hasInterpretation(query: UnderstoodQuery): boolean {
  const { languages, yearFrom, yearTo } = query.filters;
  return (
    (languages?.length ?? 0) > 0 ||
    yearFrom !== undefined ||
    yearTo !== undefined ||
    query.sort !== undefined ||
    (query.identifiers?.length ?? 0) > 0 ||
    query.corrections.length > 0 ||
    query.expansions.length > 0 ||
    (query.unmatchedWords?.length ?? 0) > 0 ||
    (query.unknownLanguages?.length ?? 0) > 0
  );
}
