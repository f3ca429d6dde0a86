/**
 * Messages about orders: the Publications Unit's notice in the orders channel (with the status buttons),
 * the requester's confirmation (the whole order and a prepared e-mail) and status updates, an admin's view
 * of the delivery details, the requester's list of orders and App Home's order lines. Delivery and contact
 * details appear only in what the requester or an admin alone sees; the channel notice leaves them out.
 */
import { countryName } from '../../orders/countries.js';
import type { OutboxSummary, StatusNoticePayload } from '../../orders/outbox-queue.js';
import type { Order } from '../../orders/order.js';
import { nextStatuses, STATUS_LABELS, type OrderStatus } from '../../orders/status.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import type { HomeOrderLine } from './home.js';
import { actions, button, context, header, plural, section, type Block, type Button, type SlackMessage } from './kit.js';
import { ORDER_ACTION } from './order-ids.js';
import { outboxStatusBlocks } from './outbox-status.js';
import { deliveryFields, orderFormBlocks, orderSummary } from './order-form.js';

/** Orders listed by `/handbooks orders`. */
export const OWN_ORDERS_MAX = 20;
/** Longest one-line summary of an order in a list of orders (`/handbooks orders`, App Home), before escaping. */
export const LISTED_SUMMARY_MAX = 300;
/** Text kept free in `/handbooks orders` for its header and closing lines; the orders share the rest of the budget. */
const OWN_ORDERS_RESERVE = 2_000;

const STATUS_BUTTON_TEXT: Readonly<Record<OrderStatus, string>> = {
  submitted: 'Submitted',
  processing: 'Processing',
  dispatched: 'Dispatched',
  cancelled: 'Cancel…',
};

/** "2026-03-04" (UTC), as the ORDER FORM dates an order. */
export function orderDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The value of a status button: `<reference> <status>`. */
export function statusButtonValue(reference: string, to: OrderStatus): string {
  return `${reference} ${to}`;
}

/** Reads a status button's value; undefined when it is not one. */
export function parseStatusButtonValue(value: string | undefined): { reference: string; to: string } | undefined {
  const match = /^(\S+) (\S+)$/.exec(value ?? '');
  return match?.[1] && match[2] ? { reference: match[1], to: match[2] } : undefined;
}

/** Who changed what when, one line per change after the submission. */
function historyLines(order: Order): string[] {
  return order.history
    .filter((h) => h.from !== null)
    .map((h) => `${STATUS_LABELS[h.to]} by <@${h.actorId}> on ${orderDate(h.at)}${h.reason ? `: ${escapeMrkdwn(truncate(h.reason, 300))}` : ''}`);
}

/** The Publications Unit's notice of an order, with buttons for its next statuses and its delivery details. */
export function orderNoticeMessage(order: Order): SlackMessage {
  const buttons: Button[] = nextStatuses(order.status).map((to) =>
    button({
      text: STATUS_BUTTON_TEXT[to],
      actionId: `${ORDER_ACTION.setStatus}_${to}`,
      value: statusButtonValue(order.reference, to),
      ...(to === 'cancelled' ? { style: 'danger' as const } : to === nextStatuses(order.status)[0] ? { style: 'primary' as const } : {}),
    }),
  );
  buttons.push(button({ text: 'Delivery details', actionId: ORDER_ACTION.showDelivery, value: order.reference }));
  const history = historyLines(order);
  const blocks: Block[] = [
    header(`Order ${order.reference}`),
    section(
      `*Status:* ${STATUS_LABELS[order.status]} · placed by <@${order.requester.userId}> on ${orderDate(order.createdAt)} · ` +
        `deliver to ${escapeMrkdwn(countryName(order.delivery.country))}`,
    ),
    ...orderFormBlocks(order, { delivery: false }),
  ];
  if (history.length > 0) blocks.push(context(history.join('\n')));
  blocks.push(actions(buttons));
  return { text: `Order ${order.reference} (${STATUS_LABELS[order.status]}): ${plural(order.pricing.lines.length, 'line')}`, blocks };
}

/** For an admin only: the order's delivery and contact details and who placed it. */
export function deliveryDetailsMessage(order: Order): SlackMessage {
  return {
    text: `Delivery details of ${order.reference}`,
    blocks: [section(`*Delivery details of ${order.reference}*, placed by <@${order.requester.userId}>`), deliveryFields(order)],
  };
}

/**
 * What the requester is told about where their order is: stored and on its way to the Publications Unit,
 * or, without the orders channel (`channelReady` false), stored and reaching them once the bot is set up.
 */
export function orderWhereabouts(reference: string, channelReady: boolean): string {
  return channelReady
    ? `Your order *${reference}* is stored and on its way to the Publications Unit`
    : `Your order *${reference}* is stored; it will reach the Publications Unit once the bot's orders channel is set up`;
}

/**
 * The requester's copy: reference, the whole order with delivery, and a button opening the prepared e-mail.
 * `channelReady` is false when the orders channel is not configured (see orderWhereabouts).
 */
export function orderConfirmationMessage(order: Order, mailtoUrl: string, options: { channelReady: boolean }): SlackMessage {
  const email: Button = { ...button({ text: 'E-mail the order form', actionId: ORDER_ACTION.emailForm }), url: mailtoUrl };
  return {
    text: `Your order ${order.reference} is received`,
    blocks: [
      header(`Your order ${order.reference}`),
      section(`Thank you. ${orderWhereabouts(order.reference, options.channelReady)} (placed ${orderDate(order.createdAt)}). I will tell you here when its status changes.`),
      ...orderFormBlocks(order, { delivery: true }),
      actions([email]),
      context('If your office must also send the order form by e-mail, the button opens one addressed to the Publications Unit, filled in.'),
    ],
  };
}

/** Tells the requester that their order's status changed. */
export function statusChangeMessage(order: Order, change: StatusNoticePayload): SlackMessage {
  const status = STATUS_LABELS[change.to];
  const lines = [`Your order *${order.reference}* is now *${status}*.`];
  if (change.reason) lines.push(`Reason: ${escapeMrkdwn(truncate(change.reason, 1000))}`);
  return {
    text: `Your order ${order.reference} is now ${status}`,
    blocks: [section(lines.join('\n')), context(escapeMrkdwn(truncate(orderSummary(order.pricing), LIMITS.contextText)))],
  };
}

/** "2 × Title (French); 1 × …", cut to LISTED_SUMMARY_MAX for lists of orders. */
function listedSummary(order: Order): string {
  return truncate(orderSummary(order.pricing), LISTED_SUMMARY_MAX);
}

/**
 * `/handbooks orders`: the requester's orders, newest first, with their status. Shows at most
 * OWN_ORDERS_MAX, and stops adding orders before the message's block text budget (LIMITS.messageBlockText);
 * when some are left out it says how many of the latest it shows. Admins are also told of notices that
 * wait, are being retried or could not be delivered (`outbox`), when there are any. `notYours` is a reference
 * asked about that is not among the orders.
 */
export function ownOrdersMessage(orders: readonly Order[], options: { admin: boolean; outbox?: OutboxSummary; notYours?: string }): SlackMessage {
  const failed = options.admin && options.outbox ? outboxStatusBlocks(options.outbox, { whenIdle: false }) : [];
  if (options.notYours !== undefined) failed.push(section(`I found no order *${escapeMrkdwn(options.notYours)}* among yours.`));
  const adminHint = options.admin ? '\nAs an order admin you can also export every order as CSV: `/handbooks orders export`.' : '';
  if (orders.length === 0) {
    return {
      text: 'You have no orders yet',
      blocks: [...failed, section(`You have no orders yet. \`/handbooks order\` or *Order print copy* under a search result starts one.${adminHint}`)],
    };
  }
  const blocks: Block[] = [...failed, header('Your orders')];
  let budget = LIMITS.messageBlockText - OWN_ORDERS_RESERVE - failed.reduce((n, b) => n + JSON.stringify(b).length, 0);
  let shown = 0;
  for (const o of orders.slice(0, OWN_ORDERS_MAX)) {
    const text = truncate(`*${o.reference}* · ${STATUS_LABELS[o.status]} · placed ${orderDate(o.createdAt)}\n${escapeMrkdwn(listedSummary(o))}`, LIMITS.sectionText);
    if (text.length > budget) break;
    budget -= text.length;
    blocks.push(section(text));
    shown++;
  }
  const more = orders.length > shown ? `Showing your latest ${plural(shown, 'order')}. ` : '';
  blocks.push(context(`${more}I tell you in a direct message whenever a status changes.${adminHint}`));
  return { text: `Your orders: ${plural(orders.length, 'order')}`, blocks };
}

/** App Home's lines for the user's recent orders. */
export function homeOrderLines(orders: readonly Order[]): HomeOrderLine[] {
  return orders.map((o) => ({ reference: o.reference, status: STATUS_LABELS[o.status], placed: orderDate(o.createdAt), summary: listedSummary(o) }));
}
