/**
 * The Slack app factory: one Bolt app, built the same way for Socket Mode, HTTP, tests and offline mode.
 *
 * `createSlackApp({ connection, deps, … })` chooses the receiver (Socket Mode for an xapp- token, Bolt's
 * HTTPReceiver with `POST /slack/events` and `GET /healthz` for HTTP, or a given receiver), points the Web
 * API client at `slackApiUrl` when set, installs one global middleware (in-flight tracking, retry dedupe,
 * ignoring bots and edits), a PII-free error handler that tells the person plainly when something failed,
 * and then the listeners (`registerListeners` from ./listeners/index.js).
 */
import { App, HTTPReceiver, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LogLevelName, SlackConnection } from '../config.js';
import { MemoryDeliveryLog, deliveryKey } from './dedupe.js';
import type { SlackDeps } from './deps.js';
import { isIgnorableEvent, type MessageLikeEvent } from './ignore-bots.js';
import { registerListeners } from './listeners/index.js';
import { createLogger } from './logger.js';
import { OrderNotices } from './order-notices.js';

/** Web API retries: 429s wait for Retry-After, then retry; network and 5xx errors retry with backoff. */
export interface RetryPolicy {
  retries: number;
  minTimeout?: number;
  maxTimeout?: number;
  factor?: number;
  randomize?: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true };

export interface SlackAppOptions {
  connection: SlackConnection;
  deps: SlackDeps;
  /** Base address of the Web API (config SLACK_API_URL, or the stand-in's); default Slack's own. */
  slackApiUrl?: string;
  /** HTTP mode: port to listen on (0 = any free port) and address to bind (default all interfaces). */
  port?: number;
  host?: string;
  logLevel?: LogLevelName;
  logger?: Logger;
  /**
   * The bot's identity when already known (the stand-in's): skips Bolt's auth.test. Without it, start()
   * checks the token with auth.test and fails with a plain message when Slack refuses it.
   */
  identity?: { botId: string; botUserId: string };
  retryPolicy?: RetryPolicy;
  /** A receiver to use instead of Socket Mode / HTTP (it calls app.processEvent). */
  receiver?: Receiver;
}

export interface SlackApp {
  app: App;
  /** Starts receiving. HTTP mode resolves with the bound port and the request URL. */
  start(): Promise<{ port?: number; url?: string }>;
  /** Stops receiving, waits (up to `graceMs`, default 10 s) for requests in progress, then stops the order outbox worker. */
  stop(graceMs?: number): Promise<void>;
  /** How many requests are being processed right now. */
  inFlight(): number;
}

const SORRY = "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.";

/** Builds the Bolt app with its receiver, middleware, error handler and listeners. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { connection, deps } = options;
  const logger = options.logger ?? createLogger(options.logLevel ?? 'info');
  let state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  let active = 0;

  const receiver =
    options.receiver ??
    (connection.mode === 'socket'
      ? new SocketModeReceiver({ appToken: connection.appToken, logger })
      : new HTTPReceiver({
          signingSecret: connection.signingSecret,
          endpoints: '/slack/events',
          logger,
          customRoutes: [{ path: '/healthz', method: 'GET', handler: (_req: IncomingMessage, res: ServerResponse) => health(res) }],
        }));

  const health = (res: ServerResponse) => {
    const ok = state === 'running';
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok, state, publications: deps.engine.publications.length }));
  };

  const app = new App({
    token: connection.botToken,
    receiver,
    logger,
    // Bolt otherwise resets the logger to INFO.
    logLevel: logger.getLevel(),
    convoStore: false,
    extendedErrorHandler: true,
    clientOptions: {
      ...(options.slackApiUrl !== undefined ? { slackApiUrl: options.slackApiUrl } : {}),
      retryConfig: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      rejectRateLimitedCalls: false,
      timeout: 15_000,
    },
    ...(options.identity !== undefined
      ? { botId: options.identity.botId, botUserId: options.identity.botUserId, tokenVerificationEnabled: false }
      : { deferInitialization: true }),
  });

  // One global middleware rather than one per concern: Bolt copies its arguments for each, on every request.
  const deliveries = deps.deliveries ?? new MemoryDeliveryLog();
  app.use(async (args) => {
    const { body, context, logger, next } = args;
    active += 1;
    try {
      const key = deliveryKey(body);
      // When the log cannot be reached, answering twice is better than not answering.
      const first =
        key === undefined ||
        (await deliveries.firstDelivery(key).catch(() => {
          logger.warn('Could not check for a repeated delivery (the delivery log did not answer); handling it');
          return true;
        }));
      if (!first) {
        logger.debug(`Dropped a repeated delivery (retry ${context.retryNum ?? 0}, ${context.retryReason ?? 'no reason'})`);
        await (args as { ack?: () => Promise<void> }).ack?.();
        return;
      }
      if (isIgnorableEvent((body as { event?: MessageLikeEvent }).event)) return;
      await next();
    } finally {
      active -= 1;
    }
  });

  const onError: Parameters<App['error']>[0] = async ({ error, body, context }) => {
    const request = body as unknown as Record<string, unknown>;
    logger.error(`Failed to handle ${describeRequest(request)}:`, error);
    await tellUser(app, request, context.botToken).catch((e: unknown) => logger.warn('Could not tell the user about the failure:', e));
  };
  app.error(onError);

  // The order store's outbox is delivered by this app's worker, running while the app runs.
  const notices =
    deps.orders &&
    new OrderNotices({
      orders: deps.orders,
      ordersChannelId: deps.ordersChannelId,
      botToken: connection.botToken,
      ...(options.slackApiUrl !== undefined ? { slackApiUrl: options.slackApiUrl } : {}),
      logger,
    });
  registerListeners(app, deps, notices);

  return {
    app,
    inFlight: () => active,
    async start() {
      if (options.identity === undefined) await verifyToken(app);
      if (connection.mode !== 'http' || options.receiver !== undefined) {
        await app.start();
        state = 'running';
        notices?.start();
        return {};
      }
      const server: Server = await app.start({ port: options.port ?? 3000, ...(options.host !== undefined ? { host: options.host } : {}) });
      state = 'running';
      notices?.start();
      const { port } = server.address() as AddressInfo;
      return { port, url: `http://${options.host ?? 'localhost'}:${port}/slack/events` };
    },
    async stop(graceMs = 10_000) {
      if (state !== 'running') return;
      state = 'stopping';
      await app.stop();
      const deadline = Date.now() + graceMs;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (active > 0) logger.warn(`Stopped with ${active} request(s) still in progress`);
      await notices?.stop();
      state = 'stopped';
    },
  };
}

/** Checks the bot token with auth.test (Bolt's deferred initialisation); a refusal becomes a plain error. */
async function verifyToken(app: App): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new Error(
      code !== undefined
        ? `Slack refused SLACK_BOT_TOKEN (${code}). Check the Bot User OAuth Token under OAuth & Permissions and reinstall the app if needed.`
        : `Could not reach Slack to check SLACK_BOT_TOKEN (${(error as Error).message}).`,
    );
  }
}

/** What kind of request failed, without anything the person typed. */
function describeRequest(body: Record<string, unknown>): string {
  const event = body.event as { type?: string } | undefined;
  if (event?.type) return `event ${event.type}`;
  if (typeof body.command === 'string') return `command ${body.command}`;
  const actions = body.actions as { action_id?: string }[] | undefined;
  if (Array.isArray(actions)) return `action ${actions.map((a) => a.action_id).join(',')}`;
  const view = body.view as { callback_id?: string } | undefined;
  if (typeof body.type === 'string') return `${body.type}${view?.callback_id ? ` ${view.callback_id}` : ''}`;
  return 'request';
}

/** Tells the person plainly that their request failed: via response_url, or ephemerally where the event happened. */
async function tellUser(app: App, body: Record<string, unknown>, botToken: string | undefined): Promise<void> {
  if (typeof body.response_url === 'string') {
    const response = await fetch(body.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: SORRY }),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return;
  }
  const event = body.event as { user?: string; channel?: string; thread_ts?: string; ts?: string; type?: string } | undefined;
  if (event?.user !== undefined && event.channel !== undefined && (event.type === 'app_mention' || event.type === 'message')) {
    await app.client.chat.postEphemeral({
      token: botToken,
      channel: event.channel,
      user: event.user,
      text: SORRY,
      ...(event.thread_ts ?? event.ts ? { thread_ts: event.thread_ts ?? event.ts } : {}),
    });
  }
}
