/**
 * The PostgreSQL order store (DATABASE_URL), shared by every replica of the app. See ../orders/store.ts for
 * the contract. Across replicas:
 * - references come from a per-year counter row (`order_sequences`) updated in the transaction that stores
 *   the order, so they are unique and sequential with no gap, whoever submits;
 * - a repeated submission is caught by the unique (requester, idempotency key) constraint: the loser of a
 *   race rolls back and returns the winner's order;
 * - the outbox is claimed under leases (./outbox-queue.ts).
 */
import type pg from 'pg';
import type { Publication } from '../catalogue/schema.js';
import { OrderError, type Order, type Requester } from '../orders/order.js';
import type { OutboxSummary } from '../orders/outbox-queue.js';
import { toOrder, toOrderedTitle, type HistoryRow, type LineRow, type OrderedTitleRow, type OrderRow } from '../orders/rows.js';
import type { OrderDraftInput } from '../orders/schema.js';
import type { OrderStatus } from '../orders/status.js';
import {
  formatReference,
  type ChangeStatusOptions,
  type OrderActivity,
  type OrderCounts,
  type OrderStore,
  type StoreHealth,
  type SubmitResult,
} from '../orders/store.js';
import { checkStatusRequest, checkSubmitArguments, errorName, newOrderNotices, orderCounts, planStatusChange, priceSubmission } from '../orders/store-rules.js';
import { PostgresOutbox, enqueueNotices } from './outbox-queue.js';
import { inTransaction, isUniqueViolation } from './pool.js';

/** An order row with its lines and history, aggregated as JSON in the same query. */
type LoadedRow = OrderRow & { lines: LineRow[]; history: HistoryRow[] };

/** Orders with their lines and history in one query; append WHERE / ORDER BY / LIMIT. */
const SELECT_ORDERS = `
  SELECT o.*,
    (SELECT COALESCE(json_agg(l ORDER BY l.line_no), '[]') FROM order_lines l WHERE l.order_id = o.id) AS lines,
    (SELECT COALESCE(json_agg(h ORDER BY h.id), '[]') FROM order_status_history h WHERE h.order_id = o.id) AS history
  FROM orders o`;

/** An open PostgreSQL order store on a migrated pool (see openStorage in ../storage.ts, which builds it). */
export class PostgresOrderStore implements OrderStore {
  readonly outbox: PostgresOutbox;
  readonly #pool: pg.Pool;
  readonly #clock: () => Date;

  constructor(
    readonly description: string,
    pool: pg.Pool,
    clock: () => Date,
    random: () => number,
  ) {
    this.#pool = pool;
    this.#clock = clock;
    this.outbox = new PostgresOutbox(pool, clock, random);
  }

  async submit(draft: OrderDraftInput, requester: Requester, idempotencyKey: string, catalogue: readonly Publication[]): Promise<SubmitResult> {
    checkSubmitArguments(requester, idempotencyKey);
    const existing = await this.#byKey(requester.userId, idempotencyKey);
    if (existing) return { order: existing, created: false };
    const { pricing, delivery, payment } = priceSubmission(draft, catalogue);
    const now = this.#clock();
    const year = now.getUTCFullYear();
    // One statement (atomic on its own): the per-year counter row stays locked only while it runs, so
    // concurrent submissions queue for the shortest time. The reference is formatted as formatReference
    // does, and the notices are newOrderNotices' with their payload `{ reference }`.
    const notices = newOrderNotices('', requester.userId);
    try {
      const inserted = await this.#pool.query<{ reference: string }>(
        `WITH seq AS (
           INSERT INTO order_sequences (year, last) VALUES ($1::int, 1) ON CONFLICT (year) DO UPDATE SET last = order_sequences.last + 1 RETURNING last
         ), o AS (
           INSERT INTO orders (reference, year, sequence, requester_id, requester_name, idempotency_key, status, created_at, updated_at,
             currency, payment_method, contact_name, address, country, city, postal_code, telephone, email)
           SELECT 'PUB-' || $1::int || '-' || lpad(seq.last::text, greatest(6, length(seq.last::text)), '0'), $1, seq.last, $2, $3, $4, 'submitted', $5, $5,
             $6, $7, $8, $9, $10, $11, $12, $13, $14
           FROM seq
           RETURNING id, reference
         ), lines AS (
           INSERT INTO order_lines (order_id, line_no, publication_id, title, language, quantity, unit_price_minor)
           SELECT o.id, l.line_no, l.publication_id, l.title, l.language, l.quantity, l.unit_price_minor
           FROM o, unnest($15::text[], $16::text[], $17::text[], $18::int[], $19::int[]) WITH ORDINALITY
             AS l (publication_id, title, language, quantity, unit_price_minor, line_no)
         ), history AS (
           INSERT INTO order_status_history (order_id, from_status, to_status, actor_id, reason, changed_at)
           SELECT o.id, NULL, 'submitted', $2, NULL, $5 FROM o
         ), notices AS (
           INSERT INTO outbox (order_id, kind, target, payload, next_attempt_at, created_at)
           SELECT o.id, n.kind, n.target, jsonb_build_object('reference', o.reference), $5, $5
           FROM o, unnest($20::text[], $21::text[]) WITH ORDINALITY AS n (kind, target, position)
           ORDER BY n.position
         )
         SELECT reference FROM o`,
        [
          year,
          requester.userId,
          requester.displayName ?? null,
          idempotencyKey,
          now,
          payment.currency,
          payment.method,
          delivery.name,
          delivery.address,
          delivery.country,
          delivery.city,
          delivery.postalCode,
          delivery.telephone,
          delivery.email,
          pricing.lines.map((l) => l.publicationId),
          pricing.lines.map((l) => l.title),
          pricing.lines.map((l) => l.language),
          pricing.lines.map((l) => l.quantity),
          pricing.lines.map((l) => l.unitPriceMinor),
          notices.map((n) => n.kind),
          notices.map((n) => n.target),
        ],
      );
      const reference = inserted.rows[0]?.reference;
      if (reference === undefined) throw new Error('the order was not inserted');
      const order = await this.get(reference);
      if (!order) throw new Error(`order ${reference} vanished after it was stored`);
      return { order, created: true };
    } catch (error) {
      // Another replica (or a double click) stored this submission between our look-up and our insert.
      if (!isUniqueViolation(error, 'orders_idempotency')) throw error;
      const winner = await this.#byKey(requester.userId, idempotencyKey);
      if (!winner) throw error;
      return { order: winner, created: false };
    }
  }

  async get(reference: string): Promise<Order | undefined> {
    const [order] = await this.#select(this.#pool, `WHERE o.reference = $1`, [reference]);
    return order;
  }

  async listByRequester(userId: string, limit = 20): Promise<Order[]> {
    return this.#select(this.#pool, `WHERE o.requester_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT $2`, [userId, limit]);
  }

  async listAll(): Promise<Order[]> {
    return this.#select(this.#pool, `ORDER BY o.id`, []);
  }

  async changeStatus(reference: string, to: OrderStatus, actorId: string, options: ChangeStatusOptions = {}): Promise<Order> {
    checkStatusRequest(to, actorId, options);
    return inTransaction(this.#pool, async (client) => {
      const { rows } = await client.query<OrderRow>(`SELECT * FROM orders WHERE reference = $1 FOR UPDATE`, [reference]);
      const row = rows[0];
      if (!row) throw new OrderError('not_found', `There is no order ${reference}.`);
      const now = this.#clock();
      const { reason, notice } = planStatusChange(reference, row.requester_id, row.status, to, actorId, options, now);
      await client.query(
        `WITH changed AS (UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3)
         INSERT INTO order_status_history (order_id, from_status, to_status, actor_id, reason, changed_at) VALUES ($3, $4, $1, $5, $6, $2)`,
        [to, now, row.id, row.status, actorId, reason],
      );
      await enqueueNotices(client, row.id, [notice], now);
      const [order] = await this.#select(client, `WHERE o.id = $1`, [row.id]);
      if (!order) throw new Error(`order ${reference} vanished while its status changed`);
      return order;
    });
  }

  async countOrdersByStatus(): Promise<OrderCounts> {
    const { rows } = await this.#pool.query<{ status: OrderStatus; count: number }>(`SELECT status, COUNT(*)::int AS count FROM orders GROUP BY status`);
    return orderCounts(rows);
  }

  async orderActivity(since: Date, titles: number): Promise<OrderActivity> {
    const [counted, ordered] = await Promise.all([
      this.#pool.query<{ count: number }>(`SELECT COUNT(*)::int AS count FROM orders WHERE created_at >= $1 AND status <> 'cancelled'`, [since]),
      this.#pool.query<OrderedTitleRow>(
        `SELECT l.publication_id, (array_agg(l.title ORDER BY o.id DESC))[1] AS title, COUNT(DISTINCT o.id)::int AS orders,
           SUM(l.quantity)::int AS copies
         FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.created_at >= $1 AND o.status <> 'cancelled'
         GROUP BY l.publication_id ORDER BY orders DESC, copies DESC, l.publication_id LIMIT $2`,
        [since, titles],
      ),
    ]);
    return { orders: counted.rows[0]?.count ?? 0, titles: ordered.rows.map(toOrderedTitle) };
  }

  async outboxSummary(examples?: number): Promise<OutboxSummary> {
    return this.outbox.summary(examples);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.#pool.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: errorName(error) };
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #byKey(userId: string, idempotencyKey: string): Promise<Order | undefined> {
    const [order] = await this.#select(this.#pool, `WHERE o.requester_id = $1 AND o.idempotency_key = $2`, [userId, idempotencyKey]);
    return order;
  }

  async #select(db: pg.Pool | pg.PoolClient, where: string, params: unknown[]): Promise<Order[]> {
    const { rows } = await db.query<LoadedRow>(`${SELECT_ORDERS} ${where}`, params);
    return rows.map((row) => toOrder(row, row.lines, row.history));
  }
}
