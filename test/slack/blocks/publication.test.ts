import { describe, expect, it } from 'vitest';
import { publicationPage, siteLanguage } from '../../../src/catalogue/links.js';
import { excerpt, highlight, metaLine, mrkdwnLink, pdfWithoutLinkHint, publicationButtons, readPublicationValue, titleLine } from '../../../src/slack/blocks/publication.js';
import { makePublication } from '../publications.js';
import { translator } from '../../../src/i18n/translator.js';

const en = translator('en');

const urls = {
  en: 'https://publications.iom.int/en',
  fr: 'https://publications.iom.int/fr',
};

describe('publicationPage', () => {
  it('links the wanted language where one is recorded, else English, else any edition', () => {
    const p = makePublication({ languages: ['en', 'fr', 'es'], urls });
    expect(publicationPage(p, ['fr'])).toEqual({ url: urls.fr });
    expect(publicationPage(p, ['es'])).toEqual({ url: urls.en });
    expect(publicationPage(p)).toEqual({ url: urls.en });
    expect(publicationPage(makePublication({ languages: ['es', 'fr'], urls: { fr: urls.fr } }))).toEqual({ url: urls.fr });
  });

  it('says plainly when no link is recorded', () => {
    const p = makePublication({ urls: {} });
    expect(publicationPage(p)).toBeUndefined();
    expect(titleLine(p, [], en)).toBe('*Counter-Trafficking Handbook* (no link recorded)');
  });

  it('reads the site language from the path of any address, and names it only when it is not the edition\'s', () => {
    expect(siteLanguage('https://publications.iom.int/es/books/x')).toBe('es');
    expect(siteLanguage('https://example.org/FR')).toBe('fr');
    expect(siteLanguage('https://publications.iom.int/books/x')).toBeUndefined();
    expect(siteLanguage('https://x.org/xx/books')).toBeUndefined();
    const es = 'https://publications.iom.int/es/books/framework';
    expect(publicationPage(makePublication({ languages: ['en'], urls: { en: es } }))).toEqual({ url: es, otherLanguage: 'es' });
    expect(publicationPage(makePublication({ languages: ['en', 'es'], urls: { es } }), ['es'])).toEqual({ url: es });
  });
});

describe('titleLine and pdfWithoutLinkHint', () => {
  const framework = makePublication({ title: 'Framework <A&B>', languages: ['en'], urls: { en: 'https://publications.iom.int/fr/books/framework' } });

  it('labels a link to another site language\'s page in the reader\'s language', () => {
    expect(titleLine(framework, [], en)).toBe('*<https://publications.iom.int/fr/books/framework|Framework &lt;A&amp;B&gt;>* (page in French)');
    expect(titleLine(framework, [], translator('fr'))).toContain('>* (page en français)');
    expect(titleLine(framework, [], translator('es'))).toContain('>* (página en francés)');
  });

  it('says where to look for a PDF the listing announces without a link, only then', () => {
    const unlinked = makePublication({ title: 'Guide <A&B>', urls: {} });
    expect(pdfWithoutLinkHint(unlinked, en)).toBe(
      'The listing announces a PDF but no link is recorded: search for “Guide &lt;A&amp;B&gt;” on <https://publications.iom.int/search|publications.iom.int/search>, or order a printed copy.',
    );
    expect(pdfWithoutLinkHint({ ...unlinked, pdf: false }, en)).toBeUndefined();
    expect(pdfWithoutLinkHint(framework, en)).toBeUndefined();
  });
});

describe('titleLine and mrkdwnLink', () => {
  it('escapes the label and keeps the address from ending the link', () => {
    expect(mrkdwnLink('https://x.org/a?b=1&c=<d>|e', 'A <b> & c')).toBe('<https://x.org/a?b=1&amp;c=%3Cd%3E%7Ce|A &lt;b&gt; &amp; c>');
  });

  it('links the title in bold, cut to 250 characters', () => {
    const p = makePublication({ title: 'T'.repeat(300) });
    const line = titleLine(p, [], en);
    expect(line.startsWith(`*<${p.urls.en}|`)).toBe(true);
    expect(line).toContain(`${'T'.repeat(249)}…>*`);
  });
});

describe('metaLine', () => {
  it('gives year, pages, languages by name and the ISBNs recorded', () => {
    expect(metaLine(makePublication({ eisbn: '978-92-9068-812-9' }), en)).toBe(
      '2019 · 120 pages · English, French · ISBN 978-92-9068-811-2 · E-ISBN 978-92-9068-812-9',
    );
    expect(metaLine(makePublication({ isbn: null, pages: 1, languages: ['es'], urls: {} }), en)).toBe('2019 · 1 page · _only in Spanish_');
  });
});

describe('excerpt', () => {
  it('keeps short text whole and cuts long text between words with "…"', () => {
    expect(excerpt('Short  text\nhere.')).toBe('Short text here.');
    const long = 'word '.repeat(100);
    const cut = excerpt(long, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut).toMatch(/ word…$/);
  });

  it('looks past long runs of white space to find the words', () => {
    const text = `${' \n'.repeat(400)}Community engagement ${'in practice '.repeat(60)}`;
    const cut = excerpt(text, 300);
    expect(cut.startsWith('Community engagement in practice')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(excerpt(`${' '.repeat(700)}Short.`, 300)).toBe('Short.');
  });
});

describe('highlight', () => {
  it('bolds whole matched words in any case, escaping the rest', () => {
    expect(highlight('Trafficking & trafficked <persons>', ['trafficking', 'persons'])).toBe(
      '*Trafficking* &amp; trafficked &lt;*persons*&gt;',
    );
  });

  it('bolds neighbouring matches as one span', () => {
    expect(highlight('on gender-based violence and based', ['gender', 'based', 'violence'])).toBe('on *gender-based violence* and *based*');
  });

  it('never bolds inside an escape, even for terms such as "amp" or "lt"', () => {
    expect(highlight('Tom & Jerry < amp', ['amp', 'lt', 'gt'])).toBe('Tom &amp; Jerry &lt; *amp*');
  });

  it('handles accented words and other scripts, and bolds whole words only', () => {
    expect(highlight('Reintegración (c++) ՀՀ-ում reintegraciones', ['reintegración', 'c', 'ում'])).toBe('*Reintegración* (*c*++) ՀՀ-*ում* reintegraciones');
  });

  it('takes terms as words, never as patterns', () => {
    expect(highlight('axb a.b (x|y)', ['a.b', 'x|y', '.*'])).toBe('axb a.b (x|y)');
  });
});

describe('publicationButtons', () => {
  it("carries the answer's language and the publication id on Details, Order print copy and Share in channel", () => {
    const p = makePublication();
    expect(publicationButtons(p, { share: true }, translator('fr')).map((b) => [b.action_id, b.value])).toEqual([
      ['publication_details', `fr:${p.id}`],
      ['order_start', `fr:${p.id}`],
      ['publication_share', `fr:${p.id}`],
    ]);
    expect(publicationButtons(p, { share: false }, en).map((b) => b.action_id)).toEqual(['publication_details', 'order_start']);
    expect(readPublicationValue(`fr:${p.id}`)).toEqual({ id: p.id, locale: 'fr' });
    // Buttons sent before languages carry the bare id.
    expect(readPublicationValue(p.id)).toEqual({ id: p.id });
  });
});

describe("editions in the reader's language", () => {
  it("lists the reader's edition first and says when a title has none in their language", () => {
    const [fr, es] = [translator('fr'), translator('es')];
    const both = makePublication({ languages: ['en', 'fr'], urls: { en: 'https://e.org/en', fr: 'https://e.org/fr' } });
    expect(metaLine(both, fr)).toContain('120 pages · français, anglais');
    expect(titleLine(both, [], fr)).toContain('https://e.org/fr');
    expect(metaLine(both, es)).toContain('inglés, francés · _sin edición en español_');
    expect(metaLine(makePublication({ languages: ['en'] }), fr)).toContain('_uniquement en anglais_');
    expect(titleLine(makePublication({ urls: {} }), [], es)).toBe('*Counter-Trafficking Handbook* (sin enlace registrado)');
  });
});
