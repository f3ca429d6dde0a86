/**
 * A stored order as the store hands it out: what was ordered, priced at submission, for whom, and
 * what has happened to it since. Also the one error type of order operations.
 */
import type { PricedOrder } from './pricing.js';
import type { Delivery, Payment } from './schema.js';
import type { OrderStatus } from './status.js';

/** The person who submitted the order. */
export interface Requester {
  /** Slack user id. */
  userId: string;
  /** Display name at submission, where known; shown to admins and in exports. */
  displayName?: string;
}

/** One entry of an order's history; the first is its submission (from null to submitted). */
export interface StatusChange {
  from: OrderStatus | null;
  to: OrderStatus;
  /** Slack user id of who made the change (the requester for the submission). */
  actorId: string;
  at: Date;
  reason: string | null;
}

/** What an order form shows: the priced lines, delivery and payment, and the reference once stored. */
export interface OrderFormContent {
  reference?: string;
  createdAt?: Date;
  pricing: PricedOrder;
  delivery: Delivery;
  payment: Payment;
}

/** A stored order. Prices are those of the catalogue when it was submitted. */
export interface Order extends OrderFormContent {
  /** PUB-<year>-<6-digit sequence per year>, e.g. PUB-2026-000123. */
  reference: string;
  createdAt: Date;
  updatedAt: Date;
  status: OrderStatus;
  requester: Requester;
  /** Oldest first. */
  history: StatusChange[];
}

/** Why an order operation was refused. */
export type OrderErrorCode = 'not_found' | 'invalid_status_change' | 'not_allowed';

/** An order operation that was refused; `message` is a sentence fit to show the person who asked. */
export class OrderError extends Error {
  constructor(
    readonly code: OrderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OrderError';
  }
}
