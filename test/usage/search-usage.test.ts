/**
 * The search-usage store, on SQLite and PostgreSQL: counts per day, gap queries by normalised text, their
 * order, the periods asked for, and expiry after 90 days (with an injected clock).
 */
import { expect, it } from 'vitest';
import { DEFAULT_REPORT_DAYS, RETENTION_DAYS } from '../../src/usage/days.js';
import { TestClock } from '../orders/fixtures.js';
import { describeEachStore } from '../support/stores.js';
import { storedSearchRows } from './stored-rows.js';

const DAY = 86_400_000;

describeEachStore('search usage', (kit) => {
  it('counts every search per day, and the texts of those that found nothing or little, in batches', async () => {
    const clock = new TestClock(Date.parse('2026-05-10T23:59:00Z'));
    const { searches } = await kit.open({ clock: clock.now });
    // One batch, as the Slack app writes them, with two spellings of one query.
    await searches.record([
      { queryText: 'trafficking', outcome: 'found' },
      { queryText: 'Climate  Change', outcome: 'none' },
      { queryText: 'climate change', outcome: 'none' },
      { queryText: 'trafficking in Klingon', outcome: 'weak' },
    ]);
    await searches.record([]);
    clock.advance(2 * 60_000);
    await searches.record([{ queryText: 'CLIMATE change', outcome: 'weak' }]);
    await searches.record([{ queryText: 'zzzz', outcome: 'none' }]);

    expect(await searches.totals(DEFAULT_REPORT_DAYS)).toEqual({ searches: 6, nothingFound: 3, foundInPart: 2 });
    expect(await searches.totals(1)).toEqual({ searches: 2, nothingFound: 1, foundInPart: 1 });
    expect(await searches.gaps(DEFAULT_REPORT_DAYS)).toEqual([
      { query: 'climate change', searches: 3, nothingFound: 2, foundInPart: 1, lastDay: '2026-05-11' },
      { query: 'zzzz', searches: 1, nothingFound: 1, foundInPart: 0, lastDay: '2026-05-11' },
      { query: 'trafficking in klingon', searches: 1, nothingFound: 0, foundInPart: 1, lastDay: '2026-05-10' },
    ]);
    // As many searches each: the one that found nothing first.
    expect(await searches.gaps(1)).toEqual([
      { query: 'zzzz', searches: 1, nothingFound: 1, foundInPart: 0, lastDay: '2026-05-11' },
      { query: 'climate change', searches: 1, nothingFound: 0, foundInPart: 1, lastDay: '2026-05-11' },
    ]);
  });

  it('keeps only day counts and normalised gap texts: never a found query, never a finer time', async () => {
    const clock = new TestClock(Date.parse('2026-05-10T08:30:15Z'));
    const { searches, location } = await kit.open({ clock: clock.now });
    await searches.record([{ queryText: 'Reintegration Handbook', outcome: 'found' }]);
    await searches.record([{ queryText: 'Atención  <Psicosocial> U0123ABCDE', outcome: 'none' }]);
    await searches.record([{ queryText: 'U0123ABCDE', outcome: 'none' }]);
    const rows = await storedSearchRows(location);
    expect(rows.search_days).toEqual([{ day: '2026-05-10', searches: 3, nothing_found: 2, found_in_part: 0 }]);
    expect(rows.search_gaps).toEqual([{ day: '2026-05-10', query: 'atencion <psicosocial>', nothing_found: 1, found_in_part: 0 }]);
  });

  it('deletes what is older than 90 days, and reports only the days asked for', async () => {
    const clock = new TestClock(Date.parse('2026-01-01T12:00:00Z'));
    const { searches, location } = await kit.open({ clock: clock.now });
    await searches.record([{ queryText: 'old gap', outcome: 'weak' }]);
    clock.advance(60 * DAY);
    await searches.record([{ queryText: 'newer gap', outcome: 'none' }]);
    expect((await searches.gaps(RETENTION_DAYS)).map((g) => g.query)).toEqual(['newer gap', 'old gap']);
    expect((await searches.gaps(DEFAULT_REPORT_DAYS)).map((g) => g.query)).toEqual(['newer gap']);

    clock.advance((RETENTION_DAYS - 60 - 1) * DAY);
    expect((await searches.gaps(RETENTION_DAYS)).map((g) => g.query)).toEqual(['newer gap', 'old gap']);
    expect((await storedSearchRows(location)).search_days).toHaveLength(2);

    clock.advance(DAY);
    expect(await searches.totals(RETENTION_DAYS)).toEqual({ searches: 1, nothingFound: 1, foundInPart: 0 });
    const rows = await storedSearchRows(location);
    expect(rows.search_days.map((r) => r.day)).toEqual(['2026-03-02']);
    expect(rows.search_gaps.map((r) => r.query)).toEqual(['newer gap']);
  });

  it('sweeps on writing too, and after a restart', async () => {
    const clock = new TestClock(Date.parse('2026-01-01T12:00:00Z'));
    const first = await kit.open({ clock: clock.now });
    await first.searches.record([{ queryText: 'old gap', outcome: 'none' }]);
    await first.close();
    clock.advance(RETENTION_DAYS * DAY);
    const again = await kit.open({ clock: clock.now }, first.location);
    await again.searches.record([{ queryText: 'new gap', outcome: 'none' }]);
    const rows = await storedSearchRows(first.location);
    expect(rows.search_gaps.map((r) => r.query)).toEqual(['new gap']);
    expect(rows.search_days.map((r) => r.day)).toEqual(['2026-04-01']);
  });

  it('refuses a period it cannot answer for', async () => {
    const { searches } = await kit.open();
    await expect(searches.gaps(0)).rejects.toThrow(RangeError);
    await expect(searches.gaps(RETENTION_DAYS + 1)).rejects.toThrow(RangeError);
    await expect(searches.totals(1.5)).rejects.toThrow(RangeError);
  });
});
