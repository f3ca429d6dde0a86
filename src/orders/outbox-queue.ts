/**
 * The persisted outbox: notices about orders waiting to be delivered (to the Publications Unit's channel,
 * to the requester), written in the same transaction as the change they announce so none is ever lost.
 *
 * A message's life: `pending` → (claimed) `sending` → `delivered`, or back to `pending` with a later
 * `next_attempt_at` (retry), or `failed` until an admin requeues it (requeueFailed). A message found `sending` when a new worker starts was
 * in flight when the process stopped: it may or may not have been posted, so it goes back to `pending`
 * with `uncertain` set, and stays uncertain until delivered (see outbox.ts). Error texts stored here must
 * name the failure (an API error code), never carry personal data.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { retryDelayMs } from './backoff.js';
import type { OrderStatus } from './status.js';

/** The `target` of notices meant for the Publications Unit (the Slack layer posts them to ORDERS_CHANNEL_ID). */
export const PUBLICATIONS_UNIT_TARGET = 'publications-unit';

/** Longest error text kept. */
const MAX_ERROR_LENGTH = 300;

/** What a status notice tells the requester. */
export interface StatusNoticePayload {
  reference: string;
  from: OrderStatus;
  to: OrderStatus;
  reason: string | null;
  actorId: string;
  /** ISO 8601. */
  at: string;
}

/**
 * What a message says and to whom. Payloads hold only the reference and the change, never personal data:
 * the deliverer reads the order from the store when it delivers.
 * - `order_notice`: a new order, to PUBLICATIONS_UNIT_TARGET.
 * - `order_confirmation`: the requester's copy with the reference; target is the requester's user id.
 * - `status_notice`: a status change; target is the requester's user id.
 */
export type OutboxContent =
  | { kind: 'order_notice'; target: string; payload: { reference: string } }
  | { kind: 'order_confirmation'; target: string; payload: { reference: string } }
  | { kind: 'status_notice'; target: string; payload: StatusNoticePayload };
/** The kinds of outbox message. */
export type OutboxKind = OutboxContent['kind'];

/** Where a message is in its life (see the module comment). */
export type OutboxState = 'pending' | 'sending' | 'delivered' | 'failed';

/** A message in the outbox. */
export type OutboxMessage = OutboxContent & {
  /** Stable across attempts: use it to recognise a message already posted (e.g. in Slack message metadata). */
  id: number;
  orderReference: string;
  state: OutboxState;
  /** True when an earlier attempt may have been delivered without being recorded (the process stopped mid-way, or deliver threw). */
  uncertain: boolean;
  /** Attempts started so far, this one included once claimed. */
  attempts: number;
  /** Identifies the current (or last) attempt. */
  attemptId: string | null;
  nextAttemptAt: Date;
  lastError: string | null;
  externalRef: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

interface OutboxRow {
  id: number;
  order_reference: string;
  kind: string;
  target: string;
  payload: string;
  state: OutboxState;
  uncertain: number;
  attempts: number;
  attempt_id: string | null;
  next_attempt_at: number;
  last_error: string | null;
  external_ref: string | null;
  created_at: number;
  delivered_at: number | null;
}

const SELECT = `SELECT o.*, r.reference AS order_reference FROM outbox o JOIN orders r ON r.id = o.order_id`;

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    kind: row.kind,
    target: row.target,
    payload: JSON.parse(row.payload),
    id: row.id,
    orderReference: row.order_reference,
    state: row.state,
    uncertain: row.uncertain === 1,
    attempts: row.attempts,
    attemptId: row.attempt_id,
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
    externalRef: row.external_ref,
    createdAt: new Date(row.created_at),
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
  } as OutboxMessage;
}

function errorText(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
}

/** The outbox table of an open order store. Obtain it as `store.outbox`. */
export class OutboxQueue {
  readonly #db: Database;
  readonly #clock: () => Date;
  readonly #random: () => number;
  readonly #insert: Statement;
  readonly #due: Statement;
  readonly #claim: Statement;
  readonly #byId: Statement;

  /** @internal Built by openOrderStore. */
  constructor(db: Database, clock: () => Date, random: () => number) {
    this.#db = db;
    this.#clock = clock;
    this.#random = random;
    this.#insert = db.prepare(
      `INSERT INTO outbox (order_id, kind, target, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#due = db.prepare(`${SELECT} WHERE o.state = 'pending' AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at, o.id LIMIT ?`);
    this.#claim = db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, attempt_id = ? WHERE id = ? AND state = 'pending'`);
    this.#byId = db.prepare(`${SELECT} WHERE o.id = ?`);
  }

  /** @internal Adds a message, due now; called inside the transaction that stores the change it announces. */
  enqueue(orderId: number, content: OutboxContent, now: Date): void {
    this.#insert.run(orderId, content.kind, content.target, JSON.stringify(content.payload), now.getTime(), now.getTime());
  }

  /** Claims up to `limit` messages due at `now`, oldest due first, marking each `sending` with a new attempt id. */
  claimDue(now: Date, limit: number): OutboxMessage[] {
    return this.#db
      .transaction(() => {
        const rows = this.#due.all(now.getTime(), limit) as OutboxRow[];
        return rows.map((row) => {
          this.#claim.run(randomUUID(), row.id);
          return this.#get(row.id);
        });
      })
      .immediate();
  }

  /** Records that message `id` (being sent) was delivered; `externalRef` is e.g. the Slack message ts. */
  markDelivered(id: number, externalRef?: string): void {
    this.#settle(
      id,
      `UPDATE outbox SET state = 'delivered', external_ref = ?, delivered_at = ?, last_error = NULL WHERE id = ? AND state = 'sending'`,
      externalRef ?? null,
      this.#clock().getTime(),
      id,
    );
  }

  /**
   * Puts message `id` (being sent) back to wait for another attempt after a backoff, or after
   * `retryAfterMs` when the other side asked for it. `uncertain` says the attempt may have been delivered
   * anyway. Returns when the next attempt is due.
   */
  markRetry(id: number, error: string, options: { retryAfterMs?: number; uncertain?: boolean } = {}): Date {
    const message = this.#get(id);
    const next = new Date(this.#clock().getTime() + retryDelayMs(message.attempts, options.retryAfterMs, this.#random));
    this.#settle(
      id,
      `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?, uncertain = MAX(uncertain, ?) WHERE id = ? AND state = 'sending'`,
      next.getTime(),
      errorText(error),
      options.uncertain ? 1 : 0,
      id,
    );
    return next;
  }

  /** Gives up on message `id` (being sent) for good, e.g. when the channel no longer exists. */
  markFailed(id: number, error: string): void {
    this.#settle(id, `UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ? AND state = 'sending'`, errorText(error), id);
  }

  /** Messages given up for good (state `failed`), oldest first: what an admin may want to retry. */
  failed(): OutboxMessage[] {
    return (this.#db.prepare(`${SELECT} WHERE o.state = 'failed' ORDER BY o.id`).all() as OutboxRow[]).map(toMessage);
  }

  /**
   * Puts every `failed` message back to `pending`, due now, once the cause is fixed (the bot invited to the
   * channel, a message shortened by a new version). Its attempts and last error are kept. Returns how many.
   */
  requeueFailed(): number {
    return this.#db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'failed'`).run(this.#clock().getTime()).changes;
  }

  /**
   * Turns messages left `sending` by a stopped process back to `pending`, flagged uncertain. Only the
   * single worker of a store calls this, when it starts. Returns how many there were.
   */
  recoverInterrupted(): number {
    return this.#db.prepare(`UPDATE outbox SET state = 'pending', uncertain = 1 WHERE state = 'sending'`).run().changes;
  }

  /** Every message, oldest first, optionally only those of one order: for diagnostics and tests. */
  list(orderReference?: string): OutboxMessage[] {
    const rows = (
      orderReference === undefined
        ? this.#db.prepare(`${SELECT} ORDER BY o.id`).all()
        : this.#db.prepare(`${SELECT} WHERE r.reference = ? ORDER BY o.id`).all(orderReference)
    ) as OutboxRow[];
    return rows.map(toMessage);
  }

  #get(id: number): OutboxMessage {
    const row = this.#byId.get(id) as OutboxRow | undefined;
    if (!row) throw new Error(`no outbox message ${id}`);
    return toMessage(row);
  }

  #settle(id: number, sql: string, ...params: unknown[]): void {
    if (this.#db.prepare(sql).run(...params).changes === 0) {
      throw new Error(`outbox message ${id} is not being sent (state ${this.#get(id).state})`);
    }
  }
}
