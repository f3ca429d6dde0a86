/**
 * The order dialog's modal views, one per step (publications and quantities → delivery and contact →
 * payment → review), the confirmation once stored, and the modal asking why an order is cancelled. Each
 * step view carries the draft in private_metadata (see ../order-draft.ts) and has a Back button after the
 * first. `stepErrors` maps the order validators' field keys to the block under which Slack shows them.
 */
import type { types } from '@slack/bolt';
import { languageName } from '../../catalogue/languages.js';
import type { Publication } from '../../catalogue/schema.js';
import type { OrderRequest } from '../../conversation/order-request.js';
import { COUNTRIES } from '../../orders/countries.js';
import type { Order, OrderFormContent } from '../../orders/order.js';
import { MAX_LENGTHS, MAX_ORDER_LINES, MAX_QUANTITY, PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../orders/schema.js';
import { MAX_REASON_LENGTH } from '../../orders/status.js';
import type { FieldErrors } from '../../orders/validate.js';
import { CURRENCIES } from '../../catalogue/schema.js';
import { escapeMrkdwn, LIMITS, plainEcho, truncate } from '../mrkdwn.js';
import { encodeDraft, ORDER_STEPS, type DeliveryField, type OrderDraftState, type OrderStep } from '../order-draft.js';
import { actions, button, context, plainText, section, type Block } from './kit.js';
import { ORDER_ACTION, ORDER_BLOCK, ORDER_CALLBACK, stepCallbackId } from './order-ids.js';
import type { OrderPreselection } from './order-options.js';
import { orderedText, orderRequestWarnings } from './conversation.js';
import { orderFormBlocks, orderSummary } from './order-form.js';
import { orderWhereabouts } from './order-messages.js';
import { languageNames, TITLE_MAX } from './publication.js';

/** A line of mrkdwn at the top of a step: a warning, or with `info` a plain note (such as which title was pre-selected). */
export type StepNotice = string | { info: string };

/** How much of the words typed after `/handbooks order` a notice repeats. */
const TYPED_WORDS_SHOWN = 100;

/** Looks a publication up by id (the search engine's `get`). */
export type PublicationLookup = (id: string) => Publication | undefined;

const DIALOG_TITLE = 'Order print copies';

const STEP_TITLES: Readonly<Record<OrderStep, string>> = {
  items: 'Publications and quantities',
  delivery: 'Delivery and contact',
  payment: 'Payment',
  review: 'Review and submit',
};

const CURRENCY_NAMES: Readonly<Record<(typeof CURRENCIES)[number], string>> = {
  CHF: 'CHF (Swiss francs)',
  EUR: 'EUR (euros)',
  USD: 'USD (US dollars)',
};

const DELIVERY_INPUTS: readonly { field: DeliveryField; label: string; maxLength: number; multiline?: boolean; optional?: boolean; hint?: string }[] = [
  { field: 'name', label: 'Name', maxLength: MAX_LENGTHS.name, hint: 'The person who receives the copies.' },
  { field: 'address', label: 'Address', maxLength: MAX_LENGTHS.address, multiline: true, hint: 'Organization, street, building, office: several lines are fine.' },
  { field: 'city', label: 'City', maxLength: MAX_LENGTHS.city },
  { field: 'postalCode', label: 'Zip or postal code', maxLength: MAX_LENGTHS.postalCode, optional: true },
  { field: 'telephone', label: 'Telephone', maxLength: MAX_LENGTHS.telephone, hint: 'With the country code, e.g. +41 22 717 9111.' },
  { field: 'email', label: 'E-mail', maxLength: MAX_LENGTHS.email },
];

function option(text: string, value: string, description?: string): types.PlainTextOption {
  return { text: plainText(text, LIMITS.optionText), value, ...(description ? { description: plainText(description, LIMITS.optionText) } : {}) };
}

function input(
  blockId: string,
  label: string,
  element: types.InputBlock['element'],
  options: { optional?: boolean; hint?: string; dispatch?: boolean } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(label, LIMITS.inputLabel),
    element,
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plainText(options.hint, LIMITS.inputHint) } : {}),
    ...(options.dispatch ? { dispatch_action: true } : {}),
  };
}

/** Accent-free upper-case first letter, for grouping names (Å → A). */
function initial(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
}

/** Countries grouped by initial: more than 100 countries fit a static select as option groups of at most 100. */
const COUNTRY_GROUPS: { label: types.PlainTextElement; options: types.PlainTextOption[] }[] = (() => {
  const groups = new Map<string, types.PlainTextOption[]>();
  for (const c of COUNTRIES) {
    const letter = initial(c.name);
    groups.set(letter, [...(groups.get(letter) ?? []), option(c.name, c.code)]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([letter, options]) => ({ label: plainText(letter, LIMITS.optionText), options }));
})();

const COUNTRY_OPTIONS = COUNTRY_GROUPS.flatMap((g) => g.options);

function stepModal(step: OrderStep, draft: OrderDraftState, blocks: Block[], notice: StepNotice | undefined): types.ModalView {
  const number = ORDER_STEPS.indexOf(step) + 1;
  const top: Block[] = [context(`Step ${number} of ${ORDER_STEPS.length} · ${STEP_TITLES[step]}`)];
  if (typeof notice === 'object') top.push(section(notice.info));
  else if (notice) top.push(section(`:warning: ${notice}`));
  const nav: Block[] = number > 1 ? [{ ...actions([button({ text: 'Back', actionId: ORDER_ACTION.back })]), block_id: ORDER_BLOCK.nav }] : [];
  return {
    type: 'modal',
    callback_id: stepCallbackId(step),
    title: plainText(DIALOG_TITLE, LIMITS.modalTitle),
    submit: plainText(step === 'review' ? 'Submit order' : 'Next', LIMITS.modalButton),
    close: plainText('Cancel', LIMITS.modalButton),
    private_metadata: encodeDraft(draft),
    blocks: [...top, ...blocks, ...nav],
  };
}

/** The line's title and editions, with its Remove button. */
function lineSection(key: number, publicationId: string, publication: Publication | undefined): Block {
  const text = publication
    ? `*${escapeMrkdwn(truncate(publication.title, TITLE_MAX))}*\n${publication.year} · ${
        publication.languages.length === 1 ? `${languageName(publication.languages[0] ?? '')} edition` : `editions: ${languageNames(publication)}`
      }`
    : `*${escapeMrkdwn(publicationId)}*\n_This title is no longer in the catalogue: remove it._`;
  return { ...section(text, button({ text: 'Remove', actionId: ORDER_ACTION.removeLine, value: String(key) })), block_id: ORDER_BLOCK.line(key) };
}

/**
 * What the first step says about the words typed after `/handbooks order` (or an order request in words):
 * the title pre-selected for them with the copies and edition filled in (which the person can change or
 * remove), and what could not be filled in as asked; or that they fit several titles or none.
 */
export function preselectionNotice(words: string, preselection: OrderPreselection, request: OrderRequest): StepNotice {
  const typed = `"${plainEcho(truncate(words.trim(), TYPED_WORDS_SHOWN))}"`;
  if ('publication' in preselection) {
    const warnings = orderRequestWarnings(preselection.publication, request).map((w) => `\n:warning: ${w}`);
    return { info: `For ${typed} I added ${orderedText(preselection.publication, request)}. Not the one you meant? *Remove* it and search below.${warnings.join('')}` };
  }
  if (preselection.matches > 1) return `${typed} fits ${preselection.matches} titles: search below for the one you want.`;
  return `${typed} matched no title: search below for the publication you want.`;
}

/** Step 1: a line per title (quantity, and edition where there are several) and the searchable select that adds titles. */
export function itemsStepView(draft: OrderDraftState, lookup: PublicationLookup, notice?: StepNotice): types.ModalView {
  const blocks: Block[] = [];
  for (const line of draft.lines) {
    const publication = lookup(line.publicationId);
    blocks.push(lineSection(line.key, line.publicationId, publication));
    const quantity: types.NumberInput = { type: 'number_input', action_id: ORDER_ACTION.quantity, is_decimal_allowed: false };
    if (/^\d{1,9}$/.test(line.quantity)) quantity.initial_value = line.quantity;
    blocks.push(input(ORDER_BLOCK.quantity(line.key), 'Copies', quantity, { hint: `A whole number from 1 to ${MAX_QUANTITY}.` }));
    if (publication && publication.languages.length > 1) {
      const editions = publication.languages.map((lang) => option(languageName(lang), lang));
      const select: types.StaticSelect = {
        type: 'static_select',
        action_id: ORDER_ACTION.language,
        placeholder: plainText('Choose an edition', LIMITS.placeholder),
        options: editions,
      };
      const chosen = editions.find((o) => o.value === line.language);
      if (chosen) select.initial_option = chosen;
      blocks.push(input(ORDER_BLOCK.language(line.key), 'Language edition', select));
    }
  }
  if (draft.lines.length < MAX_ORDER_LINES) {
    const add: types.ExternalSelect = {
      type: 'external_select',
      action_id: ORDER_ACTION.addPublication,
      placeholder: plainText('Type part of a title or a topic', LIMITS.placeholder),
      min_query_length: 0,
    };
    blocks.push(
      input(ORDER_BLOCK.add(draft.nextKey), draft.lines.length === 0 ? 'Publication' : 'Add another publication', add, {
        optional: true,
        dispatch: true,
        hint: `Choose a title to add it to the order (up to ${MAX_ORDER_LINES} lines).`,
      }),
    );
  } else {
    blocks.push(context(`An order has at most ${MAX_ORDER_LINES} lines.`));
  }
  return stepModal('items', draft, blocks, notice);
}

/** Step 2: delivery address and contact, as on the ORDER FORM. */
export function deliveryStepView(draft: OrderDraftState, notice?: string): types.ModalView {
  const values = draft.delivery;
  const blocks: Block[] = [context('Where the copies go and how the Publications Unit can reach you. Only you and the order admins see these details.')];
  for (const spec of DELIVERY_INPUTS) {
    const element: types.PlainTextInput = { type: 'plain_text_input', action_id: spec.field, max_length: spec.maxLength };
    if (spec.multiline) element.multiline = true;
    const value = values?.[spec.field];
    if (value) element.initial_value = value.slice(0, spec.maxLength);
    blocks.push(input(ORDER_BLOCK.field(spec.field), spec.label, element, { optional: spec.optional ?? false, ...(spec.hint ? { hint: spec.hint } : {}) }));
    if (spec.field === 'address') {
      const country: types.StaticSelect = {
        type: 'static_select',
        action_id: 'country',
        placeholder: plainText('Choose a country', LIMITS.placeholder),
        option_groups: COUNTRY_GROUPS,
      };
      const chosen = COUNTRY_OPTIONS.find((o) => o.value === values?.country);
      if (chosen) country.initial_option = chosen;
      blocks.push(input(ORDER_BLOCK.field('country'), 'Country', country));
    }
  }
  return stepModal('delivery', draft, blocks, notice);
}

/** Step 3: currency and payment method. */
export function paymentStepView(draft: OrderDraftState, notice?: string): types.ModalView {
  const radio = (actionId: string, options: types.PlainTextOption[], selected: string): types.RadioButtons => {
    const element: types.RadioButtons = { type: 'radio_buttons', action_id: actionId, options };
    const chosen = options.find((o) => o.value === selected);
    if (chosen) element.initial_option = chosen;
    return element;
  };
  const blocks: Block[] = [
    input(ORDER_BLOCK.field('currency'), 'Currency', radio('currency', CURRENCIES.map((c) => option(CURRENCY_NAMES[c], c)), draft.payment.currency)),
    input(ORDER_BLOCK.field('method'), 'Payment method', radio('method', PAYMENT_METHODS.map((m) => option(PAYMENT_METHOD_LABELS[m], m)), draft.payment.method)),
    context('Prices are those the catalogue records in the chosen currency; the Publications Unit confirms the others, and shipping costs and bank transfer fees come on top.'),
  ];
  return stepModal('payment', draft, blocks, notice);
}

/** Step 4: the order as the ORDER FORM shows it, then Submit. */
export function reviewStepView(draft: OrderDraftState, order: OrderFormContent, notice?: string): types.ModalView {
  const blocks: Block[] = [
    section('Please check your order. Nothing is sent until you click *Submit order*.'),
    ...orderFormBlocks(order, { delivery: true }),
  ];
  return stepModal('review', draft, blocks, notice);
}

/** Shown once the order is stored: its reference and what happens next (`channelReady`: see orderWhereabouts). */
export function orderDoneView(order: Order, channelReady: boolean): types.ModalView {
  return {
    type: 'modal',
    callback_id: ORDER_CALLBACK.done,
    title: plainText('Order received', LIMITS.modalTitle),
    close: plainText('Done', LIMITS.modalButton),
    blocks: [
      section(`*Thank you.* ${orderWhereabouts(order.reference, channelReady)}.`),
      context(escapeMrkdwn(orderSummary(order.pricing))),
      section(
        'I will send you a direct message with the whole order and a prepared e-mail, and another each time its status changes. ' +
          '`/handbooks orders` lists your orders.',
      ),
    ],
  };
}

/** Where the order message of a cancel request is, carried in the cancel modal's private_metadata. */
export interface CancelTarget {
  reference: string;
  channel: string;
  ts: string;
}

/** Asks an admin why the order is cancelled (the reason is kept and told to the requester). */
export function cancelReasonView(target: CancelTarget): types.ModalView {
  return {
    type: 'modal',
    callback_id: ORDER_CALLBACK.cancel,
    title: plainText('Cancel order', LIMITS.modalTitle),
    submit: plainText('Cancel order', LIMITS.modalButton),
    close: plainText('Keep order', LIMITS.modalButton),
    private_metadata: JSON.stringify(target),
    blocks: [
      section(`Cancel order *${target.reference}*? The requester is told, with your reason.`),
      input(ORDER_BLOCK.reason, 'Reason', { type: 'plain_text_input', action_id: ORDER_ACTION.reason, multiline: true, max_length: MAX_REASON_LENGTH }),
    ],
  };
}

/** The step whose fields a validator's field key belongs to. */
export function stepOfField(key: string): OrderStep {
  if (key === 'items' || key.startsWith('items.')) return 'items';
  if (key === 'currency' || key === 'method') return 'payment';
  return 'delivery';
}

/** The input block under which the error for field `key` shows in the view of its step. */
function errorBlock(draft: OrderDraftState, lookup: PublicationLookup, key: string): string {
  const firstLine = draft.lines[0];
  const listBlock = draft.lines.length < MAX_ORDER_LINES || !firstLine ? ORDER_BLOCK.add(draft.nextKey) : ORDER_BLOCK.quantity(firstLine.key);
  const match = /^items\.(\d+)\.(\w+)$/.exec(key);
  if (match) {
    const line = draft.lines[Number(match[1])];
    if (!line) return listBlock;
    const hasEditionSelect = (lookup(line.publicationId)?.languages.length ?? 0) > 1;
    return match[2] === 'language' && hasEditionSelect ? ORDER_BLOCK.language(line.key) : ORDER_BLOCK.quantity(line.key);
  }
  if (key === 'items') return listBlock;
  return ORDER_BLOCK.field(key);
}

/** The validators' errors as `response_action: 'errors'` wants them: block id → message (messages for one block joined). */
export function stepErrors(draft: OrderDraftState, lookup: PublicationLookup, errors: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const block = errorBlock(draft, lookup, key);
    out[block] = out[block] ? `${out[block]}; ${message}` : message;
  }
  return out;
}
