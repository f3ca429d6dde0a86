/**
 * Slack delivers some requests more than once: an event it thinks was not delivered is retried
 * (X-Slack-Retry-Num over HTTP, retry_attempt in Socket Mode), and in Socket Mode an unacknowledged
 * command or button press is redelivered, possibly to another connection or replica. Bolt does not
 * deduplicate. The app's global middleware (../app.ts) asks a DeliveryLog whether a delivery's key was
 * seen and drops the repeat, so a retry never produces a second answer.
 *
 * Keys: an event's `event_id`; a command's or button press's `trigger_id`, which Slack gives each person's
 * action afresh (a double click is two actions, a redelivery is one). View submissions are not keyed: a
 * corrected resubmission carries the same ids, and the order submission is idempotent in the store anyway.
 * A retry of a delivery never seen before (the first was lost) is processed normally.
 *
 * The log is in memory (MemoryDeliveryLog) for one process, or in PostgreSQL (../postgres/delivery-log.ts)
 * when DATABASE_URL is set, so that a retry landing on another replica is recognised too.
 */

/** Where deliveries already handled are remembered. */
export interface DeliveryLog {
  /** Records `key`; resolves true the first time (within the log's lifetime for keys), false for a repeat. */
  firstDelivery(key: string): Promise<boolean>;
}

/** Slack's last retry comes about 5 minutes after the first delivery; keep keys well past that. */
export const DELIVERY_KEY_TTL_MS = 15 * 60 * 1000;
const MEMORY_CAPACITY = 10_000;

/** A bounded set of ids that forgets each id `ttlMs` after it was added, and the oldest beyond `maxSize`. */
export class RecentIds {
  private readonly addedAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `id`; returns true when it was already present (and not expired). */
  seen(id: string): boolean {
    const now = this.now();
    this.evict(now);
    if (this.addedAt.has(id)) return true;
    this.addedAt.set(id, now);
    if (this.addedAt.size > this.maxSize) {
      const oldest = this.addedAt.keys().next().value;
      if (oldest !== undefined) this.addedAt.delete(oldest);
    }
    return false;
  }

  get size(): number {
    return this.addedAt.size;
  }

  /** Map iteration is insertion order, so expired ids are at the front. */
  private evict(now: number): void {
    for (const [id, at] of this.addedAt) {
      if (now - at < this.ttlMs) break;
      this.addedAt.delete(id);
    }
  }
}

/** The delivery log of a single process. */
export class MemoryDeliveryLog implements DeliveryLog {
  constructor(private readonly recent: RecentIds = new RecentIds(DELIVERY_KEY_TTL_MS, MEMORY_CAPACITY)) {}

  async firstDelivery(key: string): Promise<boolean> {
    return !this.recent.seen(key);
  }
}

/** The key that identifies a delivery of `body` across retries (see the module comment), or undefined. */
export function deliveryKey(body: unknown): string | undefined {
  const b = body as { event_id?: unknown; trigger_id?: unknown; command?: unknown; type?: unknown };
  if (typeof b.event_id === 'string') return `event:${b.event_id}`;
  if (typeof b.trigger_id === 'string' && (typeof b.command === 'string' || b.type === 'block_actions')) return `trigger:${b.trigger_id}`;
  return undefined;
}
