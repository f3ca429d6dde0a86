/** What counts as a gap in the catalogue, on the real engine and catalogue, and the text it is counted by. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { GAP_QUERY_MAX, gapQueryText, searchOutcome } from '../../src/search/gaps.js';

const engine = createSearchEngine(loadCatalogue());
const outcome = (query: string) => searchOutcome(engine.search(query));

describe('searchOutcome', () => {
  it('is found when the engine searched every word and found titles', () => {
    expect(outcome('trafficking in French')).toBe('found');
    expect(outcome('trafiking')).toBe('found');
    expect(outcome('all titles in Spanish')).toBe('found');
  });

  it('is none when nothing was found, suggestions or not', () => {
    expect(outcome('weather in Geneva tomorrow')).toBe('none');
    expect(outcome('zzzz')).toBe('none');
  });

  it('is weak when content words were left out to find anything, or an ISBN asked for is no title’s', () => {
    const klingon = engine.search('trafficking in Klingon');
    expect(klingon.total).toBeGreaterThan(0);
    expect(klingon.query.unmatchedWords).toEqual(['klingon']);
    expect(searchOutcome(klingon)).toBe('weak');
    expect(searchOutcome({ ...klingon, query: { ...klingon.query, unmatchedWords: [], identifiers: [{ isbn: '9789290680000' }] } })).toBe('weak');
    expect(searchOutcome({ ...klingon, query: { ...klingon.query, unmatchedWords: [], identifiers: [{ isbn: '9789290680000', edition: 'print' }] } })).toBe('found');
  });
});

describe('gapQueryText', () => {
  it('lower-cases, folds accents and collapses whitespace, so spellings of one query count together', () => {
    expect(gapQueryText('  Atención   Psicosocial\tÉQUIPE ')).toBe('atencion psicosocial equipe');
    expect(gapQueryText('Œuvre')).toBe(gapQueryText('oeuvre'));
  });

  it('keeps nothing that points at a person or a conversation', () => {
    expect(gapQueryText('ask U0123ABCDE about C04XYZ1234 manual')).toBe('ask about manual');
    expect(gapQueryText('mail ana.perez@example.org the guide')).toBe('mail the guide');
    expect(gapQueryText('https://iomint.slack.com/archives/C0123456789/p1700000000 climate')).toBe('iomint.slack.com climate');
    expect(gapQueryText('see www.example.org/users/ana?id=7')).toBe('see example.org');
    expect(gapQueryText('UNHCR COVID19 guide')).toBe('unhcr covid19 guide');
  });

  it('cuts long texts between words and gives "" when nothing is left', () => {
    const long = gapQueryText('migration '.repeat(50));
    expect(long.length).toBeLessThanOrEqual(GAP_QUERY_MAX);
    expect(long.endsWith('migration')).toBe(true);
    expect(gapQueryText('  U0123ABCDE ')).toBe('');
  });
});
