import { describe, expect, it } from 'vitest';
import { best } from '../../src/search/best.js';

/** Deterministic pseudo-random integers, with many repeats so that ties are common. */
function numbers(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 50;
  });
}

describe('best', () => {
  const byValue = (a: number, b: number): number => a - b;

  it('gives the first k in order, as sorting everything would', () => {
    for (const [count, k] of [[0, 3], [5, 10], [100, 1], [100, 10], [1000, 37]] as const) {
      const items = numbers(count, count + k);
      expect(best(items, k, byValue), `${count} items, k ${k}`).toEqual([...items].sort(byValue).slice(0, k));
    }
  });

  it('keeps the earliest of items that tie at the cut-off, under a total order', () => {
    const items = numbers(500, 7).map((value, position) => ({ value, position }));
    const total = (a: { value: number; position: number }, b: { value: number; position: number }): number => a.value - b.value || a.position - b.position;
    expect(best(items, 25, total)).toEqual([...items].sort(total).slice(0, 25));
  });

  it('sorts everything when every item is wanted, and returns nothing when none is', () => {
    expect(best([3, 1, 2], Number.POSITIVE_INFINITY, byValue)).toEqual([1, 2, 3]);
    expect(best([3, 1, 2], 0, byValue)).toEqual([]);
  });
});
