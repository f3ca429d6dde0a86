/**
 * Messages about orders: the Publications Unit's notice in the orders channel (with the status buttons),
 * the requester's confirmation (the whole order and a prepared e-mail) and status updates, an admin's view
 * of the delivery details, the requester's list of orders and App Home's order lines. Delivery and contact
 * details appear only in what the requester or an admin alone sees; the channel notice leaves them out.
 */
import type { Translator } from '../../i18n/translator.js';
import type { OutboxSummary, StatusNoticePayload } from '../../orders/outbox-queue.js';
import type { Order } from '../../orders/order.js';
import { nextStatuses, type OrderStatus } from '../../orders/status.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import type { HomeOrderLine } from './home.js';
import { actions, button, context, header, section, type Block, type Button, type SlackMessage } from './kit.js';
import { ORDER_ACTION } from './order-ids.js';
import { outboxStatusBlocks } from './outbox-status.js';
import { deliveryFields, orderFormBlocks, orderSummary } from './order-form.js';

/** Orders listed by `/handbooks orders`. */
export const OWN_ORDERS_MAX = 20;
/** Longest one-line summary of an order in a list of orders (`/handbooks orders`, App Home), before escaping. */
export const LISTED_SUMMARY_MAX = 300;
/** Text kept free in `/handbooks orders` for its header and closing lines; the orders share the rest of the budget. */
const OWN_ORDERS_RESERVE = 2_000;

/** How each status is written for people ("Processing"), by its message key. */
const STATUS_KEYS = {
  submitted: 'status.submitted',
  processing: 'status.processing',
  dispatched: 'status.dispatched',
  cancelled: 'status.cancelled',
} as const satisfies Record<OrderStatus, string>;

/** A status as people read it, in the reader's language. */
export function statusLabel(status: OrderStatus, t: Translator): string {
  return t(STATUS_KEYS[status]);
}

/** The text of the button that moves an order to `to`: the status, or "Cancel…" (which asks for a reason). */
function statusButtonText(to: OrderStatus, t: Translator): string {
  return to === 'cancelled' ? t('status.cancelButton') : statusLabel(to, t);
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
function historyLines(order: Order, t: Translator): string[] {
  return order.history
    .filter((h) => h.from !== null)
    .map((h) => {
      const change = { status: statusLabel(h.to, t), actor: `<@${h.actorId}>`, date: t.date(h.at) };
      return h.reason ? t('notice.changeWithReason', { ...change, reason: escapeMrkdwn(truncate(h.reason, 300)) }) : t('notice.change', change);
    });
}

/**
 * The Publications Unit's notice of an order, with buttons for its next statuses and its delivery details,
 * in the orders channel's language (ORDERS_LANGUAGE).
 */
export function orderNoticeMessage(order: Order, t: Translator): SlackMessage {
  const buttons: Button[] = nextStatuses(order.status).map((to) =>
    button({
      text: statusButtonText(to, t),
      actionId: `${ORDER_ACTION.setStatus}_${to}`,
      value: statusButtonValue(order.reference, to),
      ...(to === 'cancelled' ? { style: 'danger' as const } : to === nextStatuses(order.status)[0] ? { style: 'primary' as const } : {}),
    }),
  );
  buttons.push(button({ text: t('notice.deliveryDetails'), actionId: ORDER_ACTION.showDelivery, value: order.reference }));
  const history = historyLines(order, t);
  const status = statusLabel(order.status, t);
  const blocks: Block[] = [
    header(t('notice.header', { reference: order.reference })),
    section(
      t('notice.status', {
        status,
        requester: `<@${order.requester.userId}>`,
        date: t.date(order.createdAt),
        country: escapeMrkdwn(t.country(order.delivery.country)),
      }),
    ),
    ...orderFormBlocks(order, { delivery: false }, t),
  ];
  if (history.length > 0) blocks.push(context(history.join('\n')));
  blocks.push(actions(buttons));
  return { text: t('notice.notification', { reference: order.reference, status, count: order.pricing.lines.length }), blocks };
}

/** For an admin only: the order's delivery and contact details and who placed it. */
export function deliveryDetailsMessage(order: Order, t: Translator): SlackMessage {
  return {
    text: t('delivery.notification', { reference: order.reference }),
    blocks: [section(t('delivery.heading', { reference: order.reference, requester: `<@${order.requester.userId}>` })), deliveryFields(order, t)],
  };
}

/**
 * What the requester is told about where their order is: stored and on its way to the Publications Unit,
 * or, without the orders channel (`channelReady` false), stored and reaching them once the bot is set up.
 */
export function orderWhereabouts(reference: string, channelReady: boolean, t: Translator): string {
  return t(channelReady ? 'order.whereaboutsReady' : 'order.whereaboutsWaiting', { reference });
}

/**
 * The requester's copy: reference, the whole order with delivery, and a button opening the prepared e-mail.
 * `channelReady` is false when the orders channel is not configured (see orderWhereabouts).
 */
export function orderConfirmationMessage(order: Order, mailtoUrl: string, options: { channelReady: boolean }, t: Translator): SlackMessage {
  const email: Button = { ...button({ text: t('confirmation.emailButton'), actionId: ORDER_ACTION.emailForm }), url: mailtoUrl };
  return {
    text: t('confirmation.notification', { reference: order.reference }),
    blocks: [
      header(t('confirmation.header', { reference: order.reference })),
      section(t('confirmation.intro', { whereabouts: orderWhereabouts(order.reference, options.channelReady, t), date: t.date(order.createdAt) })),
      ...orderFormBlocks(order, { delivery: true }, t),
      actions([email]),
      context(t('confirmation.emailHint')),
    ],
  };
}

/** Tells the requester that their order's status changed. */
export function statusChangeMessage(order: Order, change: StatusNoticePayload, t: Translator): SlackMessage {
  const status = statusLabel(change.to, t);
  const lines = [t('statusChange.text', { reference: order.reference, status })];
  if (change.reason) lines.push(t('statusChange.reason', { reason: escapeMrkdwn(truncate(change.reason, 1000)) }));
  return {
    text: t('statusChange.notification', { reference: order.reference, status }),
    blocks: [section(lines.join('\n')), context(escapeMrkdwn(truncate(orderSummary(order.pricing, t), LIMITS.contextText)))],
  };
}

/** "2 × Title (French); 1 × …", cut to LISTED_SUMMARY_MAX for lists of orders. */
function listedSummary(order: Order, t: Translator): string {
  return truncate(orderSummary(order.pricing, t), LISTED_SUMMARY_MAX);
}

/**
 * `/handbooks orders`: the requester's orders, newest first, with their status. Shows at most
 * OWN_ORDERS_MAX, and stops adding orders before the message's block text budget (LIMITS.messageBlockText);
 * when some are left out it says how many of the latest it shows. Admins are also told of notices that
 * wait, are being retried or could not be delivered (`outbox`), when there are any. `notYours` is a reference
 * asked about that is not among the orders.
 */
export function ownOrdersMessage(orders: readonly Order[], options: { admin: boolean; outbox?: OutboxSummary; notYours?: string }, t: Translator): SlackMessage {
  const failed = options.admin && options.outbox ? outboxStatusBlocks(options.outbox, { whenIdle: false }, t) : [];
  if (options.notYours !== undefined) failed.push(section(t('ownOrders.notYours', { reference: escapeMrkdwn(options.notYours) })));
  const adminHint = options.admin ? `\n${t('ownOrders.adminHint')}` : '';
  if (orders.length === 0) {
    return { text: t('ownOrders.noneNotification'), blocks: [...failed, section(`${t('ownOrders.none')}${adminHint}`)] };
  }
  const blocks: Block[] = [...failed, header(t('ownOrders.header'))];
  let budget = LIMITS.messageBlockText - OWN_ORDERS_RESERVE - failed.reduce((n, b) => n + JSON.stringify(b).length, 0);
  let shown = 0;
  for (const o of orders.slice(0, OWN_ORDERS_MAX)) {
    const line = t('ownOrders.line', { reference: o.reference, status: statusLabel(o.status, t), date: t.date(o.createdAt) });
    const text = truncate(`${line}\n${escapeMrkdwn(listedSummary(o, t))}`, LIMITS.sectionText);
    if (text.length > budget) break;
    budget -= text.length;
    blocks.push(section(text));
    shown++;
  }
  const more = orders.length > shown ? `${t('ownOrders.showing', { count: shown })} ` : '';
  blocks.push(context(`${more}${t('ownOrders.statusHint')}${adminHint}`));
  return { text: t('ownOrders.notification', { count: orders.length }), blocks };
}

/** App Home's lines for the user's recent orders. */
export function homeOrderLines(orders: readonly Order[], t: Translator): HomeOrderLine[] {
  return orders.map((o) => ({ reference: o.reference, status: statusLabel(o.status, t), placed: t.date(o.createdAt), summary: listedSummary(o, t) }));
}
