/**
 * Where the app keeps its state, chosen once at start-up: PostgreSQL when DATABASE_URL is set (orders,
 * outbox and the log of Slack deliveries shared by every replica, on one connection pool), otherwise a
 * SQLite file under DATA_DIR with the delivery log in memory (one process). Everything above gets the
 * contracts (OrderStore, DeliveryLog) and never knows which it has.
 */
import { openSqliteOrderStore } from './orders/sqlite-store.js';
import type { OrderStore, OrderStoreOptions } from './orders/store.js';
import { PostgresDeliveryLog } from './postgres/delivery-log.js';
import { PostgresOrderStore } from './postgres/order-store.js';
import { describeDatabase, openPool } from './postgres/pool.js';
import { MemoryDeliveryLog, type DeliveryLog } from './slack/dedupe.js';

/** Where to keep state: a PostgreSQL connection string, or else a SQLite file. */
export type StorageLocation = { databaseUrl: string } | { sqliteFile: string };

/** The open stores; closing `orders` closes everything. */
export interface Storage {
  orders: OrderStore;
  deliveries: DeliveryLog;
}

/** Opens (creating and migrating as needed) the stores at `location`. Rejects with the cause when it cannot. */
export async function openStorage(location: StorageLocation, options: OrderStoreOptions = {}): Promise<Storage> {
  if ('databaseUrl' in location) {
    const pool = await openPool(location.databaseUrl);
    const clock = options.clock ?? (() => new Date());
    return {
      orders: new PostgresOrderStore(describeDatabase(location.databaseUrl), pool, clock, options.random ?? Math.random),
      deliveries: new PostgresDeliveryLog(pool, undefined, clock),
    };
  }
  return { orders: openSqliteOrderStore(location.sqliteFile, options), deliveries: new MemoryDeliveryLog() };
}
