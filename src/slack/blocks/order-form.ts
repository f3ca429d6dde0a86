/**
 * An order laid out as the paper ORDER FORM: each book title with its quantity, unit price and total (or
 * "price to be confirmed by the Publications Unit"), the amount due excluding shipping costs and bank
 * transfer fees, the payment, and (only for the requester and the order admins) delivery and contact.
 * Shared by the dialog's review step, the Publications Unit's notice and the requester's messages, each in
 * the language of the translator given.
 */
import type { Translator } from '../../i18n/translator.js';
import type { OrderFormContent } from '../../orders/order.js';
import { amountDueText, paymentText } from '../../orders/order-form.js';
import type { PricedLine, PricedOrder } from '../../orders/pricing.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import { fieldsSection, packLines, section, type Block } from './kit.js';
import { TITLE_MAX } from './publication.js';

/**
 * One line of the form: "*1. Title* (French edition)\nQuantity: 2 · Unit price: CHF 45.00 · Total: CHF 90.00".
 * The escaped title is cut to TITLE_MAX, so that 20 lines fit a message's block text budget.
 */
export function orderLineText(line: PricedLine, index: number, currency: PricedOrder['currency'], t: Translator): string {
  const head = `*${index + 1}. ${truncate(escapeMrkdwn(line.title), TITLE_MAX)}* (${t('order.edition', { language: t.language(line.language) })})`;
  const price =
    line.unitPriceMinor === null || line.lineTotalMinor === null
      ? `_${t('form.priceToBeConfirmed')}_`
      : `${t('form.unitPrice', { price: t.money(line.unitPriceMinor, currency) })} · ${t('form.total', { price: t.money(line.lineTotalMinor, currency) })}`;
  return `${head}\n${t('form.quantity', { quantity: line.quantity })} · ${price}`;
}

/** "2 × Title (French)" per line, for one-line summaries of an order. */
export function orderSummary(pricing: PricedOrder, t: Translator): string {
  return pricing.lines.map((l) => `${t.number(l.quantity)} × ${l.title} (${t.language(l.language)})`).join('; ');
}

/** The form's blocks: lines, amount due and payment, then delivery and contact when `delivery` is true. */
export function orderFormBlocks(order: OrderFormContent, options: { delivery: boolean }, t: Translator): Block[] {
  const { pricing } = order;
  const lines = pricing.lines.map((line, i) => orderLineText(line, i, pricing.currency, t));
  const blocks: Block[] = packLines(lines.flatMap((l, i) => (i === 0 ? [l] : ['', l])), LIMITS.sectionText).map((text) => section(text.trim()));
  blocks.push(fieldsSection([`*${t('form.amountDue')}*\n${amountDueText(order, t)}`, `*${t('form.payment')}*\n${paymentText(order, t)}`]));
  if (options.delivery) blocks.push(deliveryFields(order, t));
  return blocks;
}

/** Delivery and contact as the form's fields (personal data: only for the requester and the order admins). */
export function deliveryFields({ delivery }: OrderFormContent, t: Translator): Block {
  const cityZip = [delivery.city, delivery.postalCode].filter(Boolean).join(' ');
  return fieldsSection([
    `*${t('form.name')}*\n${escapeMrkdwn(delivery.name)}`,
    `*${t('form.address')}*\n${escapeMrkdwn(delivery.address)}`,
    `*${t('form.country')}*\n${escapeMrkdwn(t.country(delivery.country))}`,
    `*${t('form.cityZip')}*\n${escapeMrkdwn(cityZip)}`,
    `*${t('form.telephone')}*\n${escapeMrkdwn(delivery.telephone)}`,
    `*${t('form.email')}*\n${escapeMrkdwn(delivery.email)}`,
  ]);
}
