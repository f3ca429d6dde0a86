import { describe, expect, it } from 'vitest';
import { button, packLines } from '../../../src/slack/blocks/kit.js';
import { decodePage, encodePage } from '../../../src/slack/blocks/paging.js';
import { truncate } from '../../../src/slack/mrkdwn.js';

describe('packLines', () => {
  it('packs lines into as few chunks as fit, keeping every line', () => {
    expect(packLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
  });

  it('splits an over-long line between words, and an enormous word without breaking an escape', () => {
    expect(packLines(['one two three four'], 9)).toEqual(['one two', 'three', 'four']);
    const chunks = packLines([`${'x'.repeat(8)}&amp;${'y'.repeat(4)}`], 10);
    expect(chunks).toEqual(['xxxxxxxx', '&amp;yyyy']);
  });

  it('never splits a mrkdwn link or mention, even where its label has spaces', () => {
    const link = '<https://example.org/a?b=1&amp;c=2|page de la publication>';
    expect(packLines([`Voir la ${link} pour tout`], 60)).toEqual(['Voir la', link, 'pour tout']);
    expect(packLines([`x <@U0SHARER> y`], 12)).toEqual(['x', '<@U0SHARER>', 'y']);
  });
});

describe('truncate', () => {
  it('cuts before a link or an escape it would break, and ends with …', () => {
    const text = 'Résumé : <https://example.org/fr|page de la publication> et plus';
    for (let max = 10; max < 56; max++) expect(truncate(text, max)).toBe('Résumé : …');
    expect(truncate(text, 57)).toBe('Résumé : <https://example.org/fr|page de la publication>…');
    expect(truncate('Santé &amp; migration', 10)).toBe('Santé …');
    expect(truncate('a &lt;b&gt;', 6)).toBe('a …');
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('court', 5)).toBe('court');
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
