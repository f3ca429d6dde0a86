/**
 * The connection pool to PostgreSQL (DATABASE_URL), migrated before use, and the one transaction helper
 * the stores use. Connection strings carry passwords: only describeDatabase's host and database name ever
 * reach a message or a log.
 */
import pg from 'pg';
import { migratePostgres } from './migrations.js';

/** Options of openPool. */
export interface PoolOptions {
  /** Connections at most (default 10). */
  max?: number;
  /** Shown in pg_stat_activity (default handbook-bot). */
  applicationName?: string;
}

/** A pool to `url`, with the schema migrated (under the migration lock). Rejects when the server cannot be reached or refuses. */
export async function openPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'handbook-bot',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server closes (a restart, a failover) is an 'error' event: without a listener it
  // would end the process. The next query opens a new connection; health() reports a server that is gone.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** "PostgreSQL database NAME on HOST:PORT" for `url`, without user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)';
    return `PostgreSQL database ${name} on ${parsed.hostname || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    return 'PostgreSQL database';
  }
}

/** Runs `work` in one transaction on one pooled connection: committed when it resolves, rolled back when it rejects. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
    });
    throw error;
  } finally {
    // A connection that could not even roll back is discarded rather than handed to the next caller.
    client.release(broken);
  }
}

/** True when `error` is PostgreSQL's unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === constraint;
}
