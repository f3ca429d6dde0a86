/**
 * The delivery log (../slack/dedupe.ts) in PostgreSQL, shared by every replica: a key is the primary key
 * of `slack_deliveries`, so whichever replica records it first wins and the others see a repeat. A key
 * older than the lifetime counts as new again; expired rows are deleted now and then.
 */
import type pg from 'pg';
import { DELIVERY_KEY_TTL_MS, type DeliveryLog } from '../slack/dedupe.js';

/** How often expired keys are deleted at most. */
const PRUNE_EVERY_MS = 60_000;

export class PostgresDeliveryLog implements DeliveryLog {
  #lastPrune = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs: number = DELIVERY_KEY_TTL_MS,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async firstDelivery(key: string): Promise<boolean> {
    const now = this.clock();
    const expired = new Date(now.getTime() - this.ttlMs);
    const { rowCount } = await this.pool.query(
      `INSERT INTO slack_deliveries (key, seen_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET seen_at = EXCLUDED.seen_at WHERE slack_deliveries.seen_at <= $3`,
      [key, now, expired],
    );
    if (now.getTime() - this.#lastPrune >= PRUNE_EVERY_MS) {
      this.#lastPrune = now.getTime();
      // Pruning is housekeeping: a failure leaves rows for the next time and must not fail the delivery.
      this.pool.query(`DELETE FROM slack_deliveries WHERE seen_at <= $1`, [expired]).catch(() => undefined);
    }
    return (rowCount ?? 0) > 0;
  }
}
