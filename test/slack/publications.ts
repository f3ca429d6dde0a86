/** Test publications and search responses for the Slack builders, validated by the catalogue schema. */
import { publicationSchema, type Publication } from '../../src/catalogue/schema.js';
import type { SearchHit, SearchResponse, UnderstoodQuery } from '../../src/search/types.js';

/** A valid publication; fields in `overrides` replace the defaults. */
export function makePublication(overrides: Partial<Publication> = {}): Publication {
  return publicationSchema.parse({
    id: 'counter-trafficking-handbook',
    title: 'Counter-Trafficking Handbook',
    year: 2019,
    pages: 120,
    isbn: '978-92-9068-811-2',
    eisbn: null,
    languages: ['en', 'fr'],
    summary: [
      { kind: 'paragraph', text: 'A handbook on trafficking in persons for front-line staff.' },
      { kind: 'list', items: ['identification of victims', 'referral'] },
    ],
    summaryLanguage: 'en',
    urls: { en: 'https://publications.iom.int/books/counter-trafficking-handbook' },
    pdf: true,
    ...overrides,
  });
}

/** How a query was understood; plain terms and no filters unless overridden. */
export function understood(overrides: Partial<UnderstoodQuery> = {}): UnderstoodQuery {
  return { text: 'trafficking', terms: ['trafficking'], filters: {}, expansions: [], corrections: [], filterOnly: false, ...overrides };
}

/** A search response holding `publications` as this page's hits. */
export function responseWith(
  publications: Publication[],
  options: { query?: Partial<UnderstoodQuery>; total?: number; matchedTerms?: string[]; suggestions?: string[] } = {},
): SearchResponse {
  const hits: SearchHit[] = publications.map((publication, i) => ({
    publication,
    score: 10 - i,
    matchedTerms: options.matchedTerms ?? ['trafficking'],
  }));
  return { query: understood(options.query), hits, total: options.total ?? hits.length, suggestions: options.suggestions ?? [] };
}

/** `n` distinct publications (ids pub-1 … pub-n), newest first in year order from 2024 down. */
export function manyPublications(n: number, overrides: Partial<Publication> = {}): Publication[] {
  return Array.from({ length: n }, (_, i) => makePublication({ id: `pub-${i + 1}`, title: `Handbook number ${i + 1}`, year: 2024 - (i % 10), ...overrides }));
}
