import { describe, expect, it } from 'vitest';
import { Speller, editDistance, editsAtLeast, letterBits, maxEdits } from '../../src/search/spelling.js';

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('pyschosocial', 'psychosocial', 2)).toBe(1);
    expect(editDistance('reintegation', 'reintegration', 2)).toBe(1);
  });
  it('stops early beyond the limit', () => {
    expect(editDistance('weather', 'migration', 2)).toBe(3);
  });
});

describe('editsAtLeast', () => {
  const bound = (a: string, b: string): number => editsAtLeast(letterBits(a), letterBits(b));
  it('never exceeds the edit distance', () => {
    const words = ['trafficking', 'trafiking', 'training', 'psychosocial', 'pyschosocial', 'reintegration', 'migración', 'migracion', 'atención', 'vulnerability', 'weather', 'migration', 'refferal', 'referral', 'zzz', 'abc'];
    for (const a of words) for (const b of words) expect(bound(a, b), `${a} / ${b}`).toBeLessThanOrEqual(editDistance(a, b, 20));
  });
  it('counts the letters only one of the words uses', () => {
    expect(bound('referral', 'refferal')).toBe(0);
    expect(bound('weather', 'migration')).toBe(5); // m, i, g, o, n
  });
});

describe('Speller', () => {
  const speller = new Speller(new Map([['trafficking', 5], ['training', 9], ['psychosocial', 2], ['reintegration', 3]]));
  it('prefers the word that differs only by doubled letters over a more frequent one', () => {
    expect(speller.correct('trafiking')).toEqual({ word: 'trafficking', distance: 2 });
  });
  it('breaks a full tie alphabetically, whatever the order of the vocabulary', () => {
    expect(new Speller(new Map([['traits', 1], ['trains', 1]])).correct('traiks')?.word).toBe('trains');
    expect(new Speller(new Map([['trains', 1], ['traits', 1]])).correct('traiks')?.word).toBe('trains');
  });
  it('compares words that share the first or the second letter only', () => {
    const words = new Speller(new Map([['victims', 1], ['support', 1]]));
    expect(words.correct('bictims')?.word).toBe('victims');
    expect(words.correct('sipport')?.word).toBe('support');
    expect(words.correct('bxctims')).toBeUndefined();
  });
  it('completes the start of a word', () => {
    expect(speller.correct('psychoso')?.word).toBe('psychosocial');
  });
  it('leaves short and far-off words alone', () => {
    expect(maxEdits(4)).toBe(0);
    expect(speller.correct('pizza')).toBeUndefined();
  });
});
