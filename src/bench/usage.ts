/**
 * Benchmark section "usage": what counting searches for the catalogue admins costs (../usage/), SQLite and
 * PostgreSQL side by side. 3,000 searches — a third found, a third found nothing, a third found in part,
 * over 50 query texts — are written to the search-usage store one by one (one transaction each), then in
 * batches of MAX_BATCH (as the app writes them: ../usage/batched-search-usage.ts). Per store and way it
 * reports the cost per search (all writes' time over the searches) and the time of one write (p50, p99,
 * max): a write runs on the event loop that answers everyone (SQLite) or holds a pooled connection
 * (PostgreSQL). `npm run bench -- --only usage`; PostgreSQL as in the orders section.
 */
import { openStorage } from '../storage.js';
import { MAX_BATCH } from '../usage/batched-search-usage.js';
import type { CountedSearch } from '../usage/search-usage.js';
import { benchPlaces } from './places.js';
import { type BenchSection, ms, now, percentile, printTable } from './measure.js';

const SEARCHES = 3_000;
const OUTCOMES = ['found', 'none', 'weak'] as const;

function search(i: number): CountedSearch {
  return { queryText: `Query number ${i % 50}`, outcome: OUTCOMES[i % OUTCOMES.length]! };
}

/** Writes SEARCHES searches in writes of `batch`; the time of each write, in ms. */
async function writeAll(record: (searches: CountedSearch[]) => Promise<void>, batch: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SEARCHES; i += batch) {
    const searches = Array.from({ length: Math.min(batch, SEARCHES - i) }, (_, j) => search(i + j));
    const start = now();
    await record(searches);
    times.push(now() - start);
  }
  return times;
}

export const usageBench: BenchSection = {
  name: 'usage',
  description: `counting searches for the catalogue admins: ${SEARCHES} searches written one by one and in batches of ${MAX_BATCH}, per store`,
  async run() {
    const rows: string[][] = [];
    for (const { name, place } of await benchPlaces('usage')) {
      if (typeof place === 'string') {
        rows.push([name, '-', `PostgreSQL ${place}`]);
        continue;
      }
      const storage = await openStorage(place.location);
      try {
        for (const batch of [1, MAX_BATCH]) {
          const times = await writeAll((searches) => storage.searches.record(searches), batch);
          const total = times.reduce((sum, t) => sum + t, 0);
          rows.push([name, String(batch), ((total / SEARCHES) * 1000).toFixed(1), ms(percentile(times, 50)), ms(percentile(times, 99)), ms(Math.max(...times))]);
        }
      } finally {
        await storage.close();
        await place.drop();
      }
    }
    printTable(['store', 'searches per write', 'µs per search', 'write p50 ms', 'write p99 ms', 'write max ms'], rows);
  },
};
