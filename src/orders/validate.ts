/**
 * Validation for the order dialog: each step, and the whole order, either parses or yields errors keyed
 * by stable field names, each saying what is wrong as a code (FieldErrorCode) and the title and editions
 * concerned, which the surfaces turn into a message in the person's language.
 *
 * Field keys: `items` (the list as a whole), `items.<i>.publicationId`, `items.<i>.quantity`,
 * `items.<i>.language` (i counts from 0 in the order given); `name`, `address`, `country`, `city`,
 * `postalCode`, `telephone`, `email`; `currency`, `method`. Each key carries one error, the first found.
 */
import type { z } from 'zod';
import type { Publication } from '../catalogue/schema.js';
import {
  MAX_ORDER_LINES,
  deliverySchema,
  orderItemInputSchema,
  paymentSchema,
  type Delivery,
  type FieldErrorCode,
  type OrderDraft,
  type OrderDraftInput,
  type OrderItem,
  type Payment,
} from './schema.js';

/** What is wrong with a field: its code, and for the catalogue checks the title and editions concerned. */
export interface FieldError {
  code: FieldErrorCode;
  /** The title concerned, as the catalogue (or the dialog, for a title no longer listed) gives it. */
  title?: string;
  /** The edition concerned, an ISO 639-1 code. */
  language?: string;
  /** The editions the title has, for `notPublishedIn`. */
  languages?: readonly string[];
}

/** Errors by field key, e.g. `{ 'items.0.quantity': { code: 'quantity' }, email: { code: 'email' } }`. */
export type FieldErrors = Readonly<Record<string, FieldError>>;

/** The parsed value, or the errors to show. */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Thrown by the order store when a submitted order does not validate; carries the field errors. */
export class OrderValidationError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`order is not valid: ${Object.keys(errors).join(', ')}`);
    this.name = 'OrderValidationError';
  }
}

function addIssues(errors: Record<string, FieldError>, issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[]): void {
  for (const issue of issues) {
    const key = [...prefix, ...issue.path].map(String).join('.');
    // Every schema check gives its FieldErrorCode as the message (see schema.ts).
    errors[key] ??= { code: issue.message as FieldErrorCode };
  }
}

function result<T>(errors: Record<string, FieldError>, value: () => T): Validation<T> {
  return Object.keys(errors).length === 0 ? { ok: true, value: value() } : { ok: false, errors };
}

/**
 * Step 1: the publications and quantities. Checks each line's fields, then against `catalogue`: the title
 * must still be listed, the edition must be one it has (a title with one edition needs none given), and
 * the same title and edition may appear only once.
 */
export function validateItems(input: unknown, catalogue: readonly Publication[]): Validation<OrderItem[]> {
  const errors: Record<string, FieldError> = {};
  if (!Array.isArray(input) || input.length === 0) return { ok: false, errors: { items: { code: 'items' } } };
  if (input.length > MAX_ORDER_LINES) return { ok: false, errors: { items: { code: 'tooManyItems' } } };

  const byId = new Map(catalogue.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const items: OrderItem[] = [];
  input.forEach((raw: unknown, i) => {
    const parsed = orderItemInputSchema.safeParse(raw);
    if (!parsed.success) {
      addIssues(errors, parsed.error.issues, ['items', i]);
      return;
    }
    const { publicationId, quantity, language, title } = parsed.data;
    const publication = byId.get(publicationId);
    if (!publication) {
      errors[`items.${i}.publicationId`] = { code: 'titleGone', title: title ?? publicationId };
      return;
    }
    const edition = language ?? (publication.languages.length === 1 ? publication.languages[0] : undefined);
    if (edition === undefined) {
      errors[`items.${i}.language`] = { code: 'chooseEdition', title: publication.title };
      return;
    }
    if (!publication.languages.includes(edition)) {
      errors[`items.${i}.language`] = { code: 'notPublishedIn', title: publication.title, language: edition, languages: publication.languages };
      return;
    }
    const lineKey = `${publication.id}\u0000${edition}`;
    if (seen.has(lineKey)) {
      errors[`items.${i}.publicationId`] = { code: 'duplicateLine', title: publication.title, language: edition };
      return;
    }
    seen.add(lineKey);
    items.push({ publicationId: publication.id, title: publication.title, language: edition, quantity });
  });
  return result(errors, () => items);
}

/** Parses one step's values with its schema, turning issues into field errors. */
function validateStep<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, FieldError> = {};
  addIssues(errors, parsed.error.issues, []);
  return { ok: false, errors };
}

/** Step 2: delivery address and contact. */
export function validateDelivery(input: unknown): Validation<Delivery> {
  return validateStep(deliverySchema, input);
}

/** Step 3: currency and payment method. */
export function validatePayment(input: unknown): Validation<Payment> {
  return validateStep(paymentSchema, input);
}

/** The whole order, every step at once; errors of all steps together. */
export function validateOrder(draft: OrderDraftInput, catalogue: readonly Publication[]): Validation<OrderDraft> {
  const items = validateItems(draft.items, catalogue);
  const delivery = validateDelivery(draft.delivery);
  const payment = validatePayment(draft.payment);
  if (items.ok && delivery.ok && payment.ok) {
    return { ok: true, value: { items: items.value, delivery: delivery.value, payment: payment.value } };
  }
  return {
    ok: false,
    errors: { ...(items.ok ? {} : items.errors), ...(delivery.ok ? {} : delivery.errors), ...(payment.ok ? {} : payment.errors) },
  };
}
