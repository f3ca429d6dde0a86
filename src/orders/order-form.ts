/**
 * The paper ORDER FORM of the "How to purchase an IOM publication" section, as plain text for e-mail
 * bodies and the console, and as a `mailto:` link that opens a filled-in e-mail to the Publications Unit.
 */
import { languageName } from '../catalogue/languages.js';
import { countryName } from './countries.js';
import type { OrderFormContent } from './order.js';
import { AMOUNT_DUE_LABEL, PRICE_TO_BE_CONFIRMED, formatMoney } from './pricing.js';
import { PAYMENT_METHOD_LABELS } from './schema.js';

/** Where order forms go, as the HOW TO PURCHASE section gives it. */
export const PUBLICATIONS_UNIT = {
  name: 'Publications Unit, International Organization for Migration',
  postalAddress: ['17 route des Morillons', 'P.O. Box 17', '1211 Geneva 19', 'Switzerland'],
  telephone: '+41 22 717 9111',
  fax: '+41 22 798 6150',
  email: 'publications@iom.int',
  bookstoreUrl: 'http://publications.iom.int/bookstore',
} as const;

/** The longest `mailto:` link produced; longer ones are cut by some mail programs and browsers. */
export const MAX_MAILTO_LENGTH = 2000;

/** The order as the ORDER FORM lays it out, one field per line, lines separated by "\n". */
export function renderOrderForm(order: OrderFormContent): string {
  const { pricing, delivery, payment } = order;
  const money = (minor: number | null) => (minor === null ? null : formatMoney(minor, pricing.currency));
  const out: string[] = ['ORDER FORM: IOM publications'];
  if (order.reference) out.push(`Reference: ${order.reference}`);
  if (order.createdAt) out.push(`Date: ${order.createdAt.toISOString().slice(0, 10)}`);
  out.push('');
  pricing.lines.forEach((line, i) => {
    out.push(`${i + 1}. Book Title: ${line.title} (${languageName(line.language)} edition)`);
    const unit = money(line.unitPriceMinor);
    const total = money(line.lineTotalMinor);
    out.push(
      unit === null || total === null
        ? `   Quantity: ${line.quantity} | ${PRICE_TO_BE_CONFIRMED}`
        : `   Quantity: ${line.quantity} | Unit Price: ${unit} | Total: ${total}`,
    );
  });
  const due = money(pricing.amountDueMinor);
  out.push(
    '',
    `${AMOUNT_DUE_LABEL}: ${
      due === null ? 'to be confirmed by the Publications Unit' : pricing.hasUnpricedLines ? `${due}, plus the lines whose price is to be confirmed` : due
    }`,
    `Payment: ${PAYMENT_METHOD_LABELS[payment.method]}, in ${payment.currency}`,
    '',
    `Name: ${delivery.name}`,
    ...delivery.address.split('\n').map((line, i) => (i === 0 ? `Address: ${line}` : `         ${line}`)),
    `Country: ${countryName(delivery.country)}`,
    `City/Zip Code: ${[delivery.city, delivery.postalCode].filter(Boolean).join(' ')}`,
    `Tel. No.: ${delivery.telephone}`,
    `E-mail: ${delivery.email}`,
  );
  return out.join('\n');
}

/** The e-mail subject for an order: "Order PUB-2026-000123: IOM publications". */
export function orderEmailSubject(order: OrderFormContent): string {
  return order.reference ? `Order ${order.reference}: IOM publications` : 'Order: IOM publications';
}

/** Percent-encodes for a mailto header value (RFC 6068), line breaks as CRLF. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
}

/** The longest prefix of `lines` (joined by "\n") whose encoding fits `budget`; a first line too long is cut by code points. */
function fitLines(lines: readonly string[], budget: number): string {
  let kept = '';
  for (const line of lines) {
    const next = kept === '' ? line : `${kept}\n${line}`;
    if (encode(next).length > budget) {
      if (kept !== '') return kept;
      const chars = Array.from(line);
      while (chars.length > 0 && encode(chars.join('')).length > budget) chars.pop();
      return chars.join('');
    }
    kept = next;
  }
  return kept;
}

/**
 * A `mailto:` link to the Publications Unit with the subject (the reference) and the order form as the
 * body, at most `maxLength` characters: a body that would not fit is cut at a line and ends with a note
 * saying so.
 */
export function orderMailtoLink(order: OrderFormContent, maxLength: number = MAX_MAILTO_LENGTH): string {
  const head = `mailto:${PUBLICATIONS_UNIT.email}?subject=${encode(orderEmailSubject(order))}&body=`;
  const body = renderOrderForm(order);
  if (head.length + encode(body).length <= maxLength) return head + encode(body);
  const note = `\n[…] The form is cut short here; the Publications Unit has the whole order${order.reference ? ` under ${order.reference}` : ''}.`;
  const budget = maxLength - head.length - encode(note).length;
  return head + encode(fitLines(body.split('\n'), budget) + note);
}
