/**
 * What both order stores decide the same way before they write: the checks on a submission and its
 * pricing, the checks on a status change, and the notices each change queues. Pure; the stores only add
 * their transactions around it.
 */
import type { Publication } from '../catalogue/schema.js';
import { OrderError, type Requester } from './order.js';
import { PUBLICATIONS_UNIT_TARGET, type OutboxContent } from './outbox-queue.js';
import { canChangeStatus } from './permissions.js';
import { priceOrder, type PricedOrder } from './pricing.js';
import type { Delivery, OrderDraftInput, Payment } from './schema.js';
import type { ChangeStatusOptions, OrderCounts } from './store.js';
import { ORDER_STATUSES, isOrderStatus, statusChangeProblem, type OrderStatus } from './status.js';
import { OrderValidationError, validateOrder } from './validate.js';

/** Throws a TypeError for a call no caller should make: no requester id, or an idempotency key that is empty or over 200 characters. */
export function checkSubmitArguments(requester: Requester, idempotencyKey: string): void {
  if (!requester.userId) throw new TypeError('submit needs the requester’s user id');
  if (!idempotencyKey || idempotencyKey.length > 200) throw new TypeError('submit needs an idempotency key of 1 to 200 characters');
}

/** A valid draft priced against `catalogue`, or an OrderValidationError with field errors. */
export function priceSubmission(draft: OrderDraftInput, catalogue: readonly Publication[]): { pricing: PricedOrder; delivery: Delivery; payment: Payment } {
  const validation = validateOrder(draft, catalogue);
  if (!validation.ok) throw new OrderValidationError(validation.errors);
  const { items, delivery, payment } = validation.value;
  return { pricing: priceOrder(items, payment.currency, catalogue), delivery, payment };
}

/** The two notices of a new order: to the Publications Unit and the requester's confirmation. */
export function newOrderNotices(reference: string, requesterId: string): OutboxContent[] {
  return [
    { kind: 'order_notice', target: PUBLICATIONS_UNIT_TARGET, payload: { reference } },
    { kind: 'order_confirmation', target: requesterId, payload: { reference } },
  ];
}

/** Refuses (OrderError) an actor who is not an admin when `adminIds` is given, and a status that does not exist. */
export function checkStatusRequest(to: OrderStatus, actorId: string, options: ChangeStatusOptions): void {
  if (options.adminIds && !canChangeStatus(actorId, options.adminIds)) {
    throw new OrderError('not_allowed', 'Only the order admins of the Publications Unit can change the status of an order.');
  }
  if (!isOrderStatus(to)) throw new OrderError('invalid_status_change', `“${String(to)}” is not an order status.`);
}

/**
 * The status change of order `reference` (now `from`) to `to` as it is recorded — the reason kept, and
 * the notice to the requester — or an OrderError when the rules do not allow it.
 */
export function planStatusChange(
  reference: string,
  requesterId: string,
  from: OrderStatus,
  to: OrderStatus,
  actorId: string,
  options: ChangeStatusOptions,
  now: Date,
): { reason: string | null; notice: OutboxContent } {
  const problem = statusChangeProblem(from, to, options.reason);
  if (problem) throw new OrderError('invalid_status_change', `${reference}: ${problem}`);
  const reason = options.reason?.trim() || null;
  return {
    reason,
    notice: { kind: 'status_notice', target: requesterId, payload: { reference, from, to, reason, actorId, at: now.toISOString() } },
  };
}

/** A short name for an error that carries no data (for health() and logs): its code or its class name, never its message, which may hold a connection string or personal data. */
export function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error.name;
  }
  return typeof error;
}

/** Orders by status from `rows` of (status, count), every status present. */
export function orderCounts(rows: readonly { status: OrderStatus; count: number }[]): OrderCounts {
  const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as OrderCounts;
  for (const { status, count } of rows) counts[status] = count;
  return counts;
}
