/**
 * The paper ORDER FORM of the "How to purchase an IOM publication" section, as plain text for e-mail
 * bodies and the console, and as a `mailto:` link that opens a filled-in e-mail to the Publications Unit,
 * both in the language of the translator given (the requester's).
 */
import type { Translator } from '../i18n/translator.js';
import type { OrderFormContent } from './order.js';
import type { PaymentMethod } from './schema.js';

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

/** How each payment method is written, by its message key. */
export const PAYMENT_METHOD_KEYS = {
  credit_card: 'payment.creditCard',
  check: 'payment.check',
  bank_transfer: 'payment.bankTransfer',
} as const satisfies Record<PaymentMethod, string>;

/** "Credit card, in CHF": the payment as the form states it. */
export function paymentText({ payment }: OrderFormContent, t: Translator): string {
  return t('form.paymentValue', { method: t(PAYMENT_METHOD_KEYS[payment.method]), currency: payment.currency });
}

/** The amount due as the form states it, including when some or all prices are still to be confirmed. */
export function amountDueText({ pricing }: OrderFormContent, t: Translator): string {
  if (pricing.amountDueMinor === null) return t('form.amountToBeConfirmed');
  const due = t.money(pricing.amountDueMinor, pricing.currency);
  return pricing.hasUnpricedLines ? t('form.amountPlusUnpriced', { amount: due }) : due;
}

/** The order as the ORDER FORM lays it out, one field per line, lines separated by "\n". */
export function renderOrderForm(order: OrderFormContent, t: Translator): string {
  const { pricing, delivery } = order;
  const field = (label: string, value: string) => t('form.field', { label, value });
  const out: string[] = [t('form.heading', { org: t('org.short') })];
  if (order.reference) out.push(field(t('form.reference'), order.reference));
  if (order.createdAt) out.push(field(t('form.date'), t.date(order.createdAt)));
  out.push('');
  pricing.lines.forEach((line, i) => {
    out.push(`${i + 1}. ${field(t('form.bookTitle'), `${line.title} (${t('order.edition', { language: t.language(line.language) })})`)}`);
    const quantity = t('form.quantity', { quantity: line.quantity });
    out.push(
      line.unitPriceMinor === null || line.lineTotalMinor === null
        ? `   ${quantity} | ${t('form.priceToBeConfirmed')}`
        : `   ${quantity} | ${t('form.unitPrice', { price: t.money(line.unitPriceMinor, pricing.currency) })} | ${t('form.total', { price: t.money(line.lineTotalMinor, pricing.currency) })}`,
    );
  });
  const addressLabel = field(t('form.address'), '');
  out.push(
    '',
    field(t('form.amountDue'), amountDueText(order, t)),
    field(t('form.payment'), paymentText(order, t)),
    '',
    field(t('form.name'), delivery.name),
    ...delivery.address.split('\n').map((line, i) => (i === 0 ? `${addressLabel}${line}` : `${' '.repeat(addressLabel.length)}${line}`)),
    field(t('form.country'), t.country(delivery.country)),
    field(t('form.cityZip'), [delivery.city, delivery.postalCode].filter(Boolean).join(' ')),
    field(t('form.telephone'), delivery.telephone),
    field(t('form.email'), delivery.email),
  );
  return out.join('\n');
}

/** The e-mail subject for an order: "Order PUB-2026-000123: IOM publications". */
export function orderEmailSubject(order: OrderFormContent, t: Translator): string {
  return order.reference ? t('form.subject', { reference: order.reference, org: t('org.short') }) : t('form.subjectDraft', { org: t('org.short') });
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
export function orderMailtoLink(order: OrderFormContent, t: Translator, maxLength: number = MAX_MAILTO_LENGTH): string {
  const head = `mailto:${PUBLICATIONS_UNIT.email}?subject=${encode(orderEmailSubject(order, t))}&body=`;
  const body = renderOrderForm(order, t);
  if (head.length + encode(body).length <= maxLength) return head + encode(body);
  const note = `\n${order.reference ? t('form.cutShort', { reference: order.reference }) : t('form.cutShortDraft')}`;
  const budget = maxLength - head.length - encode(note).length;
  return head + encode(fitLines(body.split('\n'), budget) + note);
}
