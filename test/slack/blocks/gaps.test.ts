/**
 * The gap report and the catalogue admins' App Home figures at their largest, in English, French and
 * Spanish: within Block Kit's limits, texts people typed shown as plain text.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import { GAP_QUERY_MAX } from '../../../src/search/gaps.js';
import { GAPS_SHOWN, gapReportMessage } from '../../../src/slack/blocks/gaps.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import type { SearchGap } from '../../../src/usage/search-usage.js';
import { textOf } from '../block-query.js';

const longest = (i: number): SearchGap => ({
  query: `${i} <@U0ALICE001> & *bold* ${'migration '.repeat(30)}`.slice(0, GAP_QUERY_MAX),
  searches: 1_000_000 + i,
  nothingFound: 999_999,
  foundInPart: 1 + i,
  lastDay: '2026-12-02',
});

describe.each(LOCALES)('in %s', (locale) => {
  const t = translator(locale);

  it('keeps the gap report within the limits, the top gaps shown and the rest counted', () => {
    const gaps = Array.from({ length: GAPS_SHOWN + 7 }, (_, i) => longest(i));
    const message = gapReportMessage({ days: 90, totals: { searches: 9_999_999, nothingFound: 5_000_000, foundInPart: 4_000_000 }, gaps }, t('gaps.csvSent', { count: gaps.length }), t);
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    const text = textOf(message.blocks);
    expect(text).toContain(`${GAPS_SHOWN}. `);
    expect(text).not.toContain(`${GAPS_SHOWN + 1}. `);
    expect(text).toContain(t('gaps.more', { count: 7 }));
    expect(text).not.toMatch(/<@|\*bold\*/);
    expect(text).toContain('&lt;@U0ALICE001&gt; &amp; ∗bold∗');
  });

  it('keeps a catalogue admin’s App Home within the limits with every section at its largest', () => {
    const publications = loadCatalogue();
    const view = homeView(
      publications,
      Array.from({ length: 12 }, (_, i) => ({ reference: `PUB-2026-${String(i).padStart(6, '0')}`, status: 'Submitted', placed: '2 Dec 2026', summary: 'x'.repeat(500) })),
      t,
      {
        languageChoice: { chosen: locale },
        adminOutbox: { waiting: 3, retrying: 2, failed: 1, retryingExamples: [], failedExamples: [] },
        catalogueActivity: {
          days: 30,
          searches: { searches: 9_999_999, nothingFound: 5_000_000, foundInPart: 1 },
          orders: { count: 99_999, titles: publications.slice(0, 5).map((p) => ({ title: p.title, orders: 9_999, copies: 999_999 })) },
        },
      },
    );
    expect(checkBlockKitLimits('home', view)).toEqual([]);
    expect(textOf(view.blocks)).toContain(publications[0]?.title);
  });
});
