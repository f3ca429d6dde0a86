/**
 * Counts the searches people ask for in the search-usage store (../usage/search-usage.ts) without slowing
 * the answers: a search is only noted in memory as it is answered, and the notes are written in batches —
 * at most FLUSH_INTERVAL_MS after the first of them, at once when MAX_BATCH are waiting, and when the app
 * stops. A failed write is logged by its error code, never with a query or who asked, and its searches are
 * not counted.
 *
 * Why batches, measured on this project's 2-core machine (SQLite file in WAL mode, 3,000 searches): written
 * one by one, a count costs 3–4 ms a search with the order store's `synchronous = FULL` (a disk flush per
 * commit); with the search-usage connection's `synchronous = NORMAL` 0.04 ms at the median but 0.14 ms on
 * average, with stalls of 17–22 ms when a WAL checkpoint falls on a search — on the event loop that
 * answers everyone, against answers of about 1 ms. In batches of 100 the same counts cost 4–5 µs a search
 * (0.13 ms a batch). With PostgreSQL one by one would also take a round trip and a pooled connection per
 * search; a batch is one statement. The price: a process that dies without stopping loses at most the
 * last second's counts. (`npm run bench -- --only slack` runs the real app with this store.)
 */
import type { Logger } from '@slack/bolt';
import { errorName } from '../orders/store-rules.js';
import { searchOutcome } from '../search/gaps.js';
import type { SearchResponse } from '../search/types.js';
import type { CountedSearch, SearchUsageStore } from '../usage/search-usage.js';

/** Longest wait before noted searches are written, by default. */
export const FLUSH_INTERVAL_MS = 1000;
/** Searches written at once, without waiting, when this many are noted. */
export const MAX_BATCH = 100;

/** Notes searches as they are answered and writes them to the store in batches. */
export class SearchRecorder {
  #pending: CountedSearch[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SearchUsageStore,
    private readonly logger: Logger,
    private readonly flushIntervalMs: number = FLUSH_INTERVAL_MS,
  ) {}

  /** Notes a search someone asked for, from the engine's response; written within the flush interval. */
  readonly count = (response: SearchResponse): void => {
    this.#pending.push({ queryText: response.query.text, outcome: searchOutcome(response) });
    if (this.#pending.length >= MAX_BATCH) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs).unref();
  };

  /** Writes what is noted (after any write in progress); resolves when done, failures logged. Never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return this.#writing;
    this.#writing = this.#writing.then(() =>
      this.store.record(batch).catch((error: unknown) => {
        this.logger.warn(`Could not count ${batch.length} search(es) in the search-usage store: ${errorName(error)}`);
      }),
    );
    return this.#writing;
  }
}
