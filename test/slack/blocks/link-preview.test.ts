/** The card a link to a title's page unfurls as (src/slack/blocks/link-preview.ts), in every language. */
import { describe, expect, it } from 'vitest';
import type { Publication } from '../../../src/catalogue/schema.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import { ACTION } from '../../../src/slack/blocks/action-ids.js';
import { linkPreview, linkPreviews } from '../../../src/slack/blocks/link-preview.js';
import { decodeOrderStart } from '../../../src/slack/blocks/order-start.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { buttonsOf, textOf } from '../block-query.js';
import { makePublication } from '../publications.js';

const EN_PAGE = 'https://publications.iom.int/books/counter-trafficking-handbook';
const FR_PAGE = 'https://publications.iom.int/fr/books/manuel-lutte-contre-la-traite';
const HANDBOOK = makePublication({ title: 'Counter-Trafficking <Handbook> & Guide', pages: 120, year: 2019, languages: ['en', 'fr', 'es'], urls: { en: EN_PAGE, fr: FR_PAGE } });
const ENGLISH_ONLY = makePublication({ id: 'english-only', languages: ['en'], isbn: null, urls: { en: 'https://publications.iom.int/books/english-only' } });
/** Pages copied from another title, an Armenian edition read from "Armenia", and the Spanish site's page recorded for the English edition. */
const FLAGGED = makePublication({
  id: 'flagged',
  pages: 298,
  languages: ['en', 'hy'],
  urls: { en: 'https://publications.iom.int/es/books/flagged' },
  needsReview: [
    { field: 'pages', code: 'pages-maybe-copied', message: 'page count may have been copied' },
    { field: 'languages', value: 'hy', code: 'language-name-guessed', message: 'the page says "Armenia"' },
    { field: 'urls', value: 'en', code: 'url-other-language', message: 'Spanish page recorded for the English edition' },
  ],
});

const en = translator('en');
const fr = translator('fr');
const es = translator('es');

/** The order button of a card and what it opens the dialog with. */
function orderOf(blocks: readonly unknown[]) {
  const order = buttonsOf(blocks).find((b) => b.action_id === ACTION.orderStart);
  if (!order?.value) throw new Error('no Order print copy button');
  return { text: order.text.text, start: decodeOrderStart(order.value) };
}

describe('the card of a linked title', () => {
  it('shows the title (escaped), year, pages and languages, which edition the page is, and Order print copy and Details', () => {
    const { blocks } = linkPreview({ publication: HANDBOOK, edition: 'fr' }, en);
    const text = textOf(blocks);
    expect(text).toContain('*Counter-Trafficking &lt;Handbook&gt; &amp; Guide*');
    expect(text).toContain('2019 · 120 pages · English, French, Spanish');
    expect(text).toContain('Link to the edition in French');
    expect(buttonsOf(blocks).map((b) => [b.action_id, b.text.text])).toEqual([
      [ACTION.orderStart, 'Order print copy'],
      [ACTION.details, 'Details'],
    ]);
    expect(orderOf(blocks).start).toEqual({ locale: 'en', publicationId: HANDBOOK.id, language: 'fr' });
    expect(checkBlockKitLimits('message', { blocks })).toEqual([]);
  });

  it('says nothing of editions for a title that has only one, whose page is certain', () => {
    const { blocks } = linkPreview({ publication: ENGLISH_ONLY, edition: 'en' }, en);
    expect(textOf(blocks)).not.toContain('Link to the edition');
    expect(orderOf(blocks).start).toEqual({ locale: 'en', publicationId: ENGLISH_ONLY.id, language: 'en' });
  });

  it('shows flagged facts as to be confirmed, and does not choose an edition whose page is in doubt', () => {
    const { blocks } = linkPreview({ publication: FLAGGED, edition: 'en' }, en);
    const text = textOf(blocks);
    expect(text).toContain('298 pages (to be confirmed)');
    expect(text).toContain('Armenian (to be confirmed)');
    expect(text).toContain('Link to the edition in English (page in Spanish, to be confirmed)');
    expect(text).not.toMatch(/298 pages(?! \(to be confirmed\))/);
    expect(orderOf(blocks).start).toEqual({ locale: 'en', publicationId: FLAGGED.id });
  });

  it('reads in French and in Spanish, its buttons carrying that language to Details and the order dialog', () => {
    const french = linkPreview({ publication: HANDBOOK, edition: 'fr' }, fr);
    expect(textOf(french.blocks)).toContain('2019 · 120 pages · français, anglais, espagnol');
    expect(textOf(french.blocks)).toContain('Lien vers l’édition en français');
    expect(orderOf(french.blocks)).toEqual({ text: fr('button.orderCopy'), start: { locale: 'fr', publicationId: HANDBOOK.id, language: 'fr' } });
    expect(buttonsOf(french.blocks).find((b) => b.action_id === ACTION.details)?.value).toBe(`fr:${HANDBOOK.id}`);

    const spanish = linkPreview({ publication: FLAGGED, edition: 'en' }, es);
    const text = textOf(spanish.blocks);
    expect(text).toContain('298 páginas (por confirmar)');
    expect(text).toContain('Enlace a la edición en inglés (página en español, por confirmar)');
    expect(orderOf(spanish.blocks)).toEqual({ text: es('button.orderCopy'), start: { locale: 'es', publicationId: FLAGGED.id } });
  });

  it.each(LOCALES)('stays within Block Kit limits in %s for the longest title and every fact flagged', (locale) => {
    const long: Publication = {
      ...FLAGGED,
      title: `Handbook & guide <on> ${'protection, assistance & reintegration of migrants '.repeat(40)}`,
      languages: ['en', 'fr', 'es', 'ar', 'hy', 'pt', 'ru', 'zh', 'de', 'it'],
      isbn: '978-92-9068-811-2',
      eisbn: '978-92-9068-812-9',
      needsReview: [...(FLAGGED.needsReview ?? []), { field: 'isbn', code: 'isbn-shared', message: 'shared' }, { field: 'eisbn', code: 'isbn-shared', message: 'shared' }],
    };
    const { blocks } = linkPreview({ publication: long, edition: 'en' }, translator(locale));
    expect(checkBlockKitLimits('message', { blocks })).toEqual([]);
    expect(textOf(blocks)).toContain('…');
  });
});

describe('the previews of a message', () => {
  it('are keyed by each known link exactly as posted, and leave out the links the catalogue does not know', () => {
    const posted = [`${EN_PAGE}/?utm_source=newsletter`, 'https://publications.iom.int/books/unknown', 'http://www.publications.iom.int/fr/books/manuel-lutte-contre-la-traite#resume'];
    const previews = linkPreviews(posted, [HANDBOOK, ENGLISH_ONLY], en);
    expect(Object.keys(previews)).toEqual([posted[0], posted[2]]);
    expect(orderOf(previews[posted[0] as string]?.blocks ?? []).start?.language).toBe('en');
    expect(orderOf(previews[posted[2] as string]?.blocks ?? []).start?.language).toBe('fr');
  });

  it('are none when no link is known', () => {
    expect(linkPreviews(['https://iom.int/news', 'https://migrationnetwork.un.org/'], [HANDBOOK], en)).toEqual({});
  });
});
