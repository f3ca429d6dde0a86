/**
 * Delivers the outbox: an OutboxWorker claims due messages one at a time and hands each to a
 * caller-supplied `deliver` (the Slack layer posts it), then records the outcome.
 *
 * Never lost, never posted twice:
 * - A message is written with the change it announces (same transaction), so it exists before anyone
 *   is told the change happened, and stays until delivered or failed for good.
 * - Before `deliver` is called the message is marked `sending` with a fresh attempt id. If the process
 *   stops during delivery, the message is still `sending` when a worker next starts; it cannot know
 *   whether the post went out, so it puts the message back as `uncertain` and delivers it again with
 *   `message.uncertain === true`. The same happens when `deliver` throws instead of returning a result.
 * - So `deliver` MUST, for an uncertain message, first check whether it already delivered it and if so
 *   return `{ ok: true }` without posting again. In Slack: post every message with
 *   `metadata: { event_type: 'handbooks_outbox', event_payload: { outbox_id: message.id } }` and, when
 *   uncertain, look for that outbox_id among the bot's recent messages in the target conversation
 *   (conversations.history with include_all_metadata) before posting.
 * - `deliver` returns `{ ok: false, error }` only when nothing was delivered; `error` names the failure
 *   (an API error code such as "ratelimited"), never personal data. `retryAfterMs` (from Retry-After)
 *   sets the next attempt; otherwise backoff grows from 5 s to 15 min. `permanent: true` gives up.
 * Only one worker may drain a given store file.
 */
import type { OutboxMessage, OutboxQueue } from './outbox-queue.js';

/** What delivering one message came to. */
export type DeliveryResult =
  | { ok: true; externalRef?: string }
  | { ok: false; error: string; retryAfterMs?: number; permanent?: boolean };

/** Delivers one message; see the module comment for what it must do when `message.uncertain` is true. */
export type Deliver = (message: OutboxMessage) => Promise<DeliveryResult>;

/** Options of the OutboxWorker constructor. */
export interface OutboxWorkerOptions {
  outbox: OutboxQueue;
  deliver: Deliver;
  /** Pause between drains when running on the timer. Default 2000 ms. */
  intervalMs?: number;
  /** Most messages delivered by one drain. Default 50. */
  maxPerDrain?: number;
  /** The current time; injectable for tests. Default: the system clock. */
  clock?: () => Date;
  /** Told about a timer-driven drain that failed (e.g. the disk); the default writes the error's code or name to stderr. */
  onError?: (error: unknown) => void;
}

/** What one drain did. */
export interface DrainReport {
  delivered: number;
  retried: number;
  failed: number;
}

/** A short name for an error that carries no data: its code or its class name. */
function errorName(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? code : err.name;
  }
  return typeof err;
}

/** Drains an order store's outbox, on a timer (start/stop) or on demand (drainNow). */
export class OutboxWorker {
  readonly #outbox: OutboxQueue;
  readonly #deliver: Deliver;
  readonly #intervalMs: number;
  readonly #maxPerDrain: number;
  readonly #clock: () => Date;
  readonly #onError: (error: unknown) => void;
  #recovered = false;
  #running: Promise<DrainReport> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #stopping = false;

  constructor(options: OutboxWorkerOptions) {
    this.#outbox = options.outbox;
    this.#deliver = options.deliver;
    this.#intervalMs = options.intervalMs ?? 2_000;
    this.#maxPerDrain = options.maxPerDrain ?? 50;
    this.#clock = options.clock ?? (() => new Date());
    this.#onError = options.onError ?? ((err) => console.error(`outbox: drain failed (${errorName(err)})`));
  }

  /** Drains now and then every `intervalMs` until stop(). Calling it while running does nothing. */
  start(): void {
    if (this.#timer || (this.#running && !this.#stopping)) return;
    this.#stopping = false;
    this.#tick();
  }

  /** Stops the timer and waits for a delivery in flight to be recorded; starts no new one. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }

  /**
   * Delivers every message due now (up to maxPerDrain), one after another; joins a drain already under
   * way. The first drain of a worker first recovers messages a stopped process left `sending`.
   */
  drainNow(): Promise<DrainReport> {
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  #tick(): void {
    this.#timer = null;
    this.drainNow()
      .catch(this.#onError)
      .finally(() => {
        if (!this.#stopping) this.#timer = setTimeout(() => this.#tick(), this.#intervalMs).unref();
      });
  }

  async #drain(): Promise<DrainReport> {
    const report: DrainReport = { delivered: 0, retried: 0, failed: 0 };
    if (!this.#recovered) {
      this.#outbox.recoverInterrupted();
      this.#recovered = true;
    }
    while (!this.#stopping && report.delivered + report.retried + report.failed < this.#maxPerDrain) {
      const [message] = this.#outbox.claimDue(this.#clock(), 1);
      if (!message) break;
      let result: DeliveryResult;
      try {
        result = await this.#deliver(message);
      } catch (err) {
        this.#outbox.markRetry(message.id, `deliver threw ${errorName(err)}`, { uncertain: true });
        report.retried++;
        continue;
      }
      if (result.ok) {
        this.#outbox.markDelivered(message.id, result.externalRef);
        report.delivered++;
      } else if (result.permanent) {
        this.#outbox.markFailed(message.id, result.error);
        report.failed++;
      } else {
        this.#outbox.markRetry(message.id, result.error, result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs });
        report.retried++;
      }
    }
    return report;
  }
}
