/**
 * Delivers the outbox: an OutboxWorker (one per replica) claims due messages under a lease and hands each
 * to a caller-supplied `deliver` (the Slack layer posts it), then records the outcome.
 *
 * In parallel, paced per conversation: up to `concurrency` deliveries run at once, each to a different
 * target (a channel, a person's DM), so a slow or hung call holds only its own conversation's messages.
 * Each target is paced by a token bucket (Slack allows about one message per second per channel, with
 * short bursts), and a target that answered 429 waits its Retry-After before anything else goes to it.
 * The claim gives at most one message per target, and none for a target another worker is sending to.
 *
 * Never lost, never posted twice:
 * - A message is written with the change it announces (same transaction), so it exists before anyone
 *   is told the change happened, and stays until delivered or failed for good.
 * - Before `deliver` is called the message is claimed: marked `sending` with a fresh attempt id and a
 *   lease (`leaseMs`). If the worker dies or hangs, the lease runs out and another worker (or this one,
 *   restarted) claims it again, flagged `uncertain`: it cannot know whether the post went out. The same
 *   happens when `deliver` throws instead of returning a result. Only the attempt holding the lease can
 *   record an outcome, so a worker that lost its lease changes nothing.
 * - So `deliver` MUST, for an uncertain message, first check whether it already delivered it and if so
 *   return `{ ok: true }` without posting again. In Slack: post every message with
 *   `metadata: { event_type: 'handbooks_outbox', event_payload: { outbox_id: message.id } }` and, when
 *   uncertain, look for that outbox_id among the bot's recent messages in the target conversation
 *   (conversations.history with include_all_metadata) before posting.
 * - `deliver` must finish well within the lease (give its calls a timeout).
 * - `deliver` returns `{ ok: false, error }` only when nothing was delivered; `error` names the failure
 *   (an API error code such as "ratelimited"), never personal data. `retryAfterMs` (from Retry-After)
 *   sets the next attempt; otherwise backoff grows from 5 s to 15 min. `permanent: true` gives up.
 */
import type { OutboxMessage, OutboxQueue } from './outbox-queue.js';
import { errorName } from './store-rules.js';

/** What delivering one message came to. */
export type DeliveryResult =
  | { ok: true; externalRef?: string }
  | { ok: false; error: string; retryAfterMs?: number; permanent?: boolean };

/** Delivers one message; see the module comment for what it must do when `message.uncertain` is true. */
export type Deliver = (message: OutboxMessage) => Promise<DeliveryResult>;

/** How fast one target is sent to: a bucket of `burst` messages refilled one per `intervalMs`. */
export interface Pace {
  intervalMs: number;
  burst: number;
}

/** Slack's pace for chat.postMessage: about one message per second per channel, short bursts allowed. */
export const SLACK_CHANNEL_PACE: Pace = { intervalMs: 1_000, burst: 3 };

/** A failed attempt, as told to onAttemptFailed: what failed and what happens next. */
export interface FailedAttempt {
  message: OutboxMessage;
  /** The error as recorded (an API error code, or `deliver threw <code>`). */
  error: string;
  /** When the next attempt is due, or undefined when the message was set aside as failed. */
  nextAttemptAt: Date | undefined;
}

/** Options of the OutboxWorker constructor. */
export interface OutboxWorkerOptions {
  outbox: OutboxQueue;
  deliver: Deliver;
  /** Pause between looks for due messages when running on the timer. Default 2000 ms. */
  intervalMs?: number;
  /** How long a claim holds before another worker may take the message over. Default 50 s. */
  leaseMs?: number;
  /** Deliveries in flight at once, each to a different target. Default 8. */
  concurrency?: number;
  /** Pace per target. Default SLACK_CHANNEL_PACE. */
  pace?: Pace;
  /** The current time for due times and leases; injectable for tests. Default: the system clock. */
  clock?: () => Date;
  /** Told about a timer-driven pass that failed (e.g. the database); the default writes the error's code or name to stderr. */
  onError?: (error: unknown) => void;
  /** Told about every attempt that did not deliver (once each). */
  onAttemptFailed?: (attempt: FailedAttempt) => void;
  /** Told when an outcome could not be recorded because the lease had been taken over by another worker. */
  onLeaseLost?: (message: OutboxMessage) => void;
}

/** What a drain did. */
export interface DrainReport {
  delivered: number;
  retried: number;
  failed: number;
}

/** Default lease: a dead worker's message is taken over within a minute (lease plus one poll). */
export const DEFAULT_LEASE_MS = 50_000;

interface Bucket {
  tokens: number;
  /** performance.now() of the last refill. */
  at: number;
  /** Time (of the worker's clock, like due times) before which nothing goes to this target (Retry-After). */
  blockedUntil: number;
}

/** Drains an order store's outbox, on a timer (start/stop) or on demand (drainNow). */
export class OutboxWorker {
  readonly #outbox: OutboxQueue;
  readonly #deliver: Deliver;
  readonly #intervalMs: number;
  readonly #leaseMs: number;
  readonly #concurrency: number;
  readonly #pace: Pace;
  readonly #clock: () => Date;
  readonly #onError: (error: unknown) => void;
  readonly #onAttemptFailed: (attempt: FailedAttempt) => void;
  readonly #onLeaseLost: (message: OutboxMessage) => void;
  /** Deliveries under way, by target. */
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #buckets = new Map<string, Bucket>();
  readonly #totals: DrainReport & { claimed: number } = { delivered: 0, retried: 0, failed: 0, claimed: 0 };
  #pumping: Promise<void> | null = null;
  #pumpAgain = false;
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Infinity;
  #running = false;
  #stopping = false;

  constructor(options: OutboxWorkerOptions) {
    this.#outbox = options.outbox;
    this.#deliver = options.deliver;
    this.#intervalMs = options.intervalMs ?? 2_000;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#concurrency = options.concurrency ?? 8;
    this.#pace = options.pace ?? SLACK_CHANNEL_PACE;
    this.#clock = options.clock ?? (() => new Date());
    this.#onError = options.onError ?? ((err) => console.error(`outbox: delivering failed (${errorName(err)})`));
    this.#onAttemptFailed = options.onAttemptFailed ?? (() => undefined);
    this.#onLeaseLost = options.onLeaseLost ?? (() => undefined);
  }

  /** Delivers what is due now and then keeps looking every `intervalMs` until stop(). Calling it while running does nothing. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopping = false;
    this.#tick();
  }

  /** Stops looking for messages and waits for the deliveries in flight to be recorded; starts no new one. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#running = false;
    this.#clearTimer();
    await this.#settled();
  }

  /** Starts delivering what is due now without waiting for the next look (after an order or a status change). */
  kick(): void {
    if (!this.#stopping) this.#pump().catch(this.#onError);
  }

  /**
   * Delivers every message due now, waiting until none is left that this worker may send now (targets it
   * is pacing wait for a later pass), and reports what it did meanwhile. Rejects when the store does.
   */
  async drainNow(): Promise<DrainReport> {
    const before = { ...this.#totals };
    for (;;) {
      const claimed = this.#totals.claimed;
      await this.#pump();
      await this.#settled();
      if (this.#totals.claimed === claimed || this.#stopping) break;
    }
    return {
      delivered: this.#totals.delivered - before.delivered,
      retried: this.#totals.retried - before.retried,
      failed: this.#totals.failed - before.failed,
    };
  }

  #tick(): void {
    this.#timer = null;
    this.#timerAt = Infinity;
    this.#pump()
      .catch(this.#onError)
      .finally(() => {
        if (this.#running) this.#wakeIn(this.#intervalMs);
      });
  }

  /** Sets the timer to fire in `ms` unless it already fires sooner. */
  #wakeIn(ms: number): void {
    const at = performance.now() + ms;
    if (!this.#running || at >= this.#timerAt) return;
    this.#clearTimer();
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, ms)).unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerAt = Infinity;
  }

  /** Waits until no delivery and no claim is under way. */
  async #settled(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#pumping) {
      await Promise.all([...this.#inFlight.values(), this.#pumping?.catch(() => undefined)]);
    }
  }

  /** Claims what may be sent now and starts delivering it; one claim at a time, repeated if asked meanwhile. */
  #pump(): Promise<void> {
    if (this.#pumping) {
      this.#pumpAgain = true;
      return this.#pumping;
    }
    this.#pumping = (async () => {
      try {
        do {
          this.#pumpAgain = false;
          await this.#claimAndStart();
        } while (this.#pumpAgain && !this.#stopping);
      } finally {
        this.#pumping = null;
      }
    })();
    return this.#pumping;
  }

  async #claimAndStart(): Promise<void> {
    const free = this.#concurrency - this.#inFlight.size;
    if (free <= 0 || this.#stopping) return;
    const skipTargets = [...this.#inFlight.keys(), ...this.#pacedTargets()];
    const claimed = await this.#outbox.claimDue(this.#clock(), { limit: free, leaseMs: this.#leaseMs, skipTargets });
    this.#totals.claimed += claimed.length;
    for (const message of claimed) {
      this.#take(message.target);
      const delivery = this.#deliverOne(message)
        .catch(this.#onError)
        .finally(() => {
          this.#inFlight.delete(message.target);
          if (!this.#stopping) this.#pump().catch(this.#onError);
        });
      this.#inFlight.set(message.target, delivery);
    }
  }

  async #deliverOne(message: OutboxMessage): Promise<void> {
    let result: DeliveryResult;
    try {
      result = await this.#deliver(message);
    } catch (err) {
      result = { ok: false, error: `deliver threw ${errorName(err)}` };
      await this.#retry(message, result.error, { uncertain: true });
      return;
    }
    if (result.ok) {
      if (await this.#outbox.markDelivered(message, result.externalRef)) this.#totals.delivered++;
      else this.#onLeaseLost(message);
    } else if (result.permanent) {
      if (await this.#outbox.markFailed(message, result.error)) {
        this.#totals.failed++;
        this.#onAttemptFailed({ message, error: result.error, nextAttemptAt: undefined });
      } else this.#onLeaseLost(message);
    } else {
      if (result.retryAfterMs !== undefined) this.#block(message.target, result.retryAfterMs);
      await this.#retry(message, result.error, result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs });
    }
  }

  async #retry(message: OutboxMessage, error: string, options: { retryAfterMs?: number; uncertain?: boolean }): Promise<void> {
    const next = await this.#outbox.markRetry(message, error, options);
    if (next === undefined) return this.#onLeaseLost(message);
    this.#totals.retried++;
    this.#onAttemptFailed({ message, error, nextAttemptAt: next });
  }

  /** Targets whose bucket is empty or that Slack asked to wait; wakes the worker when the first may send again. */
  #pacedTargets(): string[] {
    const now = performance.now();
    const clockNow = this.#clock().getTime();
    const paced: string[] = [];
    let soonest = Infinity;
    for (const [target, bucket] of this.#buckets) {
      this.#refill(bucket, now);
      const waitMs = Math.max(bucket.blockedUntil - clockNow, bucket.tokens >= 1 ? 0 : bucket.at + this.#pace.intervalMs - now);
      if (waitMs > 0) {
        paced.push(target);
        soonest = Math.min(soonest, waitMs);
      } else if (bucket.tokens >= this.#pace.burst && !this.#inFlight.has(target)) {
        this.#buckets.delete(target); // full and idle: forget it
      }
    }
    if (soonest < Infinity) this.#wakeIn(soonest);
    return paced;
  }

  #refill(bucket: Bucket, now: number): void {
    if (this.#pace.intervalMs <= 0) {
      bucket.tokens = this.#pace.burst; // no pace
      return;
    }
    const earned = Math.floor((now - bucket.at) / this.#pace.intervalMs);
    if (earned <= 0) return;
    bucket.tokens = Math.min(this.#pace.burst, bucket.tokens + earned);
    bucket.at = bucket.tokens >= this.#pace.burst ? now : bucket.at + earned * this.#pace.intervalMs;
  }

  /** Spends one of the target's tokens for the attempt about to start. */
  #take(target: string): void {
    const now = performance.now();
    const bucket = this.#buckets.get(target) ?? { tokens: this.#pace.burst, at: now, blockedUntil: 0 };
    this.#refill(bucket, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.#buckets.set(target, bucket);
  }

  /** Sends nothing more to `target` for `ms` (Retry-After). */
  #block(target: string, ms: number): void {
    const bucket = this.#buckets.get(target);
    if (bucket) bucket.blockedUntil = this.#clock().getTime() + ms;
  }
}

