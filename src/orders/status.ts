/**
 * An order's life: submitted → processing → dispatched, or cancelled (with a reason) while submitted or
 * processing. Pure rules shared by the store and the buttons that offer the next steps.
 */

/** Every order status, in the order of an order's life. */
export const ORDER_STATUSES = ['submitted', 'processing', 'dispatched', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How each status is written for people ("Processing"). */
export const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  submitted: 'Submitted',
  processing: 'Processing',
  dispatched: 'Dispatched',
  cancelled: 'Cancelled',
};

const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  submitted: ['processing', 'cancelled'],
  processing: ['dispatched', 'cancelled'],
  dispatched: [],
  cancelled: [],
};

/** Most characters kept of a status change reason. */
export const MAX_REASON_LENGTH = 500;

/** The statuses an order in `from` may move to, in the order buttons should show them. */
export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return NEXT[from];
}

/** Whether `value` is one of the order statuses. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/**
 * Why an order in `from` cannot move to `to` with this reason, as a sentence for the person who asked;
 * null when the change is allowed. Cancelling needs a non-blank reason.
 */
export function statusChangeProblem(from: OrderStatus, to: OrderStatus, reason: string | undefined): string | null {
  const label = (s: OrderStatus) => STATUS_LABELS[s].toLowerCase();
  if (from === to) return `The order is already ${label(to)}.`;
  const allowed = NEXT[from];
  if (allowed.length === 0) return `The order is ${label(from)} and can no longer change.`;
  if (!allowed.includes(to)) return `A ${label(from)} order can only move to ${allowed.map(label).join(' or ')}.`;
  if (to === 'cancelled' && !reason?.trim()) return 'Give a reason for cancelling the order.';
  if (reason !== undefined && reason.trim().length > MAX_REASON_LENGTH) return `Keep the reason to ${MAX_REASON_LENGTH} characters.`;
  return null;
}
