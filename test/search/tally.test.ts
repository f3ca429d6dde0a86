import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/search/tally.js';

const postings = (docs: number[], scores: number[]) => ({ docs: Int32Array.from(docs), scores: Float64Array.from(scores) });

describe('Tally', () => {
  it('sums scores per title and counts each word once however many of its terms match', () => {
    const tally = new Tally(5);
    tally.beginWord(true);
    tally.addPostings(postings([1, 3], [2, 4]));
    tally.addPostings(postings([3, 4], [1, 1]), 0.5);
    tally.beginWord(false);
    tally.addPostings(postings([0, 3], [1, 1]));
    expect([...tally.touched.subarray(0, tally.touchedCount)]).toEqual([1, 3, 4, 0]);
    expect([...tally.score]).toEqual([1, 2, 0, 5.5, 0.5]);
    expect([...tally.words]).toEqual([1, 1, 0, 2, 1]);
    expect([...tally.content]).toEqual([0, 1, 0, 1, 1]);
  });

  it('clears what it touched for the next query', () => {
    const tally = new Tally(3);
    tally.beginWord(true);
    tally.add(2, 1.5);
    tally.clear();
    expect(tally.touchedCount).toBe(0);
    expect([...tally.score, ...tally.words, ...tally.content]).toEqual(Array(9).fill(0));
    tally.beginWord(true);
    tally.add(2, 1);
    expect([tally.touchedCount, tally.words[2], tally.score[2]]).toEqual([1, 1, 1]);
  });
});
