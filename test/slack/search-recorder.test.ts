/** Searches noted as they are answered and written in batches: on a full batch, on stopping, and failures logged without the query. */
import { expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { createLogger } from '../../src/slack/logger.js';
import { MAX_BATCH, SearchRecorder } from '../../src/slack/search-recorder.js';
import { describeEachStore } from '../support/stores.js';
import { startTestBot } from '../support/test-bot.js';

const engine = createSearchEngine(loadCatalogue());
const HOUR = 3_600_000;

describeEachStore('search recorder', (kit) => {
  it('writes nothing until the interval or a full batch, then everything noted in one go', async () => {
    const { searches } = await kit.open();
    const recorder = new SearchRecorder(searches, createLogger('error', () => undefined), HOUR);
    for (let i = 0; i < MAX_BATCH - 1; i++) recorder.count(engine.search(i % 2 === 0 ? 'zzzz' : 'trafficking'));
    expect(await searches.totals(1)).toEqual({ searches: 0, nothingFound: 0, foundInPart: 0 });
    recorder.count(engine.search('trafficking in Klingon'));
    await recorder.flush();
    expect(await searches.totals(1)).toEqual({ searches: MAX_BATCH, nothingFound: MAX_BATCH / 2, foundInPart: 1 });
    expect((await searches.gaps(1)).map((g) => [g.query, g.searches])).toEqual([
      ['zzzz', MAX_BATCH / 2],
      ['trafficking in klingon', 1],
    ]);
  });

  it('logs a failed write by its error, never the query, and goes on', async () => {
    const { searches, close } = await kit.open();
    const lines: string[] = [];
    const recorder = new SearchRecorder(searches, createLogger('debug', (line) => lines.push(line)), HOUR);
    await close();
    recorder.count(engine.search('secret project zzzz'));
    await recorder.flush();
    expect(lines.join('\n')).toMatch(/Could not count 1 search\(es\) in the search-usage store: \w+/);
    expect(lines.join('\n')).not.toMatch(/secret|zzzz/);
  });

  it('writes the searches noted when the app stops', async () => {
    const { searches } = await kit.open();
    const bot = await startTestBot({ engine, deps: { searchUsage: { store: searches, flushIntervalMs: HOUR } } });
    await bot.standIn.directMessage({ user: 'U0ALICE001', text: 'zzzz' });
    await bot.standIn.idle();
    expect((await searches.totals(1)).searches).toBe(0);
    await bot.stop();
    expect(await searches.totals(1)).toEqual({ searches: 1, nothingFound: 1, foundInPart: 0 });
  });
});
