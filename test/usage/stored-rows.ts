/** Every row of the search-usage tables, read straight from the store's SQLite file or PostgreSQL schema. */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StorageLocation } from '../../src/storage.js';

export interface StoredSearchRows {
  search_days: { day: string; searches: number; nothing_found: number; found_in_part: number }[];
  search_gaps: { day: string; query: string; nothing_found: number; found_in_part: number }[];
}

/** The rows of search_days and search_gaps at `location`, ordered by day (then query); days as YYYY-MM-DD. */
export async function storedSearchRows(location: StorageLocation): Promise<StoredSearchRows> {
  // Every column the tables have (SELECT *), the day as text in PostgreSQL (a date there).
  const day = 'sqliteFile' in location ? 'day' : `to_char(day, 'YYYY-MM-DD') AS day`;
  const days = `SELECT *, ${day} FROM search_days ORDER BY 1`;
  const gaps = `SELECT *, ${day} FROM search_gaps ORDER BY 1, 2`;
  if ('sqliteFile' in location) {
    const db = new Database(location.sqliteFile, { readonly: true });
    try {
      return { search_days: db.prepare(days).all() as StoredSearchRows['search_days'], search_gaps: db.prepare(gaps).all() as StoredSearchRows['search_gaps'] };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  try {
    const [d, g] = [await client.query(days), await client.query(gaps)];
    return { search_days: d.rows, search_gaps: g.rows } as StoredSearchRows;
  } finally {
    await client.end();
  }
}
