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
import type { Translator } from '../../i18n/translator.js';
import { OrderValidationError, validateDelivery, validateItems, validateOrder, validatePayment, type FieldErrors } from '../../orders/validate.js';
import type { OrderFormContent } from '../../orders/order.js';
import { priceOrder, pricesKey } from '../../orders/pricing.js';
import { errorBlock, fieldErrorText, orderDoneView, reviewStepView, stepErrors, stepOfField, type PublicationLookup } from '../blocks/order-dialog.js';
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
import { translatorFor, userLanguageOf } from '../user-languages.js';
import { refreshHome } from './home.js';
import { stepOfView, stepView } from './order-dialog.js';
import { lookupIn, orderRuntime, type OrderRuntime } from './order-runtime.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Client = AllMiddlewareArgs['client'];

/** Longest wait for the Slack profile that pre-fills the delivery step (the submission must be answered within 3 s). */
const PROFILE_TIMEOUT_MS = 1_200;

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
    // Every step in the language the dialog opened in.
    const t = translatorFor(args.context, stored?.locale);
    if (!step || !stored) {
      await args.ack({ response_action: 'update', view: stepView('items', newDraft(t.locale), lookup, t, t('order.unreadable')) });
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
      await handleStep({ ...args, ack }, step, draft, t);
    } catch (error) {
      if (acked) throw error;
      const tooLong = error instanceof DraftTooLargeError;
      if (step !== 'review') {
        const problem = tooLong ? t('order.tooLong') : t('order.notProcessed');
        await args.ack({ response_action: 'errors', errors: { [errorBlock(draft, lookup, TOO_LONG_FIELD[step])]: problem } });
      } else {
        // The review has no field to show an error under: back to the first step, with the entries when they fit.
        const view = tooLong
          ? stepView('items', newDraft(t.locale), lookup, t, t('order.tooLongToReview'))
          : firstStepKeeping(draft, lookup, t, t('order.notProcessed'));
        await args.ack({ response_action: 'update', view });
      }
      if (!tooLong) throw error;
    }
  });

  /** Validates the step and moves on (or submits the order), acknowledging exactly once. */
  async function handleStep(args: SubmitArgs, step: OrderStep, draft: OrderDraftState, t: Translator): Promise<void> {
    const errors = (e: FieldErrors) => args.ack({ response_action: 'errors', errors: stepErrors(draft, lookup, e, t) });
    /** Moves on to the view `build` makes (a draft too long to carry throws DraftTooLargeError, answered by the caller). */
    const moveOn = (build: () => types.ModalView) => args.ack({ response_action: 'update', view: build() });
    switch (step) {
      case 'items': {
        const items = validateItems(draftInput(draft).items, deps.engine.publications);
        if (!items.ok) return errors(items.errors);
        const delivery = draft.delivery ?? (await profileDelivery(args.client, args.body.user.id));
        return moveOn(() => stepView('delivery', { ...draft, delivery }, lookup, t));
      }
      case 'delivery': {
        const delivery = validateDelivery(draft.delivery);
        if (!delivery.ok) return errors(delivery.errors);
        return moveOn(() => stepView('payment', draft, lookup, t));
      }
      case 'payment': {
        const payment = validatePayment(draft.payment);
        if (!payment.ok) return errors(payment.errors);
        return moveOn(() => reviewOrEarlierStep(draft, deps, lookup, t));
      }
      case 'review':
        return submitOrder(args, runtime, draft, lookup, t);
    }
  }
}

/** The first step with the draft's entries and `notice`, or without them when they no longer fit the form. */
function firstStepKeeping(draft: OrderDraftState, lookup: PublicationLookup, t: Translator, notice: string): types.ModalView {
  try {
    return stepView('items', draft, lookup, t, notice);
  } catch {
    return stepView('items', newDraft(t.locale), lookup, t, notice);
  }
}

/** The field (a validator's key, placed by errorBlock on a block the step's view has) under which a step says its entries are too long. */
const TOO_LONG_FIELD: Record<Exclude<OrderStep, 'review'>, string> = { items: 'items', delivery: 'address', payment: 'method' };

/**
 * The review of a draft whose steps are each valid, or, when the whole order is not (a title left the
 * catalogue meanwhile), the first step with a problem, saying what it is.
 */
function reviewOrEarlierStep(draft: OrderDraftState, deps: SlackDeps, lookup: PublicationLookup, t: Translator, notice?: string): types.ModalView {
  const now = pricedNow(draft, deps);
  return now.ok ? reviewOf(draft, now.order, t, notice) : earlierStepWithErrors(draft, lookup, now.errors, t);
}

/** The review step showing `order`, the draft carrying the key of the prices shown (see pricesKey). */
function reviewOf(draft: OrderDraftState, order: OrderFormContent, t: Translator, notice?: string): types.ModalView {
  return reviewStepView({ ...draft, reviewedPrices: pricesKey(order.pricing) }, order, t, notice);
}

/** The draft validated against the catalogue as it is now, and priced; or the validation's errors. */
function pricedNow(draft: OrderDraftState, deps: SlackDeps): { ok: true; order: OrderFormContent } | { ok: false; errors: FieldErrors } {
  const whole = validateOrder(draftInput(draft), deps.engine.publications);
  if (!whole.ok) return whole;
  const { items, delivery, payment } = whole.value;
  return { ok: true, order: { pricing: priceOrder(items, payment.currency, deps.engine.publications), delivery, payment } };
}

/** The first step with errors, listing them at its top (errors in an update cannot sit under fields). */
function earlierStepWithErrors(draft: OrderDraftState, lookup: PublicationLookup, errors: FieldErrors, t: Translator): types.ModalView {
  const keys = Object.keys(errors);
  const step = (['items', 'delivery', 'payment'] as const).find((s) => keys.some((k) => stepOfField(k) === s)) ?? 'items';
  const messages = keys.flatMap((k) => {
    const error = errors[k];
    return error && stepOfField(k) === step ? [fieldErrorText(error, t)] : [];
  });
  return stepView(step, draft, lookup, t, t('order.pleaseCheck', { problems: messages.join('; ') }));
}


/** Stores the order, then shows its reference; the outbox tells the Publications Unit and the requester. */
async function submitOrder(args: SubmitArgs, runtime: OrderRuntime | undefined, draft: OrderDraftState, lookup: PublicationLookup, t: Translator): Promise<void> {
  if (!runtime) {
    await args.ack({ response_action: 'update', view: stepView('items', draft, lookup, t, t('orders.notAvailable')) });
    return;
  }
  const { deps } = runtime;
  const user = args.body.user;
  // Never stored at prices the person was not shown: a catalogue admin may have changed one since the review.
  const now = draft.reviewedPrices === undefined ? undefined : pricedNow(draft, deps);
  if (now?.ok && pricesKey(now.order.pricing) !== draft.reviewedPrices) {
    await args.ack({ response_action: 'update', view: reviewOf(draft, now.order, t, t('order.pricesChanged')) });
    return;
  }
  let result;
  try {
    result = await runtime.store.submit(draftInput(draft), { userId: user.id, displayName: user.name }, submissionKey(args.view.id, args.view.private_metadata), deps.engine.publications);
  } catch (error) {
    if (error instanceof OrderValidationError) {
      await args.ack({ response_action: 'update', view: earlierStepWithErrors(draft, lookup, error.errors, t) });
      return;
    }
    args.logger.error('Could not store an order:', error);
    await args.ack({ response_action: 'update', view: reviewOrEarlierStep(draft, deps, lookup, t, t('order.notStored')) });
    return;
  }
  await args.ack({ response_action: 'update', view: orderDoneView(result.order, deps.ordersChannelId !== undefined, t) });
  if (result.created) args.logger.info(`Order ${result.order.reference} stored`);
  runtime.notices?.kick();
  await refreshHome(args.client, deps, user.id, userLanguageOf(args.context), args.logger);
}
