import { describe, expect, it } from 'vitest';
import { detailsModal } from '../../../src/slack/blocks/details.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { LIMITS } from '../../../src/slack/mrkdwn.js';
import { buttonsOf, textOf } from '../block-query.js';
import { makePublication } from '../publications.js';
import { translator } from '../../../src/i18n/translator.js';

const en = translator('en');

describe('detailsModal', () => {
  it('shows year, pages, ISBN and E-ISBN, every edition with its link or "no link recorded", and the whole summary with its lists', () => {
    const p = makePublication({ languages: ['en', 'fr', 'es'], urls: { en: 'https://x.org/en', es: 'https://x.org/es' } });
    const view = detailsModal(p, { editable: false }, en);
    const text = textOf(view.blocks);
    expect(view.title.text).toBe('Publication details');
    expect(view.callback_id).toBe('publication_details');
    expect(text).toContain('Counter-Trafficking Handbook');
    expect(text).toContain('*Year*\n2019');
    expect(text).toContain('*Pages*\n120');
    expect(text).toContain('*ISBN*\n978-92-9068-811-2');
    expect(text).toContain('*E-ISBN*\nnone recorded');
    expect(text).toContain('• *English*: <https://x.org/en|publication page>');
    expect(text).toContain('• *French*: no link recorded');
    expect(text).toContain('• *Spanish*: <https://x.org/es|publication page>');
    expect(text).toContain('A handbook on trafficking in persons for front-line staff.\n\n• identification of victims\n• referral');
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
  });

  it('splits a 10,000-character summary over several sections without losing a word, and keeps a 300-character title', () => {
    const words = Array.from({ length: 1800 }, (_, i) => `w${i}&`);
    const title = 'T'.repeat(300);
    const view = detailsModal(makePublication({ title, summary: [{ kind: 'paragraph', text: words.join(' ') }] }), { editable: false }, en);
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
    const sections = view.blocks.filter((b) => b.type === 'section' && 'text' in b && b.text);
    expect(sections.length).toBeGreaterThan(4);
    const text = textOf(view.blocks);
    expect(text).toContain(title);
    expect(text.match(/w\d+&amp;/g)).toHaveLength(words.length);
  });

  it('stops at the view limit of 100 blocks, saying where the rest is', () => {
    const paragraphs = Array.from({ length: 150 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i} ${'x'.repeat(2900)}` }));
    const view = detailsModal(makePublication({ summary: paragraphs }), { editable: false }, en);
    expect(view.blocks).toHaveLength(LIMITS.blocksPerView);
    expect(textOf(view.blocks.slice(-1))).toBe('_The summary continues on the publication page._');
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
  });

  it.each([
    ['en', 'The listing announces a PDF but no link is recorded: search for “Guide &lt;A&amp;B&gt;” on <https://publications.iom.int/search|publications.iom.int/search>, or order a printed copy.', '*PDF*\nno link recorded', 'available for download', '(page in Spanish)'],
    ['fr', 'cherchez «\u00a0Guide &lt;A&amp;B&gt;\u00a0» sur <https://publications.iom.int/search|publications.iom.int/search> ou commandez un exemplaire imprimé.', '*PDF*\naucun lien enregistré', 'téléchargeable', '(page en espagnol)'],
    ['es', 'busque «Guide &lt;A&amp;B&gt;» en <https://publications.iom.int/search|publications.iom.int/search> o pida un ejemplar impreso.', '*PDF*\nsin enlace registrado', 'disponible para descargar', '(página en español)'],
  ] as const)('in %s, says where to look for an unlinked PDF and offers the print order, links a recorded one and names another language\'s page', (locale, hint, noLink, available, pageIn) => {
    const t = translator(locale);
    const unlinked = detailsModal(makePublication({ id: 'unlinked', title: 'Guide <A&B>', urls: {} }), { editable: false }, t);
    expect(checkBlockKitLimits('modal', unlinked)).toEqual([]);
    expect(textOf(unlinked.blocks)).toContain(hint);
    expect(textOf(unlinked.blocks)).toContain(noLink);
    expect(textOf(unlinked.blocks)).not.toContain(available);
    expect(buttonsOf(unlinked.blocks).map((b) => [b.action_id, b.value])).toEqual([['order_start', `${locale}:unlinked`]]);

    const linked = detailsModal(makePublication({ urls: { en: 'https://publications.iom.int/books/handbook' } }), { editable: false }, t);
    expect(checkBlockKitLimits('modal', linked)).toEqual([]);
    expect(textOf(linked.blocks)).toContain(`*PDF*\n<https://publications.iom.int/books/handbook|${available}>`);
    expect(textOf(linked.blocks)).not.toContain('publications.iom.int/search');

    const spanishPage = detailsModal(makePublication({ languages: ['en'], urls: { en: 'https://publications.iom.int/es/books/framework' } }), { editable: false }, t);
    const text = textOf(spanishPage.blocks);
    expect(checkBlockKitLimits('modal', spanishPage)).toEqual([]);
    expect(text).toContain(`*PDF*\n<https://publications.iom.int/es/books/framework|${available}> ${pageIn}`);
    // the PDF line and the edition's page both say so
    expect(text.split('framework|').slice(1).map((after) => after.replace(/^[^>]*>/, '').startsWith(` ${pageIn}`))).toEqual([true, true]);
  });

  it('says so when there is no summary', () => {
    expect(textOf(detailsModal(makePublication({ summary: [] }), { editable: false }, en).blocks)).toContain('No summary recorded.');
  });
});
