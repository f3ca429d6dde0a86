/** Public types of the search engine: what a query was understood as, and what it found. */
import type { Publication } from '../catalogue/schema.js';

/** Filters a query asked for in words ("in French", "since 2019") or as operators ("lang:fr"). */
export interface SearchFilters {
  /** ISO 639-1 codes; a publication passes when it has an edition in any of them (each, with `everyLanguage`). */
  languages?: string[];
  /** True when the query asked for titles in both or all of `languages` ("in both English and Spanish"). */
  everyLanguage?: true;
  yearFrom?: number;
  yearTo?: number;
}

/** How the engine read a query. */
export interface UnderstoodQuery {
  /** The query as typed. */
  text: string;
  /** The words that were searched for, after filters and question wording were taken out. */
  terms: string[];
  filters: SearchFilters;
  /** Acronyms expanded, e.g. { acronym: 'GBV', expansion: 'gender-based violence' }. */
  expansions: { acronym: string; expansion: string }[];
  /** Words read as misspellings of catalogue words, e.g. { from: 'trafiking', to: 'trafficking' }. */
  corrections: { from: string; to: string }[];
  /** True when the query was only filters ("all titles in Spanish"): every matching title is listed. */
  filterOnly: boolean;
  /**
   * Content words no title contains, even corrected, that were left out so that the rest of the query
   * could find titles ("trafficking in Klingon" → ["klingon"]). Absent when every word was searched.
   */
  unmatchedWords?: string[];
  /** Values of a `lang:` filter that name no known language, as typed ("lang:xx" → ["xx"]). Absent when none. */
  unknownLanguages?: string[];
  /** "newest" when the query asked for recent titles: the answer is newest first. Absent otherwise. */
  sort?: 'newest';
  /**
   * ISBNs the query gave, as the catalogue writes them when a title has them, with the edition each
   * identifies (print ISBN or electronic E-ISBN) and its language when the title has only one (ISO 639-1);
   * `edition` is absent for an ISBN no title has. Absent when the query gave none.
   */
  identifiers?: { isbn: string; edition?: 'print' | 'electronic'; language?: string }[];
}

export interface SearchHit {
  publication: Publication;
  score: number;
  /** Words of the publication's own text that matched, for highlighting (as they appear, lower case). */
  matchedTerms: string[];
}

export interface SearchResponse {
  query: UnderstoodQuery;
  /** The requested page of hits, best first. */
  hits: SearchHit[];
  /** How many hits there are in all. */
  total: number;
  /** When nothing was found: queries or titles the user may have meant. */
  suggestions: string[];
}

export interface SearchOptions {
  /** Page size; default 10. */
  limit?: number;
  /** Hits to skip, for paging; default 0. */
  offset?: number;
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResponse;
  /** A publication by id. */
  get(id: string): Publication | undefined;
  readonly publications: readonly Publication[];
}
