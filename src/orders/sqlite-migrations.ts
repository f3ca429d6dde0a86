/**
 * The SQLite store's schema (orders, and the live catalogue in the same file), as numbered migrations. The database's `PRAGMA user_version` says which
 * have run; opening a store applies the missing ones, all in one transaction, so a file is either
 * fully at the new version or untouched. Append new migrations; never edit one that has shipped.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** One step of the schema. */
export interface Migration {
  /** 1, 2, 3…: the user_version the database has once this has run. */
  version: number;
  description: string;
  sql: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'orders with their lines and status history; outbox of notices to deliver',
    sql: `
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        requester_id TEXT NOT NULL,
        requester_name TEXT,
        idempotency_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('submitted', 'processing', 'dispatched', 'cancelled')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR', 'USD')),
        payment_method TEXT NOT NULL CHECK (payment_method IN ('credit_card', 'check', 'bank_transfer')),
        contact_name TEXT NOT NULL,
        address TEXT NOT NULL,
        country TEXT NOT NULL,
        city TEXT NOT NULL,
        postal_code TEXT,
        telephone TEXT NOT NULL,
        email TEXT NOT NULL,
        UNIQUE (year, sequence),
        UNIQUE (requester_id, idempotency_key)
      ) STRICT;
      CREATE INDEX orders_by_requester ON orders (requester_id, created_at);

      CREATE TABLE order_lines (
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        publication_id TEXT NOT NULL,
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        unit_price_minor INTEGER,
        PRIMARY KEY (order_id, line_no)
      ) STRICT;

      CREATE TABLE order_status_history (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        reason TEXT,
        changed_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX order_status_history_by_order ON order_status_history (order_id, id);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
        uncertain INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        attempt_id TEXT,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        external_ref TEXT,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
    `,
  },
  {
    version: 2,
    description: 'outbox claims hold a lease (several workers may drain one outbox); messages by target',
    sql: `
      ALTER TABLE outbox ADD COLUMN locked_until INTEGER;
      CREATE INDEX outbox_by_target ON outbox (target, state);
    `,
  },
  {
    version: 3,
    description: 'the live catalogue: current entries in catalogue order, and the history of changes',
    sql: `
      CREATE TABLE catalogue_entries (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL UNIQUE,
        data TEXT NOT NULL
      ) STRICT;

      -- One row per change; seq is the catalogue's version once it is made. entries is a JSON list of
      -- { id, before, after } (null before: added; null after: removed).
      CREATE TABLE catalogue_changes (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('seed', 'import', 'edit', 'undo')),
        summary TEXT NOT NULL,
        entries TEXT NOT NULL,
        undoes INTEGER REFERENCES catalogue_changes (seq),
        undone_by INTEGER REFERENCES catalogue_changes (seq)
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: 'search usage: searches per UTC day, and searches that found nothing or little per day and normalised query text',
    sql: `
      CREATE TABLE search_days (
        day TEXT PRIMARY KEY,
        searches INTEGER NOT NULL,
        nothing_found INTEGER NOT NULL,
        found_in_part INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE search_gaps (
        day TEXT NOT NULL,
        query TEXT NOT NULL,
        nothing_found INTEGER NOT NULL,
        found_in_part INTEGER NOT NULL,
        PRIMARY KEY (day, query)
      ) STRICT;
    `,
  },
];
/**
 * Brings `db` up to the last of `migrations` (sorted by version, numbered 1, 2, 3…) in one immediate
 * transaction. Throws, changing nothing, when a migration fails or the file is newer than this program.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.description} is numbered ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new Error(`the order store is at schema version ${current}, newer than this program knows (${latest}); upgrade the program`);
    }
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/** How a connection to the store's file is opened. */
export interface OpenDatabaseOptions {
  /** Fail rather than create the file (and its directory) when there is none. Default false. */
  mustExist?: boolean;
  /** FULL (the default) flushes to disk at each commit; NORMAL, in WAL mode, only at checkpoints. */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Opens `file` (creating it and its directory unless `mustExist`) as every store on it does — WAL,
 * synchronous=FULL unless told otherwise, foreign keys, a 5 s busy timeout — migrated to the current
 * schema. Several connections (the order store's, the catalogue's, the search usage's) may hold one file.
 * Throws, closing it, when it cannot.
 */
export function openMigratedDatabase(file: string, { mustExist = false, synchronous = 'FULL' }: OpenDatabaseOptions = {}): Database.Database {
  if (!mustExist) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { fileMustExist: mustExist });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
