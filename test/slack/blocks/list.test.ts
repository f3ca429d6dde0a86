import { describe, expect, it } from 'vitest';
import { catalogueList } from '../../../src/slack/blocks/list.js';
import { decodePage } from '../../../src/slack/blocks/paging.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { buttonsOf, textOf } from '../block-query.js';
import { manyPublications, understood } from '../publications.js';
import { translator } from '../../../src/i18n/translator.js';

const en = translator('en');

describe('catalogueList', () => {
  it('lists one compact line per title with Details, and More titles while some remain', () => {
    const pubs = manyPublications(15);
    const message = catalogueList({ publications: pubs, total: 40, offset: 15, filterText: '' }, en);
    const text = textOf(message.blocks);
    expect(text).toContain('*The whole catalogue*: 40 titles, newest first');
    expect(text).toContain('Titles 16–30 of 40');
    expect(text).toContain('Handbook number 1');
    const buttons = buttonsOf(message.blocks);
    expect(buttons.filter((b) => b.action_id === 'publication_details')).toHaveLength(15);
    const more = buttons.find((b) => b.action_id === 'list_more');
    expect(decodePage(more?.value)).toEqual({ query: '', offset: 30 });
    expect(checkBlockKitLimits('message', message)).toEqual([]);
  });

  it('names the filter, links the filtered language and keeps the filter for the next page', () => {
    const pubs = manyPublications(2, { languages: ['en', 'es'], urls: { en: 'https://x.org/en', es: 'https://x.org/es' } });
    const message = catalogueList({
      publications: pubs,
      total: 17,
      offset: 0,
      filterText: 'spanish',
      understood: understood({ text: 'spanish', terms: [], filters: { languages: ['es'] }, filterOnly: true }),
    }, en);
    const text = textOf(message.blocks);
    expect(text).toContain('*Titles*: Editions in Spanish (17)');
    expect(text).toContain('<https://x.org/es|Handbook number 1>');
    expect(decodePage(buttonsOf(message.blocks).find((b) => b.action_id === 'list_more')?.value)).toEqual({ query: 'spanish', offset: 2 });
  });

  it('says when a listing is newest first', () => {
    const message = catalogueList({
      publications: manyPublications(2),
      total: 22,
      offset: 0,
      filterText: 'newest',
      understood: understood({ text: 'newest', terms: [], sort: 'newest', filterOnly: true }),
    }, en);
    expect(textOf(message.blocks)).toContain('*Titles*: newest first (22)');
  });

  it('has no More button on the last page', () => {
    const message = catalogueList({ publications: manyPublications(3), total: 3, offset: 0, filterText: '' }, en);
    expect(buttonsOf(message.blocks).some((b) => b.action_id === 'list_more')).toBe(false);
    expect(textOf(message.blocks)).not.toContain('Titles 1–3');
  });
});
