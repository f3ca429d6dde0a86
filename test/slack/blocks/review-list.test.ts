import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import { reviewItems } from '../../../src/catalogue/review-list.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import { ACTION } from '../../../src/slack/blocks/action-ids.js';
import { readPublicationValue } from '../../../src/slack/blocks/publication.js';
import { problemText, reviewListMessage } from '../../../src/slack/blocks/review-list.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { buttonsOf, textOf } from '../block-query.js';
import { makePublication } from '../publications.js';

const flagged = makePublication({
  languages: ['en', 'hy'],
  eisbn: '978-92-9068-812-9',
  urls: { en: 'https://publications.iom.int/fr/books/counter-trafficking-handbook' },
  needsReview: [
    { field: 'eisbn', code: 'isbn-check-digit', message: 'E-ISBN has a wrong check digit' },
    { field: 'urls', value: 'en', code: 'url-other-language', message: 'fr page recorded for en' },
    { field: 'pages', code: 'some-new-doubt', message: 'the <!here> page count *looks* odd' },
  ],
});

describe('problemText', () => {
  it('says what is wrong in plain words, in each language', () => {
    const [item] = reviewItems([flagged]);
    const en = item!.problems.map((p) => problemText(flagged, p, translator('en')));
    expect(en).toEqual([
      'The E-ISBN 978-92-9068-812-9 has a wrong check digit.',
      'The link recorded for the English edition is the site’s page in French.',
      'To check: the &lt;!here&gt; page count *looks* odd',
      'Link missing: the listing announces a PDF, but no link is recorded for the Armenian edition.',
    ]);
    expect(problemText(flagged, item!.problems[1]!, translator('fr')).replace(/\u00a0/g, ' ')).toBe('Le lien enregistré pour l’édition en anglais est la page du site en français.');
    expect(problemText(flagged, item!.problems[3]!, translator('es'))).toBe('Falta el enlace: el listado anuncia un PDF, pero no hay enlace registrado para la edición en armenio.');
  });

  it('says a link is another language’s page even when its address does not name the site language', () => {
    const p = makePublication({ urls: { en: 'https://example.org/handbook' }, needsReview: [{ field: 'urls', value: 'en', code: 'url-other-language', message: 'es page recorded for en' }] });
    const [item] = reviewItems([p]);
    expect(problemText(p, item!.problems[0]!, translator('es'))).toBe('El enlace registrado para la edición en inglés es la página del sitio en otro idioma.');
  });
});

describe.each(LOCALES)('the review list in %s', (locale) => {
  const t = translator(locale);

  it('shows every entry of the committed catalogue with its Edit entry button', () => {
    const items = reviewItems(loadCatalogue());
    const message = reviewListMessage(items, t);
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    expect(buttonsOf(message.blocks).map((b) => [b.action_id, readPublicationValue(b.value)])).toEqual(items.map((i) => [ACTION.editEntry, { id: i.publication.id, locale }]));
  });

  it('stays within limits for hundreds of entries with long titles, saying how many more there are', () => {
    const long = Array.from({ length: 300 }, (_, i) => makePublication({ id: `title-${i}`, title: `Title ${i} ${'long words '.repeat(40)}`, urls: {}, needsReview: flagged.needsReview }));
    const message = reviewListMessage(reviewItems(long), t);
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    const shown = buttonsOf(message.blocks).length;
    expect(shown).toBeGreaterThan(5);
    expect(textOf(message.blocks)).toContain(`${300 - shown} `);
  });

  it('says when there is nothing to review', () => {
    expect(reviewListMessage([], t).blocks).toHaveLength(1);
  });
});
