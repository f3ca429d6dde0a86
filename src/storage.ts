/**
 * Where the app keeps its state, chosen once at start-up: PostgreSQL when DATABASE_URL is set (orders,
 * outbox, the live catalogue, search usage, the log of Slack deliveries and the language chosen on App Home,
 * shared by every replica, on one connection pool), otherwise SQLite files under DATA_DIR (orders, the live
 * catalogue and search usage in one file, language preferences in a file of their own) with the delivery
 * log in memory (one process). Everything above gets the contracts (OrderStore, CatalogueStore,
 * SearchUsageStore, DeliveryLog, LanguagePreferences) and never knows which it has; PostgreSQL adds
 * watchCatalogue, which tells a replica of another's catalogue change at once.
 */
import { dirname } from 'node:path';
import type { CatalogueStore } from './catalogue/catalogue-store.js';
import { openSqliteCatalogueStore } from './catalogue/sqlite-catalogue-store.js';
import { openSqliteOrderStore } from './orders/sqlite-store.js';
import type { OrderStore, OrderStoreOptions } from './orders/store.js';
import { watchCatalogue, type CatalogueWatch, type CatalogueWatchOptions } from './postgres/catalogue-notifications.js';
import { PostgresCatalogueStore } from './postgres/catalogue-store.js';
import { PostgresDeliveryLog } from './postgres/delivery-log.js';
import { PostgresLanguagePreferences } from './postgres/language-preferences.js';
import { PostgresOrderStore } from './postgres/order-store.js';
import { describeDatabase, openPool } from './postgres/pool.js';
import { PostgresSearchUsage } from './postgres/search-usage.js';
import { defaultPreferencesPath, openLanguagePreferences, type LanguagePreferences } from './preferences/language-preferences.js';
import { MemoryDeliveryLog, type DeliveryLog } from './slack/dedupe.js';
import type { SearchUsageStore } from './usage/search-usage.js';
import { openSqliteSearchUsage } from './usage/sqlite-search-usage.js';

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
  /** What staff searched for, counted by day and, when it found nothing or little, by normalised query text. */
  searches: SearchUsageStore;
  deliveries: DeliveryLog;
  preferences: LanguagePreferences;
  /**
   * PostgreSQL only (SQLite has no notifications: poll the catalogue's version): calls `onChange` as soon as
   * any process commits a change to the catalogue, and whenever it starts listening again after its
   * connection dropped (see ../postgres/catalogue-notifications.ts). close() stops it if nothing did before.
   */
  watchCatalogue?(onChange: () => void, options?: CatalogueWatchOptions): CatalogueWatch;
  /**
   * Stops the catalogue watches, then closes every store, once (on PostgreSQL, closing the order store ends
   * the shared pool); later calls wait for the first.
   */
  close(): Promise<void>;
}

/** Opens (creating and migrating as needed) the stores at `location`. Rejects with the cause when it cannot. */
export async function openStorage(location: StorageLocation, options: OrderStoreOptions = {}): Promise<Storage> {
  if ('databaseUrl' in location) {
    const pool = await openPool(location.databaseUrl);
    const clock = options.clock ?? (() => new Date());
    const description = describeDatabase(location.databaseUrl);
    return storage({
      orders: new PostgresOrderStore(description, pool, clock, options.random ?? Math.random),
      catalogue: new PostgresCatalogueStore(description, pool, clock),
      searches: new PostgresSearchUsage(pool, clock),
      deliveries: new PostgresDeliveryLog(pool, undefined, clock),
      preferences: new PostgresLanguagePreferences(pool, clock),
      // The listener's own connection, made as the pool makes its clients, and named for pg_stat_activity.
      watchCatalogue: (onChange, watchOptions) =>
        watchCatalogue({ ...pool.options, application_name: `${pool.options.application_name ?? ''} catalogue listener`.trim() }, onChange, watchOptions),
    });
  }
  const preferencesFile = location.preferencesFile ?? defaultPreferencesPath(dirname(location.sqliteFile));
  const orders = openSqliteFile('the order store', location.sqliteFile, (file) => openSqliteOrderStore(file, options));
  let catalogue: CatalogueStore | undefined;
  let searches: SearchUsageStore | undefined;
  try {
    catalogue = openSqliteFile('the catalogue store', location.sqliteFile, (file) => openSqliteCatalogueStore(file, options));
    searches = openSqliteFile('the search usage', location.sqliteFile, (file) => openSqliteSearchUsage(file, options.clock));
    const preferences = openSqliteFile('the language preferences', preferencesFile, openLanguagePreferences);
    return storage({ orders, catalogue, searches, deliveries: new MemoryDeliveryLog(), preferences });
  } catch (error) {
    await searches?.close();
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

function storage(stores: Omit<Storage, 'close'>): Storage {
  let closing: Promise<void> | undefined;
  const watches: CatalogueWatch[] = [];
  const watch = stores.watchCatalogue;
  return {
    ...stores,
    ...(watch && {
      watchCatalogue: (onChange: () => void, options?: CatalogueWatchOptions) => {
        const started = watch(onChange, options);
        watches.push(started);
        return started;
      },
    }),
    close: () =>
      (closing ??= (async () => {
        await Promise.all(watches.map((w) => w.stop()));
        stores.preferences.close();
        await stores.searches.close();
        await stores.catalogue.close();
        await stores.orders.close();
      })()),
  };
}
