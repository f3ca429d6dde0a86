import { describe, expect, it } from 'vitest';
import { editEntry, editSummary, entryChanges, parsePrice, readKeywords, readUrl, reviewFlagKey, type EntryEditInput } from '../../src/catalogue/entry-edit.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { makePublication } from '../slack/publications.js';

const ISBN_FLAG = { field: 'isbn', code: 'isbn-shared', message: 'ISBN also given for another title' } as const;
const PAGES_FLAG = { field: 'pages', code: 'pages-maybe-copied', message: 'page count may be copied' } as const;

/** The form as it opens for `p`: its values unchanged. */
function formOf(p: Publication, overrides: Partial<EntryEditInput> = {}): EntryEditInput {
  return {
    urls: { ...p.urls },
    prices: Object.fromEntries(Object.entries(p.prices).map(([c, v]) => [c, String(v)])),
    keywords: p.keywords.join(', '),
    notes: p.notes ?? '',
    clearFlags: [],
    ...overrides,
  };
}

describe('parsePrice', () => {
  it.each([
    ['12.50', 12.5],
    ['12,50', 12.5],
    ['12', 12],
    [' 12.5 ', 12.5],
    ['0', 0],
    ['12.–', 12],
    ['12,-', 12],
    ["1'250.00", 1250],
    ['1 250,00', 1250],
    ['1,250.00', 1250],
    ['1.250,00', 1250],
    ['CHF 12.50', 12.5],
    ['12.50 chf', 12.5],
    ['Fr. 12.50', 12.5],
    ['12.', 12],
  ])('reads %j in CHF', (text, amount) => {
    expect(parsePrice(text, 'CHF')).toEqual({ amount });
  });

  it('reads the currency’s own symbol, and an empty text as no price', () => {
    expect(parsePrice('€ 9,90', 'EUR')).toEqual({ amount: 9.9 });
    expect(parsePrice('$15', 'USD')).toEqual({ amount: 15 });
    expect(parsePrice('  ', 'USD')).toEqual({ amount: null });
  });

  it.each([
    ['-5', 'priceNegative'],
    ['−5,00', 'priceNegative'],
    ['abc', 'priceNotNumber'],
    ['12.5.3', 'priceNotNumber'],
    ['1,2.5', 'priceNotNumber'],
    ['€ 12', 'priceNotNumber'],
    ['12.555', 'priceAmbiguous'],
    ['1,250', 'priceAmbiguous'],
    ['1,234.567', 'priceDecimals'],
    ['12.5555', 'priceDecimals'],
    ['9789290688112', 'priceTooHigh'],
    ['1.250.000', 'priceTooHigh'],
    ['1.25.000', 'priceNotNumber'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parsePrice(text, 'CHF')).toMatchObject({ code });
  });
});

describe('readUrl and readKeywords', () => {
  it('takes web addresses and refuses others', () => {
    expect(readUrl(' https://publications.iom.int/books/x ')).toEqual({ url: 'https://publications.iom.int/books/x' });
    expect(readUrl('')).toEqual({ url: null });
    expect(readUrl('publications.iom.int/books/x')).toEqual({ code: 'urlInvalid' });
    expect(readUrl('https://localhost/x')).toEqual({ code: 'urlInvalid' });
    expect(readUrl('javascript:alert(1)')).toEqual({ code: 'urlNotWeb' });
    expect(readUrl('ftp://publications.iom.int/x')).toEqual({ code: 'urlNotWeb' });
    expect(readUrl(`https://publications.iom.int/${'a'.repeat(1000)}`)).toEqual({ code: 'tooLong', max: 1000 });
  });

  it('splits keywords by commas, drops repeats, refuses an empty one', () => {
    expect(readKeywords(' trafficking,  victims of  trafficking, Trafficking ')).toEqual({ keywords: ['trafficking', 'victims of trafficking'] });
    expect(readKeywords('')).toEqual({ keywords: [] });
    expect(readKeywords('a,,b')).toEqual({ code: 'keywordEmpty' });
    expect(readKeywords('a, b,')).toEqual({ code: 'keywordEmpty' });
  });
});

describe('editEntry', () => {
  const entry = makePublication({ needsReview: [ISBN_FLAG, PAGES_FLAG], keywords: ['victims'], prices: { CHF: 20 } });

  it('sets links, prices, keywords and notes, keeps every other field, and says what changed', () => {
    const result = editEntry(
      entry,
      formOf(entry, { urls: { en: entry.urls.en, fr: 'https://publications.iom.int/fr/books/manuel' }, prices: { CHF: '12,50', EUR: '11' }, keywords: 'victims, referral', notes: 'Reprinted 2021' }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entry).toEqual({
      ...entry,
      urls: { en: entry.urls.en, fr: 'https://publications.iom.int/fr/books/manuel' },
      prices: { CHF: 12.5, EUR: 11 },
      keywords: ['victims', 'referral'],
      notes: 'Reprinted 2021',
    });
    expect(result.changes).toEqual([
      { field: 'url', language: 'fr', from: null, to: 'https://publications.iom.int/fr/books/manuel' },
      { field: 'price', currency: 'CHF', from: 20, to: 12.5 },
      { field: 'price', currency: 'EUR', from: null, to: 11 },
      { field: 'keywords', from: ['victims'], to: ['victims', 'referral'] },
      { field: 'notes', from: null, to: 'Reprinted 2021' },
    ]);
    expect(editSummary(entry.title, result.changes)).toBe('Edited "Counter-Trafficking Handbook": link (fr), price (CHF), price (EUR), keywords, notes');
  });

  it('removes a link, a price and the notes left empty, and clears the flags asked for', () => {
    const withNotes = { ...entry, notes: 'old' };
    const result = editEntry(withNotes, formOf(withNotes, { urls: {}, prices: {}, notes: ' ', clearFlags: [reviewFlagKey(ISBN_FLAG)] }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.entry.urls).toEqual({});
    expect(result.entry.prices).toEqual({});
    expect(result.entry.notes).toBeNull();
    expect(result.entry.needsReview).toEqual([PAGES_FLAG]);
    const all = editEntry(entry, formOf(entry, { clearFlags: [reviewFlagKey(ISBN_FLAG), reviewFlagKey(PAGES_FLAG)] }));
    expect(all.ok && all.entry).not.toHaveProperty('needsReview');
    expect(all.ok && all.changes).toEqual([
      { field: 'flagCleared', flag: ISBN_FLAG },
      { field: 'flagCleared', flag: PAGES_FLAG },
    ]);
  });

  it('changes nothing when nothing was changed', () => {
    const result = editEntry(entry, formOf(entry));
    expect(result).toEqual({ ok: true, entry, changes: [] });
    expect(entryChanges(entry, entry)).toEqual([]);
  });

  it('gives every bad value its own error, keyed by field', () => {
    const result = editEntry(entry, formOf(entry, { urls: { en: 'not a link', fr: 'mailto:x@iom.int' }, prices: { CHF: '-3', USD: 'twelve' }, keywords: 'a,,b', notes: 'x'.repeat(2001) }));
    expect(result).toEqual({
      ok: false,
      errors: {
        'urls.en': { code: 'urlInvalid' },
        'urls.fr': { code: 'urlNotWeb' },
        'prices.CHF': { code: 'priceNegative' },
        'prices.USD': { code: 'priceNotNumber' },
        keywords: { code: 'keywordEmpty' },
        notes: { code: 'tooLong', max: 2000 },
      },
    });
  });

  it('ignores links typed for a language the title has no edition in', () => {
    const result = editEntry(entry, formOf(entry, { urls: { ...entry.urls, de: 'https://publications.iom.int/de' } }));
    expect(result.ok && result.entry.urls).toEqual(entry.urls);
  });
});
