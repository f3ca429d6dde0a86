/**
 * Exports every order as CSV: `npm run orders:export -- [--data-dir DIR] [--out FILE]`.
 * The store is `<DIR>/orders.sqlite`, DIR defaulting to DATA_DIR or ./data. Without --out the CSV goes
 * to standard output; a summary (counts only, no personal data) goes to standard error. Country and
 * edition names are in ORDERS_LANGUAGE (default English), as in Slack.
 */
import { existsSync, writeFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { DEFAULT_LOCALE, parseLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { ordersToCsv } from '../orders/csv.js';
import { defaultOrderStorePath, openOrderStore } from '../orders/store.js';
import { parseCommandLine } from './args.js';

const USAGE = 'usage: npm run orders:export -- [--data-dir DIR] [--out FILE]';

function main(): number {
  dotenv.config({ quiet: true });
  const args = parseCommandLine({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } }, USAGE);
  if (typeof args === 'number') return args;
  const { values } = args;
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './data';
  const file = defaultOrderStorePath(dataDir);
  if (!existsSync(file)) {
    console.error(`No order store at ${file}: no order has been placed yet, or the data directory is elsewhere (set DATA_DIR or pass --data-dir).`);
    return 1;
  }
  const store = openOrderStore(file, { mustExist: true });
  try {
    const orders = store.listAll();
    const csv = ordersToCsv(orders, translator(parseLocale(process.env.ORDERS_LANGUAGE) ?? DEFAULT_LOCALE));
    // Personal data: readable by the owner only.
    if (values.out) writeFileSync(values.out, csv, { mode: 0o600 });
    else process.stdout.write(csv);
    const lines = orders.reduce((n, o) => n + o.pricing.lines.length, 0);
    console.error(`Exported ${orders.length} order(s), ${lines} line(s)${values.out ? ` to ${values.out}` : ''}.`);
    return 0;
  } finally {
    store.close();
  }
}

process.exitCode = main();
