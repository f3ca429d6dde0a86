/**
 * Search usage in SQLite (see ./search-usage.ts for the contract), in the order store's file: its tables
 * come with the order store's migrations (../orders/sqlite-migrations.ts). It keeps a connection of its own
 * with `synchronous = NORMAL`: in WAL mode a commit then waits for no disk flush, so counting a search costs
 * microseconds rather than a flush per search (a crash of the machine, not of the process, may lose the
 * last counts; the orders on the other connection keep FULL).
 */
import type Database from 'better-sqlite3';
import { openMigratedDatabase } from '../orders/sqlite-migrations.js';
import { checkReportPeriod, firstDayOfLast, RETENTION_DAYS, utcDay } from './days.js';
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
} from './search-usage.js';

/** Opens search usage in the order store's `file` (migrating it if the order store has not yet). */
export function openSqliteSearchUsage(file: string, clock: () => Date = () => new Date()): SqliteSearchUsage {
  return new SqliteSearchUsage(openMigratedDatabase(file, { synchronous: 'NORMAL' }), clock);
}

/** Search usage on an open, migrated connection; build it with openSqliteSearchUsage. */
export class SqliteSearchUsage implements SearchUsageStore {
  readonly #db: Database.Database;
  readonly #clock: () => Date;
  readonly #statements;
  /** The day of the last sweep of expired rows ('' before the first). */
  #sweptDay = '';

  constructor(db: Database.Database, clock: () => Date) {
    this.#db = db;
    this.#clock = clock;
    this.#statements = {
      countDay: db.prepare(
        `INSERT INTO search_days (day, searches, nothing_found, found_in_part) VALUES (?, ?, ?, ?)
         ON CONFLICT (day) DO UPDATE SET searches = searches + excluded.searches, nothing_found = nothing_found + excluded.nothing_found,
           found_in_part = found_in_part + excluded.found_in_part`,
      ),
      countGap: db.prepare(
        `INSERT INTO search_gaps (day, query, nothing_found, found_in_part) VALUES (?, ?, ?, ?)
         ON CONFLICT (day, query) DO UPDATE SET nothing_found = nothing_found + excluded.nothing_found,
           found_in_part = found_in_part + excluded.found_in_part`,
      ),
      totals: db.prepare(
        `SELECT COALESCE(SUM(searches), 0) AS searches, COALESCE(SUM(nothing_found), 0) AS nothing_found,
           COALESCE(SUM(found_in_part), 0) AS found_in_part
         FROM search_days WHERE day >= ?`,
      ),
      gaps: db.prepare(
        `SELECT query, SUM(nothing_found) AS nothing_found, SUM(found_in_part) AS found_in_part, MAX(day) AS last_day
         FROM search_gaps WHERE day >= ? GROUP BY query
         ORDER BY SUM(nothing_found) + SUM(found_in_part) DESC, SUM(nothing_found) DESC, query`,
      ),
      sweepDays: db.prepare(`DELETE FROM search_days WHERE day < ?`),
      sweepGaps: db.prepare(`DELETE FROM search_gaps WHERE day < ?`),
    };
  }

  async record(searches: readonly CountedSearch[]): Promise<void> {
    if (searches.length === 0) return;
    const now = this.#clock();
    const day = utcDay(now);
    const tally = tallySearches(searches);
    const s = this.#statements;
    this.#sweep(now);
    this.#db.transaction(() => {
      s.countDay.run(day, tally.searches, tally.nothingFound, tally.foundInPart);
      for (const [query, counts] of tally.gaps) s.countGap.run(day, query, counts.nothingFound, counts.foundInPart);
    })();
  }

  async totals(days: number): Promise<SearchTotals> {
    return totalsFromRow(this.#statements.totals.get(this.#since(days)) as TotalsRow);
  }

  async gaps(days: number): Promise<SearchGap[]> {
    return (this.#statements.gaps.all(this.#since(days)) as GapRow[]).map(gapFromRow);
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  /** The first day of the last `days`, after sweeping expired rows. */
  #since(days: number): string {
    checkReportPeriod(days);
    const now = this.#clock();
    this.#sweep(now);
    return firstDayOfLast(days, now);
  }

  /** Deletes the rows of days before the last RETENTION_DAYS, once per day. */
  #sweep(now: Date): void {
    const day = utcDay(now);
    if (day === this.#sweptDay) return;
    const oldestKept = firstDayOfLast(RETENTION_DAYS, now);
    this.#db.transaction(() => {
      this.#statements.sweepDays.run(oldestKept);
      this.#statements.sweepGaps.run(oldestKept);
    })();
    this.#sweptDay = day;
  }
}
