/**
 * The rows both order stores keep (SQLite and PostgreSQL share table and column names) and how they become
 * the objects the store hands out. Times arrive as milliseconds (SQLite) or Dates (PostgreSQL), booleans
 * as 0/1 or true/false, payloads as JSON text or parsed JSON; the mapping accepts either.
 */
import type { Currency } from '../catalogue/schema.js';
import type { Order, StatusChange } from './order.js';
import type { OrderedTitle } from './store.js';
import type { OutboxMessage, OutboxState } from './outbox-queue.js';
import { withTotals } from './pricing.js';
import type { PaymentMethod } from './schema.js';
import type { OrderStatus } from './status.js';

type Time = number | Date;

export interface OrderRow {
  id: number;
  reference: string;
  requester_id: string;
  requester_name: string | null;
  status: OrderStatus;
  created_at: Time;
  updated_at: Time;
  currency: Currency;
  payment_method: PaymentMethod;
  contact_name: string;
  address: string;
  country: string;
  city: string;
  postal_code: string | null;
  telephone: string;
  email: string;
}

export interface LineRow {
  publication_id: string;
  title: string;
  language: string;
  quantity: number;
  unit_price_minor: number | null;
}

export interface HistoryRow {
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor_id: string;
  reason: string | null;
  changed_at: Time;
}

export interface OutboxRow {
  id: number;
  order_reference: string;
  kind: string;
  target: string;
  payload: string | object;
  state: OutboxState;
  uncertain: number | boolean;
  attempts: number;
  attempt_id: string | null;
  next_attempt_at: Time;
  locked_until: Time | null;
  last_error: string | null;
  external_ref: string | null;
  created_at: Time;
  delivered_at: Time | null;
}

/** The order of `row`, with its lines (in line order) and history (oldest first). */
export function toOrder(row: OrderRow, lines: readonly LineRow[], history: readonly HistoryRow[]): Order {
  const pricedLines = lines.map((l) => ({
    publicationId: l.publication_id,
    title: l.title,
    language: l.language,
    quantity: l.quantity,
    unitPriceMinor: l.unit_price_minor,
  }));
  return {
    reference: row.reference,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    status: row.status,
    requester: row.requester_name === null ? { userId: row.requester_id } : { userId: row.requester_id, displayName: row.requester_name },
    pricing: withTotals(row.currency, pricedLines),
    delivery: {
      name: row.contact_name,
      address: row.address,
      country: row.country,
      city: row.city,
      postalCode: row.postal_code,
      telephone: row.telephone,
      email: row.email,
    },
    payment: { currency: row.currency, method: row.payment_method },
    history: history.map(
      (h): StatusChange => ({ from: h.from_status, to: h.to_status, actorId: h.actor_id, at: new Date(h.changed_at), reason: h.reason }),
    ),
  };
}

/** The outbox message of `row` (joined with its order's reference as `order_reference`). */
export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    kind: row.kind,
    target: row.target,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    id: row.id,
    orderReference: row.order_reference,
    state: row.state,
    uncertain: Boolean(row.uncertain),
    attempts: row.attempts,
    attemptId: row.attempt_id,
    nextAttemptAt: new Date(row.next_attempt_at),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    lastError: row.last_error,
    externalRef: row.external_ref,
    createdAt: new Date(row.created_at),
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
  } as OutboxMessage;
}

/** A title as the order-activity queries return it (both stores name the columns alike). */
export interface OrderedTitleRow {
  publication_id: string;
  title: string;
  orders: number;
  copies: number;
}

/** An ordered title from its row. */
export function toOrderedTitle(row: OrderedTitleRow): OrderedTitle {
  return { publicationId: row.publication_id, title: row.title, orders: row.orders, copies: row.copies };
}
