/**
 * The durable order store: one SQLite file (better-sqlite3, WAL, foreign keys, synchronous=FULL) holding
 * orders, their lines and status history, and the outbox of notices about them. Every change and the
 * notices it causes are written in one transaction, so an order is never stored without its notices nor
 * announced without being stored. Opening applies pending schema migrations (see migrations.ts).
 *
 * Nothing here logs; error messages name references and statuses, never personal data.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Currency, Publication } from '../catalogue/schema.js';
import { migrate } from './migrations.js';
import { OrderError, type Order, type Requester, type StatusChange } from './order.js';
import { OutboxQueue, PUBLICATIONS_UNIT_TARGET } from './outbox-queue.js';
import { canChangeStatus } from './permissions.js';
import { priceOrder, withTotals } from './pricing.js';
import type { OrderDraftInput, PaymentMethod } from './schema.js';
import { isOrderStatus, statusChangeProblem, type OrderStatus } from './status.js';
import { OrderValidationError, validateOrder } from './validate.js';

/** File name of the order store inside the data directory. */
export const ORDER_STORE_FILE = 'orders.sqlite';

/** Where the order store lives in `dataDir` (DATA_DIR): `<dataDir>/orders.sqlite`. */
export function defaultOrderStorePath(dataDir: string): string {
  return join(dataDir, ORDER_STORE_FILE);
}

/** Matches an order reference such as PUB-2026-000123. */
export const REFERENCE_PATTERN = /^PUB-\d{4}-\d{6,}$/;

/** The reference of the `sequence`-th order of `year`: PUB-2026-000123. */
export function formatReference(year: number, sequence: number): string {
  return `PUB-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Options of openOrderStore. */
export interface OrderStoreOptions {
  /** The current time; injectable for tests. Default: the system clock. */
  clock?: () => Date;
  /** Random numbers in [0, 1) for retry jitter; injectable for tests. Default: Math.random. */
  random?: () => number;
  /** Fail rather than create a new file when none exists (for tools that only read). Default false. */
  mustExist?: boolean;
}

/** What submit returns: the stored order and whether this call created it. */
export interface SubmitResult {
  order: Order;
  /** False when an order with this idempotency key already existed and is returned as it is. */
  created: boolean;
}

/** Options of changeStatus. */
export interface ChangeStatusOptions {
  /** Required to cancel; kept in the history and told to the requester. */
  reason?: string;
  /** When given, the actor must be one of these (see canChangeStatus) or the change is refused. */
  adminIds?: readonly string[];
}

/** An open order store. Synchronous: better-sqlite3 calls are quick and happen on the calling thread. */
export interface OrderStore {
  /** The file it is stored in. */
  readonly path: string;
  /** Notices waiting to be delivered; drained by an OutboxWorker. */
  readonly outbox: OutboxQueue;
  /**
   * Validates the draft again against `catalogue` and stores it, priced at today's catalogue prices, with
   * a new reference (PUB-<UTC year>-<6-digit sequence of that year>), its history's first entry, and two
   * outbox messages (order_notice to the Publications Unit, order_confirmation to the requester), all in
   * one transaction. A repeat with the same requester and `idempotencyKey` (a double click, a Slack retry)
   * returns the order stored the first time with `created: false`, even if the catalogue changed since.
   * Throws OrderValidationError (with field errors) when the draft is not valid; nothing is stored then.
   */
  submit(draft: OrderDraftInput, requester: Requester, idempotencyKey: string, catalogue: readonly Publication[]): SubmitResult;
  /** The order with this reference, or undefined. */
  get(reference: string): Order | undefined;
  /** The requester's orders, newest first, at most `limit` (default 20). */
  listByRequester(userId: string, limit?: number): Order[];
  /** Every order, oldest first (for export). */
  listAll(): Order[];
  /**
   * Moves an order to status `to` (submitted → processing → dispatched; cancelled from submitted or
   * processing, with a reason), records who did it, when and why, and queues a status_notice to the
   * requester, in one transaction. Throws OrderError: `not_found`, `invalid_status_change` (message says
   * why, for the person who asked), or `not_allowed` when `adminIds` is given and the actor is not among them.
   */
  changeStatus(reference: string, to: OrderStatus, actorId: string, options?: ChangeStatusOptions): Order;
  /** Closes the database. */
  close(): void;
}

interface OrderRow {
  id: number;
  reference: string;
  requester_id: string;
  requester_name: string | null;
  status: OrderStatus;
  created_at: number;
  updated_at: number;
  currency: Currency;
  payment_method: PaymentMethod;
  contact_name: string;
  address: string;
  country: string;
  city: string;
  postal_code: string | null;
  telephone: string;
  email: string;
}

interface LineRow {
  publication_id: string;
  title: string;
  language: string;
  quantity: number;
  unit_price_minor: number | null;
}

interface HistoryRow {
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor_id: string;
  reason: string | null;
  changed_at: number;
}

/**
 * Opens (creating it and its directory if needed, unless `mustExist`) the order store in `file` and
 * migrates it to the current schema. Throws if the file is newer than this program or cannot be opened.
 */
export function openOrderStore(file: string, options: OrderStoreOptions = {}): OrderStore {
  if (!options.mustExist) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { fileMustExist: options.mustExist ?? false });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return new SqliteOrderStore(file, db, options.clock ?? (() => new Date()), options.random ?? Math.random);
  } catch (err) {
    db.close();
    throw err;
  }
}

class SqliteOrderStore implements OrderStore {
  readonly outbox: OutboxQueue;
  readonly #db: Database.Database;
  readonly #clock: () => Date;
  readonly #statements;

  constructor(
    readonly path: string,
    db: Database.Database,
    clock: () => Date,
    random: () => number,
  ) {
    this.#db = db;
    this.#clock = clock;
    this.outbox = new OutboxQueue(db, clock, random);
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
    };
  }

  submit(draft: OrderDraftInput, requester: Requester, idempotencyKey: string, catalogue: readonly Publication[]): SubmitResult {
    if (!requester.userId) throw new TypeError('submit needs the requester’s user id');
    if (!idempotencyKey || idempotencyKey.length > 200) throw new TypeError('submit needs an idempotency key of 1 to 200 characters');
    const s = this.#statements;
    return this.#db
      .transaction((): SubmitResult => {
        const existing = s.byKey.get(requester.userId, idempotencyKey) as OrderRow | undefined;
        if (existing) return { order: this.#toOrder(existing), created: false };

        const validation = validateOrder(draft, catalogue);
        if (!validation.ok) throw new OrderValidationError(validation.errors);
        const { items, delivery, payment } = validation.value;
        const pricing = priceOrder(items, payment.currency, catalogue);

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
        this.outbox.enqueue(orderId, { kind: 'order_notice', target: PUBLICATIONS_UNIT_TARGET, payload: { reference } }, now);
        this.outbox.enqueue(orderId, { kind: 'order_confirmation', target: requester.userId, payload: { reference } }, now);
        return { order: this.#toOrder(s.byReference.get(reference) as OrderRow), created: true };
      })
      .immediate();
  }

  get(reference: string): Order | undefined {
    const row = this.#statements.byReference.get(reference) as OrderRow | undefined;
    return row && this.#toOrder(row);
  }

  listByRequester(userId: string, limit = 20): Order[] {
    return (this.#statements.byRequester.all(userId, limit) as OrderRow[]).map((row) => this.#toOrder(row));
  }

  listAll(): Order[] {
    return (this.#statements.all.all() as OrderRow[]).map((row) => this.#toOrder(row));
  }

  changeStatus(reference: string, to: OrderStatus, actorId: string, options: ChangeStatusOptions = {}): Order {
    if (options.adminIds && !canChangeStatus(actorId, options.adminIds)) {
      throw new OrderError('not_allowed', 'Only the order admins of the Publications Unit can change the status of an order.');
    }
    if (!isOrderStatus(to)) throw new OrderError('invalid_status_change', `“${String(to)}” is not an order status.`);
    const s = this.#statements;
    return this.#db
      .transaction((): Order => {
        const row = s.byReference.get(reference) as OrderRow | undefined;
        if (!row) throw new OrderError('not_found', `There is no order ${reference}.`);
        const problem = statusChangeProblem(row.status, to, options.reason);
        if (problem) throw new OrderError('invalid_status_change', `${reference}: ${problem}`);
        const reason = options.reason?.trim() || null;
        const now = this.#clock();
        s.setStatus.run(to, now.getTime(), row.id);
        s.insertHistory.run(row.id, row.status, to, actorId, reason, now.getTime());
        this.outbox.enqueue(
          row.id,
          {
            kind: 'status_notice',
            target: row.requester_id,
            payload: { reference, from: row.status, to, reason, actorId, at: now.toISOString() },
          },
          now,
        );
        return this.#toOrder(s.byReference.get(reference) as OrderRow);
      })
      .immediate();
  }

  close(): void {
    this.#db.close();
  }

  #toOrder(row: OrderRow): Order {
    const lines = (this.#statements.lines.all(row.id) as LineRow[]).map((l) => ({
      publicationId: l.publication_id,
      title: l.title,
      language: l.language,
      quantity: l.quantity,
      unitPriceMinor: l.unit_price_minor,
    }));
    const history = (this.#statements.history.all(row.id) as HistoryRow[]).map(
      (h): StatusChange => ({ from: h.from_status, to: h.to_status, actorId: h.actor_id, at: new Date(h.changed_at), reason: h.reason }),
    );
    return {
      reference: row.reference,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      status: row.status,
      requester: row.requester_name === null ? { userId: row.requester_id } : { userId: row.requester_id, displayName: row.requester_name },
      pricing: withTotals(row.currency, lines),
      delivery: {
        name: row.contact_name,
        address: row.address,
        country: row.country,
        city: row.city,
        postalCode: row.postal_code,
        telephone: row.telephone,
        email: row.email,
      },
      payment: { currency: row.currency, method: row.payment_method },
      history,
    };
  }
}
