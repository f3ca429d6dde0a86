/**
 * The search-usage store's contract: what staff look for and do not find, counted so that the Publications
 * Unit can see gaps in the catalogue. Two implementations keep it, beside the orders — SQLite
 * (./sqlite-search-usage.ts, in the order store's file) and PostgreSQL (../postgres/search-usage.ts) — and
 * one test suite runs against both (test/usage/search-usage.test.ts).
 *
 * What is kept, and nothing more:
 * - per UTC day: how many searches people asked for, how many found nothing, how many found little;
 * - per UTC day and query text: how many searches with that text found nothing or little (see
 *   ../search/gaps.ts for what that means). The text is the normalised query (gapQueryText); searches that
 *   found what they asked for are counted, never their text.
 * No user id, no channel id, no time finer than the day. Rows of days before the last RETENTION_DAYS are
 * deleted (on the first write or read of each new day).
 */
import { gapQueryText, type SearchOutcome } from '../search/gaps.js';

/** Searches over a period. */
export interface SearchTotals {
  searches: number;
  /** Searches that found nothing. */
  nothingFound: number;
  /** Searches that found titles only in part (some words left out, an unknown ISBN). */
  foundInPart: number;
}

/** One query text that found nothing or little, over a period. */
export interface SearchGap {
  /** The normalised query text. */
  query: string;
  /** Searches with this text that found nothing or little: nothingFound + foundInPart. */
  searches: number;
  nothingFound: number;
  foundInPart: number;
  /** The last day it was searched for, YYYY-MM-DD (UTC). */
  lastDay: string;
}

/** A search someone asked for: the query as the engine read it, and how well it was answered. */
export interface CountedSearch {
  queryText: string;
  outcome: SearchOutcome;
}

/** Where search usage is counted; every method is one transaction. */
export interface SearchUsageStore {
  /**
   * Counts searches people asked for, today: the day's searches and, for each that found nothing or
   * little, its query under gapQueryText (a text that normalises to nothing is counted without one).
   */
  record(searches: readonly CountedSearch[]): Promise<void>;
  /** The searches of the last `days` days (1 to RETENTION_DAYS; today counts as one). */
  totals(days: number): Promise<SearchTotals>;
  /**
   * Every query text that found nothing or little in the last `days` days (1 to RETENTION_DAYS), most
   * searched first, then those that found nothing most, then by text.
   */
  gaps(days: number): Promise<SearchGap[]>;
  /** Closes what the store opened itself (the SQLite connection); the shared pool is the storage's. */
  close(): Promise<void>;
}

/** Counts to add for a batch of searches: the day's, and per normalised query text of the gaps among them. */
export interface SearchTally extends SearchTotals {
  gaps: Map<string, { nothingFound: number; foundInPart: number }>;
}

/** Adds up `searches` as the stores write them: one day's counts, and per gap text (gapQueryText) its counts. */
export function tallySearches(searches: readonly CountedSearch[]): SearchTally {
  const tally: SearchTally = { searches: 0, nothingFound: 0, foundInPart: 0, gaps: new Map() };
  for (const { queryText, outcome } of searches) {
    tally.searches += 1;
    if (outcome === 'found') continue;
    const field = outcome === 'none' ? 'nothingFound' : 'foundInPart';
    tally[field] += 1;
    const query = gapQueryText(queryText);
    if (query === '') continue;
    const counts = tally.gaps.get(query) ?? { nothingFound: 0, foundInPart: 0 };
    counts[field] += 1;
    tally.gaps.set(query, counts);
  }
  return tally;
}

/** A row of the period's totals as both stores select it. */
export interface TotalsRow {
  searches: number;
  nothing_found: number;
  found_in_part: number;
}

/** A row of the gap report as both stores select it (`last_day`: YYYY-MM-DD). */
export interface GapRow {
  query: string;
  nothing_found: number;
  found_in_part: number;
  last_day: string;
}

/** The totals a row holds. */
export function totalsFromRow(row: TotalsRow): SearchTotals {
  return { searches: row.searches, nothingFound: row.nothing_found, foundInPart: row.found_in_part };
}

/** The gap a row holds. */
export function gapFromRow(row: GapRow): SearchGap {
  return { query: row.query, searches: row.nothing_found + row.found_in_part, nothingFound: row.nothing_found, foundInPart: row.found_in_part, lastDay: row.last_day };
}
