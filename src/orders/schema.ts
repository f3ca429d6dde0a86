/**
 * The shape of an order draft, step by step as the dialog collects it: publications and quantities,
 * delivery and contact, payment. These schemas check each field on its own and carry the code of each
 * kind of mistake (FieldErrorCode); rules that need the catalogue (a title still listed, an edition it has, no
 * line twice) live in validate.ts. Strings are trimmed; every one has a maximum length.
 */
import { z } from 'zod';
import { CURRENCIES, type Currency } from '../catalogue/schema.js';
import { countryByCode } from './countries.js';

/** Most copies of one title and edition on one order line. */
export const MAX_QUANTITY = 500;
/** Most lines on one order. */
export const MAX_ORDER_LINES = 20;

/** Payment methods the Publications Unit accepts, as stored. */
export const PAYMENT_METHODS = ['credit_card', 'check', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Longest accepted value per free-text field. */
export const MAX_LENGTHS = {
  name: 100,
  address: 400,
  addressLines: 6,
  city: 100,
  postalCode: 20,
  telephone: 40,
  email: 254,
} as const;

/**
 * Why a field is refused, one code per kind of mistake; the surfaces say it in the person's language
 * (limits such as MAX_QUANTITY are the constants above). The last four come from the catalogue checks
 * of validate.ts.
 */
export type FieldErrorCode =
  | 'items'
  | 'tooManyItems'
  | 'publication'
  | 'quantity'
  | 'language'
  | 'name'
  | 'nameTooLong'
  | 'address'
  | 'addressTooLong'
  | 'country'
  | 'city'
  | 'cityTooLong'
  | 'postalCode'
  | 'telephone'
  | 'email'
  | 'currency'
  | 'method'
  | 'titleGone'
  | 'chooseEdition'
  | 'notPublishedIn'
  | 'duplicateLine';

/** A schema's error option carrying the code: zod reports it as the message. */
const fail = (code: FieldErrorCode) => ({ error: code });

/** A whole number given as a number or as digits in a string (Slack's number input sends strings). */
const quantitySchema = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v),
  z.number(fail('quantity')).int(fail('quantity')).min(1, fail('quantity')).max(MAX_QUANTITY, fail('quantity')),
);

/** Empty, blank, null or missing all mean "not given". */
const optionalText = (inner: z.ZodType<string>) =>
  z.preprocess((v) => (v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v), inner.nullable());

/**
 * One order line as the dialog sends it. `language` may be left out for a title with a single edition;
 * `title` is only the dialog's memory of what was picked, used to name a title that has since left the
 * catalogue — the validated line always takes its title from the catalogue.
 */
export const orderItemInputSchema = z.object({
  publicationId: z.string(fail('publication')).trim().min(1, fail('publication')).max(80, fail('publication')),
  quantity: quantitySchema,
  language: optionalText(z.string(fail('language')).trim().max(10, fail('language'))).optional(),
  title: z.string().max(500).optional().catch(undefined),
});
/** What validateItems accepts per line (quantity may be a string of digits, language may be missing). */
export type OrderItemInput = z.input<typeof orderItemInputSchema>;

/** A validated order line: a title still in the catalogue, in one of its editions. */
export interface OrderItem {
  publicationId: string;
  /** The title as the catalogue gives it when the line was validated. */
  title: string;
  /** ISO 639-1 code of the language edition. */
  language: string;
  quantity: number;
}

/** Normalises line breaks, trims each line and drops blank ones. */
function normaliseAddress(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Lenient international telephone number: digits with + ( ) - . / and spaces, optional extension. */
function isTelephone(text: string): boolean {
  const match = /^(\+?[\d\s().\-/]+?)(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$/i.exec(text);
  if (!match?.[1]) return false;
  const digits = match[1].replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15 && (match[1].match(/\+/g)?.length ?? 0) <= 1;
}

/** Delivery address and contact, as on the ORDER FORM. */
export const deliverySchema = z.object({
  name: z.string(fail('name')).trim().min(1, fail('name')).max(MAX_LENGTHS.name, fail('nameTooLong')),
  /** Several lines are fine; they are kept, trimmed, without blank ones. */
  address: z
    .string(fail('address'))
    .transform(normaliseAddress)
    .pipe(
      z
        .string()
        .min(1, fail('address'))
        .max(MAX_LENGTHS.address, fail('addressTooLong'))
        .refine((a) => a.split('\n').length <= MAX_LENGTHS.addressLines, fail('addressTooLong')),
    ),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string(fail('country'))
    .trim()
    .toUpperCase()
    .refine((c) => countryByCode(c) !== undefined, fail('country')),
  city: z.string(fail('city')).trim().min(1, fail('city')).max(MAX_LENGTHS.city, fail('cityTooLong')),
  /** Null where the country has no postal codes or none was given. */
  postalCode: optionalText(
    z
      .string(fail('postalCode'))
      .trim()
      .max(MAX_LENGTHS.postalCode, fail('postalCode'))
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, fail('postalCode')),
  ),
  telephone: z
    .string(fail('telephone'))
    .trim()
    .max(MAX_LENGTHS.telephone, fail('telephone'))
    .refine(isTelephone, fail('telephone')),
  email: z
    .string(fail('email'))
    .trim()
    .max(MAX_LENGTHS.email, fail('email'))
    .regex(z.regexes.email, fail('email')),
});
/** What validateDelivery accepts: strings, null or missing for empty fields. */
export type DeliveryInput = z.input<typeof deliverySchema>;
/** Validated delivery and contact: trimmed; country upper case; postalCode null when not given. */
export type Delivery = z.output<typeof deliverySchema>;

/** Currency and payment method, as the HOW TO PURCHASE section offers them. */
export const paymentSchema = z.object({
  currency: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(CURRENCIES, fail('currency'))),
  method: z.enum(PAYMENT_METHODS, fail('method')),
});
/** What validatePayment accepts. */
export type PaymentInput = z.input<typeof paymentSchema>;
/** Validated currency and payment method. */
export interface Payment {
  currency: Currency;
  method: PaymentMethod;
}

/** A whole order as the dialog holds it before validation: each step's raw values. */
export interface OrderDraftInput {
  items: unknown;
  delivery: unknown;
  payment: unknown;
}

/** A whole order that passed every check, ready to price and store. */
export interface OrderDraft {
  items: OrderItem[];
  delivery: Delivery;
  payment: Payment;
}
