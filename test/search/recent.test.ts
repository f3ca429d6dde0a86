import { describe, expect, it } from 'vitest';
import { RecentValues } from '../../src/search/recent.js';

describe('RecentValues', () => {
  it('works a value out once per key and keeps it, undefined included', () => {
    const made: string[] = [];
    const recent = new RecentValues<string, number | undefined>(10);
    const make = (key: string) => {
      made.push(key);
      return key === 'none' ? undefined : key.length;
    };
    expect(recent.get('abc', make)).toBe(3);
    expect(recent.get('abc', make)).toBe(3);
    expect(recent.get('none', make)).toBeUndefined();
    expect(recent.get('none', make)).toBeUndefined();
    expect(made).toEqual(['abc', 'none']);
  });

  it('forgets the value kept longest once full', () => {
    const made: number[] = [];
    const recent = new RecentValues<number, number>(2);
    const make = (key: number) => (made.push(key), key * 10);
    for (const key of [1, 2, 3, 2, 1]) recent.get(key, make);
    expect(made).toEqual([1, 2, 3, 1]);
  });
});
