/**
 * Every order as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
 * breaks in double quotes), one row per order line. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) get a leading apostrophe. Column names, codes and
 * amounts are the same in every language; country and edition names and yes/no are in the language given
 * (the orders language, ORDERS_LANGUAGE).
 */
import type { Translator } from '../i18n/translator.js';
import type { Order } from './order.js';
import { formatAmount } from './pricing.js';

/** The header row, in order. */
export const CSV_COLUMNS = [
  'reference',
  'submitted_at',
  'updated_at',
  'status',
  'requester_id',
  'requester_name',
  'name',
  'address',
  'country',
  'country_name',
  'city',
  'postal_code',
  'telephone',
  'email',
  'currency',
  'payment_method',
  'line',
  'publication_id',
  'title',
  'edition',
  'quantity',
  'unit_price',
  'line_total',
  'amount_due',
  'has_unpriced_lines',
] as const;

/** One CSV field: guarded against formula injection, then quoted when it needs to be. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function orderRows(order: Order, t: Translator): string[][] {
  const { pricing, delivery, payment } = order;
  const amount = (minor: number | null) => (minor === null ? '' : formatAmount(minor));
  const common = [
    order.reference,
    order.createdAt.toISOString(),
    order.updatedAt.toISOString(),
    order.status,
    order.requester.userId,
    order.requester.displayName ?? '',
    delivery.name,
    delivery.address,
    delivery.country,
    t.country(delivery.country),
    delivery.city,
    delivery.postalCode ?? '',
    delivery.telephone,
    delivery.email,
    payment.currency,
    payment.method,
  ];
  return pricing.lines.map((line, i) => [
    ...common,
    String(i + 1),
    line.publicationId,
    line.title,
    t.language(line.language),
    String(line.quantity),
    amount(line.unitPriceMinor),
    amount(line.lineTotalMinor),
    amount(pricing.amountDueMinor),
    pricing.hasUnpricedLines ? t('csv.yes') : t('csv.no'),
  ]);
}

/** Rows as one CSV document: each field through csvCell, comma-separated, each row ended by CRLF. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** The orders as one CSV document with a header row, one row per order line, names in the language of `t`. */
export function ordersToCsv(orders: readonly Order[], t: Translator): string {
  return csvDocument([[...CSV_COLUMNS], ...orders.flatMap((o) => orderRows(o, t))]);
}
