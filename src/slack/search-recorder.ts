/**
 * Counts each search people ask for in the search-usage store (../usage/search-usage.ts) without delaying
 * the answer: the count is written after the answer has gone out, and a failure is only logged, by its
 * error code, never with the query or who asked.
 *
 * Measured (`npm run bench -- --only slack`, see the README's Speed section): a count costs the SQLite
 * store tens of microseconds on the event loop (its own connection, no disk flush per commit) and the
 * PostgreSQL store one round trip, against answers of about a millisecond; deferred to the next turn of the
 * event loop (setImmediate, after the acknowledgement carrying the answer is written) it leaves the time
 * to answer as it was, so counts are written one by one rather than batched, and none is lost when the
 * process stops.
 */
import type { Logger } from '@slack/bolt';
import { errorName } from '../orders/store-rules.js';
import { searchOutcome } from '../search/gaps.js';
import type { SearchResponse } from '../search/types.js';
import type { SearchUsageStore } from '../usage/search-usage.js';

/** A function that counts a search's response in `store`, fire and forget, logging failures to `logger`. */
export function searchRecorder(store: SearchUsageStore, logger: Logger): (response: SearchResponse) => void {
  return (response) => {
    const queryText = response.query.text;
    const outcome = searchOutcome(response);
    setImmediate(() => {
      store.record(queryText, outcome).catch((error: unknown) => logger.warn(`Could not count a search in the search-usage store: ${errorName(error)}`));
    });
  };
}
