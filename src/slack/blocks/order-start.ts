/**
 * What a button that starts the order dialog (ACTION.orderStart) carries: nothing (choose in the dialog),
 * a publication id ("Order print copy" under a result), or a publication id with the copies and language
 * edition an order request in words asked for, as `id:quantity:language` — compact, and far within the
 * 2000 characters of a button value. The language of the answer the button is on comes first when known
 * (`fr:id`, `fr:id:5:ar`, or `fr` alone), as on every publication button (see publicationValue), so that the
 * dialog opens in that language.
 */
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { LinePrefill } from '../order-draft.js';

export interface OrderStart extends LinePrefill {
  /** Absent: the dialog opens with nothing chosen. */
  publicationId?: string;
  /** The language of the answer the button is on. */
  locale?: Locale;
}

/** The button value for `start`: the bare id (after the answer's language) when nothing is pre-filled. */
export function encodeOrderStart({ publicationId, quantity, language, locale }: OrderStart): string {
  const prefix = locale !== undefined ? `${locale}:` : '';
  if (publicationId === undefined) return locale ?? '';
  if (quantity === undefined && language === undefined) return `${prefix}${publicationId}`;
  return `${prefix}${publicationId}:${quantity ?? ''}:${language ?? ''}`;
}

/** Reads a value made by encodeOrderStart (or publicationValue); undefined when it is not one. */
export function decodeOrderStart(value: string): OrderStart | undefined {
  if (isLocale(value)) return { locale: value };
  const match = /^(?:([a-z]{2}):)?([^:\s]+)(?::(\d{0,9}):([a-z]{2,3})?)?$/.exec(value);
  if (!match?.[2] || (match[1] !== undefined && !isLocale(match[1]))) return undefined;
  return {
    publicationId: match[2],
    ...(isLocale(match[1]) ? { locale: match[1] } : {}),
    ...(match[3] ? { quantity: Number(match[3]) } : {}),
    ...(match[4] ? { language: match[4] } : {}),
  };
}
