/**
 * The order dialog's draft: everything the person has entered so far, step by step, carried in the modal's
 * `private_metadata` (at most 3000 characters) as a compact JSON array. Nothing is kept on the server until
 * the order is submitted, so a restart of the app loses no one's entries. Values are kept as typed: the
 * order module's validators judge them at each step and again at submission.
 *
 * Also reads what the person typed from a view's `state.values` into the draft (block ids: ./blocks/order-ids.ts).
 */
import { z } from 'zod';
import type { Publication } from '../catalogue/schema.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { MAX_ORDER_LINES, type OrderDraftInput } from '../orders/schema.js';
import { ORDER_ACTION, ORDER_BLOCK } from './blocks/order-ids.js';
import { LIMITS } from './mrkdwn.js';

export const ORDER_STEPS = ['items', 'delivery', 'payment', 'review'] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

/** The delivery fields, in the order of the form (keys of the order module's delivery schema). */
export const DELIVERY_FIELDS = ['name', 'address', 'country', 'city', 'postalCode', 'telephone', 'email'] as const;
export type DeliveryField = (typeof DELIVERY_FIELDS)[number];

/** One line as entered: `key` identifies it for the whole dialog, even when lines before it are removed. */
export interface DraftLine {
  key: number;
  publicationId: string;
  /** As typed ('' when empty). */
  quantity: string;
  /** ISO 639-1 code of the chosen edition, or null when none was chosen. */
  language: string | null;
}

export interface OrderDraftState {
  lines: DraftLine[];
  /** Key of the next line added. */
  nextKey: number;
  /** Delivery values as typed; null until the delivery step is first shown (then pre-filled from the Slack profile). */
  delivery: Record<DeliveryField, string> | null;
  payment: { currency: string; method: string };
  /** The language the dialog opened in, kept for every step (absent in drafts from before languages). */
  locale?: Locale;
  /** The pricesKey of the prices the review showed, once it has; Submit refuses other prices. */
  reviewedPrices?: string;
}

/** The draft would not fit in private_metadata (only with extraordinarily long entries). */
export class DraftTooLargeError extends Error {
  constructor(readonly length: number) {
    super(`order draft of ${length} characters does not fit private_metadata`);
    this.name = 'DraftTooLargeError';
  }
}

/** Longest quantity kept as typed: longer ones are no valid quantity anyway. */
const MAX_QUANTITY_TEXT = 10;
const FORMAT_VERSION = 1;

/** What an order request in words fills in on its title's line: copies and the language edition. */
export interface LinePrefill {
  quantity?: number;
  /** ISO 639-1 code; used only when the title has that edition. */
  language?: string;
}

/**
 * A new draft in the dialog's language, with a line for `publication` when the dialog starts from a title:
 * one copy, or what `prefill` says (the edition only when the title has it), which the person can change in
 * the dialog.
 */
export function newDraft(locale: Locale, publication?: Publication, prefill: LinePrefill = {}): OrderDraftState {
  const draft: OrderDraftState = { lines: [], nextKey: 1, delivery: null, payment: { currency: '', method: '' }, locale };
  if (!publication) return draft;
  const withLine = addLine(draft, publication);
  return {
    ...withLine,
    lines: withLine.lines.map((line) => ({
      ...line,
      ...(prefill.quantity !== undefined ? { quantity: String(prefill.quantity).slice(0, MAX_QUANTITY_TEXT) } : {}),
      ...(prefill.language !== undefined && publication.languages.includes(prefill.language) ? { language: prefill.language } : {}),
    })),
  };
}

/**
 * The draft with a line for `publication` added (one copy; the edition preset only when the title has one).
 * A title with a single edition that is already on the order is not added twice.
 */
export function addLine(draft: OrderDraftState, publication: Publication): OrderDraftState {
  const single = publication.languages.length === 1;
  if (draft.lines.length >= MAX_ORDER_LINES) return draft;
  if (single && draft.lines.some((l) => l.publicationId === publication.id)) return draft;
  const line: DraftLine = { key: draft.nextKey, publicationId: publication.id, quantity: '1', language: single ? (publication.languages[0] ?? null) : null };
  return { ...draft, lines: [...draft.lines, line], nextKey: draft.nextKey + 1 };
}

/** The draft without the line `key`. */
export function removeLine(draft: OrderDraftState, key: number): OrderDraftState {
  return { ...draft, lines: draft.lines.filter((l) => l.key !== key) };
}

/** The draft as the order module's validators and store take it. */
export function draftInput(draft: OrderDraftState): OrderDraftInput {
  return {
    items: draft.lines.map((l) => ({ publicationId: l.publicationId, quantity: l.quantity, language: l.language })),
    delivery: draft.delivery ?? {},
    payment: { currency: draft.payment.currency || undefined, method: draft.payment.method || undefined },
  };
}

/** The draft as private_metadata; throws DraftTooLargeError when it would not fit. */
export function encodeDraft(draft: OrderDraftState): string {
  const text = JSON.stringify([
    FORMAT_VERSION,
    draft.nextKey,
    draft.lines.map((l) => [l.key, l.publicationId, l.quantity, l.language ?? 0]),
    draft.delivery === null ? 0 : DELIVERY_FIELDS.map((f) => draft.delivery?.[f] ?? ''),
    [draft.payment.currency, draft.payment.method],
    ...(draft.locale ? [draft.locale, ...(draft.reviewedPrices !== undefined ? [draft.reviewedPrices] : [])] : []),
  ]);
  if (text.length > LIMITS.privateMetadata) throw new DraftTooLargeError(text.length);
  return text;
}

/** What every encoded draft holds: version, next key, lines, delivery, payment (then the locale and the reviewed prices' key, when set). */
const DRAFT_FIELDS = [
  z.literal(FORMAT_VERSION),
  z.number().int().positive(),
  z.array(z.tuple([z.number().int().positive(), z.string(), z.string(), z.union([z.string(), z.literal(0)])])).max(MAX_ORDER_LINES),
  z.union([z.literal(0), z.array(z.string()).length(DELIVERY_FIELDS.length)]),
  z.tuple([z.string(), z.string()]),
] as const;

const encodedSchema = z.union([
  z.tuple([...DRAFT_FIELDS]),
  z.tuple([...DRAFT_FIELDS, z.enum(LOCALES)]),
  z.tuple([...DRAFT_FIELDS, z.enum(LOCALES), z.string().regex(/^[0-9a-f]{8}$/)]),
]);

/** The draft carried in private_metadata; undefined when the text is not a draft of this format. */
export function decodeDraft(text: string): OrderDraftState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = encodedSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const [, nextKey, lines, delivery, [currency, method], locale, reviewedPrices] = parsed.data;
  return {
    ...(locale ? { locale } : {}),
    ...(reviewedPrices !== undefined ? { reviewedPrices } : {}),
    nextKey,
    lines: lines.map(([key, publicationId, quantity, language]) => ({ key, publicationId, quantity, language: language === 0 ? null : language })),
    delivery: delivery === 0 ? null : (Object.fromEntries(DELIVERY_FIELDS.map((f, i) => [f, delivery[i] ?? ''])) as Record<DeliveryField, string>),
    payment: { currency, method },
  };
}

/** A view's `state.values` as Slack sends it: block id → action id → the element's state. */
export type ViewStateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>;

/** What the element `actionId` in block `blockId` holds: its text or chosen option; undefined when the block is not in the view. */
function entered(values: ViewStateValues, blockId: string, actionId: string): string | undefined {
  const state = values[blockId]?.[actionId];
  if (state === undefined) return undefined;
  if ('selected_option' in state) return state.selected_option?.value ?? '';
  return state.value ?? '';
}

/** The draft with what the person entered in the view of `step` (blocks not in the view leave the draft as it was). */
export function withEnteredValues(draft: OrderDraftState, step: OrderStep, values: ViewStateValues): OrderDraftState {
  switch (step) {
    case 'items':
      return {
        ...draft,
        lines: draft.lines.map((line) => {
          const quantity = entered(values, ORDER_BLOCK.quantity(line.key), ORDER_ACTION.quantity);
          const language = entered(values, ORDER_BLOCK.language(line.key), ORDER_ACTION.language);
          return {
            ...line,
            quantity: quantity === undefined ? line.quantity : quantity.trim().slice(0, MAX_QUANTITY_TEXT),
            language: language === undefined ? line.language : language || null,
          };
        }),
      };
    case 'delivery': {
      const before = draft.delivery ?? emptyDelivery();
      const delivery = Object.fromEntries(DELIVERY_FIELDS.map((f) => [f, entered(values, ORDER_BLOCK.field(f), f) ?? before[f]]));
      return { ...draft, delivery: delivery as Record<DeliveryField, string> };
    }
    case 'payment':
      return {
        ...draft,
        payment: {
          currency: entered(values, ORDER_BLOCK.field('currency'), 'currency') ?? draft.payment.currency,
          method: entered(values, ORDER_BLOCK.field('method'), 'method') ?? draft.payment.method,
        },
      };
    case 'review':
      return draft;
  }
}

/** Delivery with every field empty. */
export function emptyDelivery(): Record<DeliveryField, string> {
  return { name: '', address: '', country: '', city: '', postalCode: '', telephone: '', email: '' };
}
