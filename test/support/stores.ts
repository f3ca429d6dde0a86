/**
 * Runs a suite against both kinds of storage: SQLite files in a temporary directory, and PostgreSQL in a
 * schema of its own (random name, created for the test and dropped after it, so that test files and other
 * people's runs can share one server). See postgres-setup.ts for when the PostgreSQL half is skipped.
 *
 *   describeEachStore('submit', (kit) => {
 *     it('…', async () => { const { orders } = await kit.open(); … });
 *   });
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, inject } from 'vitest';
import type { OrderStoreOptions } from '../../src/orders/store.js';
import { openStorage, type Storage, type StorageLocation } from '../../src/storage.js';
import { tempDir } from '../orders/fixtures.js';

export type StoreKind = 'sqlite' | 'postgres';

/** How a suite gets stores of one kind. */
export interface StoreKit {
  kind: StoreKind;
  /** A new, empty location (a SQLite file, a PostgreSQL schema), removed after the test. */
  location(): Promise<StorageLocation>;
  /** Opens the stores at `location` (default: a new one); closed after the test unless closed before. */
  open(options?: OrderStoreOptions, location?: StorageLocation): Promise<Storage & { location: StorageLocation }>;
}

const postgres = inject('postgres');

/** Whether the PostgreSQL tests run: the server answered, or REQUIRE_POSTGRES=1 makes them run (and fail). */
const POSTGRES_RUNS = postgres.reachable || postgres.required;

let admin: pg.Pool | undefined;
const schemas: string[] = [];
const fileSchemas: string[] = [];
const opened: Storage[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
  const drop = schemas.splice(0);
  if (admin && drop.length > 0) await admin.query(drop.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join('\n'));
});

afterAll(async () => {
  const drop = fileSchemas.splice(0);
  if (admin && drop.length > 0) await admin.query(drop.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join('\n'));
  await admin?.end();
  admin = undefined;
});

/** A connection string for a new, empty schema of the test server, dropped after the test (or, with `'file'`, after the file's tests). */
export async function freshPostgresUrl(lifetime: 'test' | 'file' = 'test'): Promise<string> {
  if (!postgres.reachable) throw new Error(`${postgres.reason}; PostgreSQL is required here (REQUIRE_POSTGRES=1).`);
  admin ??= new pg.Pool({ connectionString: postgres.url, max: 2 });
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  (lifetime === 'test' ? schemas : fileSchemas).push(schema);
  const url = new URL(postgres.url);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

const KITS: Record<StoreKind, StoreKit> = {
  sqlite: kit('sqlite', async () => ({ sqliteFile: join(tempDir(), 'orders.sqlite') })),
  postgres: kit('postgres', async () => ({ databaseUrl: await freshPostgresUrl() })),
};

function kit(kind: StoreKind, location: () => Promise<StorageLocation>): StoreKit {
  return {
    kind,
    location,
    async open(options = {}, at) {
      const where = at ?? (await location());
      const storage = await openStorage(where, options);
      opened.push(storage);
      return { ...storage, location: where };
    },
  };
}

/** `describe(title)` once per store kind, the PostgreSQL one skipped (saying why) when the server is not there. */
export function describeEachStore(title: string, body: (kit: StoreKit) => void): void {
  describe(`${title} [SQLite]`, () => body(KITS.sqlite));
  if (POSTGRES_RUNS) describe(`${title} [PostgreSQL]`, () => body(KITS.postgres));
  else describe.skip(`${title} [PostgreSQL] skipped: ${postgres.reason}`, () => body(KITS.postgres));
}

/** `describe(title)` on PostgreSQL only, skipped (saying why) when the server is not there. */
export function describePostgres(title: string, body: () => void): void {
  if (POSTGRES_RUNS) describe(`${title} [PostgreSQL]`, body);
  else describe.skip(`${title} [PostgreSQL] skipped: ${postgres.reason}`, body);
}
