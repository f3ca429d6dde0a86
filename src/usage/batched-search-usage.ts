/**
 * Search usage written in batches (see ./search-usage.ts for the contract), around the store that keeps
 * it: `record` only notes the searches in memory, and the notes are written — at most `flushIntervalMs`
 * (default 1 s) after the first of them, at once when MAX_BATCH are waiting, before every read (so a
 * report includes the searches just made), and on `flush()` when the app stops. A failed write is handed
 * to `onWriteError` (the app logs it by its error code, never with a query), and its searches are not counted.
 *
 * Why batches, measured (`npm run bench -- --only usage`, and one by one on a connection of its own, on
 * this project's 2-core machine): written one by one, a count costs 3–4 ms a search with the order store's
 * `synchronous = FULL` (a disk flush per commit); with the search-usage connection's `synchronous = NORMAL`
 * 0.04–0.07 ms at the median but about 0.1 ms on average, with stalls of 17–25 ms when a WAL checkpoint
 * falls on a search — on the event loop that answers everyone, against answers of about 1 ms — and with
 * PostgreSQL about 1.5 ms and a pooled connection per search. In batches of 100 the same counts cost
 * about 3 µs a search with SQLite (0.25 ms a batch) and 41 µs with PostgreSQL. The price: a process that
 * dies without stopping loses at most the last second's counts.
 */
import type { CountedSearch, SearchGap, SearchTotals, SearchUsageStore } from './search-usage.js';

/** Longest wait before noted searches are written, by default. */
export const FLUSH_INTERVAL_MS = 1000;
/** Searches written at once, without waiting, when this many are noted. */
export const MAX_BATCH = 100;

/** Options of BatchedSearchUsage. */
export interface BatchOptions {
  /** Longest wait before noted searches are written; default FLUSH_INTERVAL_MS. */
  flushIntervalMs?: number;
  /** Told when a batch could not be written, with the error and how many searches it held. */
  onWriteError?: (error: unknown, searches: number) => void;
}

/** Search usage that notes searches in memory and writes them to `store` in batches; reads see every search noted. */
export class BatchedSearchUsage implements SearchUsageStore {
  #pending: CountedSearch[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  readonly #flushIntervalMs: number;
  readonly #onWriteError: (error: unknown, searches: number) => void;

  constructor(
    private readonly store: SearchUsageStore,
    options: BatchOptions = {},
  ) {
    this.#flushIntervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.#onWriteError = options.onWriteError ?? (() => undefined);
  }

  /** Notes the searches; they are written within the flush interval (resolves at once). */
  async record(searches: readonly CountedSearch[]): Promise<void> {
    this.#pending.push(...searches);
    if (this.#pending.length >= MAX_BATCH) void this.flush();
    else if (this.#pending.length > 0) this.#timer ??= setTimeout(() => void this.flush(), this.#flushIntervalMs).unref();
  }

  async totals(days: number): Promise<SearchTotals> {
    await this.flush();
    return this.store.totals(days);
  }

  async gaps(days: number): Promise<SearchGap[]> {
    await this.flush();
    return this.store.gaps(days);
  }

  /** Writes what is noted (after any write in progress). Never rejects: a failure goes to `onWriteError`. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length > 0) {
      this.#writing = this.#writing.then(() => this.store.record(batch).catch((error: unknown) => this.#onWriteError(error, batch.length)));
    }
    return this.#writing;
  }

  /** Writes what is noted; the store itself is its owner's to close. */
  async close(): Promise<void> {
    await this.flush();
  }
}
