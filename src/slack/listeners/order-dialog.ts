/**
 * The order dialog's entry points and the buttons inside it:
 * - `order_start` (Order print copy under a result with the title pre-selected, App Home, the reply to an
 *   order request in a DM or mention with its title, copies and edition filled in) and `/handbooks order
 *   [words]` or an order request in words after `/handbooks` (likewise filled in) open the dialog's first step;
 * - inside the dialog, adding or removing a title and Back update the view in place (views.update with
 *   the view's hash), keeping what was typed.
 * The steps' submissions are ./order-dialog-submit.ts; the draft and its rules are ../order-draft.ts.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, ExternalSelectAction, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import type { OrderRequest } from '../../conversation/order-request.js';
import type { Translator } from '../../i18n/translator.js';
import { ACTION } from '../blocks/action-ids.js';
import { deliveryStepView, itemsStepView, paymentStepView, preselectionNotice, type PublicationLookup } from '../blocks/order-dialog.js';
import { ORDER_ACTION, ORDER_CALLBACK } from '../blocks/order-ids.js';
import { orderPreselection } from '../blocks/order-options.js';
import { decodeOrderStart } from '../blocks/order-start.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlainText } from '../plain-text.js';
import type { ListenerRouter } from '../router.js';
import { addLine, decodeDraft, newDraft, ORDER_STEPS, removeLine, withEnteredValues, type OrderDraftState, type OrderStep } from '../order-draft.js';
import { translatorFor } from '../user-languages.js';
import type { OrderCommandContext } from './commands.js';
import { lookupIn } from './order-runtime.js';
import { slackErrorCode, tellClicker, tellPrivately } from './reply.js';

type ActionArgs<A extends BlockAction['actions'][number]> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;

/** Where Back leads from each step. */
const PREVIOUS_STEP: Readonly<Record<OrderStep, Exclude<OrderStep, 'review'>>> = { items: 'items', delivery: 'items', payment: 'delivery', review: 'payment' };

/** The view of `step` for `draft` (the review step is built by the view submission, which validates first). */
export function stepView(step: Exclude<OrderStep, 'review'>, draft: OrderDraftState, lookup: PublicationLookup, t: Translator, notice?: string): types.ModalView {
  switch (step) {
    case 'items':
      return itemsStepView(draft, lookup, t, notice);
    case 'delivery':
      return deliveryStepView(draft, t, notice);
    case 'payment':
      return paymentStepView(draft, t, notice);
  }
}

/** The dialog step a view's callback_id names, if it is one. */
export function stepOfView(callbackId: string): OrderStep | undefined {
  const step = callbackId.startsWith(ORDER_CALLBACK.stepPrefix) ? callbackId.slice(ORDER_CALLBACK.stepPrefix.length) : '';
  return (ORDER_STEPS as readonly string[]).includes(step) ? (step as OrderStep) : undefined;
}

/**
 * `/handbooks order [words]` and `/handbooks` with an order request in words: opens the dialog. The title
 * the search clearly ranks first for the request's title words is pre-selected, with the copies and the
 * edition asked for, and the first step says so (or that the words fit several titles or none). The search
 * takes well under a millisecond, so views.open still comes at once, inside the trigger's 3 s.
 */
export async function startOrderFromCommand(ctx: OrderCommandContext, request: OrderRequest): Promise<void> {
  const { t } = ctx;
  if (!ctx.deps.orders) return void (await ctx.respond({ response_type: 'ephemeral', text: t('orders.notAvailable') }));
  const preselection = request.titleWords === '' ? undefined : orderPreselection(ctx.deps.engine, request.titleWords, request.language);
  const draft = newDraft(t.locale, preselection && 'publication' in preselection ? preselection.publication : undefined, request);
  const notice = preselection && preselectionNotice(slackToPlainText(ctx.rest), preselection, request, t);
  try {
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: itemsStepView(draft, lookupIn(ctx.deps), t, notice) });
  } catch (error) {
    await ctx.respond({ response_type: 'ephemeral', text: t('order.openFailedCommand', { code: slackErrorCode(error) }) });
  }
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

/** Registers `order_start` and the dialog's in-view actions (add a title, remove a line, Back). */
export function registerOrderDialog(router: ListenerRouter, deps: SlackDeps): void {
  const lookup = lookupIn(deps);

  router.action<BlockAction<ButtonAction>>(ACTION.orderStart, async (args) => {
    await args.ack();
    const start = args.action.value ? decodeOrderStart(args.action.value) : undefined;
    const t = translatorFor(args.context, start?.locale);
    if (!deps.orders) return tellClicker(args, t('orders.notAvailable'));
    const publication = start?.publicationId !== undefined ? deps.engine.get(start.publicationId) : undefined;
    if (args.action.value && (!start || (start.publicationId !== undefined && !publication))) return tellClicker(args, t('common.titleGone'));
    try {
      const view = itemsStepView(newDraft(t.locale, publication, start), lookup, t);
      // From a modal (Details) the dialog goes on top of it: views.open cannot open a second modal.
      if (args.body.view?.type === 'modal') await args.client.views.push({ trigger_id: args.body.trigger_id, view });
      else await args.client.views.open({ trigger_id: args.body.trigger_id, view });
    } catch (error) {
      await tellClicker(args, t('order.openFailed', { code: slackErrorCode(error) }));
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
      const t = translatorFor(args.context, next.draft.locale);
      const result = await args.client.views.update({ view_id: view.id, hash: base.hash, view: stepView(next.step, next.draft, lookup, t) });
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
      await tellPrivately({ client: args.client, userId: args.body.user.id }, translatorFor(args.context, stored.locale)('order.updateFailed', { code })).catch((tellError: unknown) => args.logger.warn(`Could not tell the person either: ${slackErrorCode(tellError)}`));
    }
  };

  router.action<BlockAction<ExternalSelectAction>>(ORDER_ACTION.addPublication, (args) =>
    updateDialog(args, (draft) => {
      const publication = deps.engine.get(args.action.selected_option?.value ?? '');
      return { step: 'items', draft: publication ? addLine(draft, publication) : draft };
    }),
  );

  router.action<BlockAction<ButtonAction>>(ORDER_ACTION.removeLine, (args) =>
    updateDialog(args, (draft) => ({ step: 'items', draft: removeLine(draft, Number(args.action.value)) })),
  );

  router.action<BlockAction<ButtonAction>>(ORDER_ACTION.back, (args) =>
    updateDialog(args, (draft, step) => ({ step: PREVIOUS_STEP[step], draft })),
  );
}
