import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import type { Publication } from '../../../src/catalogue/schema.js';
import { translator } from '../../../src/i18n/translator.js';
import { detailsModal } from '../../../src/slack/blocks/details.js';
import { catalogueGlance, homeView } from '../../../src/slack/blocks/home.js';
import { catalogueList } from '../../../src/slack/blocks/list.js';
import { itemsStepView } from '../../../src/slack/blocks/order-dialog.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { newDraft } from '../../../src/slack/order-draft.js';
import { textOf } from '../block-query.js';
import { makePublication } from '../publications.js';

const CONFIRM = { en: 'to be confirmed', fr: 'à confirmer', es: 'por confirmar' } as const;
const catalogue = loadCatalogue();
const byId = (id: string) => catalogue.find((p) => p.id === id) as Publication;

/** A title whose pages, print ISBN, Armenian edition and English address an import doubted. */
const flagged = makePublication({
  pages: 298,
  isbn: '978-9968-542-71-5',
  languages: ['en', 'hy'],
  urls: { en: 'https://publications.iom.int/fr/books/counter-trafficking-handbook' },
  needsReview: [
    { field: 'pages', code: 'pages-maybe-copied', message: 'page count may have been copied' },
    { field: 'isbn', code: 'isbn-shared', message: 'ISBN also given for another title' },
    { field: 'languages', value: 'hy', code: 'language-name-guessed', message: 'the page says "Armenia"' },
    { field: 'urls', value: 'en', code: 'url-other-language', message: 'French page recorded for the English edition' },
  ],
});

describe.each(['en', 'fr', 'es'] as const)('flagged facts in %s', (locale) => {
  const t = translator(locale);
  const confirm = CONFIRM[locale];
  const armenian = t.language('hy');

  it('the list line marks the flagged pages, ISBN, language and address "to be confirmed", and nothing else', () => {
    const message = catalogueList({ publications: [flagged, makePublication({ id: 'plain', title: 'Plain' })], total: 2, offset: 0, filterText: '' }, t);
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    const [flaggedLine, plainLine] = textOf(message.blocks).split('Plain');
    expect(flaggedLine).toContain(`${t('publication.pages', { count: 298 })} (${confirm})`);
    expect(flaggedLine).toContain(`ISBN 978-9968-542-71-5 (${confirm})`);
    expect(flaggedLine).toContain(`${armenian} (${confirm})`);
    expect(flaggedLine).not.toContain(`${t.language('en')} (${confirm})`);
    expect(flaggedLine).toMatch(new RegExp(`\\(${t('publication.pageIn', { language: t.language('fr') })}, ${confirm}\\)`));
    expect(plainLine).not.toContain(confirm);
  });

  it('the Details modal marks them too, within Block Kit limits', () => {
    const view = detailsModal(flagged, { editable: false }, t);
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
    const text = textOf(view.blocks);
    expect(text).toContain(`*${t('details.pages')}*\n${t.number(298)} (${confirm})`);
    expect(text).toContain(`*ISBN*\n978-9968-542-71-5 (${confirm})`);
    expect(text.toLowerCase()).toContain(`${armenian} (${confirm})`.toLowerCase());
  });

  it('the order dialog offers the flagged edition marked "to be confirmed"', () => {
    const view = itemsStepView(newDraft(locale, flagged), (id) => (id === flagged.id ? flagged : undefined), t);
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
    expect(JSON.stringify(view)).toContain(`${armenian} (${confirm})`.replace(/^./, (c) => c.toUpperCase()));
  });
});

describe('the committed catalogue', () => {
  const en = translator('en');

  it('states none of the importer-flagged facts as plain fact', () => {
    const list = textOf(catalogueList({ publications: catalogue, total: catalogue.length, offset: 0, filterText: '' }, en).blocks);
    expect(list).toContain('only in Armenian (to be confirmed)');
    expect(list).toContain('298 pages (to be confirmed)');
    expect(list.match(/ISBN 978-9968-542-71-5 \(to be confirmed\)/g)).toHaveLength(2);
    expect(list).not.toMatch(/ISBN 978-9968-542-71-5(?! \(to be confirmed\))/);
    const details = textOf(detailsModal(byId('safety-trip'), { editable: false }, en).blocks);
    expect(details).toContain('Armenian (to be confirmed)');
  });

  it('App Home counts only the Armenian edition that is not in doubt', () => {
    const armenian = catalogue.filter((p) => p.languages.includes('hy'));
    expect(armenian.map((p) => p.id).sort()).toEqual(['guide-reintegration-returnees-armenia', 'safety-trip'].sort());
    expect(new Map(catalogueGlance(catalogue).byLanguage).get('hy')).toBe(1);
    expect(checkBlockKitLimits('home', homeView(catalogue, undefined, en))).toEqual([]);
  });
});
