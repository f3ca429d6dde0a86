/**
 * The order dialog's step submissions (Next on each step, Submit order on the review).
 *
 * Each step is validated with the order module's validators; errors come back in the acknowledgement as
 * `response_action: 'errors'`, under the field they concern, and a valid step moves on with
 * `response_action: 'update'`. Submit on the review stores the order (store.submit, keyed by the view and
 * its content, so a double click or a repeated submission stores one order) before the person is told it
 * succeeded, then nudges the outbox, which notifies the Publications Unit and the requester.
 * Opening the dialog and its in-view buttons are ./order-dialog.ts; the cancel modal is ./order-status.ts.
 */
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction } from '@slack/bolt';
import { OrderValidationError, validateDelivery, validateItems, validateOrder, validatePayment, type FieldErrors } from '../../orders/validate.js';
import { priceOrder } from '../../orders/pricing.js';
import { orderDoneView, reviewStepView, stepErrors, stepOfField, type PublicationLookup } from '../blocks/order-dialog.js';
import { ORDER_CALLBACK } from '../blocks/order-ids.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import {
  decodeDraft,
  draftInput,
  DraftTooLargeError,
  emptyDelivery,
  newDraft,
  withEnteredValues,
  type DeliveryField,
  type OrderDraftState,
  type OrderStep,
} from '../order-draft.js';
import type { OrderNotices } from '../order-notices.js';
import { refreshHome } from './home.js';
import { stepOfView, stepView } from './order-dialog.js';
import { lookupIn, NOT_AVAILABLE, orderRuntime, type OrderRuntime } from './order-runtime.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Client = AllMiddlewareArgs['client'];

/** Longest wait for the Slack profile that pre-fills the delivery step (the submission must be answered within 3 s). */
const PROFILE_TIMEOUT_MS = 1_200;

const UNREADABLE = 'I could not read this form any more (it may be from an older version of the app). Please start the order again.';
const TOO_LONG = 'These entries are too long to carry through the form; please shorten them.';
const TOO_LONG_TO_REVIEW = 'This order carried more than the form can hold, so I could not review it. Please enter it again.';
const NOT_PROCESSED = 'Something went wrong on my side and I could not go on. Your entries are kept: please try again in a moment.';
const NOT_STORED = 'I could not store your order because of a problem on my side. Nothing was stored and your entries are kept: please click *Submit order* again in a moment.';

/** The idempotency key of a submission: the view and exactly what it carried. */
export function submissionKey(viewId: string, privateMetadata: string): string {
  return `${viewId}:${createHash('sha256').update(privateMetadata).digest('hex').slice(0, 32)}`;
}

/** Resolves with `promise`'s value, or undefined when it takes longer than `ms` or fails. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Delivery values from the person's Slack profile (name, e-mail, telephone where set); empty ones where not available. */
async function profileDelivery(client: Client, userId: string): Promise<Record<DeliveryField, string>> {
  const info = await within(client.users.info({ user: userId }), PROFILE_TIMEOUT_MS);
  const profile = info?.user?.profile;
  return {
    ...emptyDelivery(),
    name: profile?.real_name || profile?.display_name || '',
    email: profile?.email ?? '',
    telephone: profile?.phone ?? '',
  };
}

/** Registers the order dialog's step submissions. */
export function registerOrderDialogSubmissions(router: ListenerRouter, deps: SlackDeps, notices: OrderNotices | undefined): void {
  const runtime = orderRuntime(deps, notices);
  const lookup = lookupIn(deps);

  router.view<ViewSubmitAction>(new RegExp(`^${ORDER_CALLBACK.stepPrefix}`), async (args) => {
    const { view } = args;
    const step = stepOfView(view.callback_id);
    const stored = decodeDraft(view.private_metadata);
    if (!step || !stored) {
      await args.ack({ response_action: 'update', view: stepView('items', newDraft(), lookup, UNREADABLE) });
      return;
    }
    const draft = withEnteredValues(stored, step, view.state.values);
    // Nothing may throw before the acknowledgement: Slack would show a generic failure after 3 s instead.
    let acked = false;
    const ack: SubmitArgs['ack'] = (response) => {
      acked = true;
      return args.ack(response);
    };
    try {
      await handleStep({ ...args, ack }, step, draft);
    } catch (error) {
      if (acked) throw error;
      const tooLong = error instanceof DraftTooLargeError;
      if (step !== 'review') {
        await args.ack({ response_action: 'errors', errors: stepErrors(draft, lookup, { [TOO_LONG_FIELD[step]]: tooLong ? TOO_LONG : NOT_PROCESSED }) });
      } else {
        // The review has no field to show an error under: back to the first step, with the entries when they fit.
        await args.ack({ response_action: 'update', view: tooLong ? stepView('items', newDraft(), lookup, TOO_LONG_TO_REVIEW) : firstStepKeeping(draft, lookup, NOT_PROCESSED) });
      }
      if (!tooLong) throw error;
    }
  });

  /** Validates the step and moves on (or submits the order), acknowledging exactly once. */
  async function handleStep(args: SubmitArgs, step: OrderStep, draft: OrderDraftState): Promise<void> {
    const errors = (e: FieldErrors) => args.ack({ response_action: 'errors', errors: stepErrors(draft, lookup, e) });
    /** Moves on to the view `build` makes (a draft too long to carry throws DraftTooLargeError, answered by the caller). */
    const moveOn = (build: () => types.ModalView) => args.ack({ response_action: 'update', view: build() });
    switch (step) {
      case 'items': {
        const items = validateItems(draftInput(draft).items, deps.engine.publications);
        if (!items.ok) return errors(items.errors);
        const delivery = draft.delivery ?? (await profileDelivery(args.client, args.body.user.id));
        return moveOn(() => stepView('delivery', { ...draft, delivery }, lookup));
      }
      case 'delivery': {
        const delivery = validateDelivery(draft.delivery);
        if (!delivery.ok) return errors(delivery.errors);
        return moveOn(() => stepView('payment', draft, lookup));
      }
      case 'payment': {
        const payment = validatePayment(draft.payment);
        if (!payment.ok) return errors(payment.errors);
        return moveOn(() => reviewOrEarlierStep(draft, deps, lookup));
      }
      case 'review':
        return submitOrder(args, runtime, draft, lookup);
    }
  }
}

/** The first step with the draft's entries and `notice`, or without them when they no longer fit the form. */
function firstStepKeeping(draft: OrderDraftState, lookup: PublicationLookup, notice: string): types.ModalView {
  try {
    return stepView('items', draft, lookup, notice);
  } catch {
    return stepView('items', newDraft(), lookup, notice);
  }
}

/** The field (a validator's key, placed by stepErrors on a block the step's view has) under which a step says its entries are too long. */
const TOO_LONG_FIELD: Record<Exclude<OrderStep, 'review'>, string> = { items: 'items', delivery: 'address', payment: 'method' };

/**
 * The review of a draft whose steps are each valid, or, when the whole order is not (a title left the
 * catalogue meanwhile), the first step with a problem, saying what it is.
 */
function reviewOrEarlierStep(draft: OrderDraftState, deps: SlackDeps, lookup: PublicationLookup, notice?: string): types.ModalView {
  const whole = validateOrder(draftInput(draft), deps.engine.publications);
  if (!whole.ok) return earlierStepWithErrors(draft, lookup, whole.errors);
  const { items, delivery, payment } = whole.value;
  return reviewStepView(draft, { pricing: priceOrder(items, payment.currency, deps.engine.publications), delivery, payment }, notice);
}

/** The first step with errors, listing them at its top (errors in an update cannot sit under fields). */
function earlierStepWithErrors(draft: OrderDraftState, lookup: PublicationLookup, errors: FieldErrors): types.ModalView {
  const keys = Object.keys(errors);
  const step = (['items', 'delivery', 'payment'] as const).find((s) => keys.some((k) => stepOfField(k) === s)) ?? 'items';
  const messages = keys.filter((k) => stepOfField(k) === step).map((k) => errors[k]);
  return stepView(step, draft, lookup, `Please check: ${messages.join('; ')}.`);
}

/** Stores the order, then shows its reference; the outbox tells the Publications Unit and the requester. */
async function submitOrder(args: SubmitArgs, runtime: OrderRuntime | undefined, draft: OrderDraftState, lookup: PublicationLookup): Promise<void> {
  if (!runtime) {
    await args.ack({ response_action: 'update', view: stepView('items', draft, lookup, NOT_AVAILABLE) });
    return;
  }
  const { deps } = runtime;
  const user = args.body.user;
  let result;
  try {
    result = await runtime.store.submit(draftInput(draft), { userId: user.id, displayName: user.name }, submissionKey(args.view.id, args.view.private_metadata), deps.engine.publications);
  } catch (error) {
    if (error instanceof OrderValidationError) {
      await args.ack({ response_action: 'update', view: earlierStepWithErrors(draft, lookup, error.errors) });
      return;
    }
    args.logger.error('Could not store an order:', error);
    await args.ack({ response_action: 'update', view: reviewOrEarlierStep(draft, deps, lookup, NOT_STORED) });
    return;
  }
  await args.ack({ response_action: 'update', view: orderDoneView(result.order, deps.ordersChannelId !== undefined) });
  if (result.created) args.logger.info(`Order ${result.order.reference} stored`);
  runtime.notices?.kick();
  await refreshHome(args.client, deps, user.id, args.logger);
}
