/**
 * Vitest global setup: checks once whether the test PostgreSQL server answers (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test) and tells every test file through `inject('postgres')`. When it
 * does not, one line says so and the PostgreSQL tests are skipped — unless REQUIRE_POSTGRES=1 (CI), where
 * they run and fail with the reason.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresAvailability {
  url: string;
  reachable: boolean;
  /** Why not, when not reachable (an error code, never a password). */
  reason: string;
  required: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresAvailability;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;
  const required = process.env.REQUIRE_POSTGRES === '1';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  let reason = '';
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as { code?: string; name?: string };
    reason = e.code ?? e.name ?? 'unknown error';
  } finally {
    await client.end().catch(() => undefined);
  }
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return 'TEST_DATABASE_URL';
    }
  })();
  if (reason) {
    console.warn(
      required
        ? `\n!! PostgreSQL is required (REQUIRE_POSTGRES=1) but not reachable at ${where} (${reason}): the PostgreSQL tests will fail.\n`
        : `\n!! PostgreSQL not reachable at ${where} (${reason}): the PostgreSQL tests are SKIPPED. Start it or set TEST_DATABASE_URL; REQUIRE_POSTGRES=1 makes them fail instead.\n`,
    );
  }
  project.provide('postgres', { url, reachable: reason === '', reason: reason ? `PostgreSQL not reachable at ${where} (${reason})` : '', required });
}
