/**
 * The order dialog's modal views, one per step (publications and quantities → delivery and contact →
 * payment → review), the confirmation once stored, and the modal asking why an order is cancelled. Each
 * step view carries the draft in private_metadata (see ../order-draft.ts) and has a Back button after the
 * first. `stepErrors` maps the order validators' field keys to the block under which Slack shows them.
 */
import type { types } from '@slack/bolt';
import type { Publication } from '../../catalogue/schema.js';
import type { OrderRequest } from '../../conversation/order-request.js';
import type { Locale } from '../../i18n/locales.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { capitalise, type Translator } from '../../i18n/translator.js';
import { COUNTRIES } from '../../orders/countries.js';
import type { Order, OrderFormContent } from '../../orders/order.js';
import { PAYMENT_METHOD_KEYS } from '../../orders/order-form.js';
import { MAX_LENGTHS, MAX_ORDER_LINES, MAX_QUANTITY, PAYMENT_METHODS, type FieldErrorCode } from '../../orders/schema.js';
import { MAX_REASON_LENGTH } from '../../orders/status.js';
import type { FieldError, FieldErrors } from '../../orders/validate.js';
import { CURRENCIES } from '../../catalogue/schema.js';
import { escapeMrkdwn, LIMITS, plainEcho, truncate } from '../mrkdwn.js';
import { encodeDraft, ORDER_STEPS, type DeliveryField, type OrderDraftState, type OrderStep } from '../order-draft.js';
import { actions, button, context, input, option, plainText, section, type Block } from './kit.js';
import { ORDER_ACTION, ORDER_BLOCK, ORDER_CALLBACK, stepCallbackId } from './order-ids.js';
import type { OrderPreselection } from './order-options.js';
import { orderedText, orderRequestWarnings } from './conversation.js';
import { orderFormBlocks, orderSummary } from './order-form.js';
import { orderWhereabouts } from './order-messages.js';
import { editionName, languageNames, TITLE_MAX } from './publication.js';

/** A line of mrkdwn at the top of a step: a warning, or with `info` a plain note (such as which title was pre-selected). */
export type StepNotice = string | { info: string };

/** How much of the words typed after `/handbooks order` a notice repeats. */
const TYPED_WORDS_SHOWN = 100;

/** Looks a publication up by id (the search engine's `get`). */
export type PublicationLookup = (id: string) => Publication | undefined;

const STEP_TITLES = {
  items: 'order.stepItems',
  delivery: 'order.stepDelivery',
  payment: 'order.stepPayment',
  review: 'order.stepReview',
} as const satisfies Record<OrderStep, MessageKey>;

const CURRENCY_NAMES = {
  CHF: 'order.currencyCHF',
  EUR: 'order.currencyEUR',
  USD: 'order.currencyUSD',
} as const satisfies Record<(typeof CURRENCIES)[number], MessageKey>;

const DELIVERY_INPUTS: readonly { field: DeliveryField; label: MessageKey; maxLength: number; multiline?: boolean; optional?: boolean; hint?: MessageKey }[] = [
  { field: 'name', label: 'order.name', maxLength: MAX_LENGTHS.name, hint: 'order.nameHint' },
  { field: 'address', label: 'order.address', maxLength: MAX_LENGTHS.address, multiline: true, hint: 'order.addressHint' },
  { field: 'city', label: 'order.city', maxLength: MAX_LENGTHS.city },
  { field: 'postalCode', label: 'order.postalCode', maxLength: MAX_LENGTHS.postalCode, optional: true },
  { field: 'telephone', label: 'order.telephone', maxLength: MAX_LENGTHS.telephone, hint: 'order.telephoneHint' },
  { field: 'email', label: 'order.email', maxLength: MAX_LENGTHS.email },
];

/** Accent-free upper-case first letter, for grouping names (Å → A). */
function initial(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
}

/** Countries in one language, grouped by initial: more than 100 countries fit a static select as option groups of at most 100. */
interface CountryChoices {
  groups: { label: types.PlainTextElement; options: types.PlainTextOption[] }[];
  options: types.PlainTextOption[];
}

const countryChoicesByLocale = new Map<Locale, CountryChoices>();

/** The country select's options in the reader's language, sorted as that language sorts (made once per language). */
function countryChoices(t: Translator): CountryChoices {
  const known = countryChoicesByLocale.get(t.locale);
  if (known) return known;
  const named = COUNTRIES.map((c) => ({ code: c.code, name: t.country(c.code) })).sort((a, b) => a.name.localeCompare(b.name, t.locale));
  const groups = new Map<string, types.PlainTextOption[]>();
  for (const c of named) {
    const letter = initial(c.name);
    groups.set(letter, [...(groups.get(letter) ?? []), option(c.name, c.code)]);
  }
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b, t.locale)).map(([letter, options]) => ({ label: plainText(letter, LIMITS.optionText), options }));
  const choices = { groups: sorted, options: sorted.flatMap((g) => g.options) };
  countryChoicesByLocale.set(t.locale, choices);
  return choices;
}

function stepModal(step: OrderStep, draft: OrderDraftState, blocks: Block[], notice: StepNotice | undefined, t: Translator): types.ModalView {
  const number = ORDER_STEPS.indexOf(step) + 1;
  const top: Block[] = [context(t('order.step', { number, total: ORDER_STEPS.length, title: t(STEP_TITLES[step]) }))];
  if (typeof notice === 'object') top.push(section(notice.info));
  else if (notice) top.push(section(`:warning: ${notice}`));
  const nav: Block[] = number > 1 ? [{ ...actions([button({ text: t('order.back'), actionId: ORDER_ACTION.back })]), block_id: ORDER_BLOCK.nav }] : [];
  return {
    type: 'modal',
    callback_id: stepCallbackId(step),
    title: plainText(t('modal.order'), LIMITS.modalTitle),
    submit: plainText(step === 'review' ? t('modal.submitOrder') : t('modal.next'), LIMITS.modalButton),
    close: plainText(t('modal.cancel'), LIMITS.modalButton),
    private_metadata: encodeDraft(draft),
    blocks: [...top, ...blocks, ...nav],
  };
}

/** The line's title and editions, with its Remove button. */
function lineSection(key: number, publicationId: string, publication: Publication | undefined, t: Translator): Block {
  const text = publication
    ? `*${escapeMrkdwn(truncate(publication.title, TITLE_MAX))}*\n${publication.year} · ${
        publication.languages.length === 1
          ? t('order.edition', { language: editionName(publication, publication.languages[0] ?? '', t) })
          : t('order.editions', { languages: languageNames(publication, t) })
      }`
    : `*${escapeMrkdwn(publicationId)}*\n${t('order.lineGone')}`;
  return { ...section(text, button({ text: t('order.remove'), actionId: ORDER_ACTION.removeLine, value: String(key) })), block_id: ORDER_BLOCK.line(key) };
}

/**
 * What the first step says about the words typed after `/handbooks order` (or an order request in words):
 * the title pre-selected for them with the copies and edition filled in (which the person can change or
 * remove), and what could not be filled in as asked; or that they fit several titles or none.
 */
export function preselectionNotice(words: string, preselection: OrderPreselection, request: OrderRequest, t: Translator): StepNotice {
  const typed = t('common.quoted', { text: plainEcho(truncate(words.trim(), TYPED_WORDS_SHOWN)) });
  if ('publication' in preselection) {
    const warnings = orderRequestWarnings(preselection.publication, request, t).map((w) => `\n:warning: ${w}`);
    return { info: `${t('order.preselected', { typed, what: orderedText(preselection.publication, request, t) })}${warnings.join('')}` };
  }
  if (preselection.matches > 1) return t('order.preselectedMany', { typed, count: preselection.matches });
  return t('order.preselectedNone', { typed });
}

/** Step 1: a line per title (quantity, and edition where there are several) and the searchable select that adds titles. */
export function itemsStepView(draft: OrderDraftState, lookup: PublicationLookup, t: Translator, notice?: StepNotice): types.ModalView {
  const blocks: Block[] = [];
  for (const line of draft.lines) {
    const publication = lookup(line.publicationId);
    blocks.push(lineSection(line.key, line.publicationId, publication, t));
    const quantity: types.NumberInput = { type: 'number_input', action_id: ORDER_ACTION.quantity, is_decimal_allowed: false };
    if (/^\d{1,9}$/.test(line.quantity)) quantity.initial_value = line.quantity;
    blocks.push(input(ORDER_BLOCK.quantity(line.key), t('order.copies'), quantity, { hint: t('order.copiesHint', { max: MAX_QUANTITY }) }));
    if (publication && publication.languages.length > 1) {
      const editions = publication.languages.map((lang) => option(capitalise(editionName(publication, lang, t), t.locale), lang));
      const select: types.StaticSelect = {
        type: 'static_select',
        action_id: ORDER_ACTION.language,
        placeholder: plainText(t('order.editionPlaceholder'), LIMITS.placeholder),
        options: editions,
      };
      const chosen = editions.find((o) => o.value === line.language);
      if (chosen) select.initial_option = chosen;
      blocks.push(input(ORDER_BLOCK.language(line.key), t('order.editionLabel'), select));
    }
  }
  if (draft.lines.length < MAX_ORDER_LINES) {
    const add: types.ExternalSelect = {
      type: 'external_select',
      action_id: ORDER_ACTION.addPublication,
      placeholder: plainText(t('order.addPlaceholder'), LIMITS.placeholder),
      min_query_length: 0,
    };
    blocks.push(
      input(ORDER_BLOCK.add(draft.nextKey), draft.lines.length === 0 ? t('order.publication') : t('order.addAnother'), add, {
        optional: true,
        dispatch: true,
        hint: t('order.addHint', { max: MAX_ORDER_LINES }),
      }),
    );
  } else {
    blocks.push(context(t('order.maxLines', { max: MAX_ORDER_LINES })));
  }
  return stepModal('items', draft, blocks, notice, t);
}

/** Step 2: delivery address and contact, as on the ORDER FORM. */
export function deliveryStepView(draft: OrderDraftState, t: Translator, notice?: string): types.ModalView {
  const values = draft.delivery;
  const countries = countryChoices(t);
  const blocks: Block[] = [context(t('order.deliveryIntro'))];
  for (const spec of DELIVERY_INPUTS) {
    const element: types.PlainTextInput = { type: 'plain_text_input', action_id: spec.field, max_length: spec.maxLength };
    if (spec.multiline) element.multiline = true;
    const value = values?.[spec.field];
    if (value) element.initial_value = value.slice(0, spec.maxLength);
    blocks.push(input(ORDER_BLOCK.field(spec.field), t(spec.label), element, { optional: spec.optional ?? false, ...(spec.hint ? { hint: t(spec.hint) } : {}) }));
    if (spec.field === 'address') {
      const country: types.StaticSelect = {
        type: 'static_select',
        action_id: 'country',
        placeholder: plainText(t('order.countryPlaceholder'), LIMITS.placeholder),
        option_groups: countries.groups,
      };
      const chosen = countries.options.find((o) => o.value === values?.country);
      if (chosen) country.initial_option = chosen;
      blocks.push(input(ORDER_BLOCK.field('country'), t('order.country'), country));
    }
  }
  return stepModal('delivery', draft, blocks, notice, t);
}

/** Step 3: currency and payment method. */
export function paymentStepView(draft: OrderDraftState, t: Translator, notice?: string): types.ModalView {
  const radio = (actionId: string, options: types.PlainTextOption[], selected: string): types.RadioButtons => {
    const element: types.RadioButtons = { type: 'radio_buttons', action_id: actionId, options };
    const chosen = options.find((o) => o.value === selected);
    if (chosen) element.initial_option = chosen;
    return element;
  };
  const blocks: Block[] = [
    input(ORDER_BLOCK.field('currency'), t('order.currency'), radio('currency', CURRENCIES.map((c) => option(t(CURRENCY_NAMES[c]), c)), draft.payment.currency)),
    input(ORDER_BLOCK.field('method'), t('order.method'), radio('method', PAYMENT_METHODS.map((m) => option(t(PAYMENT_METHOD_KEYS[m]), m)), draft.payment.method)),
    context(t('order.pricesNote')),
  ];
  return stepModal('payment', draft, blocks, notice, t);
}

/** Step 4: the order as the ORDER FORM shows it, then Submit. */
export function reviewStepView(draft: OrderDraftState, order: OrderFormContent, t: Translator, notice?: string): types.ModalView {
  const blocks: Block[] = [section(t('order.reviewIntro')), ...orderFormBlocks(order, { delivery: true }, t)];
  return stepModal('review', draft, blocks, notice, t);
}

/** Shown once the order is stored: its reference and what happens next (`channelReady`: see orderWhereabouts). */
export function orderDoneView(order: Order, channelReady: boolean, t: Translator): types.ModalView {
  return {
    type: 'modal',
    callback_id: ORDER_CALLBACK.done,
    title: plainText(t('modal.orderReceived'), LIMITS.modalTitle),
    close: plainText(t('modal.done'), LIMITS.modalButton),
    blocks: [
      section(t('order.thanks', { whereabouts: orderWhereabouts(order.reference, channelReady, t) })),
      context(escapeMrkdwn(orderSummary(order.pricing, t))),
      section(t('order.doneNext')),
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
export function cancelReasonView(target: CancelTarget, t: Translator): types.ModalView {
  return {
    type: 'modal',
    callback_id: ORDER_CALLBACK.cancel,
    title: plainText(t('modal.cancelOrder'), LIMITS.modalTitle),
    submit: plainText(t('modal.cancelOrder'), LIMITS.modalButton),
    close: plainText(t('modal.keepOrder'), LIMITS.modalButton),
    private_metadata: JSON.stringify(target),
    blocks: [
      section(t('order.cancelQuestion', { reference: target.reference })),
      input(ORDER_BLOCK.reason, t('order.reason'), { type: 'plain_text_input', action_id: ORDER_ACTION.reason, multiline: true, max_length: MAX_REASON_LENGTH }),
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
export function errorBlock(draft: OrderDraftState, lookup: PublicationLookup, key: string): string {
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

/** A title in quotes, cut to a length that fits under a form field. */
function quotedTitle(title: string | undefined, t: Translator): string {
  return t('common.quoted', { text: truncate(title ?? '', 60) });
}

/** What each validation error says, in the reader's language (limits from the order rules). */
const FIELD_ERROR_TEXT: Readonly<Record<FieldErrorCode, (error: FieldError, t: Translator) => string>> = {
  items: (_, t) => t('error.items'),
  tooManyItems: (_, t) => t('error.tooManyItems', { max: MAX_ORDER_LINES }),
  publication: (_, t) => t('error.publication'),
  quantity: (_, t) => t('error.quantity', { max: MAX_QUANTITY }),
  language: (_, t) => t('error.language'),
  name: (_, t) => t('error.name'),
  nameTooLong: (_, t) => t('error.nameTooLong', { max: MAX_LENGTHS.name }),
  address: (_, t) => t('error.address'),
  addressTooLong: (_, t) => t('error.addressTooLong', { max: MAX_LENGTHS.address, lines: MAX_LENGTHS.addressLines }),
  country: (_, t) => t('error.country'),
  city: (_, t) => t('error.city'),
  cityTooLong: (_, t) => t('error.cityTooLong', { max: MAX_LENGTHS.city }),
  postalCode: (_, t) => t('error.postalCode'),
  telephone: (_, t) => t('error.telephone'),
  email: (_, t) => t('error.email'),
  currency: (_, t) => t('error.currency'),
  method: (_, t) => t('error.method'),
  titleGone: (e, t) => t('error.titleGone', { title: quotedTitle(e.title, t) }),
  chooseEdition: (e, t) => t('error.chooseEdition', { title: quotedTitle(e.title, t) }),
  notPublishedIn: (e, t) =>
    t('error.notPublishedIn', {
      title: quotedTitle(e.title, t),
      language: t.language(e.language ?? ''),
      offered: t.list((e.languages ?? []).map((l) => t.language(l)), 'disjunction'),
    }),
  duplicateLine: (e, t) => t('error.duplicateLine', { title: quotedTitle(e.title, t), language: t.language(e.language ?? '') }),
};

/** A validation error as a sentence for the person, in the reader's language. */
export function fieldErrorText(error: FieldError, t: Translator): string {
  return FIELD_ERROR_TEXT[error.code](error, t);
}

/** The validators' errors as `response_action: 'errors'` wants them: block id → message (messages for one block joined). */
export function stepErrors(draft: OrderDraftState, lookup: PublicationLookup, errors: FieldErrors, t: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, error] of Object.entries(errors)) {
    const message = fieldErrorText(error, t);
    const block = errorBlock(draft, lookup, key);
    out[block] = out[block] ? `${out[block]}; ${message}` : message;
  }
  return out;
}
