/**
 * When to try delivering an outbox message again: exponential backoff with jitter between 5 seconds and
 * 15 minutes, or what the other side asked for (Retry-After) when it said.
 */

/** The wait after a first failed attempt, doubled after each further one. */
export const RETRY_BASE_MS = 5_000;
/** The longest wait between attempts without Retry-After. */
export const RETRY_MAX_MS = 15 * 60_000;
/** The longest Retry-After honoured as given; a longer one is shortened to this. */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;
/** The shortest wait, even when Retry-After is zero, so a failing message cannot spin. */
export const RETRY_MIN_MS = 1_000;

/**
 * Milliseconds to wait after the `attempts`-th failed attempt (1 for the first). With `retryAfterMs` the
 * wait is that, plus up to a second of jitter; otherwise 5 s × 2^(attempts−1), plus up to half again of
 * jitter, capped at 15 minutes. `random` returns a number in [0, 1).
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_MIN_MS, Math.round(retryAfterMs))) + Math.floor(random() * 1_000);
  }
  const exponential = RETRY_BASE_MS * 2 ** Math.min(Math.max(attempts, 1) - 1, 20);
  return Math.min(RETRY_MAX_MS, Math.round(exponential * (1 + random() * 0.5)));
}
