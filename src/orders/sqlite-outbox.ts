/**
 * The outbox of the SQLite order store (see ./outbox-queue.ts for the contract). A claim is one immediate
 * transaction — SQLite lets one writer in at a time, so two processes on one file never claim the same
 * message — and every settle is a conditional UPDATE on the claim's attempt id, so a worker whose lease was
 * taken over changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { retryDelayMs } from './backoff.js';
import {
  errorText,
  noticeTrouble,
  type ClaimOptions,
  type ClaimedMessage,
  type OutboxContent,
  type OutboxMessage,
  type OutboxQueue,
  type OutboxSummary,
} from './outbox-queue.js';
import { toOutboxMessage, type OutboxRow } from './rows.js';

const SELECT = `SELECT o.*, r.reference AS order_reference FROM outbox o JOIN orders r ON r.id = o.order_id`;

/** Due: pending and its time has come, or being sent under a lease that ran out. */
const DUE = `((o.state = 'pending' AND o.next_attempt_at <= @now) OR (o.state = 'sending' AND COALESCE(o.locked_until, 0) <= @now))`;

/** The outbox table of an open SQLite order store. */
export class SqliteOutbox implements OutboxQueue {
  readonly #db: Database;
  readonly #clock: () => Date;
  readonly #random: () => number;
  readonly #insert: Statement;
  readonly #due: Statement;
  readonly #claim: Statement;
  readonly #byId: Statement;

  /** @internal Built by openSqliteOrderStore. */
  constructor(db: Database, clock: () => Date, random: () => number) {
    this.#db = db;
    this.#clock = clock;
    this.#random = random;
    this.#insert = db.prepare(`INSERT INTO outbox (order_id, kind, target, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
    // Due messages, oldest due first, each the oldest due of its target, of targets that no live lease holds.
    this.#due = db.prepare(
      `SELECT o.id FROM outbox o
       WHERE ${DUE}
         AND o.target NOT IN (SELECT value FROM json_each(@skip))
         AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.target = o.target AND s.state = 'sending' AND s.locked_until > @now)
         AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.target = o.target AND e.id < o.id AND ${DUE.replaceAll('o.', 'e.')})
       ORDER BY o.next_attempt_at, o.id LIMIT @limit`,
    );
    this.#claim = db.prepare(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, attempt_id = @attemptId, locked_until = @lockedUntil,
         uncertain = CASE WHEN state = 'sending' THEN 1 ELSE uncertain END
       WHERE id = @id`,
    );
    this.#byId = db.prepare(`${SELECT} WHERE o.id = ?`);
  }

  /** @internal Adds a message, due now; called inside the transaction that stores the change it announces. */
  enqueue(orderId: number, content: OutboxContent, now: Date): void {
    this.#insert.run(orderId, content.kind, content.target, JSON.stringify(content.payload), now.getTime(), now.getTime());
  }

  async claimDue(now: Date, options: ClaimOptions): Promise<OutboxMessage[]> {
    return this.#db
      .transaction(() => {
        const ids = this.#due.all({ now: now.getTime(), skip: JSON.stringify(options.skipTargets ?? []), limit: options.limit }) as { id: number }[];
        const lockedUntil = now.getTime() + options.leaseMs;
        return ids.map(({ id }) => {
          this.#claim.run({ attemptId: randomUUID(), lockedUntil, id });
          return this.#get(id);
        });
      })
      .immediate();
  }

  async markDelivered(message: ClaimedMessage, externalRef?: string): Promise<boolean> {
    return this.#settle(
      message,
      `UPDATE outbox SET state = 'delivered', external_ref = ?, delivered_at = ?, last_error = NULL, locked_until = NULL`,
      externalRef ?? null,
      this.#clock().getTime(),
    );
  }

  async markRetry(message: ClaimedMessage, error: string, options: { retryAfterMs?: number; uncertain?: boolean } = {}): Promise<Date | undefined> {
    const next = new Date(this.#clock().getTime() + retryDelayMs(message.attempts, options.retryAfterMs, this.#random));
    const settled = this.#settle(
      message,
      `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?, uncertain = MAX(uncertain, ?), locked_until = NULL`,
      next.getTime(),
      errorText(error),
      options.uncertain ? 1 : 0,
    );
    return settled ? next : undefined;
  }

  async markFailed(message: ClaimedMessage, error: string): Promise<boolean> {
    return this.#settle(message, `UPDATE outbox SET state = 'failed', last_error = ?, locked_until = NULL`, errorText(error));
  }

  async failed(): Promise<OutboxMessage[]> {
    return (this.#db.prepare(`${SELECT} WHERE o.state = 'failed' ORDER BY o.id`).all() as OutboxRow[]).map(toOutboxMessage);
  }

  async requeueFailed(): Promise<number> {
    return this.#db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'failed'`).run(this.#clock().getTime()).changes;
  }

  /** See OrderStore.outboxSummary. */
  async summary(examples = 5): Promise<OutboxSummary> {
    const counts = this.#db
      .prepare(
        `SELECT COALESCE(SUM(state = 'sending' OR (state = 'pending' AND attempts = 0)), 0) AS waiting,
                COALESCE(SUM(state = 'pending' AND attempts > 0), 0) AS retrying,
                COALESCE(SUM(state = 'failed'), 0) AS failed
         FROM outbox WHERE state <> 'delivered'`,
      )
      .get() as { waiting: number; retrying: number; failed: number };
    const troubles = (where: string) =>
      (this.#db.prepare(`${SELECT} WHERE ${where} ORDER BY o.id LIMIT ?`).all(examples) as OutboxRow[]).map((row) => noticeTrouble(toOutboxMessage(row)));
    return {
      ...counts,
      retryingExamples: troubles(`o.state = 'pending' AND o.attempts > 0`),
      failedExamples: troubles(`o.state = 'failed'`),
    };
  }

  async list(orderReference?: string): Promise<OutboxMessage[]> {
    const rows = (
      orderReference === undefined
        ? this.#db.prepare(`${SELECT} ORDER BY o.id`).all()
        : this.#db.prepare(`${SELECT} WHERE r.reference = ? ORDER BY o.id`).all(orderReference)
    ) as OutboxRow[];
    return rows.map(toOutboxMessage);
  }

  #get(id: number): OutboxMessage {
    const row = this.#byId.get(id) as OutboxRow | undefined;
    if (!row) throw new Error(`no outbox message ${id}`);
    return toOutboxMessage(row);
  }

  /** Runs `update` (an UPDATE … SET …) on the claimed message if its attempt still holds it; false otherwise. */
  #settle(message: ClaimedMessage, update: string, ...params: unknown[]): boolean {
    return this.#db.prepare(`${update} WHERE id = ? AND state = 'sending' AND attempt_id = ?`).run(...params, message.id, message.attemptId).changes > 0;
  }
}

