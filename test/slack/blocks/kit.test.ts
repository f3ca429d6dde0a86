import { describe, expect, it } from 'vitest';
import { button, packLines } from '../../../src/slack/blocks/kit.js';
import { decodePage, encodePage } from '../../../src/slack/blocks/paging.js';

describe('packLines', () => {
  it('packs lines into as few chunks as fit, keeping every line', () => {
    expect(packLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
  });

  it('splits an over-long line between words, and an enormous word without breaking an escape', () => {
    expect(packLines(['one two three four'], 9)).toEqual(['one two', 'three', 'four']);
    const chunks = packLines([`${'x'.repeat(8)}&amp;${'y'.repeat(4)}`], 10);
    expect(chunks).toEqual(['xxxxxxxx', '&amp;yyyy']);
  });
});

describe('paging values', () => {
  it('round-trip the query and offset compactly', () => {
    const value = encodePage({ query: 'gbv: in French 2019', offset: 15 });
    expect(value).toBe('15:gbv: in French 2019');
    expect(decodePage(value)).toEqual({ query: 'gbv: in French 2019', offset: 15 });
  });

  it('refuse what does not fit a button or was not made by encodePage', () => {
    expect(encodePage({ query: 'q'.repeat(1998), offset: 5 })).toHaveLength(2000);
    expect(encodePage({ query: 'q'.repeat(1999), offset: 5 })).toBeUndefined();
    expect(decodePage('nonsense')).toBeUndefined();
    expect(decodePage(undefined)).toBeUndefined();
  });
});

describe('button', () => {
  it('cuts the label to 75 characters and refuses a value Slack would reject', () => {
    expect(button({ text: 'L'.repeat(100), actionId: 'a' }).text.text).toHaveLength(75);
    expect(() => button({ text: 'x', actionId: 'a', value: 'v'.repeat(2001) })).toThrow(RangeError);
  });
});
