/**
 * The buttons on a stored order's messages:
 * - in the orders channel, the status buttons (order admins only; Cancel… asks for a reason in a modal,
 *   whose submission is handled here too) and Delivery details (order admins only, shown ephemerally);
 * - in the requester's confirmation, the e-mail link button, whose click is only acknowledged.
 * A stored status change nudges the outbox (the requester's DM) and updates the order's message and the
 * requester's App Home. The status rules are src/orders; this module only translates.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { OrderError, type Order } from '../../orders/order.js';
import { canChangeStatus } from '../../orders/permissions.js';
import { isOrderStatus, STATUS_LABELS, type OrderStatus } from '../../orders/status.js';
import { cancelReasonView, type CancelTarget } from '../blocks/order-dialog.js';
import { ORDER_ACTION, ORDER_BLOCK, ORDER_CALLBACK } from '../blocks/order-ids.js';
import { deliveryDetailsMessage, orderNoticeMessage, parseStatusButtonValue } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import type { OrderNotices } from '../order-notices.js';
import { refreshHome } from './home.js';
import { NOT_ADMIN, NOT_AVAILABLE, orderRuntime, type OrderRuntime } from './order-runtime.js';
import { slackErrorCode, tellClicker, tellPrivately } from './reply.js';

/** A status change asked for by `actorId`, and where the order's message in the orders channel is. */
interface StatusChangeRequest {
  reference: string;
  to: OrderStatus;
  actorId: string;
  reason?: string;
  message: { channel: string; ts: string };
}

/** Stores the status change; returns the order, or the refusal to show when it is not allowed. */
async function applyStatusChange(runtime: OrderRuntime, change: StatusChangeRequest): Promise<Order | string> {
  try {
    return await runtime.store.changeStatus(change.reference, change.to, change.actorId, {
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
async function announceStatusChange(
  runtime: OrderRuntime,
  client: AllMiddlewareArgs['client'],
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

/** The order and message a cancel modal is about, read back from its private_metadata. */
function parseCancelTarget(text: string): CancelTarget | undefined {
  try {
    const v = JSON.parse(text) as Partial<CancelTarget>;
    return typeof v.reference === 'string' && typeof v.channel === 'string' && typeof v.ts === 'string' ? { reference: v.reference, channel: v.channel, ts: v.ts } : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the status buttons, the cancel modal, Delivery details and the e-mail link button. */
export function registerOrderStatus(router: ListenerRouter, deps: SlackDeps, notices: OrderNotices | undefined): void {
  const runtime = orderRuntime(deps, notices);

  router.action<BlockAction<ButtonAction>>(new RegExp(`^${ORDER_ACTION.setStatus}_`), async (args) => {
    await args.ack();
    if (!runtime) return tellClicker(args, NOT_AVAILABLE);
    if (!canChangeStatus(args.body.user.id, deps.adminIds)) return tellClicker(args, NOT_ADMIN);
    const parsed = parseStatusButtonValue(args.action.value);
    const channel = args.body.channel?.id;
    const ts = args.body.message?.ts;
    if (!parsed || !isOrderStatus(parsed.to) || channel === undefined || ts === undefined) return tellClicker(args, 'This button no longer works.');
    if (parsed.to === 'cancelled') {
      try {
        await args.client.views.open({ trigger_id: args.body.trigger_id, view: cancelReasonView({ reference: parsed.reference, channel, ts }) });
      } catch (error) {
        await tellClicker(args, `I couldn't ask for the reason: Slack answered "${slackErrorCode(error)}". Please click *Cancel…* again.`);
      }
      return;
    }
    const result = await applyStatusChange(runtime, { reference: parsed.reference, to: parsed.to, actorId: args.body.user.id, message: { channel, ts } });
    if (typeof result === 'string') return tellClicker(args, result);
    await announceStatusChange(runtime, args.client, result, { channel, ts }, args.logger, (text) => tellClicker(args, text));
  });

  router.view<ViewSubmitAction>(ORDER_CALLBACK.cancel, async (args) => {
    const actorId = args.body.user.id;
    const reason = args.view.state.values[ORDER_BLOCK.reason]?.[ORDER_ACTION.reason]?.value ?? '';
    const target = parseCancelTarget(args.view.private_metadata);
    const refuse = (message: string) => args.ack({ response_action: 'errors', errors: { [ORDER_BLOCK.reason]: message } });
    if (!runtime) return refuse(NOT_AVAILABLE);
    if (!canChangeStatus(actorId, deps.adminIds)) return refuse('Only the order admins of the Publications Unit can cancel an order.');
    if (!target) return refuse('This form no longer works. Close it and click Cancel… on the order again.');
    if (!reason.trim()) return refuse('Give a reason for cancelling the order; the requester is told.');
    const message = { channel: target.channel, ts: target.ts };
    const result = await applyStatusChange(runtime, { reference: target.reference, to: 'cancelled', actorId, reason, message });
    if (typeof result === 'string') return refuse(result);
    await args.ack();
    await announceStatusChange(runtime, args.client, result, message, args.logger, (text) => tellPrivately({ client: args.client, userId: actorId }, text));
  });

  router.action<BlockAction<ButtonAction>>(ORDER_ACTION.showDelivery, async (args) => {
    await args.ack();
    if (!runtime) return tellClicker(args, NOT_AVAILABLE);
    if (!canChangeStatus(args.body.user.id, deps.adminIds)) return tellClicker(args, NOT_ADMIN);
    const order = await runtime.store.get(args.action.value ?? '');
    if (!order) return tellClicker(args, 'That order is not in the order store.');
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...deliveryDetailsMessage(order) });
  });

  // The e-mail button is a link: Slack opens it and still sends the click, which only needs acknowledging.
  router.action(ORDER_ACTION.emailForm, async ({ ack }) => {
    await ack();
  });
}
