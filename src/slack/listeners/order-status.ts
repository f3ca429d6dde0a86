/**
 * The buttons on a stored order's messages:
 * - in the orders channel, the status buttons (order admins only; Cancel… asks for a reason in a modal,
 *   whose submission is handled here too) and Delivery details (order admins only, shown ephemerally);
 * - in the requester's confirmation, the e-mail link button, whose click is only acknowledged.
 * A stored status change nudges the outbox (the requester's DM) and updates the order's message and the
 * requester's App Home. The status rules are src/orders; this module only translates.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { DEFAULT_LOCALE } from '../../i18n/locales.js';
import { translator, type Translator } from '../../i18n/translator.js';
import { OrderError, type Order } from '../../orders/order.js';
import { canChangeStatus } from '../../orders/permissions.js';
import { isOrderStatus, type OrderStatus } from '../../orders/status.js';
import { cancelReasonView, type CancelTarget } from '../blocks/order-dialog.js';
import { ORDER_ACTION, ORDER_BLOCK, ORDER_CALLBACK } from '../blocks/order-ids.js';
import { deliveryDetailsMessage, orderNoticeMessage, parseStatusButtonValue, statusLabel } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import type { OrderNotices } from '../order-notices.js';
import { translatorFor, type UserLanguages } from '../user-languages.js';
import { refreshHome } from './home.js';
import { orderRuntime, type OrderRuntime } from './order-runtime.js';
import { slackErrorCode, tellClicker, tellPrivately } from './reply.js';

/** A status change asked for by `actorId`, and where the order's message in the orders channel is. */
interface StatusChangeRequest {
  reference: string;
  to: OrderStatus;
  actorId: string;
  reason?: string;
  message: { channel: string; ts: string };
}

/** Stores the status change; returns the order, or the refusal to show (in the language of `t`) when it is not allowed. */
async function applyStatusChange(runtime: OrderRuntime, change: StatusChangeRequest, t: Translator): Promise<Order | string> {
  try {
    return await runtime.store.changeStatus(change.reference, change.to, change.actorId, {
      adminIds: runtime.deps.adminIds,
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
    });
  } catch (error) {
    if (!(error instanceof OrderError)) throw error;
    if (error.code === 'not_allowed') return t('orders.notAdmin');
    const order = await runtime.store.get(change.reference);
    if (error.code === 'not_found' || !order) return t('orders.noSuchOrder', { reference: change.reference });
    return t('orders.cannotMove', { reference: order.reference, status: statusLabel(order.status, t), to: statusLabel(change.to, t) });
  }
}

/**
 * After a stored status change: nudges the outbox (the requester's DM), updates the order's message (in the
 * orders language) and the requester's Home (in theirs). When the message cannot be updated, `tellActor`
 * tells the admin, in the admin's language (`t`), that its buttons may be stale.
 */
async function announceStatusChange(
  runtime: OrderRuntime & { languages: UserLanguages },
  client: AllMiddlewareArgs['client'],
  order: Order,
  message: StatusChangeRequest['message'],
  logger: AllMiddlewareArgs['logger'],
  t: Translator,
  tellActor: (text: string) => Promise<void>,
): Promise<void> {
  runtime.notices?.kick();
  try {
    await client.chat.update({ channel: message.channel, ts: message.ts, ...orderNoticeMessage(order, translator(runtime.deps.ordersLanguage ?? DEFAULT_LOCALE)) });
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn(`Could not update the message of ${order.reference}: ${code}`);
    await tellActor(t('orders.messageNotUpdated', { reference: order.reference, status: statusLabel(order.status, t), code })).catch((tellError: unknown) =>
      logger.warn(`Could not tell the admin either: ${slackErrorCode(tellError)}`),
    );
  }
  const requester = order.requester.userId;
  await refreshHome(client, runtime.deps, requester, await runtime.languages.of(client, requester), logger);
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

/**
 * Registers the status buttons, the cancel modal, Delivery details and the e-mail link button. What the
 * admin is told is in the admin's language; `languages` gives the requester's, for their Home.
 */
export function registerOrderStatus(router: ListenerRouter, deps: SlackDeps, notices: OrderNotices | undefined, languages: UserLanguages): void {
  const orders = orderRuntime(deps, notices);
  const runtime = orders && { ...orders, languages };

  router.action<BlockAction<ButtonAction>>(new RegExp(`^${ORDER_ACTION.setStatus}_`), async (args) => {
    await args.ack();
    const t = translatorFor(args.context);
    if (!runtime) return tellClicker(args, t('orders.notAvailable'));
    if (!canChangeStatus(args.body.user.id, deps.adminIds)) return tellClicker(args, t('orders.notAdmin'));
    const parsed = parseStatusButtonValue(args.action.value);
    const channel = args.body.channel?.id;
    const ts = args.body.message?.ts;
    if (!parsed || !isOrderStatus(parsed.to) || channel === undefined || ts === undefined) return tellClicker(args, t('orders.buttonStale'));
    if (parsed.to === 'cancelled') {
      try {
        await args.client.views.open({ trigger_id: args.body.trigger_id, view: cancelReasonView({ reference: parsed.reference, channel, ts }, t) });
      } catch (error) {
        await tellClicker(args, t('orders.reasonFailed', { code: slackErrorCode(error) }));
      }
      return;
    }
    const result = await applyStatusChange(runtime, { reference: parsed.reference, to: parsed.to, actorId: args.body.user.id, message: { channel, ts } }, t);
    if (typeof result === 'string') return tellClicker(args, result);
    await announceStatusChange(runtime, args.client, result, { channel, ts }, args.logger, t, (text) => tellClicker(args, text));
  });

  router.view<ViewSubmitAction>(ORDER_CALLBACK.cancel, async (args) => {
    const t = translatorFor(args.context);
    const actorId = args.body.user.id;
    const reason = args.view.state.values[ORDER_BLOCK.reason]?.[ORDER_ACTION.reason]?.value ?? '';
    const target = parseCancelTarget(args.view.private_metadata);
    const refuse = (message: string) => args.ack({ response_action: 'errors', errors: { [ORDER_BLOCK.reason]: message } });
    if (!runtime) return refuse(t('orders.notAvailable'));
    if (!canChangeStatus(actorId, deps.adminIds)) return refuse(t('orders.cancelForAdmins'));
    if (!target) return refuse(t('orders.cancelFormStale'));
    if (!reason.trim()) return refuse(t('orders.reasonMissing'));
    const message = { channel: target.channel, ts: target.ts };
    const result = await applyStatusChange(runtime, { reference: target.reference, to: 'cancelled', actorId, reason, message }, t);
    if (typeof result === 'string') return refuse(result);
    await args.ack();
    await announceStatusChange(runtime, args.client, result, message, args.logger, t, (text) => tellPrivately({ client: args.client, userId: actorId }, text));
  });

  router.action<BlockAction<ButtonAction>>(ORDER_ACTION.showDelivery, async (args) => {
    await args.ack();
    const t = translatorFor(args.context);
    if (!runtime) return tellClicker(args, t('orders.notAvailable'));
    if (!canChangeStatus(args.body.user.id, deps.adminIds)) return tellClicker(args, t('orders.notAdmin'));
    const order = await runtime.store.get(args.action.value ?? '');
    if (!order) return tellClicker(args, t('orders.notFound'));
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...deliveryDetailsMessage(order, t) });
  });

  // The e-mail button is a link: Slack opens it and still sends the click, which only needs acknowledging.
  router.action(ORDER_ACTION.emailForm, async ({ ack }) => {
    await ack();
  });
}
