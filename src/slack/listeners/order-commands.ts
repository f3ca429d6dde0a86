/**
 * The order subcommands of `/handbooks` (routed here by ./commands.ts):
 * - `/handbooks orders` lists the requester's orders (and, to admins, notices waiting, being retried or failed);
 * - `/handbooks orders export` sends an admin every order as a CSV file in a direct message;
 * - `/handbooks orders retry` (admins) puts the notices that could not be delivered back in the outbox.
 * (`/handbooks order [words]` opens the order dialog: ./order-dialog.ts.)
 */
import { ordersToCsv } from '../../orders/csv.js';
import { canChangeStatus } from '../../orders/permissions.js';
import type { OrderStore } from '../../orders/store.js';
import { plural, textMessage, type SlackMessage } from '../blocks/kit.js';
import { OWN_ORDERS_MAX, ownOrdersMessage } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import type { OrderCommandContext } from './commands.js';
import { NOT_ADMIN, NOT_AVAILABLE } from './order-runtime.js';
import { slackErrorCode } from './reply.js';

/** `/handbooks orders` (the requester's orders), `… export` (every order as CSV) and `… retry` (failed notices again), the last two for admins only. */
export async function listOwnOrders(ctx: OrderCommandContext): Promise<void> {
  const store = ctx.deps.orders?.store;
  if (!store) return void (await ctx.respond({ response_type: 'ephemeral', text: NOT_AVAILABLE }));
  const admin = canChangeStatus(ctx.userId, ctx.deps.adminIds);
  const subcommand = ctx.rest.trim().toLowerCase();
  if (subcommand === 'export') return exportOrders(ctx, store, admin);
  if (subcommand === 'retry') return retryFailedNotices(ctx, store, admin);
  await ctx.respond({ response_type: 'ephemeral', ...(await ownOrdersAnswer(ctx.deps, ctx.userId)) });
}

/**
 * What `/handbooks orders` shows `userId` (their orders, and to admins the notices waiting, being retried or
 * not delivered); also the answer to "where is my order?" in a DM or mention. With `reference` ("status of
 * PUB-2026-000123") only that order, when it is theirs (any order for an admin); otherwise their orders,
 * saying that this one is not among them.
 */
export async function ownOrdersAnswer(deps: SlackDeps, userId: string, reference?: string): Promise<SlackMessage> {
  const store = deps.orders?.store;
  if (!store) return textMessage(NOT_AVAILABLE);
  const admin = canChangeStatus(userId, deps.adminIds);
  const [outbox, asked] = await Promise.all([admin ? store.outboxSummary() : undefined, reference === undefined ? undefined : store.get(reference)]);
  const shown = { admin, ...(outbox && { outbox }) };
  if (asked && (asked.requester.userId === userId || admin)) return ownOrdersMessage([asked], shown);
  const orders = await store.listByRequester(userId, OWN_ORDERS_MAX + 1);
  return ownOrdersMessage(orders, { ...shown, ...(reference !== undefined ? { notYours: reference } : {}) });
}

/** `/handbooks orders retry` (admins only): puts the notices that could not be delivered back in the outbox. */
async function retryFailedNotices(ctx: OrderCommandContext, store: OrderStore, admin: boolean): Promise<void> {
  if (!admin) return void (await ctx.respond({ response_type: 'ephemeral', text: `${NOT_ADMIN} (Retrying notices is for order admins.)` }));
  const count = await store.outbox.requeueFailed();
  ctx.logger.info(`Order notices: ${count} failed outbox message(s) requeued by an order admin`);
  await ctx.respond({
    response_type: 'ephemeral',
    text:
      count === 0
        ? 'No notice is waiting for a retry: every notice was delivered or is still being retried.'
        : `I put ${plural(count, 'notice')} back in the queue; they go out within a few seconds. If one fails again, \`/handbooks orders\` tells you.`,
  });
}

/** Sends an admin every order as a CSV file in their direct message with the bot. */
async function exportOrders(ctx: OrderCommandContext, store: OrderStore, admin: boolean): Promise<void> {
  if (!admin) return void (await ctx.respond({ response_type: 'ephemeral', text: `${NOT_ADMIN} (Exporting orders is for order admins.)` }));
  const orders = await store.listAll();
  const date = new Date().toISOString().slice(0, 10);
  try {
    const dm = await ctx.client.conversations.open({ users: ctx.userId });
    const channel = dm.channel?.id;
    if (channel === undefined) throw new Error('conversations.open returned no channel');
    await ctx.client.filesUploadV2({
      channel_id: channel,
      content: ordersToCsv(orders),
      filename: `orders-${date}.csv`,
      title: `Orders export ${date}`,
      initial_comment: `Every order (${orders.length}), one row per order line. It holds personal data: keep it to the Publications Unit.`,
    });
    await ctx.respond({ response_type: 'ephemeral', text: `I've sent you the CSV of ${orders.length} order(s) in our direct messages.` });
  } catch (error) {
    await ctx.respond({ response_type: 'ephemeral', text: `I couldn't send the export: Slack answered "${slackErrorCode(error)}". Please try again in a moment.` });
  }
}
