/**
 * The SQLite order store (the default, when DATABASE_URL is not set): one file (better-sqlite3, WAL,
 * foreign keys, synchronous=FULL) under DATA_DIR. See ./store.ts for the contract. better-sqlite3 works on
 * the calling thread and its calls are quick, so each method does its work synchronously and hands the
 * result back as a promise. Opening applies pending schema migrations (./sqlite-migrations.ts).
 */
import type Database from 'better-sqlite3';
import type { Publication } from '../catalogue/schema.js';
import { OrderError, type Order, type Requester } from './order.js';
import type { OutboxSummary } from './outbox-queue.js';
import { openMigratedDatabase } from './sqlite-migrations.js';
import { SqliteOutbox } from './sqlite-outbox.js';
import { toOrder, toOrderedTitle, type HistoryRow, type LineRow, type OrderedTitleRow, type OrderRow } from './rows.js';
import type { OrderDraftInput } from './schema.js';
import type { OrderStatus } from './status.js';
import { formatReference, type ChangeStatusOptions, type OrderActivity, type OrderCounts, type OrderStore, type OrderStoreOptions, type StoreHealth, type SubmitResult } from './store.js';
import { checkStatusRequest, checkSubmitArguments, errorName, newOrderNotices, orderCounts, planStatusChange, priceSubmission } from './store-rules.js';

/** Options of openSqliteOrderStore. */
export interface SqliteOrderStoreOptions extends OrderStoreOptions {
  /** Fail rather than create a new file when none exists (for tools that only read). Default false. */
  mustExist?: boolean;
}

/**
 * Opens (creating it and its directory if needed, unless `mustExist`) the order store in `file` and
 * migrates it to the current schema. Throws if the file is newer than this program or cannot be opened.
 */
export function openSqliteOrderStore(file: string, options: SqliteOrderStoreOptions = {}): SqliteOrderStore {
  const db = openMigratedDatabase(file, { mustExist: options.mustExist ?? false });
  return new SqliteOrderStore(file, db, options.clock ?? (() => new Date()), options.random ?? Math.random);
}

/** An open SQLite order store; build it with openSqliteOrderStore. */
export class SqliteOrderStore implements OrderStore {
  readonly outbox: SqliteOutbox;
  readonly description: string;
  readonly #db: Database.Database;
  readonly #clock: () => Date;
  readonly #statements;

  constructor(
    /** The file it is stored in. */
    readonly path: string,
    db: Database.Database,
    clock: () => Date,
    random: () => number,
  ) {
    this.description = `SQLite file ${path}`;
    this.#db = db;
    this.#clock = clock;
    this.outbox = new SqliteOutbox(db, clock, random);
    this.#statements = {
      byReference: db.prepare(`SELECT * FROM orders WHERE reference = ?`),
      byKey: db.prepare(`SELECT * FROM orders WHERE requester_id = ? AND idempotency_key = ?`),
      byRequester: db.prepare(`SELECT * FROM orders WHERE requester_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`),
      all: db.prepare(`SELECT * FROM orders ORDER BY id`),
      lastSequence: db.prepare(`SELECT COALESCE(MAX(sequence), 0) AS last FROM orders WHERE year = ?`),
      insertOrder: db.prepare(
        `INSERT INTO orders (reference, year, sequence, requester_id, requester_name, idempotency_key, status, created_at, updated_at,
           currency, payment_method, contact_name, address, country, city, postal_code, telephone, email)
         VALUES (@reference, @year, @sequence, @requesterId, @requesterName, @idempotencyKey, 'submitted', @now, @now,
           @currency, @method, @name, @address, @country, @city, @postalCode, @telephone, @email)`,
      ),
      insertLine: db.prepare(
        `INSERT INTO order_lines (order_id, line_no, publication_id, title, language, quantity, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      lines: db.prepare(`SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no`),
      insertHistory: db.prepare(
        `INSERT INTO order_status_history (order_id, from_status, to_status, actor_id, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      history: db.prepare(`SELECT * FROM order_status_history WHERE order_id = ? ORDER BY id`),
      setStatus: db.prepare(`UPDATE orders SET status = ?, updated_at = ? WHERE id = ?`),
      countByStatus: db.prepare(`SELECT status, COUNT(*) AS count FROM orders GROUP BY status`),
      countSince: db.prepare(`SELECT COUNT(*) AS count FROM orders WHERE created_at >= ? AND status <> 'cancelled'`),
      // SQLite takes a bare column (title) from the row that gives MAX(o.id): the latest order's title.
      titlesSince: db.prepare(
        `SELECT l.publication_id, l.title, MAX(o.id) AS latest, COUNT(DISTINCT o.id) AS orders, SUM(l.quantity) AS copies
         FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.created_at >= ? AND o.status <> 'cancelled'
         GROUP BY l.publication_id ORDER BY orders DESC, copies DESC, l.publication_id LIMIT ?`,
      ),
    };
  }

  async submit(draft: OrderDraftInput, requester: Requester, idempotencyKey: string, catalogue: readonly Publication[]): Promise<SubmitResult> {
    checkSubmitArguments(requester, idempotencyKey);
    const s = this.#statements;
    return this.#db
      .transaction((): SubmitResult => {
        const existing = s.byKey.get(requester.userId, idempotencyKey) as OrderRow | undefined;
        if (existing) return { order: this.#toOrder(existing), created: false };
        const { pricing, delivery, payment } = priceSubmission(draft, catalogue);
        const now = this.#clock();
        const year = now.getUTCFullYear();
        const sequence = (s.lastSequence.get(year) as { last: number }).last + 1;
        const reference = formatReference(year, sequence);
        const orderId = Number(
          s.insertOrder.run({
            reference,
            year,
            sequence,
            requesterId: requester.userId,
            requesterName: requester.displayName ?? null,
            idempotencyKey,
            now: now.getTime(),
            currency: payment.currency,
            method: payment.method,
            ...delivery,
          }).lastInsertRowid,
        );
        pricing.lines.forEach((line, i) =>
          s.insertLine.run(orderId, i + 1, line.publicationId, line.title, line.language, line.quantity, line.unitPriceMinor),
        );
        s.insertHistory.run(orderId, null, 'submitted', requester.userId, null, now.getTime());
        for (const notice of newOrderNotices(reference, requester.userId)) this.outbox.enqueue(orderId, notice, now);
        return { order: this.#toOrder(s.byReference.get(reference) as OrderRow), created: true };
      })
      .immediate();
  }

  async get(reference: string): Promise<Order | undefined> {
    const row = this.#statements.byReference.get(reference) as OrderRow | undefined;
    return row && this.#toOrder(row);
  }

  async listByRequester(userId: string, limit = 20): Promise<Order[]> {
    return (this.#statements.byRequester.all(userId, limit) as OrderRow[]).map((row) => this.#toOrder(row));
  }

  async listAll(): Promise<Order[]> {
    return (this.#statements.all.all() as OrderRow[]).map((row) => this.#toOrder(row));
  }

  async changeStatus(reference: string, to: OrderStatus, actorId: string, options: ChangeStatusOptions = {}): Promise<Order> {
    checkStatusRequest(to, actorId, options);
    const s = this.#statements;
    return this.#db
      .transaction((): Order => {
        const row = s.byReference.get(reference) as OrderRow | undefined;
        if (!row) throw new OrderError('not_found', `There is no order ${reference}.`);
        const now = this.#clock();
        const { reason, notice } = planStatusChange(reference, row.requester_id, row.status, to, actorId, options, now);
        s.setStatus.run(to, now.getTime(), row.id);
        s.insertHistory.run(row.id, row.status, to, actorId, reason, now.getTime());
        this.outbox.enqueue(row.id, notice, now);
        return this.#toOrder(s.byReference.get(reference) as OrderRow);
      })
      .immediate();
  }

  async countOrdersByStatus(): Promise<OrderCounts> {
    return orderCounts(this.#statements.countByStatus.all() as { status: OrderStatus; count: number }[]);
  }

  async orderActivity(since: Date, titles: number): Promise<OrderActivity> {
    const s = this.#statements;
    return this.#db.transaction(() => ({
      orders: (s.countSince.get(since.getTime()) as { count: number }).count,
      titles: (s.titlesSince.all(since.getTime(), titles) as OrderedTitleRow[]).map(toOrderedTitle),
    }))();
  }

  async outboxSummary(examples?: number): Promise<OutboxSummary> {
    return this.outbox.summary(examples);
  }

  async health(): Promise<StoreHealth> {
    try {
      this.#db.prepare('SELECT 1').get();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: errorName(error) };
    }
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  #toOrder(row: OrderRow): Order {
    return toOrder(row, this.#statements.lines.all(row.id) as LineRow[], this.#statements.history.all(row.id) as HistoryRow[]);
  }
}
