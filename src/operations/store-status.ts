/**
 * What the operations endpoints read from the order store at scrape time: whether it answers, its orders
 * by status and its outbox backlog. A thin adapter over the store contract (src/orders/store.ts), so that
 * /metrics and /healthz know nothing of SQLite or PostgreSQL.
 */
import type { OutboxSummary as OutboxDetail } from '../orders/outbox-queue.js';
import type { OrderStore } from '../orders/store.js';

/** Notices not yet delivered, counted: the store's outbox summary without its examples. */
export type OutboxSummary = Pick<OutboxDetail, 'waiting' | 'retrying' | 'failed'>;

export interface StoreStatus {
  /** Resolves when the store answers a query; rejects with the reason when it cannot be used. */
  ping(): Promise<void>;
  /** How many orders are in each status. */
  countOrdersByStatus(): Promise<Record<string, number>>;
  outboxSummary(): Promise<OutboxSummary>;
}

/** The status of an open order store, read through its contract. */
export function storeStatusOf(store: OrderStore): StoreStatus {
  return {
    async ping() {
      const health = await store.health();
      if (!health.ok) throw new Error(`the order store did not answer (${health.detail ?? 'no detail'})`);
    },
    countOrdersByStatus: () => store.countOrdersByStatus(),
    outboxSummary: () => store.outboxSummary(0),
  };
}
