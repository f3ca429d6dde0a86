/**
 * The Slack app factory: one Bolt app, built the same way for Socket Mode, HTTP, tests and offline mode.
 *
 * `createSlackApp({ connection, deps, … })` chooses the receiver (Socket Mode for an xapp- token, Bolt's
 * HTTPReceiver behind the request guard (./request-guard.ts) with `POST /slack/events`, `GET /healthz` and
 * `GET /metrics` for HTTP, or a given receiver), points the Web API client — and Socket Mode's
 * `apps.connections.open` — at `slackApiUrl` when set, counts and times requests for its metrics
 * (../operations/), installs one global middleware (in-flight tracking, retry dedupe, ignoring bots and
 * edits), a PII-free error handler that tells the person plainly, in their language, when something
 * failed, and then the listeners (`registerListeners` from ./listeners/index.js), which look the person's
 * language up before each request they handle.
 */
import { App, HTTPReceiver, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { LogLevelName, SlackConnection } from '../config.js';
import { DEFAULT_LOCALE } from '../i18n/locales.js';
import { operationsRoutes, startOperationsServer } from '../operations/http.js';
import { createAppMetrics, surfaceOf, type AppMetrics } from '../operations/metrics.js';
import { storeStatusOf } from '../operations/store-status.js';
import { errorName } from '../orders/store-rules.js';
import { searchOutcome } from '../search/gaps.js';
import type { SearchResponse } from '../search/types.js';
import { BatchedSearchUsage } from '../usage/batched-search-usage.js';
import { MemoryDeliveryLog, deliveryKey } from './dedupe.js';
import type { SearchUsageDeps, SlackDeps } from './deps.js';
import { isIgnorableEvent, type MessageLikeEvent } from './ignore-bots.js';
import { registerListeners } from './listeners/index.js';
import { createLogger } from './logger.js';
import { OrderNotices } from './order-notices.js';
import { guardSlackRequests } from './request-guard.js';
import { translatorFor, UserLanguages } from './user-languages.js';

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
  /** A port (0 = any free port) for /healthz and /metrics on a server of their own (METRICS_PORT; Socket Mode has no other). */
  metricsPort?: number;
  /** Also collect prom-client's default process metrics (production). */
  processMetrics?: boolean;
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
  /** This app's metrics (its own registry). */
  metrics: AppMetrics;
  /** Starts receiving. HTTP mode resolves with the bound port and the request URL; `metricsPort` is the operations server's. */
  start(): Promise<{ port?: number; url?: string; metricsPort?: number }>;
  /** Stops receiving, waits (up to `graceMs`, default 10 s) for requests in progress, writes the searches noted for search usage, then stops the order outbox worker and the operations server. */
  stop(graceMs?: number): Promise<void>;
  /** How many requests are being processed right now. */
  inFlight(): number;
}

/** Where Slack sends requests in HTTP mode. */
const EVENTS_PATH = '/slack/events';

/** Builds the Bolt app with its receiver, middleware, error handler and listeners. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { connection, deps } = options;
  const logger = options.logger ?? createLogger(options.logLevel ?? 'info');
  let state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  let active = 0;

  const storeStatus = deps.orders && storeStatusOf(deps.orders.store);
  const metrics = createAppMetrics({ ...(storeStatus ? { store: storeStatus } : {}), processMetrics: options.processMetrics ?? false });
  const routes = operationsRoutes({ state: () => state, publications: deps.engine.publications.length, ...(storeStatus ? { store: storeStatus } : {}) }, metrics, logger);

  const socketReceiver = (appToken: string) =>
    new SocketModeReceiver({
      appToken,
      logger,
      // Bolt hands these to its socket client, whose apps.connections.open otherwise always goes to slack.com.
      ...(options.slackApiUrl !== undefined ? { installerOptions: { clientOptions: { slackApiUrl: options.slackApiUrl } } } : {}),
    });
  const httpReceiver = (signingSecret: string) => {
    const http = new HTTPReceiver({ signingSecret, endpoints: EVENTS_PATH, logger, customRoutes: routes });
    guardSlackRequests(http, { signingSecret, endpoints: [EVENTS_PATH], logger, onRefused: metrics.refused });
    return http;
  };
  const receiver = options.receiver ?? (connection.mode === 'socket' ? socketReceiver(connection.appToken) : httpReceiver(connection.signingSecret));

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

  measureRequests(app, metrics);

  // One global middleware rather than one per concern: Bolt copies its arguments for each, on every request.
  const deliveries = deps.deliveries ?? new MemoryDeliveryLog();
  const languages = new UserLanguages(deps.preferences);
  app.use(async (args) => {
    const { body, context, logger, next } = args;
    active += 1;
    try {
      // Bots' and edited messages first: they are cheap to tell apart and need no look-up in the delivery log.
      if (isIgnorableEvent((body as { event?: MessageLikeEvent }).event)) return;
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
      await next();
    } finally {
      active -= 1;
    }
  });

  const onError: Parameters<App['error']>[0] = async ({ error, body, context }) => {
    const request = body as unknown as Record<string, unknown>;
    logger.error(`Failed to handle ${describeRequest(request)}:`, error);
    await tellUser(app, request, context.botToken, translatorFor(context)('common.sorry')).catch((e: unknown) => logger.warn('Could not tell the user about the failure:', e));
  };
  app.error(onError);

  // The order store's outbox is delivered by this app's worker, running while the app runs.
  const notices =
    deps.orders &&
    new OrderNotices({
      orders: deps.orders,
      ordersChannelId: deps.ordersChannelId,
      ordersLanguage: deps.ordersLanguage ?? DEFAULT_LOCALE,
      languages,
      botToken: connection.botToken,
      ...(options.slackApiUrl !== undefined ? { slackApiUrl: options.slackApiUrl } : {}),
      logger,
    });
  // Searches are counted for the catalogue admins in batches (../usage/batched-search-usage.ts), written
  // while the app runs, before each report and when it stops; the listeners read through the same batches.
  const searches = deps.searchUsage && batchedSearchUsage(deps.searchUsage, logger);
  const onSearch = (response: SearchResponse) => {
    metrics.searched(response.total > 0);
    void searches?.record([{ queryText: response.query.text, outcome: searchOutcome(response) }]);
  };
  registerListeners(app, { ...deps, onSearch, ...(searches ? { searchUsage: { store: searches } } : {}) }, notices, languages);
  let operationsServer: Server | undefined;

  return {
    app,
    metrics,
    inFlight: () => active,
    async start() {
      if (options.identity === undefined) await verifyToken(app);
      let started: { port?: number; url?: string } = {};
      if (connection.mode !== 'http' || options.receiver !== undefined) {
        await app.start();
      } else {
        const server: Server = await app.start({ port: options.port ?? 3000, ...(options.host !== undefined ? { host: options.host } : {}) });
        const { port } = server.address() as AddressInfo;
        started = { port, url: `http://${options.host ?? 'localhost'}:${port}${EVENTS_PATH}` };
      }
      state = 'running';
      notices?.start();
      if (options.metricsPort === undefined) return started;
      const operations = await startOperationsServer(routes, options.metricsPort, options.host);
      operationsServer = operations.server;
      return { ...started, metricsPort: operations.port };
    },
    async stop(graceMs = 10_000) {
      if (state !== 'running') return;
      state = 'stopping';
      await app.stop();
      const deadline = Date.now() + graceMs;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (active > 0) logger.warn(`Stopped with ${active} request(s) still in progress`);
      await searches?.flush();
      await notices?.stop();
      await new Promise((resolve) => (operationsServer ? operationsServer.close(resolve) : resolve(undefined)));
      state = 'stopped';
    },
  };
}

/** Search usage in batches over `usage.store`; a batch that could not be written is logged by its error code, never with a query. */
function batchedSearchUsage(usage: SearchUsageDeps, logger: Logger): BatchedSearchUsage {
  return new BatchedSearchUsage(usage.store, {
    ...(usage.flushIntervalMs !== undefined ? { flushIntervalMs: usage.flushIntervalMs } : {}),
    onWriteError: (error, searches) => logger.warn(`Could not count ${searches} search(es) in the search-usage store: ${errorName(error)}`),
  });
}

/**
 * Counts each request by surface and times its acknowledgement. Every receiver hands each request to
 * `app.processEvent` with its `ack`, and Bolt has no hook around the acknowledgement, so this app's own
 * `processEvent` is wrapped: the one place that sees every request and its ack, in Socket Mode and HTTP alike.
 */
function measureRequests(app: App, metrics: AppMetrics): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const surface = surfaceOf(event.body);
    const receivedAt = performance.now();
    metrics.received(surface);
    return processEvent({
      ...event,
      ack: async (response) => {
        try {
          return await event.ack(response);
        } finally {
          metrics.acknowledged(surface, (performance.now() - receivedAt) / 1000);
        }
      },
    });
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

/** Tells the person plainly that their request failed (`sorry`): via response_url, or ephemerally where the event happened. */
async function tellUser(app: App, body: Record<string, unknown>, botToken: string | undefined, sorry: string): Promise<void> {
  if (typeof body.response_url === 'string') {
    const response = await fetch(body.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: sorry }),
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
      text: sorry,
      ...(event.thread_ts ?? event.ts ? { thread_ts: event.thread_ts ?? event.ts } : {}),
    });
  }
}
