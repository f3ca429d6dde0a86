/**
 * Writes the live catalogue back to the repository's file, so that the reviewed source can be updated with
 * what catalogue admins changed from Slack: `npm run catalogue:export -- [--data-dir DIR] [--out FILE]`.
 * The live catalogue is read from the PostgreSQL database of DATABASE_URL when it is set, else from
 * `<DIR>/orders.sqlite`, DIR defaulting to DATA_DIR or ./data. It is written in the catalogue file's one
 * canonical form (see ../catalogue/format.ts) to FILE, by default catalogue/publications.json; a summary
 * goes to standard error. Nothing is written when there is no live catalogue.
 */
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import type { CatalogueStore } from '../catalogue/catalogue-store.js';
import { DEFAULT_CATALOGUE_PATH, saveCatalogue } from '../catalogue/load.js';
import { openSqliteCatalogueStore } from '../catalogue/sqlite-catalogue-store.js';
import { defaultOrderStorePath } from '../orders/store.js';
import { errorName } from '../orders/store-rules.js';
import { describeDatabase } from '../postgres/pool.js';
import { openStorage } from '../storage.js';
import { parseCommandLine } from './args.js';

const USAGE = 'usage: npm run catalogue:export -- [--data-dir DIR] [--out FILE]   (DATABASE_URL set: from PostgreSQL; FILE defaults to catalogue/publications.json)';

/** The live catalogue's store (and how to close what was opened for it), or a message saying why there is none. */
async function openForExport(dataDir: string): Promise<{ store: CatalogueStore; close(): Promise<void> } | string> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    try {
      const storage = await openStorage({ databaseUrl });
      return { store: storage.catalogue, close: () => storage.close() };
    } catch (error) {
      return `Could not open the ${describeDatabase(databaseUrl)} (DATABASE_URL): ${errorName(error)}.`;
    }
  }
  const file = defaultOrderStorePath(dataDir);
  if (!existsSync(file)) {
    return `No live catalogue at ${file}: the bot has not run with this data directory yet, or it is elsewhere (set DATA_DIR or pass --data-dir).`;
  }
  const store = openSqliteCatalogueStore(file, { mustExist: true });
  return { store, close: () => store.close() };
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const args = parseCommandLine({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } }, USAGE);
  if (typeof args === 'number') return args;
  const { values } = args;
  const opened = await openForExport(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
  if (typeof opened === 'string') {
    console.error(opened);
    return 1;
  }
  try {
    const { version, publications } = await opened.store.load();
    if (version === 0) {
      console.error(`The live catalogue in the ${opened.store.description} is empty (the bot seeds it when it starts): nothing written.`);
      return 1;
    }
    const out = values.out ?? DEFAULT_CATALOGUE_PATH;
    saveCatalogue(out, publications);
    const [latest] = await opened.store.history(1);
    const last = latest ? `; last change ${latest.seq} on ${latest.at.toISOString()}: ${latest.summary}` : '';
    console.error(`Exported ${publications.length} publication(s) of the live catalogue (version ${version}${last}) to ${out}.`);
    return 0;
  } catch (error) {
    console.error(`Could not export the live catalogue: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await opened.close();
  }
}

process.exitCode = await main();
