/**
 * The outbox of the PostgreSQL order store (see ../orders/outbox-queue.ts for the contract). Several
 * replicas claim from it at once: a claim locks the rows it takes with `FOR UPDATE SKIP LOCKED`, so two
 * workers never take the same message and neither waits for the other, and gives them a lease
 * (`locked_until`). Every settle is a conditional UPDATE on the claim's attempt id, so a worker whose lease
 * was taken over changes nothing.
 */
import type pg from 'pg';
import { retryDelayMs } from '../orders/backoff.js';
import {
  errorText,
  noticeTrouble,
  type ClaimOptions,
  type ClaimedMessage,
  type OutboxContent,
  type OutboxMessage,
  type OutboxQueue,
  type OutboxSummary,
} from '../orders/outbox-queue.js';
import { toOutboxMessage, type OutboxRow } from '../orders/rows.js';

const SELECT = `SELECT o.*, r.reference AS order_reference FROM outbox o JOIN orders r ON r.id = o.order_id`;

/** Due at $1: pending and its time has come, or being sent under a lease that ran out. */
const DUE = `((o.state = 'pending' AND o.next_attempt_at <= $1) OR (o.state = 'sending' AND COALESCE(o.locked_until, '-infinity') <= $1))`;

/**
 * The first due message of each target that no live lease holds (oldest due first, at most $2), locked
 * without waiting for rows another worker holds, then marked `sending` under a lease until $3. The due
 * condition is checked again on the locked row, which another worker may just have claimed and committed.
 */
const CLAIM = `
  WITH firsts AS (
    SELECT DISTINCT ON (o.target) o.id, o.next_attempt_at
    FROM outbox o
    WHERE ${DUE}
      AND NOT (o.target = ANY ($4::text[]))
      AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.target = o.target AND s.state = 'sending' AND s.locked_until > $1)
    ORDER BY o.target, o.next_attempt_at, o.id
  ), picked AS (
    SELECT o.id FROM outbox o
    JOIN (SELECT id FROM firsts ORDER BY next_attempt_at, id LIMIT $2) f ON f.id = o.id
    WHERE ${DUE}
    FOR UPDATE OF o SKIP LOCKED
  ), claimed AS (
    UPDATE outbox SET state = 'sending', attempts = outbox.attempts + 1, attempt_id = gen_random_uuid()::text, locked_until = $3,
      uncertain = outbox.uncertain OR outbox.state = 'sending'
    FROM picked WHERE outbox.id = picked.id
    RETURNING outbox.*
  )
  SELECT c.*, r.reference AS order_reference FROM claimed c JOIN orders r ON r.id = c.order_id ORDER BY c.next_attempt_at, c.id`;

/** Adds the messages of one order, due now; used inside the transaction that stores the change they announce. */
export async function enqueueNotices(client: pg.ClientBase, orderId: number, notices: readonly OutboxContent[], now: Date): Promise<void> {
  await client.query(
    `INSERT INTO outbox (order_id, kind, target, payload, next_attempt_at, created_at)
     SELECT $1, kind, target, payload, $5, $5 FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS n (kind, target, payload)`,
    [orderId, notices.map((n) => n.kind), notices.map((n) => n.target), notices.map((n) => JSON.stringify(n.payload)), now],
  );
}

/** The outbox table of an open PostgreSQL order store. */
export class PostgresOutbox implements OutboxQueue {
  readonly #pool: pg.Pool;
  readonly #clock: () => Date;
  readonly #random: () => number;

  /** @internal Built by PostgresOrderStore. */
  constructor(pool: pg.Pool, clock: () => Date, random: () => number) {
    this.#pool = pool;
    this.#clock = clock;
    this.#random = random;
  }

  async claimDue(now: Date, options: ClaimOptions): Promise<OutboxMessage[]> {
    const { rows } = await this.#pool.query<OutboxRow>(CLAIM, [now, options.limit, new Date(now.getTime() + options.leaseMs), options.skipTargets ?? []]);
    return rows.map(toOutboxMessage);
  }

  async markDelivered(message: ClaimedMessage, externalRef?: string): Promise<boolean> {
    return this.#settle(message, `state = 'delivered', external_ref = $3, delivered_at = $4, last_error = NULL, locked_until = NULL`, externalRef ?? null, this.#clock());
  }

  async markRetry(message: ClaimedMessage, error: string, options: { retryAfterMs?: number; uncertain?: boolean } = {}): Promise<Date | undefined> {
    const next = new Date(this.#clock().getTime() + retryDelayMs(message.attempts, options.retryAfterMs, this.#random));
    const settled = await this.#settle(
      message,
      `state = 'pending', next_attempt_at = $3, last_error = $4, uncertain = uncertain OR $5, locked_until = NULL`,
      next,
      errorText(error),
      options.uncertain === true,
    );
    return settled ? next : undefined;
  }

  async markFailed(message: ClaimedMessage, error: string): Promise<boolean> {
    return this.#settle(message, `state = 'failed', last_error = $3, locked_until = NULL`, errorText(error));
  }

  async failed(): Promise<OutboxMessage[]> {
    return (await this.#pool.query<OutboxRow>(`${SELECT} WHERE o.state = 'failed' ORDER BY o.id`)).rows.map(toOutboxMessage);
  }

  async requeueFailed(): Promise<number> {
    return (await this.#pool.query(`UPDATE outbox SET state = 'pending', next_attempt_at = $1 WHERE state = 'failed'`, [this.#clock()])).rowCount ?? 0;
  }

  /** See OrderStore.outboxSummary. */
  async summary(examples = 5): Promise<OutboxSummary> {
    const counts = await this.#pool.query<{ waiting: number; retrying: number; failed: number }>(
      `SELECT COUNT(*) FILTER (WHERE state = 'sending' OR (state = 'pending' AND attempts = 0))::int AS waiting,
              COUNT(*) FILTER (WHERE state = 'pending' AND attempts > 0)::int AS retrying,
              COUNT(*) FILTER (WHERE state = 'failed')::int AS failed
       FROM outbox WHERE state <> 'delivered'`,
    );
    const troubles = async (where: string) =>
      (await this.#pool.query<OutboxRow>(`${SELECT} WHERE ${where} ORDER BY o.id LIMIT $1`, [examples])).rows.map((row) => noticeTrouble(toOutboxMessage(row)));
    const { waiting = 0, retrying = 0, failed = 0 } = counts.rows[0] ?? {};
    return {
      waiting,
      retrying,
      failed,
      retryingExamples: await troubles(`o.state = 'pending' AND o.attempts > 0`),
      failedExamples: await troubles(`o.state = 'failed'`),
    };
  }

  async list(orderReference?: string): Promise<OutboxMessage[]> {
    const { rows } =
      orderReference === undefined
        ? await this.#pool.query<OutboxRow>(`${SELECT} ORDER BY o.id`)
        : await this.#pool.query<OutboxRow>(`${SELECT} WHERE r.reference = $1 ORDER BY o.id`, [orderReference]);
    return rows.map(toOutboxMessage);
  }

  /** Sets `assignments` ($3… are `params`) on the claimed message if its attempt still holds it; false otherwise. */
  async #settle(message: ClaimedMessage, assignments: string, ...params: unknown[]): Promise<boolean> {
    const result = await this.#pool.query(`UPDATE outbox SET ${assignments} WHERE id = $1 AND state = 'sending' AND attempt_id = $2`, [
      message.id,
      message.attemptId,
      ...params,
    ]);
    return (result.rowCount ?? 0) > 0;
  }
}
