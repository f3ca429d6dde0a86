import { describe, expect, it } from 'vitest';
import { analyse, fold, isStopWord, queryTermVariants, stem, tokenise, wordMatches, wordsOf } from '../../src/search/normalise.js';

describe('fold', () => {
  it('strips accents and lower-cases, keeping other scripts', () => {
    expect(fold('Atención Psicosocial')).toBe('atencion psicosocial');
    expect(fold('mise en œuvre')).toBe('mise en oeuvre');
    expect(fold('العربية')).toBe('العربية');
    expect(fold('Հայերեն')).toBe('հայերեն');
  });
});

describe('tokenise', () => {
  it('splits on punctuation, hyphens and apostrophes and drops single letters', () => {
    expect(tokenise("IOM's gender-based (a) l'amélioration")).toEqual(['IOM', 'gender', 'based', 'amélioration']);
  });
  it('keeps dotted abbreviations whole and years as words', () => {
    expect(tokenise('the A.MI.CO. courses, 2018-2019')).toEqual(['the', 'AMICO', 'courses', '2018', '2019']);
  });
});

describe('stop words and stemming', () => {
  it('uses small lists that keep words carrying meaning', () => {
    expect(isStopWord('de', 'es')).toBe(true);
    expect(isStopWord('trata')).toBe(false);
    expect(isStopWord('personnes')).toBe(false);
    expect(isStopWord('information')).toBe(false);
  });
  it('folds before stemming, so accented and plain spellings meet', () => {
    expect(analyse('reintegración', 'es')).toEqual(analyse('reintegracion', 'es'));
  });
  it('stems Spanish -ción words typed without their accent like accented ones', () => {
    expect(stem('informacion', 'es')).toBe(stem('información', 'es'));
    expect(stem('informacion', 'es')).toBe(stem('informativas', 'es'));
    expect(stem('reintegracion', 'es')).toBe(stem('reintegration', 'en'));
  });
  it('stems each text with its own language', () => {
    expect(analyse('trafficking in persons', 'en')).toEqual([stem('trafficking', 'en'), stem('persons', 'en')]);
    expect(analyse('traite des personnes', 'fr')).toEqual(['trait', 'person']);
    expect(analyse('Doing business', 'it')).toEqual(['doing', 'business']);
  });
  it('gives a query word its English, Spanish and French readings', () => {
    expect(queryTermVariants('migrantes')).toEqual(expect.arrayContaining([stem('migrantes', 'es'), stem('migrantes', 'fr')]));
    expect(queryTermVariants('trafficking')).toContain(stem('trafficking', 'en'));
  });
});

describe('wordsOf and wordMatches', () => {
  it('find runs of letters and digits as written, whatever the script or accents, with where they start', () => {
    const text = 'Migrations, m&e (a.b) reintegración 2019 ՀՀ-ում';
    expect(wordsOf(text)).toEqual(['Migrations', 'm', 'e', 'a', 'b', 'reintegración', '2019', 'ՀՀ', 'ում']);
    expect([...wordMatches(text)].map((m) => m.index)).toEqual([0, 12, 14, 17, 19, 22, 36, 41, 44]);
    expect(wordsOf(' ,;- ')).toEqual([]);
  });
});
