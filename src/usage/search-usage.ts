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
import type { SearchOutcome } from '../search/gaps.js';

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

/** Where search usage is counted; every method is one transaction. */
export interface SearchUsageStore {
  /**
   * Counts one search that people asked for: today's searches, and, when it found nothing or little, its
   * query under gapQueryText(queryText) (a text that normalises to nothing is counted without one).
   */
  record(queryText: string, outcome: SearchOutcome): Promise<void>;
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

/** The columns of gaps' rows: nothing found, found in part, per outcome of `record`. */
export function outcomeCounts(outcome: SearchOutcome): { nothingFound: 0 | 1; foundInPart: 0 | 1 } {
  return { nothingFound: outcome === 'none' ? 1 : 0, foundInPart: outcome === 'weak' ? 1 : 0 };
}
