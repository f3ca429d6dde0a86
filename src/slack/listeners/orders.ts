/**
 * The order dialog's entry points and buttons, and the orders' buttons in the orders channel:
 * - `order_start` (Order print copy under a result with the title pre-selected, App Home, the reply to a
 *   DM asking to order) and `/handbooks order [words]` (the title the words clearly name pre-selected) open the
 *   dialog's first step;
 * - inside the dialog, adding or removing a title and Back update the view in place (views.update with
 *   the view's hash), keeping what was typed;
 * - in the orders channel, status buttons (admins only; Cancel asks for a reason in a modal) and
 *   Delivery details (admins only, shown ephemerally);
 * - `/handbooks orders` lists the requester's orders (and, to admins, notices that could not be
 *   delivered); `/handbooks orders export` sends an admin every order as a CSV file in a direct message;
 *   `/handbooks orders retry` (admins) puts the notices that could not be delivered back in the outbox.
 * The order logic is src/orders; this module only translates between it and Slack.
 */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, ExternalSelectAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { types } from '@slack/bolt';
import { ordersToCsv } from '../../orders/csv.js';
import { OrderError, type Order } from '../../orders/order.js';
import { canChangeStatus } from '../../orders/permissions.js';
import { isOrderStatus, STATUS_LABELS, type OrderStatus } from '../../orders/status.js';
import type { OrderStore } from '../../orders/store.js';
import { ACTION } from '../blocks/action-ids.js';
import { homeView } from '../blocks/home.js';
import { cancelReasonView, deliveryStepView, itemsStepView, paymentStepView, preselectionNotice, type PublicationLookup } from '../blocks/order-dialog.js';
import { plural } from '../blocks/kit.js';
import { ORDER_ACTION, ORDER_CALLBACK } from '../blocks/order-ids.js';
import {
  deliveryDetailsMessage,
  homeOrderLines,
  orderNoticeMessage,
  OWN_ORDERS_MAX,
  ownOrdersMessage,
  parseStatusButtonValue,
} from '../blocks/order-messages.js';
import { orderPreselection } from '../blocks/order-options.js';
import type { SlackDeps } from '../deps.js';
import { addLine, decodeDraft, newDraft, ORDER_STEPS, removeLine, withEnteredValues, type OrderDraftState, type OrderStep } from '../order-draft.js';
import type { OrderNotices } from '../order-notices.js';
import type { OrderCommandContext } from './commands.js';
import { slackErrorCode, tellPrivately } from './reply.js';

type Client = AllMiddlewareArgs['client'];
type ActionArgs<A extends BlockAction['actions'][number]> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;

/** What the order listeners share: the app's dependencies, the store, and the outbox worker to nudge. */
export interface OrderRuntime {
  deps: SlackDeps;
  store: OrderStore;
  notices: OrderNotices | undefined;
}

/** Where Back leads from each step. */
const PREVIOUS_STEP: Readonly<Record<OrderStep, Exclude<OrderStep, 'review'>>> = { items: 'items', delivery: 'items', payment: 'delivery', review: 'payment' };

/** Recent orders shown on App Home. */
const HOME_ORDERS = 10;

export const NOT_AVAILABLE = 'Ordering printed copies from Slack is not available right now. Please contact the Publications Unit (publications@iom.int).';
const GONE = 'That title is no longer in the catalogue. Search again to see what is there now.';
const NOT_ADMIN = 'Sorry, only the order admins of the Publications Unit can do that. If you think you should be one, ask them to add you.';

/** The order runtime when ordering is set up. */
export function orderRuntime(deps: SlackDeps, notices: OrderNotices | undefined): OrderRuntime | undefined {
  return deps.orders ? { deps, store: deps.orders.store, notices } : undefined;
}

/** Looks publications up in the search engine's catalogue. */
export function lookupIn(deps: SlackDeps): PublicationLookup {
  return (id) => deps.engine.get(id);
}

/** The App Home view for `userId`, with their recent orders when ordering is set up. */
export function homeViewFor(deps: SlackDeps, userId: string): types.HomeView {
  const orders = deps.orders?.store.listByRequester(userId, HOME_ORDERS);
  return homeView(deps.engine.publications, orders && homeOrderLines(orders));
}

/** Publishes the user's App Home again (after an order changed); failures are only logged. */
export async function refreshHome(client: Client, deps: SlackDeps, userId: string, logger: AllMiddlewareArgs['logger']): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: homeViewFor(deps, userId) });
  } catch (error) {
    logger.warn(`Could not refresh App Home after an order change: ${slackErrorCode(error)}`);
  }
}

/** The view of `step` for `draft` (the review step is built by the view submission, which validates first). */
export function stepView(step: Exclude<OrderStep, 'review'>, draft: OrderDraftState, lookup: PublicationLookup, notice?: string): types.ModalView {
  switch (step) {
    case 'items':
      return itemsStepView(draft, lookup, notice);
    case 'delivery':
      return deliveryStepView(draft, notice);
    case 'payment':
      return paymentStepView(draft, notice);
  }
}

/** The dialog step a view's callback_id names, if it is one. */
export function stepOfView(callbackId: string): OrderStep | undefined {
  const step = callbackId.startsWith(ORDER_CALLBACK.stepPrefix) ? callbackId.slice(ORDER_CALLBACK.stepPrefix.length) : '';
  return (ORDER_STEPS as readonly string[]).includes(step) ? (step as OrderStep) : undefined;
}

/**
 * `/handbooks order [words]`: opens the dialog. With words, the title the search clearly ranks first for
 * them is pre-selected, and the first step says which (or that the words fit several titles or none). The
 * search takes well under a millisecond, so views.open still comes at once, inside the trigger's 3 s.
 */
export async function startOrderFromCommand(ctx: OrderCommandContext): Promise<void> {
  if (!ctx.deps.orders) return void (await ctx.respond({ response_type: 'ephemeral', text: NOT_AVAILABLE }));
  const words = ctx.rest.trim();
  const preselection = words === '' ? undefined : orderPreselection(ctx.deps.engine, words);
  const draft = newDraft(preselection && 'publication' in preselection ? preselection.publication : undefined);
  const notice = preselection && preselectionNotice(words, preselection);
  try {
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: itemsStepView(draft, lookupIn(ctx.deps), notice) });
  } catch (error) {
    await ctx.respond({ response_type: 'ephemeral', text: `I couldn't open the order form: Slack answered "${slackErrorCode(error)}". Please try \`/handbooks order\` again.` });
  }
}

/** `/handbooks orders` (the requester's orders), `… export` (every order as CSV) and `… retry` (failed notices again), the last two for admins only. */
export async function listOwnOrders(ctx: OrderCommandContext): Promise<void> {
  const store = ctx.deps.orders?.store;
  if (!store) return void (await ctx.respond({ response_type: 'ephemeral', text: NOT_AVAILABLE }));
  const admin = canChangeStatus(ctx.userId, ctx.deps.adminIds);
  const subcommand = ctx.rest.trim().toLowerCase();
  if (subcommand === 'export') return exportOrders(ctx, store, admin);
  if (subcommand === 'retry') return retryFailedNotices(ctx, store, admin);
  const orders = store.listByRequester(ctx.userId, OWN_ORDERS_MAX + 1);
  const failedNotices = admin ? store.outbox.failed().map((m) => ({ reference: m.orderReference, error: m.lastError })) : [];
  await ctx.respond({ response_type: 'ephemeral', ...ownOrdersMessage(orders, { admin, failedNotices }) });
}

/** `/handbooks orders retry` (admins only): puts the notices that could not be delivered back in the outbox. */
async function retryFailedNotices(ctx: OrderCommandContext, store: OrderStore, admin: boolean): Promise<void> {
  if (!admin) return void (await ctx.respond({ response_type: 'ephemeral', text: `${NOT_ADMIN} (Retrying notices is for order admins.)` }));
  const count = store.outbox.requeueFailed();
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
  const orders = store.listAll();
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

/** Tells the clicker `text` privately. */
async function tell(args: { body: { response_url?: string; user: { id: string } }; respond: RespondFn; client: Client }, text: string): Promise<void> {
  await tellPrivately({ ...(args.body.response_url ? { respond: args.respond } : {}), client: args.client, userId: args.body.user.id }, text);
}

/** A status change asked for by `actorId`, and where the order's message in the orders channel is. */
export interface StatusChangeRequest {
  reference: string;
  to: OrderStatus;
  actorId: string;
  reason?: string;
  message: { channel: string; ts: string };
}

/** Stores the status change; returns the order, or the refusal to show when it is not allowed. */
export function applyStatusChange(runtime: OrderRuntime, change: StatusChangeRequest): Order | string {
  try {
    return runtime.store.changeStatus(change.reference, change.to, change.actorId, {
      adminIds: runtime.deps.adminIds,
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
    });
  } catch (error) {
    if (error instanceof OrderError) return error.message;
    throw error;
  }
}

/**
 * After a stored status change: nudges the outbox (the requester's DM), updates the order's message and the
 * requester's Home. When the message cannot be updated, `tellActor` tells the admin its buttons may be stale.
 */
export async function announceStatusChange(
  runtime: OrderRuntime,
  client: Client,
  order: Order,
  message: StatusChangeRequest['message'],
  logger: AllMiddlewareArgs['logger'],
  tellActor: (text: string) => Promise<void>,
): Promise<void> {
  runtime.notices?.kick();
  try {
    await client.chat.update({ channel: message.channel, ts: message.ts, ...orderNoticeMessage(order) });
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn(`Could not update the message of ${order.reference}: ${code}`);
    await tellActor(
      `${order.reference} is now *${STATUS_LABELS[order.status]}*, but I couldn't update its message in the orders channel ` +
        `(Slack answered "${code}"), so its buttons may be out of date. \`/handbooks orders export\` has every order's status.`,
    ).catch((tellError: unknown) => logger.warn(`Could not tell the admin either: ${slackErrorCode(tellError)}`));
  }
  await refreshHome(client, runtime.deps, order.requester.userId, logger);
}

/** Dialog views as this app last set them (hash and draft), to apply a change again after a hash_conflict. */
class LatestViews {
  static readonly MAX = 500;
  readonly #views = new Map<string, { hash: string; private_metadata: string; callback_id: string }>();

  get(viewId: string) {
    return this.#views.get(viewId);
  }

  /** Keeps the view's latest hash and draft, forgetting the oldest view beyond MAX. */
  remember(viewId: string, view: { hash: string; private_metadata: string; callback_id: string }): void {
    this.#views.delete(viewId);
    this.#views.set(viewId, view);
    if (this.#views.size > LatestViews.MAX) this.#views.delete(this.#views.keys().next().value as string);
  }
}

/** Registers the order buttons and the dialog's in-view actions. */
export function registerOrderActions(app: App, deps: SlackDeps, notices: OrderNotices | undefined): void {
  const runtime = orderRuntime(deps, notices);
  const lookup = lookupIn(deps);

  app.action<BlockAction<ButtonAction>>(ACTION.orderStart, async (args) => {
    await args.ack();
    if (!runtime) return tell(args, NOT_AVAILABLE);
    const value = args.action.value;
    const publication = value ? deps.engine.get(value) : undefined;
    if (value && !publication) return tell(args, GONE);
    try {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: itemsStepView(newDraft(publication), lookup) });
    } catch (error) {
      await tell(args, `I couldn't open the order form: Slack answered "${slackErrorCode(error)}". Please click the button again.`);
    }
  });

  const latestViews = new LatestViews();

  /**
   * Changes the dialog's draft in place from an action inside its view. On hash_conflict the change is
   * applied once more to the view as this app last set it; when the update still fails, the person is told.
   */
  const updateDialog = async (
    args: ActionArgs<ButtonAction | ExternalSelectAction>,
    change: (draft: OrderDraftState, step: OrderStep) => { step: Exclude<OrderStep, 'review'>; draft: OrderDraftState },
  ): Promise<void> => {
    await args.ack();
    const view = args.body.view;
    const step = view && stepOfView(view.callback_id);
    const stored = view && decodeDraft(view.private_metadata);
    if (!view || !step || !stored) return;
    const update = async (base: { hash: string; private_metadata: string; callback_id: string }) => {
      const baseStep = stepOfView(base.callback_id);
      const draft = baseStep && decodeDraft(base.private_metadata);
      if (!baseStep || !draft) throw new Error('the dialog could not be read');
      const next = change(withEnteredValues(draft, baseStep, view.state.values), baseStep);
      const result = await args.client.views.update({ view_id: view.id, hash: base.hash, view: stepView(next.step, next.draft, lookup) });
      if (result.view?.hash && result.view.private_metadata !== undefined && result.view.callback_id !== undefined) {
        latestViews.remember(view.id, { hash: result.view.hash, private_metadata: result.view.private_metadata, callback_id: result.view.callback_id });
      }
    };
    try {
      try {
        await update(view);
      } catch (error) {
        // hash_conflict: another update (most often of a click just before) changed the view: apply this one on top of it, once.
        const latest = latestViews.get(view.id);
        if (slackErrorCode(error) !== 'hash_conflict' || !latest || latest.hash === view.hash) throw error;
        await update(latest);
      }
    } catch (error) {
      const code = slackErrorCode(error);
      args.logger.warn(`Could not update the order dialog: ${code}`);
      await tellPrivately(
        { client: args.client, userId: args.body.user.id },
        `I couldn't update your order form (Slack answered "${code}"), so your last click did not take effect. Please try it again; what you entered is kept.`,
      ).catch((tellError: unknown) => args.logger.warn(`Could not tell the person either: ${slackErrorCode(tellError)}`));
    }
  };

  app.action<BlockAction<ExternalSelectAction>>(ORDER_ACTION.addPublication, (args) =>
    updateDialog(args, (draft) => {
      const publication = deps.engine.get(args.action.selected_option?.value ?? '');
      return { step: 'items', draft: publication ? addLine(draft, publication) : draft };
    }),
  );

  app.action<BlockAction<ButtonAction>>(ORDER_ACTION.removeLine, (args) =>
    updateDialog(args, (draft) => ({ step: 'items', draft: removeLine(draft, Number(args.action.value)) })),
  );

  app.action<BlockAction<ButtonAction>>(ORDER_ACTION.back, (args) =>
    updateDialog(args, (draft, step) => ({ step: PREVIOUS_STEP[step], draft })),
  );

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ORDER_ACTION.setStatus}_`), async (args) => {
    await args.ack();
    if (!runtime) return tell(args, NOT_AVAILABLE);
    if (!canChangeStatus(args.body.user.id, deps.adminIds)) return tell(args, NOT_ADMIN);
    const parsed = parseStatusButtonValue(args.action.value);
    const channel = args.body.channel?.id;
    const ts = args.body.message?.ts;
    if (!parsed || !isOrderStatus(parsed.to) || channel === undefined || ts === undefined) return tell(args, 'This button no longer works.');
    if (parsed.to === 'cancelled') {
      try {
        await args.client.views.open({ trigger_id: args.body.trigger_id, view: cancelReasonView({ reference: parsed.reference, channel, ts }) });
      } catch (error) {
        await tell(args, `I couldn't ask for the reason: Slack answered "${slackErrorCode(error)}". Please click *Cancel…* again.`);
      }
      return;
    }
    const result = applyStatusChange(runtime, { reference: parsed.reference, to: parsed.to, actorId: args.body.user.id, message: { channel, ts } });
    if (typeof result === 'string') return tell(args, result);
    await announceStatusChange(runtime, args.client, result, { channel, ts }, args.logger, (text) => tell(args, text));
  });

  app.action<BlockAction<ButtonAction>>(ORDER_ACTION.showDelivery, async (args) => {
    await args.ack();
    if (!runtime) return tell(args, NOT_AVAILABLE);
    if (!canChangeStatus(args.body.user.id, deps.adminIds)) return tell(args, NOT_ADMIN);
    const order = runtime.store.get(args.action.value ?? '');
    if (!order) return tell(args, 'That order is not in the order store.');
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...deliveryDetailsMessage(order) });
  });

  // The e-mail button is a link: Slack opens it and still sends the click, which only needs acknowledging.
  app.action(ORDER_ACTION.emailForm, async ({ ack }) => {
    await ack();
  });
}
