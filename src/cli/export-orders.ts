/**
 * Exports every order as CSV: `npm run orders:export -- [--data-dir DIR] [--out FILE]`.
 * The store is the PostgreSQL database of DATABASE_URL when it is set, else `<DIR>/orders.sqlite`, DIR
 * defaulting to DATA_DIR or ./data. Without --out the CSV goes to standard output; a summary (counts only,
 * no personal data) goes to standard error. Country and edition names are in ORDERS_LANGUAGE (default
 * English), as in Slack.
 */
import { existsSync, writeFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { DEFAULT_LOCALE, parseLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { ordersToCsv } from '../orders/csv.js';
import { openSqliteOrderStore } from '../orders/sqlite-store.js';
import { defaultOrderStorePath, type OrderStore } from '../orders/store.js';
import { errorName } from '../orders/store-rules.js';
import { describeDatabase } from '../postgres/pool.js';
import { openStorage } from '../storage.js';
import { parseCommandLine } from './args.js';

const USAGE = 'usage: npm run orders:export -- [--data-dir DIR] [--out FILE]   (DATABASE_URL set: from PostgreSQL)';

/** The store to read, or a message saying why there is none. */
async function openForExport(dataDir: string): Promise<OrderStore | string> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    try {
      return (await openStorage({ databaseUrl })).orders;
    } catch (error) {
      return `Could not open the ${describeDatabase(databaseUrl)} (DATABASE_URL): ${errorName(error)}.`;
    }
  }
  const file = defaultOrderStorePath(dataDir);
  if (!existsSync(file)) {
    return `No order store at ${file}: no order has been placed yet, or the data directory is elsewhere (set DATA_DIR or pass --data-dir).`;
  }
  return openSqliteOrderStore(file, { mustExist: true });
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const args = parseCommandLine({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } }, USAGE);
  if (typeof args === 'number') return args;
  const { values } = args;
  const store = await openForExport(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
  if (typeof store === 'string') {
    console.error(store);
    return 1;
  }
  try {
    const orders = await store.listAll();
    const csv = ordersToCsv(orders, translator(parseLocale(process.env.ORDERS_LANGUAGE) ?? DEFAULT_LOCALE));
    // Personal data: readable by the owner only.
    if (values.out) writeFileSync(values.out, csv, { mode: 0o600 });
    else process.stdout.write(csv);
    const lines = orders.reduce((n, o) => n + o.pricing.lines.length, 0);
    console.error(`Exported ${orders.length} order(s), ${lines} line(s)${values.out ? ` to ${values.out}` : ''}.`);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
