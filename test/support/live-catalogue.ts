/**
 * A live catalogue on a real temporary SQLite file, for tests of what changes the catalogue (Slack
 * surfaces included): seeded with `publications` (default: the committed catalogue), closed after the
 * test unless closed before.
 *
 *   const { catalogue } = await openTestCatalogue();
 *   const bot = await startTestBot({ deps: { engine: catalogue.engine, catalogue } });
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CatalogueStore } from '../../src/catalogue/catalogue-store.js';
import { openLiveCatalogue, type LiveCatalogue } from '../../src/catalogue/live.js';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { openSqliteCatalogueStore } from '../../src/catalogue/sqlite-catalogue-store.js';
import { tempDir } from '../orders/fixtures.js';

/** An open test catalogue: the live catalogue, its store, the file, and close() (idempotent). */
export interface TestCatalogue {
  catalogue: LiveCatalogue;
  store: CatalogueStore;
  /** The SQLite file, to open a second instance on (as another process would) or reopen after close(). */
  file: string;
  close(): Promise<void>;
}

const open: TestCatalogue[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/**
 * Opens a live catalogue seeded with `publications` in a new temporary SQLite file, or on `file` (another
 * instance on the same file, or the file reopened: the seed is then ignored when it already holds a catalogue).
 */
export async function openTestCatalogue(publications: readonly Publication[] = loadCatalogue(), file = join(tempDir(), 'orders.sqlite')): Promise<TestCatalogue> {
  const store = openSqliteCatalogueStore(file);
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= store.close());
  try {
    const catalogue = await openLiveCatalogue(store, { seed: publications, seedSource: 'the test' });
    const opened = { catalogue, store, file, close };
    open.push(opened);
    return opened;
  } catch (error) {
    await close();
    throw error;
  }
}
