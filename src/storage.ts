/**
 * Where the app keeps its state, chosen once at start-up: PostgreSQL when DATABASE_URL is set (orders,
 * outbox, the live catalogue, the log of Slack deliveries and the language chosen on App Home, shared by
 * every replica, on one connection pool), otherwise SQLite files under DATA_DIR (orders and the live
 * catalogue in one file, language preferences in a file of their own) with the delivery log in memory (one
 * process). Everything above gets the contracts (OrderStore, CatalogueStore, DeliveryLog,
 * LanguagePreferences) and never knows which it has.
 */
import { dirname } from 'node:path';
import type { CatalogueStore } from './catalogue/catalogue-store.js';
import { openSqliteCatalogueStore } from './catalogue/sqlite-catalogue-store.js';
import { openSqliteOrderStore } from './orders/sqlite-store.js';
import type { OrderStore, OrderStoreOptions } from './orders/store.js';
import { PostgresCatalogueStore } from './postgres/catalogue-store.js';
import { PostgresDeliveryLog } from './postgres/delivery-log.js';
import { PostgresLanguagePreferences } from './postgres/language-preferences.js';
import { PostgresOrderStore } from './postgres/order-store.js';
import { describeDatabase, openPool } from './postgres/pool.js';
import { defaultPreferencesPath, openLanguagePreferences, type LanguagePreferences } from './preferences/language-preferences.js';
import { MemoryDeliveryLog, type DeliveryLog } from './slack/dedupe.js';

/**
 * Where to keep state: a PostgreSQL connection string, or else a SQLite file of orders and one of language
 * preferences (by default `preferences.sqlite` beside the orders file).
 */
export type StorageLocation = { databaseUrl: string } | { sqliteFile: string; preferencesFile?: string };

/** The open stores. */
export interface Storage {
  orders: OrderStore;
  /** The live catalogue's entries and history (SQLite: in the orders file; PostgreSQL: the same database). */
  catalogue: CatalogueStore;
  deliveries: DeliveryLog;
  preferences: LanguagePreferences;
  /** Closes every store, once (on PostgreSQL, closing the order store ends the shared pool); later calls wait for the first. */
  close(): Promise<void>;
}

/** Opens (creating and migrating as needed) the stores at `location`. Rejects with the cause when it cannot. */
export async function openStorage(location: StorageLocation, options: OrderStoreOptions = {}): Promise<Storage> {
  if ('databaseUrl' in location) {
    const pool = await openPool(location.databaseUrl);
    const clock = options.clock ?? (() => new Date());
    const description = describeDatabase(location.databaseUrl);
    return storage(
      new PostgresOrderStore(description, pool, clock, options.random ?? Math.random),
      new PostgresCatalogueStore(description, pool, clock),
      new PostgresDeliveryLog(pool, undefined, clock),
      new PostgresLanguagePreferences(pool, clock),
    );
  }
  const preferencesFile = location.preferencesFile ?? defaultPreferencesPath(dirname(location.sqliteFile));
  const orders = openSqliteFile('the order store', location.sqliteFile, (file) => openSqliteOrderStore(file, options));
  let catalogue: CatalogueStore | undefined;
  try {
    catalogue = openSqliteFile('the catalogue store', location.sqliteFile, (file) => openSqliteCatalogueStore(file, options));
    return storage(orders, catalogue, new MemoryDeliveryLog(), openSqliteFile('the language preferences', preferencesFile, openLanguagePreferences));
  } catch (error) {
    await catalogue?.close();
    await orders.close();
    throw error;
  }
}

/** `open(file)`, or an error that names `what` and the file (a SQLite error's message says nothing of either). */
function openSqliteFile<T>(what: string, file: string, open: (file: string) => T): T {
  try {
    return open(file);
  } catch (error) {
    throw new Error(`${what} ${file} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function storage(orders: OrderStore, catalogue: CatalogueStore, deliveries: DeliveryLog, preferences: LanguagePreferences): Storage {
  let closing: Promise<void> | undefined;
  return {
    orders,
    catalogue,
    deliveries,
    preferences,
    close: () =>
      (closing ??= (async () => {
        preferences.close();
        await catalogue.close();
        await orders.close();
      })()),
  };
}
