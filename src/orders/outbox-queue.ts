/**
 * The persisted outbox's contract: notices about orders waiting to be delivered (to the Publications Unit's
 * channel, to the requester), written in the same transaction as the change they announce so none is ever
 * lost. Two implementations keep it: SQLite (./sqlite-outbox.ts) and PostgreSQL (../postgres/outbox-queue.ts).
 *
 * A message's life: `pending` → (claimed under a lease) `sending` → `delivered`, or back to `pending` with a
 * later `next_attempt_at` (retry), or `failed` until an admin requeues it (requeueFailed).
 *
 * Several workers (one per replica) may drain one outbox. A claim marks a message `sending` with a fresh
 * attempt id and a lease (`locked_until`); only that attempt may settle it (markDelivered / markRetry /
 * markFailed answer false once the lease was taken over). A message whose lease ran out — its worker died
 * or hung — is claimed again by any worker, flagged `uncertain` because the earlier attempt may have been
 * posted (see outbox.ts for how delivery checks that). Nothing is ever reset wholesale at start-up.
 *
 * Error texts stored here name the failure (an API error code), never personal data.
 */
import type { OrderStatus } from './status.js';

/** The `target` of notices meant for the Publications Unit (the Slack layer posts them to ORDERS_CHANNEL_ID). */
export const PUBLICATIONS_UNIT_TARGET = 'publications-unit';

/** Longest error text kept. */
export const MAX_ERROR_LENGTH = 300;

/** What a status notice tells the requester. */
export interface StatusNoticePayload {
  reference: string;
  from: OrderStatus;
  to: OrderStatus;
  reason: string | null;
  actorId: string;
  /** ISO 8601. */
  at: string;
}

/**
 * What a message says and to whom. Payloads hold only the reference and the change, never personal data:
 * the deliverer reads the order from the store when it delivers.
 * - `order_notice`: a new order, to PUBLICATIONS_UNIT_TARGET.
 * - `order_confirmation`: the requester's copy with the reference; target is the requester's user id.
 * - `status_notice`: a status change; target is the requester's user id.
 */
export type OutboxContent =
  | { kind: 'order_notice'; target: string; payload: { reference: string } }
  | { kind: 'order_confirmation'; target: string; payload: { reference: string } }
  | { kind: 'status_notice'; target: string; payload: StatusNoticePayload };
/** The kinds of outbox message. */
export type OutboxKind = OutboxContent['kind'];

/** Where a message is in its life (see the module comment). */
export type OutboxState = 'pending' | 'sending' | 'delivered' | 'failed';

/** A message in the outbox. */
export type OutboxMessage = OutboxContent & {
  /** Stable across attempts: use it to recognise a message already posted (e.g. in Slack message metadata). */
  id: number;
  orderReference: string;
  state: OutboxState;
  /** True when an earlier attempt may have been delivered without being recorded (its worker died or hung, or deliver threw). */
  uncertain: boolean;
  /** Attempts started so far, this one included once claimed. */
  attempts: number;
  /** Identifies the current (or last) attempt; settling a claimed message needs it. */
  attemptId: string | null;
  nextAttemptAt: Date;
  /** While `sending`: when the claim's lease runs out and another worker may take the message over. */
  lockedUntil: Date | null;
  lastError: string | null;
  externalRef: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

/** A message this worker claimed: the attempt that may settle it. */
export type ClaimedMessage = Pick<OutboxMessage, 'id' | 'attemptId' | 'attempts'>;

/** Options of claimDue. */
export interface ClaimOptions {
  /** Most messages claimed. */
  limit: number;
  /** How long the claim holds before another worker may take the message over. */
  leaseMs: number;
  /** Targets not to claim for now (this worker is pacing them, or Slack asked to wait). */
  skipTargets?: readonly string[];
}

/** A notice that is being retried or was set aside, for admins: no personal data. */
export interface NoticeTrouble {
  reference: string;
  kind: OutboxKind;
  /** The last error (an API error code). */
  error: string | null;
  attempts: number;
  /** When the next attempt is due (retrying), or undefined (failed). */
  nextAttemptAt?: Date;
}

/** The outbox at a glance, for admins (/handbooks orders, App Home) and metrics. */
export interface OutboxSummary {
  /** Not tried yet, or being sent right now. */
  waiting: number;
  /** Tried and failed at least once, to be tried again. */
  retrying: number;
  /** Given up until an admin runs `/handbooks orders retry`. */
  failed: number;
  /** The oldest retrying notices (up to `examples`), with their last error. */
  retryingExamples: NoticeTrouble[];
  /** The oldest failed notices (up to `examples`), with their error. */
  failedExamples: NoticeTrouble[];
}

/** The outbox of an open order store. Obtain it as `store.outbox`. */
export interface OutboxQueue {
  /**
   * Claims up to `limit` messages due at `now`, oldest due first, at most one per target and none for a
   * target that has a message being sent under a live lease (so one conversation is paced by one worker).
   * Each is marked `sending` with a new attempt id and a lease of `leaseMs`; a message taken over from an
   * expired lease comes back `uncertain`.
   */
  claimDue(now: Date, options: ClaimOptions): Promise<OutboxMessage[]>;
  /** Records that the claimed message was delivered (`externalRef`: e.g. the Slack message ts). False when its lease was taken over. */
  markDelivered(message: ClaimedMessage, externalRef?: string): Promise<boolean>;
  /**
   * Puts the claimed message back to wait for another attempt after a backoff, or after `retryAfterMs`
   * when the other side asked for it. `uncertain` says the attempt may have been delivered anyway.
   * Returns when the next attempt is due, or undefined when its lease was taken over.
   */
  markRetry(message: ClaimedMessage, error: string, options?: { retryAfterMs?: number; uncertain?: boolean }): Promise<Date | undefined>;
  /** Gives up on the claimed message for good, e.g. a message Slack refuses. False when its lease was taken over. */
  markFailed(message: ClaimedMessage, error: string): Promise<boolean>;
  /** Messages given up for good (state `failed`), oldest first: what an admin may want to retry. */
  failed(): Promise<OutboxMessage[]>;
  /**
   * Puts every `failed` message back to `pending`, due now, once the cause is fixed (the bot invited to the
   * channel, a message shortened by a new version). Its attempts and last error are kept. Returns how many.
   */
  requeueFailed(): Promise<number>;
  /** Every message, oldest first, optionally only those of one order: for diagnostics and tests. */
  list(orderReference?: string): Promise<OutboxMessage[]>;
}

/** `error` cut to MAX_ERROR_LENGTH. */
export function errorText(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
}

/** What admins are shown of a message in trouble. */
export function noticeTrouble(message: OutboxMessage): NoticeTrouble {
  return {
    reference: message.orderReference,
    kind: message.kind,
    error: message.lastError,
    attempts: message.attempts,
    ...(message.state === 'pending' ? { nextAttemptAt: message.nextAttemptAt } : {}),
  };
}
