/**
 * Where benchmark sections keep their stores: a SQLite file in a temporary directory, and PostgreSQL
 * (BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test) in a schema of its
 * own, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { errorName } from '../orders/store-rules.js';
import type { StorageLocation } from '../storage.js';

/** A store location for one run, and how to remove it. */
export interface BenchPlace {
  location: StorageLocation;
  drop(): Promise<void>;
}

/** Where PostgreSQL is for the bench, and a schema of its own there (dropped by `drop`), or why not. */
async function benchSchema(): Promise<BenchPlace | string> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `not reachable (${errorName(error)})`;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    location: { databaseUrl: withSchema.toString() },
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * A fresh place for each store kind, in order (a SQLite file in a temporary directory named after `section`,
 * a PostgreSQL schema), and how to clean up after it; for PostgreSQL, why not when the server is not there.
 */
export async function benchPlaces(section: string): Promise<{ name: string; place: BenchPlace | string }[]> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${section}-`));
  return [
    { name: 'SQLite', place: { location: { sqliteFile: join(dir, 'orders.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) } },
    { name: 'PostgreSQL', place: await benchSchema() },
  ];
}

