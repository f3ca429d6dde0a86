/**
 * The shape of an order draft, step by step as the dialog collects it: publications and quantities,
 * delivery and contact, payment. These schemas check each field on its own and carry the short messages
 * shown under a form field; rules that need the catalogue (a title still listed, an edition it has, no
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

/** How each payment method is written on the form ("Credit card"). */
export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  credit_card: 'Credit card',
  check: 'Check',
  bank_transfer: 'Bank transfer',
};

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

/** The messages shown under a form field, one per kind of mistake. */
export const MESSAGES = {
  items: 'Add at least one publication',
  tooManyItems: `An order can have at most ${MAX_ORDER_LINES} lines`,
  publication: 'Choose a publication',
  quantity: `Quantity must be a whole number from 1 to ${MAX_QUANTITY}`,
  language: 'Choose a language edition',
  name: 'Enter the name of the person who receives the copies',
  nameTooLong: `Keep the name to ${MAX_LENGTHS.name} characters`,
  address: 'Enter a postal address',
  addressTooLong: `Keep the address to ${MAX_LENGTHS.address} characters and ${MAX_LENGTHS.addressLines} lines`,
  country: 'Choose a country from the list',
  city: 'Enter a city',
  cityTooLong: `Keep the city to ${MAX_LENGTHS.city} characters`,
  postalCode: 'Enter a zip or postal code of letters, digits, spaces and hyphens, or leave it empty',
  telephone: 'Enter a telephone number such as +41 22 717 9111',
  email: 'Enter an e-mail address such as name@example.org',
  currency: 'Choose a currency: CHF, EUR or USD',
  method: 'Choose a payment method: credit card, check or bank transfer',
} as const;

/** A whole number given as a number or as digits in a string (Slack's number input sends strings). */
const quantitySchema = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v),
  z.number({ error: MESSAGES.quantity }).int({ error: MESSAGES.quantity }).min(1, { error: MESSAGES.quantity }).max(MAX_QUANTITY, { error: MESSAGES.quantity }),
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
  publicationId: z.string({ error: MESSAGES.publication }).trim().min(1, { error: MESSAGES.publication }).max(80, { error: MESSAGES.publication }),
  quantity: quantitySchema,
  language: optionalText(z.string({ error: MESSAGES.language }).trim().max(10, { error: MESSAGES.language })).optional(),
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
  name: z.string({ error: MESSAGES.name }).trim().min(1, { error: MESSAGES.name }).max(MAX_LENGTHS.name, { error: MESSAGES.nameTooLong }),
  /** Several lines are fine; they are kept, trimmed, without blank ones. */
  address: z
    .string({ error: MESSAGES.address })
    .transform(normaliseAddress)
    .pipe(
      z
        .string()
        .min(1, { error: MESSAGES.address })
        .max(MAX_LENGTHS.address, { error: MESSAGES.addressTooLong })
        .refine((a) => a.split('\n').length <= MAX_LENGTHS.addressLines, { error: MESSAGES.addressTooLong }),
    ),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string({ error: MESSAGES.country })
    .trim()
    .toUpperCase()
    .refine((c) => countryByCode(c) !== undefined, { error: MESSAGES.country }),
  city: z.string({ error: MESSAGES.city }).trim().min(1, { error: MESSAGES.city }).max(MAX_LENGTHS.city, { error: MESSAGES.cityTooLong }),
  /** Null where the country has no postal codes or none was given. */
  postalCode: optionalText(
    z
      .string({ error: MESSAGES.postalCode })
      .trim()
      .max(MAX_LENGTHS.postalCode, { error: MESSAGES.postalCode })
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, { error: MESSAGES.postalCode }),
  ),
  telephone: z
    .string({ error: MESSAGES.telephone })
    .trim()
    .max(MAX_LENGTHS.telephone, { error: MESSAGES.telephone })
    .refine(isTelephone, { error: MESSAGES.telephone }),
  email: z
    .string({ error: MESSAGES.email })
    .trim()
    .max(MAX_LENGTHS.email, { error: MESSAGES.email })
    .regex(z.regexes.email, { error: MESSAGES.email }),
});
/** What validateDelivery accepts: strings, null or missing for empty fields. */
export type DeliveryInput = z.input<typeof deliverySchema>;
/** Validated delivery and contact: trimmed; country upper case; postalCode null when not given. */
export type Delivery = z.output<typeof deliverySchema>;

/** Currency and payment method, as the HOW TO PURCHASE section offers them. */
export const paymentSchema = z.object({
  currency: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(CURRENCIES, { error: MESSAGES.currency })),
  method: z.enum(PAYMENT_METHODS, { error: MESSAGES.method }),
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
