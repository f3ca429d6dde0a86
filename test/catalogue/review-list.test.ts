import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { editionsWithoutLink, reviewItems } from '../../src/catalogue/review-list.js';
import { makePublication } from '../slack/publications.js';

const committed = loadCatalogue();
const problemsOf = (id: string) => reviewItems(committed).find((i) => i.publication.id === id)?.problems;

describe('reviewItems', () => {
  it('lists, in catalogue order, every flagged entry and every entry with an announced PDF but no link for an edition', () => {
    const items = reviewItems(committed);
    const flagged = committed.filter((p) => p.needsReview !== undefined).map((p) => p.id);
    const linkMissing = committed.filter((p) => p.pdf && p.languages.some((l) => !p.urls[l])).map((p) => p.id);
    expect(items.map((i) => i.publication.id)).toEqual(committed.map((p) => p.id).filter((id) => flagged.includes(id) || linkMissing.includes(id)));
    expect(flagged).toHaveLength(6);
    expect(items).toHaveLength(18);
  });

  it('gives each entry every flag and the editions whose link is missing', () => {
    expect(problemsOf('safety-trip')).toEqual([
      { kind: 'flag', flag: expect.objectContaining({ field: 'languages', value: 'hy', code: 'language-name-guessed' }) },
      { kind: 'link-missing', editions: ['hy'] },
    ]);
    expect(problemsOf('reintegration-handbook')).toEqual([{ kind: 'link-missing', editions: ['es', 'ar'] }]);
    expect(problemsOf('migration-2030-agenda')).toEqual([{ kind: 'flag', flag: expect.objectContaining({ field: 'isbn', code: 'isbn-shared' }) }]);
    expect(problemsOf('training-trainers-manual')).toBeUndefined();
  });

  it('finds no link missing where the listing announces no PDF', () => {
    expect(editionsWithoutLink(makePublication({ pdf: false, urls: {} }))).toEqual([]);
    expect(editionsWithoutLink(makePublication({ pdf: true, urls: {} }))).toEqual(['en', 'fr']);
    expect(reviewItems([makePublication({ pdf: false, urls: {} })])).toEqual([]);
  });
});
