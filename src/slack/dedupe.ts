/**
 * Slack retries an event it thinks was not delivered (X-Slack-Retry-Num over HTTP, retry_attempt in Socket
 * Mode) and Bolt does not deduplicate. The app's global middleware (../app.ts) asks DeliveredEvents
 * whether it has seen a delivery's event_id and drops it if so, so a retry never produces a second answer.
 * A retry of an event never seen before (the first delivery was lost) is processed normally.
 */

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

/** Slack's last retry comes about 5 minutes after the first delivery; keep ids well past that. */
const EVENT_ID_TTL_MS = 15 * 60 * 1000;
const EVENT_ID_CAPACITY = 10_000;

/** The events delivered lately, by event_id. */
export class DeliveredEvents {
  constructor(private readonly recent: RecentIds = new RecentIds(EVENT_ID_TTL_MS, EVENT_ID_CAPACITY)) {}

  /** True when `body` is an event whose event_id was delivered before; otherwise records it (if it has one). */
  isRepeat(body: unknown): boolean {
    const eventId = (body as { event_id?: unknown }).event_id;
    return typeof eventId === 'string' && this.recent.seen(eventId);
  }
}
