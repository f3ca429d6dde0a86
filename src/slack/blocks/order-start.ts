/**
 * What a button that starts the order dialog (ACTION.orderStart) carries: nothing (choose in the dialog),
 * a publication id ("Order print copy" under a result), or a publication id with the copies and language
 * edition an order request in words asked for, as `id:quantity:language` — compact, and far within the
 * 2000 characters of a button value.
 */
import type { LinePrefill } from '../order-draft.js';

export interface OrderStart extends LinePrefill {
  publicationId: string;
}

/** The button value for `start`: the bare id when nothing is pre-filled. */
export function encodeOrderStart({ publicationId, quantity, language }: OrderStart): string {
  if (quantity === undefined && language === undefined) return publicationId;
  return `${publicationId}:${quantity ?? ''}:${language ?? ''}`;
}

/** Reads a value made by encodeOrderStart; undefined when it is not one. */
export function decodeOrderStart(value: string): OrderStart | undefined {
  const match = /^([^:\s]+)(?::(\d{0,9}):([a-z]{2,3})?)?$/.exec(value);
  if (!match?.[1]) return undefined;
  return {
    publicationId: match[1],
    ...(match[2] ? { quantity: Number(match[2]) } : {}),
    ...(match[3] ? { language: match[3] } : {}),
  };
}
