/**
 * Search usage (../usage/search-usage.ts) in PostgreSQL, shared by every replica: counters per day and per
 * day and query text, added to with upserts so that replicas counting at once never lose a search. Each
 * replica sweeps expired rows on its first write or read of a day (deleting what another already deleted
 * is harmless).
 */
import type pg from 'pg';
import { checkReportPeriod, firstDayOfLast, RETENTION_DAYS, utcDay } from '../usage/days.js';
import {
  gapFromRow,
  tallySearches,
  totalsFromRow,
  type CountedSearch,
  type GapRow,
  type SearchGap,
  type SearchTotals,
  type SearchUsageStore,
  type TotalsRow,
} from '../usage/search-usage.js';

/** Search usage on a migrated pool that belongs to the storage (see openStorage in ../storage.ts). */
export class PostgresSearchUsage implements SearchUsageStore {
  /** The day of the last sweep of expired rows ('' before the first). */
  #sweptDay = '';

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(searches: readonly CountedSearch[]): Promise<void> {
    if (searches.length === 0) return;
    const now = this.clock();
    await this.#sweep(now);
    const tally = tallySearches(searches);
    const gaps = [...tally.gaps];
    // One statement, so one round trip and atomic: the day's counters, and each gap text's.
    await this.pool.query(
      `WITH counted_day AS (
         INSERT INTO search_days (day, searches, nothing_found, found_in_part) VALUES ($1::date, $2, $3, $4)
         ON CONFLICT (day) DO UPDATE SET searches = search_days.searches + EXCLUDED.searches,
           nothing_found = search_days.nothing_found + EXCLUDED.nothing_found,
           found_in_part = search_days.found_in_part + EXCLUDED.found_in_part
       )
       INSERT INTO search_gaps (day, query, nothing_found, found_in_part)
       SELECT $1::date, g.query, g.nothing_found, g.found_in_part
       FROM unnest($5::text[], $6::int[], $7::int[]) AS g (query, nothing_found, found_in_part)
       ON CONFLICT (day, query) DO UPDATE SET nothing_found = search_gaps.nothing_found + EXCLUDED.nothing_found,
         found_in_part = search_gaps.found_in_part + EXCLUDED.found_in_part`,
      [
        utcDay(now),
        tally.searches,
        tally.nothingFound,
        tally.foundInPart,
        gaps.map(([query]) => query),
        gaps.map(([, c]) => c.nothingFound),
        gaps.map(([, c]) => c.foundInPart),
      ],
    );
  }

  async totals(days: number): Promise<SearchTotals> {
    const since = await this.#since(days);
    const { rows } = await this.pool.query<TotalsRow>(
      `SELECT COALESCE(SUM(searches), 0)::int AS searches, COALESCE(SUM(nothing_found), 0)::int AS nothing_found,
         COALESCE(SUM(found_in_part), 0)::int AS found_in_part
       FROM search_days WHERE day >= $1::date`,
      [since],
    );
    return totalsFromRow(rows[0] ?? { searches: 0, nothing_found: 0, found_in_part: 0 });
  }

  async gaps(days: number): Promise<SearchGap[]> {
    const since = await this.#since(days);
    const { rows } = await this.pool.query<GapRow>(
      `SELECT query, SUM(nothing_found)::int AS nothing_found, SUM(found_in_part)::int AS found_in_part,
         to_char(MAX(day), 'YYYY-MM-DD') AS last_day
       FROM search_gaps WHERE day >= $1::date GROUP BY query
       ORDER BY SUM(nothing_found) + SUM(found_in_part) DESC, SUM(nothing_found) DESC, query COLLATE "C"`,
      [since],
    );
    return rows.map(gapFromRow);
  }

  /** Nothing of its own to close: the pool is the storage's, ended once with the order store. */
  async close(): Promise<void> {}

  /** The first day of the last `days`, after sweeping expired rows. */
  async #since(days: number): Promise<string> {
    checkReportPeriod(days);
    const now = this.clock();
    await this.#sweep(now);
    return firstDayOfLast(days, now);
  }

  /** Deletes the rows of days before the last RETENTION_DAYS, once per day per replica. */
  async #sweep(now: Date): Promise<void> {
    const day = utcDay(now);
    if (day === this.#sweptDay) return;
    const oldestKept = firstDayOfLast(RETENTION_DAYS, now);
    await this.pool.query(
      `WITH expired_days AS (DELETE FROM search_days WHERE day < $1::date) DELETE FROM search_gaps WHERE day < $1::date`,
      [oldestKept],
    );
    this.#sweptDay = day;
  }
}
