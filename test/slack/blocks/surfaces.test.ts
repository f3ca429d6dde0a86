import { describe, expect, it } from 'vitest';
import { helpMessage } from '../../../src/slack/blocks/help.js';
import { catalogueGlance, homeView } from '../../../src/slack/blocks/home.js';
import { sharedMessage } from '../../../src/slack/blocks/share.js';
import { describeListing, describeUnderstood } from '../../../src/slack/blocks/understood.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { buttonsOf, textOf } from '../block-query.js';
import { makePublication, manyPublications, understood } from '../publications.js';
import { translator } from '../../../src/i18n/translator.js';

const en = translator('en');

describe('describeUnderstood', () => {
  it('names filters, corrections and expansions, escaping what the user typed', () => {
    const line = describeUnderstood(
      understood({
        text: 'GBV trafiking <!here>',
        terms: ['gbv', 'trafiking', '<!here>'],
        filters: { languages: ['fr', 'es', 'ar'], yearFrom: 2019, yearTo: 2020 },
        corrections: [{ from: 'trafiking', to: 'trafficking' }],
        expansions: [{ acronym: 'GBV', expansion: 'gender-based violence' }],
      }),
      en,
    );
    expect(line).toBe(
      'Searched for *gbv trafficking &lt;!here&gt;* · editions in French, Spanish, or Arabic · published 2019–2020 · ' +
        'spelling corrected: trafiking → trafficking · read GBV as gender-based violence',
    );
  });

  it('says nothing more than the words when the engine read nothing more into them', () => {
    expect(describeUnderstood(understood({ text: 'x', terms: ['x'] }), en)).toBe('Searched for *x*');
  });

  it('says which words no title mentions and which languages it does not know, escaped', () => {
    const line = describeUnderstood(
      understood({ text: 'psychosocial <@U1> lang:xx', terms: ['psychosocial', '<@U1>'], unmatchedWords: ['<@U1>'], unknownLanguages: ['xx'] }),
      en,
    );
    expect(line).toBe('Searched for *psychosocial &lt;@U1&gt;* · no title mentions “&lt;@U1&gt;” · unknown language “xx” left out');
  });

  it('reads open-ended year ranges', () => {
    expect(describeUnderstood(understood({ terms: [], filters: { yearFrom: 2018 } }), en)).toBe('Published in 2018 or later');
    expect(describeUnderstood(understood({ terms: [], filters: { yearTo: 2015 } }), en)).toBe('Published in 2015 or earlier');
  });

  it('says "and" when titles must have an edition in each language', () => {
    expect(describeUnderstood(understood({ terms: [], filters: { languages: ['en', 'es'], everyLanguage: true } }), en)).toBe('Editions in English and Spanish');
  });

  it('says when the answer is newest first', () => {
    expect(describeUnderstood(understood({ terms: ['gbv'], sort: 'newest' }), en)).toBe('Searched for *gbv* · newest first');
    expect(describeListing(understood({ terms: [], sort: 'newest', filterOnly: true }), en)).toBe('All titles: newest first');
    expect(describeListing(understood({ terms: [], filters: { languages: ['es'] }, sort: 'newest', filterOnly: true }), en)).toBe(
      'All titles: editions in Spanish · newest first',
    );
    expect(describeListing(understood({ terms: [], filterOnly: true }), en)).toBe('All titles: the whole catalogue');
  });

  it('says which edition an ISBN identifies, and when no title has it', () => {
    const line = describeUnderstood(
      understood({
        terms: [],
        identifiers: [
          { isbn: '978-92-9068-811-2', edition: 'print' },
          { isbn: '978-92-9068-838-9', edition: 'electronic', language: 'en' },
          { isbn: '9780306406157' },
        ],
      }),
      en,
    );
    expect(line).toBe(
      'ISBN 978-92-9068-811-2 is the print edition · E-ISBN 978-92-9068-838-9 is the electronic edition (English) · no title has ISBN 9780306406157',
    );
  });

  it('says newest first and which edition an ISBN is in French and Spanish too', () => {
    const fr = translator('fr');
    const es = translator('es');
    const isbns = understood({ terms: [], sort: 'newest', identifiers: [{ isbn: '978-92-9068-838-9', edition: 'electronic', language: 'es' }, { isbn: '9780306406157' }] });
    expect(describeUnderstood(isbns, fr)).toBe(
      'L’ISBN électronique 978-92-9068-838-9 est celui de l’édition numérique (espagnol) · aucun titre n’a l’ISBN 9780306406157 · les plus récents d’abord',
    );
    expect(describeUnderstood(isbns, es)).toBe(
      'El ISBN electrónico 978-92-9068-838-9 es el de la edición digital (español) · ningún título tiene el ISBN 9780306406157 · los más recientes primero',
    );
    expect(describeListing(understood({ terms: [], filters: { languages: ['en', 'es'], everyLanguage: true }, sort: 'newest', filterOnly: true }), fr)).toBe(
      'Tous les titres\u00a0: éditions en anglais et espagnol · les plus récents d’abord',
    );
  });
});

describe('sharedMessage', () => {
  it('shows the result for everyone and who shared it', () => {
    const message = sharedMessage(makePublication({ summary: [{ kind: 'paragraph', text: 'About <!channel> & more' }] }), 'U0SHARER', en);
    const text = textOf(message.blocks);
    expect(text).toContain('Shared by <@U0SHARER>');
    expect(text).toContain('About &lt;!channel&gt; &amp; more');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual(['publication_details', 'order_start']);
    expect(message.text).toBe('<@U0SHARER> shared “Counter-Trafficking Handbook”');
  });
});

describe('helpMessage', () => {
  it('explains how to ask, the filters, examples and every subcommand', () => {
    const text = textOf(helpMessage(en).blocks);
    for (const part of ['in French', 'since 2018', '/handbooks help', '/handbooks list spanish', '/handbooks order', '/handbooks orders', 'trafficking in persons training']) {
      expect(text).toContain(part);
    }
  });
});

describe('App Home', () => {
  const catalogue = [
    makePublication({ id: 'a', title: 'Alpha', year: 2020, languages: ['en', 'es'], urls: {} }),
    makePublication({ id: 'b', title: 'Beta', year: 2021, languages: ['es'], urls: {} }),
    makePublication({ id: 'c', title: 'Gamma', year: 2020, languages: ['en'], urls: {} }),
  ];

  it('counts titles by year and language edition and lists the newest', () => {
    const glance = catalogueGlance(catalogue, 2);
    expect(glance.total).toBe(3);
    expect(glance.byYear).toEqual([[2021, 1], [2020, 2]]);
    expect(glance.byLanguage).toEqual([['en', 2], ['es', 2]]);
    expect(glance.newest.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('says how to ask, shows the catalogue at a glance and offers an order button without a value', () => {
    const view = homeView(catalogue, undefined, en);
    const text = textOf(view.blocks);
    expect(text).toContain('2021: 1 · 2020: 2');
    expect(text).toContain('English: 2 · Spanish: 2');
    expect(text).toContain('/handbooks');
    const order = buttonsOf(view.blocks).find((b) => b.action_id === 'order_start');
    expect(order?.value).toBeUndefined();
    expect(text).not.toContain('Your recent orders');
    expect(checkBlockKitLimits('home', view)).toEqual([]);
  });

  it('shows recent orders when given, escaped, and a hint when there are none', () => {
    expect(textOf(homeView(catalogue, [], en).blocks)).toContain('You have no orders yet.');
    const view = homeView(catalogue, [{ reference: 'PUB-2026-000123', status: 'Processing', placed: '3 March 2026', summary: '2 × <Alpha>' }], en);
    expect(textOf(view.blocks)).toContain('*PUB-2026-000123* · Processing · 3 March 2026\n2 × &lt;Alpha&gt;');
  });

  it('stays within the view limits for a large catalogue', () => {
    expect(checkBlockKitLimits('home', homeView(manyPublications(500), undefined, en))).toEqual([]);
  });
});
