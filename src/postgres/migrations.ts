/**
 * The PostgreSQL schema, as numbered migrations, and how they are applied: at start-up, under an advisory
 * lock (pg_advisory_lock, keyed by the schema), so that replicas starting together migrate once — the
 * others wait for the lock, then find nothing left to do. `schema_migrations` records what ran; each
 * migration runs in its own transaction. Append new migrations; never edit one that has shipped.
 *
 * Tables are created in the connection's current schema (the first of its search_path), which lets tests
 * give each file a schema of its own on one server.
 */
import type pg from 'pg';

/** One step of the schema. */
export interface PostgresMigration {
  /** 1, 2, 3…: numbered in order. */
  version: number;
  description: string;
  sql: string;
}

/** The first key of the advisory lock that serialises migrations (the second is the schema's hash). */
const MIGRATION_LOCK = 0x0bd3_0001;

/** Every migration, oldest first. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'orders with their lines, status history and per-year reference counter; outbox of notices; Slack deliveries seen',
    sql: `
      CREATE TABLE orders (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        year integer NOT NULL,
        sequence integer NOT NULL,
        requester_id text NOT NULL,
        requester_name text,
        idempotency_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted', 'processing', 'dispatched', 'cancelled')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        currency text NOT NULL CHECK (currency IN ('CHF', 'EUR', 'USD')),
        payment_method text NOT NULL CHECK (payment_method IN ('credit_card', 'check', 'bank_transfer')),
        contact_name text NOT NULL,
        address text NOT NULL,
        country text NOT NULL,
        city text NOT NULL,
        postal_code text,
        telephone text NOT NULL,
        email text NOT NULL,
        UNIQUE (year, sequence),
        CONSTRAINT orders_idempotency UNIQUE (requester_id, idempotency_key)
      );
      CREATE INDEX orders_by_requester ON orders (requester_id, created_at);

      -- The last sequence number given out per year, updated in the transaction that stores the order:
      -- the row lock makes concurrent submissions take turns, so references are sequential with no gap.
      CREATE TABLE order_sequences (
        year integer PRIMARY KEY,
        last integer NOT NULL
      );

      CREATE TABLE order_lines (
        order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        line_no integer NOT NULL,
        publication_id text NOT NULL,
        title text NOT NULL,
        language text NOT NULL,
        quantity integer NOT NULL CHECK (quantity >= 1),
        unit_price_minor integer,
        PRIMARY KEY (order_id, line_no)
      );

      CREATE TABLE order_status_history (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        reason text,
        changed_at timestamptz NOT NULL
      );
      CREATE INDEX order_status_history_by_order ON order_status_history (order_id, id);

      CREATE TABLE outbox (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        kind text NOT NULL,
        target text NOT NULL,
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
        uncertain boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        attempt_id text,
        next_attempt_at timestamptz NOT NULL,
        locked_until timestamptz,
        last_error text,
        external_ref text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      );
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_by_target ON outbox (target, state);

      -- Slack deliveries already handled (event ids, trigger ids), shared by the replicas; expired rows are pruned.
      CREATE TABLE slack_deliveries (
        key text PRIMARY KEY,
        seen_at timestamptz NOT NULL
      );
      CREATE INDEX slack_deliveries_by_time ON slack_deliveries (seen_at);
    `,
  },
  {
    version: 2,
    description: 'language chosen on App Home per Slack user, shared by the replicas',
    sql: `
      CREATE TABLE language_preferences (
        user_id text PRIMARY KEY,
        locale text NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'the live catalogue: current entries in catalogue order, and the history of changes',
    sql: `
      CREATE TABLE catalogue_entries (
        id text PRIMARY KEY,
        position integer NOT NULL UNIQUE,
        data jsonb NOT NULL
      );

      -- One row per change; seq is the catalogue's version once it is made (written under the catalogue's
      -- advisory lock, so replicas take turns). entries is a list of { id, before, after } (null before:
      -- added; null after: removed).
      CREATE TABLE catalogue_changes (
        seq integer PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('seed', 'import', 'edit', 'undo')),
        summary text NOT NULL,
        entries jsonb NOT NULL,
        undoes integer REFERENCES catalogue_changes (seq),
        undone_by integer REFERENCES catalogue_changes (seq)
      );
    `,
  },
  {
    version: 4,
    description: 'search usage: searches per UTC day, and searches that found nothing or little per day and normalised query text',
    sql: `
      CREATE TABLE search_days (
        day date PRIMARY KEY,
        searches integer NOT NULL,
        nothing_found integer NOT NULL,
        found_in_part integer NOT NULL
      );

      CREATE TABLE search_gaps (
        day date NOT NULL,
        query text NOT NULL,
        nothing_found integer NOT NULL,
        found_in_part integer NOT NULL,
        PRIMARY KEY (day, query)
      );
    `,
  },
];
/**
 * Brings the database (its current schema) up to the last of `migrations`, holding the migration lock
 * meanwhile. Throws, leaving the failed migration undone, when one fails or the database is newer than
 * this program.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<void> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.description} is numbered ${m.version}, expected ${i + 1}`);
  });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ current: number }>('SELECT COALESCE(MAX(version), 0) AS current FROM schema_migrations');
      const current = rows[0]?.current ?? 0;
      if (current > migrations.length) {
        throw new Error(`the order database is at schema version ${current}, newer than this program knows (${migrations.length}); upgrade the program`);
      }
      for (const m of migrations.slice(current)) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [m.version, m.description]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
