/**
 * The order subcommands of `/handbooks` (routed here by ./commands.ts):
 * - `/handbooks orders` lists the requester's orders (and, to admins, notices that could not be delivered);
 * - `/handbooks orders export` sends an admin every order as a CSV file in a direct message;
 * - `/handbooks orders retry` (admins) puts the notices that could not be delivered back in the outbox.
 * (`/handbooks order [words]` opens the order dialog: ./order-dialog.ts.)
 */
import { DEFAULT_LOCALE } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import { ordersToCsv } from '../../orders/csv.js';
import { canChangeStatus } from '../../orders/permissions.js';
import type { OrderStore } from '../../orders/store.js';
import { OWN_ORDERS_MAX, ownOrdersMessage } from '../blocks/order-messages.js';
import type { OrderCommandContext } from './commands.js';
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
  const orders = store.listByRequester(ctx.userId, OWN_ORDERS_MAX + 1);
  const failedNotices = admin ? store.outbox.failed().map((m) => ({ reference: m.orderReference, error: m.lastError })) : [];
  await ctx.respond({ response_type: 'ephemeral', ...ownOrdersMessage(orders, { admin, failedNotices }, t) });
}

/** `/handbooks orders retry` (admins only): puts the notices that could not be delivered back in the outbox. */
async function retryFailedNotices(ctx: OrderCommandContext, store: OrderStore, admin: boolean): Promise<void> {
  const { t } = ctx;
  if (!admin) return void (await ctx.respond({ response_type: 'ephemeral', text: `${t('orders.notAdmin')} ${t('orders.retryForAdmins')}` }));
  const count = store.outbox.requeueFailed();
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
  const orders = store.listAll();
  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const csvLanguage = translator(ctx.deps.ordersLanguage ?? DEFAULT_LOCALE);
  try {
    const dm = await ctx.client.conversations.open({ users: ctx.userId });
    const channel = dm.channel?.id;
    if (channel === undefined) throw new Error('conversations.open returned no channel');
    await ctx.client.filesUploadV2({
      channel_id: channel,
      content: ordersToCsv(orders, csvLanguage),
      filename: `orders-${date}.csv`,
      title: csvLanguage('orders.exportTitle', { date: csvLanguage.date(now) }),
      initial_comment: csvLanguage('orders.exportComment', { count: orders.length }),
    });
    await ctx.respond({ response_type: 'ephemeral', text: t('orders.exportSent', { count: orders.length }) });
  } catch (error) {
    await ctx.respond({ response_type: 'ephemeral', text: t('orders.exportFailed', { code: slackErrorCode(error) }) });
  }
}
