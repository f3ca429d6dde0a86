/**
 * Search usage written in batches, on both stores: nothing written until the interval or a full batch,
 * reads that see every search noted, searches written when the app stops, and a failed write logged by
 * the app without the query.
 */
import { expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { searchOutcome } from '../../src/search/gaps.js';
import { BatchedSearchUsage, MAX_BATCH } from '../../src/usage/batched-search-usage.js';
import type { CountedSearch } from '../../src/usage/search-usage.js';
import { describeEachStore } from '../support/stores.js';
import { startTestBot } from '../support/test-bot.js';

const engine = createSearchEngine(loadCatalogue());
const HOUR = 3_600_000;
const searched = (query: string): CountedSearch => ({ queryText: query, outcome: searchOutcome(engine.search(query)) });

describeEachStore('search usage in batches', (kit) => {
  it('writes nothing until the interval or a full batch, then everything noted', async () => {
    const { searches } = await kit.open();
    const batched = new BatchedSearchUsage(searches, { flushIntervalMs: HOUR });
    for (let i = 0; i < MAX_BATCH - 1; i++) await batched.record([searched(i % 2 === 0 ? 'zzzz' : 'trafficking')]);
    expect(await searches.totals(1)).toEqual({ searches: 0, nothingFound: 0, foundInPart: 0 });
    await batched.record([searched('trafficking in Klingon')]);
    // The 100th search starts the write: the store has them all once it is done, without a read through the batches.
    await batched.flush();
    expect(await searches.totals(1)).toEqual({ searches: MAX_BATCH, nothingFound: MAX_BATCH / 2, foundInPart: 1 });
    expect((await searches.gaps(1)).map((g) => [g.query, g.searches])).toEqual([
      ['zzzz', MAX_BATCH / 2],
      ['trafficking in klingon', 1],
    ]);
  });

  it('includes the searches just noted in what it reads', async () => {
    const { searches } = await kit.open();
    const batched = new BatchedSearchUsage(searches, { flushIntervalMs: HOUR });
    await batched.record([searched('zzzz'), searched('reintegration')]);
    expect(await batched.totals(30)).toEqual({ searches: 2, nothingFound: 1, foundInPart: 0 });
    await batched.record([searched('zzzz')]);
    expect((await batched.gaps(30)).map((g) => [g.query, g.searches])).toEqual([['zzzz', 2]]);
  });

  it('is written when the app stops', async () => {
    const { searches } = await kit.open();
    const bot = await startTestBot({ engine, deps: { searchUsage: { store: searches, flushIntervalMs: HOUR } } });
    await bot.standIn.directMessage({ user: 'U0ALICE001', text: 'zzzz' });
    await bot.standIn.idle();
    expect((await searches.totals(1)).searches).toBe(0);
    await bot.stop();
    expect(await searches.totals(1)).toEqual({ searches: 1, nothingFound: 1, foundInPart: 0 });
  });

  it('has the app log a failed write by its error, never the query', async () => {
    const { searches, close } = await kit.open();
    const bot = await startTestBot({ engine, deps: { searchUsage: { store: searches, flushIntervalMs: HOUR } } });
    await close();
    await bot.standIn.directMessage({ user: 'U0ALICE001', text: 'secret project zzzz' });
    await bot.standIn.idle();
    await bot.stop();
    const logged = bot.logs.join('\n');
    expect(logged).toMatch(/Could not count 1 search\(es\) in the search-usage store: \w+/);
    expect(logged).not.toMatch(/secret|zzzz/);
  });
});
