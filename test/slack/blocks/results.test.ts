import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../src/slack/blocks/paging.js';
import { searchAnswer } from '../../../src/slack/blocks/results.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { buttonsOf, textOf } from '../block-query.js';
import { makePublication, manyPublications, responseWith } from '../publications.js';
import { translator } from '../../../src/i18n/translator.js';

const en = translator('en');

/** A PDF without a link, one with its own page, one whose only page is the Spanish site's. */
const unlinked = makePublication({ id: 'unlinked', title: 'Guide <A&B>', urls: {} });
const linked = makePublication({ id: 'linked', title: 'Linked Handbook', urls: { en: 'https://publications.iom.int/books/linked' } });
const spanishPage = makePublication({ id: 'spanish-page', title: 'Framework', languages: ['en'], urls: { en: 'https://publications.iom.int/es/books/framework' } });

describe('searchAnswer', () => {
  it.each([
    ['en', 'search for “Guide &lt;A&amp;B&gt;” on <https://publications.iom.int/search|publications.iom.int/search>, or order a printed copy', '(page in Spanish)'],
    ['fr', 'cherchez «\u00a0Guide &lt;A&amp;B&gt;\u00a0» sur <https://publications.iom.int/search|publications.iom.int/search> ou commandez un exemplaire imprimé', '(page en espagnol)'],
    ['es', 'busque «Guide &lt;A&amp;B&gt;» en <https://publications.iom.int/search|publications.iom.int/search> o pida un ejemplar impreso', '(página en español)'],
  ] as const)('in %s, tells where to look for an unlinked PDF, links only recorded pages and names another language\'s page', (locale, hint, pageIn) => {
    const message = searchAnswer({ response: responseWith([unlinked, linked, spanishPage]), offset: 0, share: true }, translator(locale));
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    const cards = message.blocks.filter((b) => b.type === 'section').slice(1).map((b) => textOf([b]));
    expect(cards[0]).toContain(hint);
    expect(cards[0]).not.toMatch(/<https:\/\/publications\.iom\.int\/books/);
    expect(cards[1]).toContain('*<https://publications.iom.int/books/linked|Linked Handbook>*\n');
    expect(cards[1]).not.toContain('publications.iom.int/search');
    expect(cards[2]).toContain(`*<https://publications.iom.int/es/books/framework|Framework>* ${pageIn}`);
    const orders = buttonsOf(message.blocks).filter((b) => b.action_id === 'order_start').map((b) => b.value);
    expect(orders).toEqual([`${locale}:unlinked`, `${locale}:linked`, `${locale}:spanish-page`]);
  });

  it('says what was understood, then each result with its link, meta line, bold matches and buttons', () => {
    const p = makePublication({ languages: ['en', 'fr'], urls: { en: 'https://x.org/en', fr: 'https://x.org/fr' } });
    const message = searchAnswer({
      response: responseWith([p], {
        query: { text: 'trafiking in French 2019', terms: ['trafficking'], filters: { languages: ['fr'], yearFrom: 2019, yearTo: 2019 }, corrections: [{ from: 'trafiking', to: 'trafficking' }] },
      }),
      offset: 0,
      share: true,
    }, en);
    const text = textOf(message.blocks);
    expect(text).toContain('Searched for *trafficking* · editions in French · published in 2019 · spelling corrected: trafiking → trafficking');
    expect(text).toContain('*<https://x.org/fr|Counter-Trafficking Handbook>*');
    expect(text).toContain('2019 · 120 pages · English, French · ISBN 978-92-9068-811-2');
    expect(text).toContain('A handbook on *trafficking* in persons');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual(['publication_details', 'order_start', 'publication_share']);
    expect(message.text).toBe('1 result for “trafiking in French 2019”');
  });

  it('echoes what the user typed as text, never as a ping or a mention', () => {
    const typed = '<!channel> <@U123> trafficking';
    const message = searchAnswer({
      response: responseWith([], { query: { text: typed, terms: ['<!channel>', '<@U123>', 'trafficking'] } }),
      offset: 0,
      share: true,
    }, en);
    const all = `${message.text}\n${textOf(message.blocks)}`;
    expect(all).toContain('&lt;!channel&gt; &lt;@U123&gt;');
    expect(all).not.toMatch(/<!channel>|<@U123>/);
    const withHits = searchAnswer({ response: responseWith([makePublication()], { query: { text: typed, terms: ['<!channel>'] } }), offset: 0, share: true }, en);
    expect(`${withHits.text}\n${textOf(withHits.blocks)}`).not.toMatch(/<!channel>|<@U123>/);
  });

  it('pages with More results while hits remain, the value carrying the query and the next offset', () => {
    const pubs = manyPublications(5);
    const first = searchAnswer({ response: responseWith(pubs, { total: 12, query: { text: 'handbook' } }), offset: 0, share: true }, en);
    const more = buttonsOf(first.blocks).find((b) => b.action_id === 'search_more');
    expect(more?.text.text).toBe('More results (7 more)');
    expect(decodePage(more?.value)).toEqual({ query: 'handbook', offset: 5 });
    expect(textOf(first.blocks)).toContain('Results 1–5 of 12');

    const last = searchAnswer({ response: responseWith(pubs.slice(0, 2), { total: 12, query: { text: 'handbook' } }), offset: 10, share: true }, en);
    expect(textOf(last.blocks)).toContain('Results 11–12 of 12');
    expect(buttonsOf(last.blocks).some((b) => b.action_id === 'search_more')).toBe(false);
  });

  it('says so instead of a More button when the query is too long to carry in one', () => {
    const query = 'x'.repeat(2500);
    const message = searchAnswer({ response: responseWith(manyPublications(5), { total: 9, query: { text: query } }), offset: 0, share: true }, en);
    expect(buttonsOf(message.blocks).some((b) => b.action_id === 'search_more')).toBe(false);
    expect(textOf(message.blocks)).toContain('4 more results: a shorter query lets me page through them.');
    expect(checkBlockKitLimits('message', message)).toEqual([]);
  });

  it('stays within Block Kit limits for huge titles and summaries', () => {
    const huge = manyPublications(5, { title: `${'Long title '.repeat(27)}end`, summary: [{ kind: 'paragraph', text: 'trafficking & <b> '.repeat(560) }] });
    expect(huge[0]?.title).toHaveLength(300);
    const message = searchAnswer({ response: responseWith(huge, { total: 40 }), offset: 0, share: true }, en);
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('answers "nothing found" with suggestions as buttons and examples, never empty', () => {
    const message = searchAnswer({
      response: responseWith([], { query: { text: 'trafikcing <b>', terms: ['trafikcing', '<b>'] }, suggestions: ['trafficking', 'counter-trafficking'] }),
      offset: 0,
      share: true,
    }, en);
    const text = textOf(message.blocks);
    expect(text).toContain('I found nothing for “trafikcing &lt;b&gt;”\n');
    expect(text).toContain('Did you mean:');
    expect(text).toContain('Try for example:');
    expect(text).not.toContain('Searched for');
    const suggestions = buttonsOf(message.blocks);
    expect(suggestions.map((b) => b.action_id)).toEqual(['search_suggestion_0', 'search_suggestion_1']);
    expect(suggestions.map((b) => decodePage(b.value))).toEqual([
      { query: 'trafficking', offset: 0 },
      { query: 'counter-trafficking', offset: 0 },
    ]);
  });

  it('echoes the query as plain text that Slack neither formats nor pings, without a doubled "?."', () => {
    const message = searchAnswer({
      response: responseWith([], { query: { text: 'is there *anything* on _GBV_ <!here>?', terms: ['anything', 'gbv'] } }),
      offset: 0,
      share: true,
    }, en);
    const first = textOf(message.blocks).split('\n')[0];
    expect(first).toBe('I found nothing for “is there ∗anything∗ on ‗GBV‗ &lt;!here&gt;?”');
    expect(message.text).toBe('Nothing found for “is there ∗anything∗ on ‗GBV‗ &lt;!here&gt;?”');
  });

  it('suggests dropping filters when a filtered query finds nothing', () => {
    const message = searchAnswer({ response: responseWith([], { query: { text: 'in Armenian', terms: [], filters: { languages: ['hy'] }, filterOnly: true } }), offset: 0, share: true }, en);
    expect(textOf(message.blocks)).toContain('Editions in Armenian\nTry again without the language or year.');
  });

  it('omits Share in channel where sharing makes no sense', () => {
    const message = searchAnswer({ response: responseWith([makePublication()]), offset: 0, share: false }, en);
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual(['publication_details', 'order_start']);
  });
});
