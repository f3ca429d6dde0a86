import { describe, expect, it } from 'vitest';
import { detailsModal } from '../../../src/slack/blocks/details.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { LIMITS } from '../../../src/slack/mrkdwn.js';
import { textOf } from '../block-query.js';
import { makePublication } from '../publications.js';
import { translator } from '../../../src/i18n/translator.js';

const en = translator('en');

describe('detailsModal', () => {
  it('shows year, pages, ISBN and E-ISBN, every edition with its link or "no link recorded", and the whole summary with its lists', () => {
    const p = makePublication({ languages: ['en', 'fr', 'es'], urls: { en: 'https://x.org/en', es: 'https://x.org/es' } });
    const view = detailsModal(p, en);
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
    const view = detailsModal(makePublication({ title, summary: [{ kind: 'paragraph', text: words.join(' ') }] }), en);
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
    const sections = view.blocks.filter((b) => b.type === 'section' && 'text' in b && b.text);
    expect(sections.length).toBeGreaterThan(4);
    const text = textOf(view.blocks);
    expect(text).toContain(title);
    expect(text.match(/w\d+&amp;/g)).toHaveLength(words.length);
  });

  it('stops at the view limit of 100 blocks, saying where the rest is', () => {
    const paragraphs = Array.from({ length: 150 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i} ${'x'.repeat(2900)}` }));
    const view = detailsModal(makePublication({ summary: paragraphs }), en);
    expect(view.blocks).toHaveLength(LIMITS.blocksPerView);
    expect(textOf(view.blocks.slice(-1))).toBe('_The summary continues on the publication page._');
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
  });

  it('says so when there is no summary', () => {
    expect(textOf(detailsModal(makePublication({ summary: [] }), en).blocks)).toContain('No summary recorded.');
  });
});
