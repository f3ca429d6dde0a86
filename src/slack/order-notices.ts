/**
 * Delivers the order store's outbox through Slack: the Publications Unit's notice of a new order to
 * ORDERS_CHANNEL_ID, the requester's confirmation and status updates as direct messages.
 *
 * Never lost, never posted twice (see src/orders/outbox.ts for the worker's side):
 * - Every post carries message metadata naming its outbox message. When a message is `uncertain` (an
 *   earlier attempt may have gone out: the process stopped mid-way, or the call failed without an answer),
 *   the conversation's recent history is searched for that metadata first, and a post found there counts
 *   as the delivery.
 * - Its own Web API client neither retries nor waits out rate limits: a 429 is handed back with its
 *   Retry-After, and Slack's error codes with backoff, so the persisted outbox decides when to try again.
 *   A failure without Slack's answer (network, timeout, 5xx) is thrown, which marks the message uncertain.
 * - Every attempt that did not deliver is logged once, with the outbox id, reference, error code and
 *   when it is tried again (warning), or at error level when a person must act: a refusal no retry can fix
 *   (PERMANENT_ERRORS) sets the message aside as `failed` until `/handbooks orders retry` requeues it, and
 *   errors about the orders channel (CHANNEL_ERRORS: not_in_channel, channel_not_found, is_archived) keep
 *   being retried. Admins see waiting, retrying and failed notices in `/handbooks orders` and App Home.
 * - Each call has a timeout (at most 6 s), so a hung call ends well within the outbox lease.
 * - Without ORDERS_CHANNEL_ID, notices for the Publications Unit wait (retried with backoff) until it is set;
 *   that is logged once, and the requester's confirmation says the order reaches the Publications Unit
 *   once the bot is set up. Connected mode warns about it at start-up (orderSetupWarnings).
 * Logs name outbox ids, references and error codes only.
 */
import { webApi, type Logger } from '@slack/bolt';
import type { Locale } from '../i18n/locales.js';
import { translator, type Translator } from '../i18n/translator.js';
import type { Order } from '../orders/order.js';
import { orderMailtoLink } from '../orders/order-form.js';
import { DEFAULT_LEASE_MS, OutboxWorker, type DeliveryResult, type FailedAttempt } from '../orders/outbox.js';
import { PUBLICATIONS_UNIT_TARGET, type OutboxMessage } from '../orders/outbox-queue.js';
import type { OrderStore } from '../orders/store.js';
import { errorName } from '../orders/store-rules.js';
import type { SlackMessage } from './blocks/kit.js';
import { orderConfirmationMessage, orderNoticeMessage, statusChangeMessage } from './blocks/order-messages.js';
import type { OrderDeps, SlackDeps } from './deps.js';
import { answerLocale, type UserLanguages } from './user-languages.js';

/** The metadata event type of every message posted from the outbox. */
export const OUTBOX_EVENT_TYPE = 'handbooks_outbox';

/**
 * Slack error codes that another attempt cannot fix: the message is set aside as `failed` (kept in the
 * outbox, logged at error level) until an order admin runs `/handbooks orders retry` after fixing the cause.
 */
const PERMANENT_ERRORS = new Set(['invalid_blocks', 'invalid_arguments', 'msg_too_long', 'msg_blocks_too_long', 'no_text', 'user_not_found', 'user_disabled', 'cannot_dm_bot']);

/**
 * Slack error codes about the orders channel that a person can fix without changing the message: the bot
 * invited to the channel, the channel unarchived, ORDERS_CHANNEL_ID corrected. Deliberately not permanent:
 * the message is retried with backoff (at most every 15 minutes) and delivered once fixed, and each
 * failure is logged at error level so that someone sees it.
 */
const CHANNEL_ERRORS = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** The error recorded while ORDERS_CHANNEL_ID is not set. */
const CHANNEL_NOT_CONFIGURED = 'orders_channel_not_configured';

/** How far before a message was queued its earlier post is looked for (clock differences between us and Slack). */
const HISTORY_MARGIN_S = 300;
/** History pages searched at most for an uncertain message. */
const HISTORY_PAGES = 5;

/** The metadata that marks a post as the delivery of outbox message `message`. */
export function outboxMetadata(message: Pick<OutboxMessage, 'id' | 'orderReference'>): { event_type: string; event_payload: Record<string, string | number> } {
  return { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: message.id, reference: message.orderReference } };
}

/**
 * What start-up should warn about when ordering is on: no ORDERS_CHANNEL_ID (orders are stored but their
 * notices wait) and no ORDER_ADMIN_IDS (nobody can change a status), each saying what to set.
 */
export function orderSetupWarnings(deps: Pick<SlackDeps, 'ordersChannelId' | 'adminIds' | 'orders'>): string[] {
  if (!deps.orders) return [];
  const warnings: string[] = [];
  if (deps.ordersChannelId === undefined) {
    warnings.push(
      'ORDERS_CHANNEL_ID is not set: orders are stored, but their notices to the Publications Unit wait in the outbox until it is. ' +
        'Set it to the id of the orders channel (e.g. C0123ABCD), invite the bot there, and restart.',
    );
  }
  if (deps.adminIds.length === 0) {
    warnings.push(
      'ORDER_ADMIN_IDS is not set: nobody can change the status of an order or export orders. ' +
        'Set it to the Slack user ids of the order admins, comma-separated (e.g. U0123ABCD,U0456EFGH), and restart.',
    );
  }
  return warnings;
}

/**
 * What an outbox message says, rendered from the order as stored now, in the language of `t` (the orders
 * channel's for its notice, the requester's for their messages); `channelReady` is false without ORDERS_CHANNEL_ID.
 */
export function renderOutboxMessage(message: OutboxMessage, order: Order, t: Translator, channelReady = true): SlackMessage {
  switch (message.kind) {
    case 'order_notice':
      return orderNoticeMessage(order, t);
    case 'order_confirmation':
      return orderConfirmationMessage(order, orderMailtoLink(order, t), { channelReady }, t);
    case 'status_notice':
      return statusChangeMessage(order, message.payload, t);
  }
}

export interface OrderNoticesOptions {
  orders: OrderDeps;
  ordersChannelId: string | undefined;
  /** The language of the orders channel's notices (ORDERS_LANGUAGE). */
  ordersLanguage: Locale;
  /** The people's languages: the requester's messages are in theirs. */
  languages: UserLanguages;
  botToken: string;
  /** Base address of the Web API (the stand-in's in tests); default Slack's own. */
  slackApiUrl?: string;
  logger: Logger;
}

/**
 * The longest a single Web API call of a delivery may take: 6 s, or an eighth of a shorter lease (a delivery
 * makes at most 7 calls) but at least a second.
 */
function callTimeoutMs(leaseMs: number): number {
  return Math.min(6_000, Math.max(1_000, Math.floor(leaseMs / 8)));
}

/** The outbox worker of the app, delivering through Slack. */
export class OrderNotices {
  readonly #worker: OutboxWorker;
  readonly #store: OrderStore;
  readonly #client: webApi.WebClient;
  readonly #ordersChannelId: string | undefined;
  readonly #ordersLanguage: Locale;
  readonly #languages: UserLanguages;
  readonly #logger: Logger;
  #toldChannelMissing = false;

  constructor(options: OrderNoticesOptions) {
    const { orders } = options;
    this.#store = orders.store;
    this.#ordersChannelId = options.ordersChannelId;
    this.#ordersLanguage = options.ordersLanguage;
    this.#languages = options.languages;
    this.#logger = options.logger;
    const leaseMs = orders.outboxLeaseMs ?? DEFAULT_LEASE_MS;
    this.#client = new webApi.WebClient(options.botToken, {
      ...(options.slackApiUrl !== undefined ? { slackApiUrl: options.slackApiUrl } : {}),
      logger: options.logger,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // A hung call ends here and the notice is retried; other conversations' notices never wait for it.
      timeout: callTimeoutMs(leaseMs),
    });
    this.#worker = new OutboxWorker({
      outbox: this.#store.outbox,
      deliver: (message) => this.#deliver(message),
      leaseMs,
      ...(orders.outboxIntervalMs !== undefined ? { intervalMs: orders.outboxIntervalMs } : {}),
      ...(orders.outboxPace !== undefined ? { pace: orders.outboxPace } : {}),
      ...(orders.clock !== undefined ? { clock: orders.clock } : {}),
      onError: (error) => this.#logger.error(`Order notices: delivering the outbox failed (${errorName(error)})`),
      onAttemptFailed: (attempt) => this.#logFailedAttempt(attempt),
      onLeaseLost: (message) =>
        this.#logger.info(`Order notices: outbox message ${message.id} (${message.orderReference}) was taken over by another replica after its lease ran out`),
    });
  }

  /** Delivers what is due now and then keeps polling the outbox. */
  start(): void {
    this.#worker.start();
  }

  /** Stops polling and waits for the deliveries in flight to be recorded. */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  /** Delivers what is due now without waiting for the next poll (after an order or a status change). */
  kick(): void {
    this.#worker.kick();
  }

  async #deliver(message: OutboxMessage): Promise<DeliveryResult> {
    const order = await this.#store.get(message.orderReference);
    if (!order) return { ok: false, error: 'order_not_found', permanent: true };
    const target = message.target === PUBLICATIONS_UNIT_TARGET ? this.#ordersChannelId : message.target;
    if (target === undefined) {
      if (!this.#toldChannelMissing) {
        this.#logger.warn(`Order notices: the notice of ${message.orderReference} (and any after it) waits until ORDERS_CHANNEL_ID is set`);
        this.#toldChannelMissing = true;
      }
      return { ok: false, error: CHANNEL_NOT_CONFIGURED };
    }
    try {
      if (message.uncertain) {
        const ts = await this.#findPosted(target, message);
        if (ts !== undefined) {
          this.#logger.info(`Order notices: outbox message ${message.id} (${message.orderReference}) was already posted`);
          return { ok: true, externalRef: ts };
        }
      }
      const t = translator(
        message.kind === 'order_notice' ? this.#ordersLanguage : answerLocale(await this.#languages.of(this.#client, order.requester.userId)),
      );
      const content = renderOutboxMessage(message, order, t, this.#ordersChannelId !== undefined);
      const posted = await this.#client.chat.postMessage({ channel: target, ...content, metadata: outboxMetadata(message) });
      return { ok: true, ...(posted.ts !== undefined ? { externalRef: posted.ts } : {}) };
    } catch (error) {
      const result = refusal(error);
      if (result === undefined) throw error;
      return result;
    }
  }

  /** One log line per attempt that did not deliver: the outbox id, the reference, the error code, and what happens next. */
  #logFailedAttempt({ message, error, nextAttemptAt }: FailedAttempt): void {
    if (error === CHANNEL_NOT_CONFIGURED) return; // said once, in #deliver
    const what = `Order notices: outbox message ${message.id} (${message.kind} of ${message.orderReference}) not delivered, attempt ${message.attempts}: ${error}`;
    if (nextAttemptAt === undefined) this.#logger.error(`${what}. It is set aside: fix the cause, then an order admin runs /handbooks orders retry.`);
    else if (CHANNEL_ERRORS.has(error)) this.#logger.error(`${what}. Retrying at ${nextAttemptAt.toISOString()}: invite the bot to the orders channel or correct ORDERS_CHANNEL_ID.`);
    else this.#logger.warn(`${what}. Retrying at ${nextAttemptAt.toISOString()}.`);
  }

  /** The ts of an earlier post of `message` in the target conversation, if there is one. */
  async #findPosted(target: string, message: OutboxMessage): Promise<string | undefined> {
    const channel = /^[UW]/.test(target) ? (await this.#client.conversations.open({ users: target })).channel?.id : target;
    if (channel === undefined) return undefined;
    const oldest = String(Math.floor(message.createdAt.getTime() / 1000) - HISTORY_MARGIN_S);
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const history = await this.#client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      const hit = history.messages?.find(
        (m) => m.metadata?.event_type === OUTBOX_EVENT_TYPE && (m.metadata.event_payload as { outbox_id?: unknown } | undefined)?.outbox_id === message.id,
      );
      if (hit?.ts) return hit.ts;
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }
}

/**
 * Slack's answer to a call that did not go through, as a delivery result: a 429 with its Retry-After, or
 * an error code (permanent or to retry). Undefined when Slack gave no answer, so the post may have happened.
 */
function refusal(error: unknown): Extract<DeliveryResult, { ok: false }> | undefined {
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (coded.code === webApi.ErrorCode.RateLimitedError) {
    return { ok: false, error: 'ratelimited', ...(typeof coded.retryAfter === 'number' ? { retryAfterMs: coded.retryAfter * 1000 } : {}) };
  }
  if (coded.code === webApi.ErrorCode.PlatformError) {
    const code = coded.data?.error ?? 'unknown_error';
    return { ok: false, error: code, ...(PERMANENT_ERRORS.has(code) ? { permanent: true } : {}) };
  }
  return undefined;
}
