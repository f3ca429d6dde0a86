/**
 * Prices an order as the ORDER FORM does: unit price and total per line where the catalogue records a
 * price in the chosen currency, "to be confirmed" where it does not, and the amount due (excluding
 * shipping costs and bank transfer fees) over the priced lines. Money is kept in integer minor units
 * (cents/centimes), so sums never drift.
 */
import { createHash } from 'node:crypto';
import type { Currency, Publication } from '../catalogue/schema.js';
import type { OrderItem } from './schema.js';

/** One line of the review: an order line with its price, or null prices when none is recorded. */
export interface PricedLine extends OrderItem {
  /** Unit price in minor units of the order's currency, or null: price to be confirmed. */
  unitPriceMinor: number | null;
  /** quantity × unit price in minor units, or null when the unit price is. */
  lineTotalMinor: number | null;
}

/** The order's lines priced in one currency. */
export interface PricedOrder {
  currency: Currency;
  lines: PricedLine[];
  /** Sum of the priced lines' totals in minor units; null when no line has a price. */
  amountDueMinor: number | null;
  /** True when at least one line's price is to be confirmed, so the amount due is not the whole cost. */
  hasUnpricedLines: boolean;
}

/**
 * A catalogue price (a decimal amount such as 12.5) in minor units (1250), rounded half up. Shifts the
 * decimal point in the number's text, so 1.005 becomes 101 and not 100 as 1.005 * 100 would give.
 */
export function toMinorUnits(amount: number): number {
  const shifted = Number(`${amount}e2`); // NaN for amounts written in exponent form, such as 1e-7
  return Math.round(Number.isNaN(shifted) ? amount * 100 : shifted);
}

/** Minor units as a plain decimal with two places ("1234.50"), as a spreadsheet reads it. */
export function formatAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Prices validated order lines in `currency` with the catalogue's recorded prices. A line whose title
 * has no price in that currency (or is no longer listed) gets null prices.
 */
export function priceOrder(items: readonly OrderItem[], currency: Currency, catalogue: readonly Publication[]): PricedOrder {
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  return withTotals(
    currency,
    items.map((item) => {
      const price = byId.get(item.publicationId)?.prices[currency];
      return { ...item, unitPriceMinor: price === undefined ? null : toMinorUnits(price) };
    }),
  );
}

/** Line totals and the amount due for lines whose unit prices are already known (or null: to be confirmed). */
export function withTotals(currency: Currency, lines: readonly (OrderItem & { unitPriceMinor: number | null })[]): PricedOrder {
  const priced = lines.map((l): PricedLine => ({ ...l, lineTotalMinor: l.unitPriceMinor === null ? null : l.unitPriceMinor * l.quantity }));
  const totals = priced.flatMap((l) => (l.lineTotalMinor === null ? [] : [l.lineTotalMinor]));
  return {
    currency,
    lines: priced,
    amountDueMinor: totals.length === 0 ? null : totals.reduce((a, b) => a + b, 0),
    hasUnpricedLines: totals.length < priced.length,
  };
}

/**
 * A short key of an order's currency and unit prices (eight hex digits of their SHA-256): the order dialog
 * carries the key of the prices its review showed, and Submit compares it with the prices as they are then,
 * so that no one submits at a price they were not shown.
 */
export function pricesKey(pricing: PricedOrder): string {
  const text = `${pricing.currency}:${pricing.lines.map((l) => l.unitPriceMinor ?? '-').join(',')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
