import { describe, expect, it } from 'vitest';
import { formatAmount, priceOrder, pricesKey, toMinorUnits } from '../../src/orders/pricing.js';
import type { OrderItem } from '../../src/orders/schema.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK, MODULES } from './fixtures.js';

const item = (p: { id: string; title: string }, language: string, quantity: number): OrderItem => ({
  publicationId: p.id,
  title: p.title,
  language,
  quantity,
});

describe('priceOrder', () => {
  it('prices each line where the currency has a price, and sums only those', () => {
    const priced = priceOrder([item(HANDBOOK, 'fr', 3), item(FRAMEWORK, 'en', 2), item(MODULES, 'fr', 7)], 'CHF', CATALOGUE);
    expect(priced.lines.map((l) => [l.unitPriceMinor, l.lineTotalMinor])).toEqual([
      [4500, 13500],
      [null, null],
      [1999, 13993],
    ]);
    expect(priced.amountDueMinor).toBe(27493);
    expect(priced.hasUnpricedLines).toBe(true);
  });

  it('has a complete amount due when every line is priced', () => {
    const priced = priceOrder([item(HANDBOOK, 'en', 2)], 'USD', CATALOGUE);
    expect(priced).toMatchObject({ currency: 'USD', amountDueMinor: 9700, hasUnpricedLines: false });
  });

  it('has no amount due when no line has a price in the currency', () => {
    const priced = priceOrder([item(HANDBOOK, 'en', 2), item(FRAMEWORK, 'en', 1)], 'EUR', CATALOGUE);
    expect(priced.lines.every((l) => l.unitPriceMinor === null && l.lineTotalMinor === null)).toBe(true);
    expect(priced).toMatchObject({ amountDueMinor: null, hasUnpricedLines: true });
  });

  it('keeps a title no longer listed, unpriced', () => {
    const priced = priceOrder([{ publicationId: 'gone', title: 'Gone', language: 'en', quantity: 1 }], 'CHF', CATALOGUE);
    expect(priced.lines[0]).toMatchObject({ title: 'Gone', unitPriceMinor: null });
  });
});

describe('pricesKey', () => {
  it('changes with a unit price, a price recorded or removed, and the currency; not with quantities', () => {
    const lines = [item(HANDBOOK, 'fr', 3), item(FRAMEWORK, 'en', 2)];
    const key = pricesKey(priceOrder(lines, 'CHF', CATALOGUE));
    expect(key).toMatch(/^[0-9a-f]{8}$/);
    expect(pricesKey(priceOrder([item(HANDBOOK, 'fr', 9), item(FRAMEWORK, 'en', 1)], 'CHF', CATALOGUE))).toBe(key);
    const repriced = CATALOGUE.map((p) => (p.id === HANDBOOK.id ? { ...p, prices: { ...p.prices, CHF: 46 } } : p));
    const newlyPriced = CATALOGUE.map((p) => (p.id === FRAMEWORK.id ? { ...p, prices: { CHF: 10 } } : p));
    const others = [pricesKey(priceOrder(lines, 'CHF', repriced)), pricesKey(priceOrder(lines, 'CHF', newlyPriced)), pricesKey(priceOrder(lines, 'USD', CATALOGUE))];
    expect(new Set([key, ...others]).size).toBe(4);
  });
});

describe('money', () => {
  it('converts decimal prices to minor units without float drift', () => {
    expect(toMinorUnits(0.1) * 3).toBe(30);
    expect(toMinorUnits(19.99)).toBe(1999);
    expect(toMinorUnits(1.005)).toBe(101);
    expect(toMinorUnits(0.285)).toBe(29);
    const sum = [0.1, 0.2, 0.3].map(toMinorUnits).reduce((a, b) => a + b, 0);
    expect(formatAmount(sum)).toBe('0.60');
  });

  it('formats amounts plainly, as a spreadsheet reads them', () => {
    expect(formatAmount(5)).toBe('0.05');
    expect(formatAmount(123456789)).toBe('1234567.89');
  });
});
