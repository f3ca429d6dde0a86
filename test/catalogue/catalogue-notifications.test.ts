/**
 * Catalogue change notifications on real PostgreSQL (src/postgres/catalogue-notifications.ts): two live
 * catalogues on two pools in one schema, as two replicas, with no poll and no refresh() by hand — a change
 * or an undo on one is answered by the other once notified; another schema's change is not told; the
 * listener listens again after its connection is terminated; and nothing is left open once stopped.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect, it, vi } from 'vitest';
import type { CatalogueWrite } from '../../src/catalogue/catalogue-store.js';
import { openLiveCatalogue, type LiveCatalogue } from '../../src/catalogue/live.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { watchCatalogue } from '../../src/postgres/catalogue-notifications.js';
import { openStorage, type Storage } from '../../src/storage.js';
import { CATALOGUE, FRAMEWORK } from '../orders/fixtures.js';
import { describePostgres, freshPostgresUrl } from '../support/stores.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BORDER: Publication = { ...FRAMEWORK, id: 'border-management-manual', title: 'Manual on Integrated Border Management' };
/** How long a notification may take to be answered before the test fails (a bound, not a measure). */
const WAIT = { timeout: 10_000, interval: 20 };

function edit(baseVersion: number, publications: Publication[]): CatalogueWrite {
  return { action: 'edit', actorId: 'U0ADMIN', summary: 'edited', publications, baseVersion };
}

const finds = (catalogue: LiveCatalogue, query: string): string[] => catalogue.engine.search(query).hits.map((h) => h.publication.id);

/** Two storages (two pools) on one new schema, with a live catalogue each; closed after `body`. */
async function twoReplicas(body: (one: { storage: Storage; live: LiveCatalogue }, two: { storage: Storage; live: LiveCatalogue }, databaseUrl: string) => Promise<void>) {
  const databaseUrl = await freshPostgresUrl();
  const storages = await Promise.all([openStorage({ databaseUrl }), openStorage({ databaseUrl })]);
  try {
    const [a, b] = await Promise.all(storages.map((s) => openLiveCatalogue(s.catalogue, { seed: CATALOGUE })));
    await body({ storage: storages[0], live: a! }, { storage: storages[1], live: b! }, databaseUrl);
  } finally {
    await Promise.all(storages.map((s) => s.close()));
  }
}

describePostgres('catalogue change notifications', () => {
  it("answers with another replica's change and undo once notified, and is not told of another schema's changes", async () => {
    await twoReplicas(async (one, two) => {
      let told = 0;
      two.storage.watchCatalogue!(() => {
        told += 1;
        void two.live.refresh();
      });
      // Told once when it starts listening: from then on, a change can only reach it as a notification.
      await vi.waitFor(() => expect(told).toBe(1), WAIT);

      const elsewhere = await openStorage({ databaseUrl: await freshPostgresUrl() });
      try {
        const other = await openLiveCatalogue(elsewhere.catalogue, { seed: CATALOGUE });
        await other.apply(edit(other.version, [{ ...BORDER, id: 'elsewhere' }]));
      } finally {
        await elsewhere.close();
      }

      await one.live.apply(edit(one.live.version, [BORDER]));
      await vi.waitFor(() => expect(finds(two.live, 'border management')).toEqual([BORDER.id]), WAIT);
      // Notifications reach a listener in commit order: the other schema's came first and was not told.
      expect(told).toBe(2);

      await one.live.undo('U0ADMIN');
      await vi.waitFor(() => expect(finds(two.live, 'border management')).toEqual([]), WAIT);
      expect(two.live.version).toBe(3);
    });
  });

  it('listens again after its connection is terminated, and answers with a later change', async () => {
    await twoReplicas(async (one, two, databaseUrl) => {
      const name = `catalogue listener test ${randomBytes(4).toString('hex')}`;
      const errors: unknown[] = [];
      const watch = watchCatalogue({ connectionString: databaseUrl, application_name: name }, () => void two.live.refresh(), { onError: (e) => errors.push(e) });
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      try {
        const listening = async (): Promise<number> => {
          const { rows } = await admin.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle' AND query LIKE 'LISTEN%'`,
            [name],
          );
          if (rows.length !== 1) throw new Error(`${rows.length} listening connections`);
          return rows[0]!.pid;
        };
        const first = await vi.waitFor(listening, WAIT);
        await admin.query('SELECT pg_terminate_backend($1)', [first]);
        await vi.waitFor(() => expect(errors).toEqual([expect.objectContaining({ code: '57P01' })]), WAIT);
        await vi.waitFor(async () => expect(await listening()).not.toBe(first), WAIT);

        await one.live.apply(edit(one.live.version, [BORDER]));
        await vi.waitFor(() => expect(finds(two.live, 'border management')).toEqual([BORDER.id]), WAIT);
        expect(errors).toHaveLength(1);
      } finally {
        await watch.stop();
        await admin.end();
      }
    });
  });

  it('leaves nothing open once stopped (listening, or still connecting) or once the storage is closed: the process ends by itself', async () => {
    const databaseUrl = await freshPostgresUrl();
    // A process of its own that must end by itself: an open connection or timer would keep it running.
    const script = `
      const { openStorage } = await import('./src/storage.ts');
      const storage = await openStorage({ databaseUrl: process.env.TEST_URL });
      let listening;
      const told = new Promise((resolve) => (listening = resolve));
      const first = storage.watchCatalogue(() => listening());
      await told;
      await first.stop();
      await storage.watchCatalogue(() => undefined).stop();
      storage.watchCatalogue(() => undefined);
      await storage.close();
      process.stdout.write('closed');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TEST_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Bounded: a process still running after 20 s is killed, and fails below.
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    clearTimeout(killer);
    expect(output).toBe('closed');
    expect(exit).toEqual({ code: 0, signal: null });
  }, 30_000);
});
