/**
 * The order subcommands of `/handbooks` (routed here by ./commands.ts):
 * - `/handbooks orders` lists the requester's orders (and, to admins, notices waiting, being retried or failed);
 * - `/handbooks orders export` sends an admin every order as a CSV file in a direct message;
 * - `/handbooks orders retry` (admins) puts the notices that could not be delivered back in the outbox.
 * (`/handbooks order [words]` opens the order dialog: ./order-dialog.ts.)
 */
import { DEFAULT_LOCALE } from '../../i18n/locales.js';
import { translator, type Translator } from '../../i18n/translator.js';
import { ordersToCsv } from '../../orders/csv.js';
import { canChangeStatus } from '../../orders/permissions.js';
import type { OrderStore } from '../../orders/store.js';
import { textMessage, type SlackMessage } from '../blocks/kit.js';
import { OWN_ORDERS_MAX, ownOrdersMessage } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import type { OrderCommandContext } from './commands.js';
import { sendFileInDm } from './dm-file.js';
import { slackErrorCode } from './reply.js';

/** `/handbooks orders` (the requester's orders), `… export` (every order as CSV) and `… retry` (failed notices again), the last two for admins only. */
export async function listOwnOrders(ctx: OrderCommandContext): Promise<void> {
  const { t } = ctx;
  const store = ctx.deps.orders?.store;
  if (!store) return void (await ctx.respond({ response_type: 'ephemeral', text: t('orders.notAvailable') }));
  const admin = canChangeStatus(ctx.userId, ctx.deps.adminIds);
  const subcommand = ctx.rest.trim().toLowerCase();
  if (subcommand === 'export') return exportOrders(ctx, store, admin);
  if (subcommand === 'retry') return retryFailedNotices(ctx, store, admin);
  await ctx.respond({ response_type: 'ephemeral', ...(await ownOrdersAnswer(ctx.deps, ctx.userId, undefined, t)) });
}

/**
 * What `/handbooks orders` shows `userId` (their orders, and to admins the notices waiting, being retried or
 * not delivered), in the language of `t`; also the answer to "where is my order?" in a DM or mention. With
 * `reference` ("status of PUB-2026-000123") only that order, when it is theirs (any order for an admin);
 * otherwise their orders, saying that this one is not among them.
 */
export async function ownOrdersAnswer(deps: SlackDeps, userId: string, reference: string | undefined, t: Translator): Promise<SlackMessage> {
  const store = deps.orders?.store;
  if (!store) return textMessage(t('orders.notAvailable'));
  const admin = canChangeStatus(userId, deps.adminIds);
  const [outbox, asked] = await Promise.all([admin ? store.outboxSummary() : undefined, reference === undefined ? undefined : store.get(reference)]);
  const shown = { admin, ...(outbox && { outbox }) };
  if (asked && (asked.requester.userId === userId || admin)) return ownOrdersMessage([asked], shown, t);
  const orders = await store.listByRequester(userId, OWN_ORDERS_MAX + 1);
  return ownOrdersMessage(orders, { ...shown, ...(reference !== undefined ? { notYours: reference } : {}) }, t);
}

/** `/handbooks orders retry` (admins only): puts the notices that could not be delivered back in the outbox. */
async function retryFailedNotices(ctx: OrderCommandContext, store: OrderStore, admin: boolean): Promise<void> {
  const { t } = ctx;
  if (!admin) return void (await ctx.respond({ response_type: 'ephemeral', text: `${t('orders.notAdmin')} ${t('orders.retryForAdmins')}` }));
  const count = await store.outbox.requeueFailed();
  ctx.logger.info(`Order notices: ${count} failed outbox message(s) requeued by an order admin`);
  await ctx.respond({ response_type: 'ephemeral', text: count === 0 ? t('orders.retryNone') : t('orders.retried', { count }) });
}

/**
 * Sends an admin every order as a CSV file in their direct message with the bot; the file is in the orders
 * language (ORDERS_LANGUAGE), what the admin is told in theirs.
 */
async function exportOrders(ctx: OrderCommandContext, store: OrderStore, admin: boolean): Promise<void> {
  const { t } = ctx;
  if (!admin) return void (await ctx.respond({ response_type: 'ephemeral', text: `${t('orders.notAdmin')} ${t('orders.exportForAdmins')}` }));
  const orders = await store.listAll();
  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const csvLanguage = translator(ctx.deps.ordersLanguage ?? DEFAULT_LOCALE);
  try {
    await sendFileInDm(ctx.client, ctx.userId, {
      content: ordersToCsv(orders, csvLanguage),
      filename: `orders-${date}.csv`,
      title: csvLanguage('orders.exportTitle', { date: csvLanguage.date(now) }),
      comment: csvLanguage('orders.exportComment', { count: orders.length }),
    });
    await ctx.respond({ response_type: 'ephemeral', text: t('orders.exportSent', { count: orders.length }) });
  } catch (error) {
    await ctx.respond({ response_type: 'ephemeral', text: t('orders.exportFailed', { code: slackErrorCode(error) }) });
  }
}
