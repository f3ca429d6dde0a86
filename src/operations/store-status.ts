/**
 * What the operations endpoints read from the order store at scrape time: whether it answers, its orders
 * by status and its outbox backlog. A thin adapter over the store's public interface, so that /metrics and
 * /healthz know nothing of SQLite (or of any other store behind the same interface).
 */
import type { OrderStore } from '../orders/store.js';

/** Notices not yet delivered: never tried, tried and due again, or refused for good. */
export interface OutboxSummary {
  waiting: number;
  retrying: number;
  failed: number;
}

export interface StoreStatus {
  /** Resolves when the store answers a query; rejects with the reason when it cannot be used. */
  ping(): Promise<void>;
  /** How many orders are in each status. */
  countOrdersByStatus(): Promise<Record<string, number>>;
  outboxSummary(): Promise<OutboxSummary>;
}

/** The status of an open order store, read through its public interface. */
export function storeStatusOf(store: OrderStore): StoreStatus {
  return {
    async ping() {
      store.get('PUB-0000-000000');
    },
    async countOrdersByStatus() {
      const counts: Record<string, number> = {};
      for (const order of store.listAll()) counts[order.status] = (counts[order.status] ?? 0) + 1;
      return counts;
    },
    async outboxSummary() {
      const summary: OutboxSummary = { waiting: 0, retrying: 0, failed: 0 };
      for (const message of store.outbox.list()) {
        if (message.state === 'failed') summary.failed += 1;
        else if (message.state !== 'delivered') summary[message.lastError === null ? 'waiting' : 'retrying'] += 1;
      }
      return summary;
    },
  };
}
