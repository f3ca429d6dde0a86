/**
 * The order store's contract: orders, their lines and status history, and the outbox of notices about
 * them. Two implementations keep it — SQLite (./sqlite-store.ts, the default: one file under DATA_DIR) and
 * PostgreSQL (../postgres/order-store.ts, when DATABASE_URL is set, shared by several replicas) — and one
 * test suite runs against both (test/orders/store.test.ts). Nothing above the store knows which it has.
 *
 * Every change and the notices it causes are written in one transaction, so an order is never stored
 * without its notices nor announced without being stored. References are unique and sequential per year
 * (PUB-2026-000123) however many processes submit at once, and a repeated submission (same requester and
 * idempotency key: a double click, a Slack retry on another replica) stores one order.
 *
 * Nothing here logs; error messages name references and statuses, never personal data.
 */
import { join } from 'node:path';
import type { Publication } from '../catalogue/schema.js';
import type { Order, Requester } from './order.js';
import type { OutboxQueue, OutboxSummary } from './outbox-queue.js';
import type { OrderDraftInput } from './schema.js';
import type { OrderStatus } from './status.js';

/** File name of the SQLite order store inside the data directory. */
export const ORDER_STORE_FILE = 'orders.sqlite';

/** Where the SQLite order store lives in `dataDir` (DATA_DIR): `<dataDir>/orders.sqlite`. */
export function defaultOrderStorePath(dataDir: string): string {
  return join(dataDir, ORDER_STORE_FILE);
}

/** Matches an order reference such as PUB-2026-000123. */
export const REFERENCE_PATTERN = /^PUB-\d{4}-\d{6,}$/;

/** The reference of the `sequence`-th order of `year`: PUB-2026-000123. */
export function formatReference(year: number, sequence: number): string {
  return `PUB-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Options of both implementations. */
export interface OrderStoreOptions {
  /** The current time; injectable for tests. Default: the system clock. */
  clock?: () => Date;
  /** Random numbers in [0, 1) for retry jitter; injectable for tests. Default: Math.random. */
  random?: () => number;
}

/** What submit returns: the stored order and whether this call created it. */
export interface SubmitResult {
  order: Order;
  /** False when an order with this idempotency key already existed and is returned as it is. */
  created: boolean;
}

/** Options of changeStatus. */
export interface ChangeStatusOptions {
  /** Required to cancel; kept in the history and told to the requester. */
  reason?: string;
  /** When given, the actor must be one of these (see canChangeStatus) or the change is refused. */
  adminIds?: readonly string[];
}

/** What health() found: whether the store answers, and why not. */
export interface StoreHealth {
  ok: boolean;
  /** When not ok: the error's code or class (never a connection string or personal data). */
  detail?: string;
}

/** Orders by status: every status present, 0 when none. */
export type OrderCounts = Record<OrderStatus, number>;

/** A title as ordered over a period: in how many orders, how many copies in all. */
export interface OrderedTitle {
  publicationId: string;
  /** Its title as the latest of those orders recorded it. */
  title: string;
  orders: number;
  copies: number;
}

/** Orders placed over a period (cancelled ones left out), and the titles most ordered. */
export interface OrderActivity {
  orders: number;
  /** Most orders first, then most copies, then by publication id. */
  titles: OrderedTitle[];
}

/** An open order store. Every method is asynchronous; methods that change data are one transaction each. */
export interface OrderStore {
  /** Which store this is, for start-up logs: `SQLite file …` or `PostgreSQL database … on …` (never a password). */
  readonly description: string;
  /** Notices waiting to be delivered; drained by an OutboxWorker (one per replica). */
  readonly outbox: OutboxQueue;
  /**
   * Validates the draft again against `catalogue` and stores it, priced at today's catalogue prices, with
   * a new reference (PUB-<UTC year>-<6-digit sequence of that year>), its history's first entry, and two
   * outbox messages (order_notice to the Publications Unit, order_confirmation to the requester), all in
   * one transaction. A repeat with the same requester and `idempotencyKey` (a double click, a Slack retry)
   * returns the order stored the first time with `created: false`, even if the catalogue changed since.
   * Rejects with OrderValidationError (with field errors) when the draft is not valid; nothing is stored then.
   */
  submit(draft: OrderDraftInput, requester: Requester, idempotencyKey: string, catalogue: readonly Publication[]): Promise<SubmitResult>;
  /** The order with this reference, or undefined. */
  get(reference: string): Promise<Order | undefined>;
  /** The requester's orders, newest first, at most `limit` (default 20). */
  listByRequester(userId: string, limit?: number): Promise<Order[]>;
  /** Every order, oldest first (for export). */
  listAll(): Promise<Order[]>;
  /**
   * Moves an order to status `to` (submitted → processing → dispatched; cancelled from submitted or
   * processing, with a reason), records who did it, when and why, and queues a status_notice to the
   * requester, in one transaction. Rejects with OrderError: `not_found`, `invalid_status_change` (message
   * says why, for the person who asked), or `not_allowed` when `adminIds` is given and the actor is not among them.
   */
  changeStatus(reference: string, to: OrderStatus, actorId: string, options?: ChangeStatusOptions): Promise<Order>;
  /** How many orders are in each status (for /metrics). */
  countOrdersByStatus(): Promise<OrderCounts>;
  /**
   * The orders placed at or after `since` that were not cancelled, and the `titles` titles most ordered in
   * them (for catalogue admins' App Home).
   */
  orderActivity(since: Date, titles: number): Promise<OrderActivity>;
  /**
   * The outbox at a glance: counts of notices waiting, being retried and failed, with up to `examples`
   * (default 5) of the last two and their last error (for admins in /handbooks orders and App Home, and /metrics).
   */
  outboxSummary(examples?: number): Promise<OutboxSummary>;
  /** Whether the store answers a trivial query now (for /healthz). Never rejects. */
  health(): Promise<StoreHealth>;
  /** Closes the store (the file, or the connection pool). */
  close(): Promise<void>;
}
