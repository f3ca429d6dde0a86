/**
 * An order laid out as the paper ORDER FORM: each book title with its quantity, unit price and total (or
 * "price to be confirmed by the Publications Unit"), the amount due excluding shipping costs and bank
 * transfer fees, the payment, and (only for the requester and the order admins) delivery and contact.
 * Shared by the dialog's review step, the Publications Unit's notice and the requester's messages.
 */
import { languageName } from '../../catalogue/languages.js';
import { countryName } from '../../orders/countries.js';
import type { OrderFormContent } from '../../orders/order.js';
import { AMOUNT_DUE_LABEL, PRICE_TO_BE_CONFIRMED, formatMoney, type PricedLine, type PricedOrder } from '../../orders/pricing.js';
import { PAYMENT_METHOD_LABELS } from '../../orders/schema.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import { fieldsSection, packLines, section, type Block } from './kit.js';
import { TITLE_MAX } from './publication.js';

/**
 * One line of the form: "*1. Title* (French edition)\nQuantity: 2 · Unit price: CHF 45.00 · Total: CHF 90.00".
 * The escaped title is cut to TITLE_MAX, so that 20 lines fit a message's block text budget.
 */
export function orderLineText(line: PricedLine, index: number, currency: PricedOrder['currency']): string {
  const head = `*${index + 1}. ${truncate(escapeMrkdwn(line.title), TITLE_MAX)}* (${languageName(line.language)} edition)`;
  const price =
    line.unitPriceMinor === null || line.lineTotalMinor === null
      ? `_${PRICE_TO_BE_CONFIRMED}_`
      : `Unit price: ${formatMoney(line.unitPriceMinor, currency)} · Total: ${formatMoney(line.lineTotalMinor, currency)}`;
  return `${head}\nQuantity: ${line.quantity} · ${price}`;
}

/** The amount due as the form states it, including when some or all prices are still to be confirmed. */
export function amountDueText(pricing: PricedOrder): string {
  if (pricing.amountDueMinor === null) return 'to be confirmed by the Publications Unit';
  const due = formatMoney(pricing.amountDueMinor, pricing.currency);
  return pricing.hasUnpricedLines ? `${due}, plus the lines whose price is to be confirmed` : due;
}

/** "2 × Title (French)" per line, for one-line summaries of an order. */
export function orderSummary(pricing: PricedOrder): string {
  return pricing.lines.map((l) => `${l.quantity} × ${l.title} (${languageName(l.language)})`).join('; ');
}

/** The form's blocks: lines, amount due and payment, then delivery and contact when `delivery` is true. */
export function orderFormBlocks(order: OrderFormContent, options: { delivery: boolean }): Block[] {
  const { pricing, payment } = order;
  const lines = pricing.lines.map((line, i) => orderLineText(line, i, pricing.currency));
  const blocks: Block[] = packLines(lines.flatMap((l, i) => (i === 0 ? [l] : ['', l])), LIMITS.sectionText).map((t) => section(t.trim()));
  blocks.push(
    fieldsSection([
      `*${AMOUNT_DUE_LABEL}*\n${amountDueText(pricing)}`,
      `*Payment*\n${PAYMENT_METHOD_LABELS[payment.method]}, in ${payment.currency}`,
    ]),
  );
  if (options.delivery) blocks.push(deliveryFields(order));
  return blocks;
}

/** Delivery and contact as the form's fields (personal data: only for the requester and the order admins). */
export function deliveryFields({ delivery }: OrderFormContent): Block {
  const cityZip = [delivery.city, delivery.postalCode].filter(Boolean).join(' ');
  return fieldsSection([
    `*Name*\n${escapeMrkdwn(delivery.name)}`,
    `*Address*\n${escapeMrkdwn(delivery.address)}`,
    `*Country*\n${escapeMrkdwn(countryName(delivery.country))}`,
    `*City/Zip Code*\n${escapeMrkdwn(cityZip)}`,
    `*Tel. No.*\n${escapeMrkdwn(delivery.telephone)}`,
    `*E-mail*\n${escapeMrkdwn(delivery.email)}`,
  ]);
}
