/**
 * The app's Prometheus metrics (prom-client), one registry per app so that several apps can run in one
 * process (tests) without sharing counts:
 *
 * - `handbooks_requests_total{surface}`: requests from Slack by surface (command, event, action, view,
 *   options, shortcut, other);
 * - `handbooks_ack_seconds{surface}`: time from receiving a request to acknowledging it (Slack's limit: 3 s);
 * - `handbooks_requests_refused_total{reason}`: requests refused before the app saw them (signature or
 *   timestamp, malformed body, too large);
 * - `handbooks_searches_total{result}`: searches people asked for, `found` or `none` (no result);
 * - `handbooks_orders{status}` and `handbooks_outbox_messages{state}` (waiting, retrying, failed), read from
 *   the store at scrape time, and `handbooks_store_up` (0 when the store did not answer);
 * - with `processMetrics`, prom-client's default process and Node.js metrics.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ORDER_STATUSES } from '../orders/status.js';
import type { StoreStatus } from './store-status.js';

export const SURFACES = ['command', 'event', 'action', 'view', 'options', 'shortcut', 'other'] as const;
export type Surface = (typeof SURFACES)[number];

/** Acknowledgement time buckets, in seconds, around Slack's 3-second limit. */
const ACK_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

/** Which surface a Slack request body comes from. */
export function surfaceOf(body: unknown): Surface {
  const { type, command } = (body ?? {}) as { type?: unknown; command?: unknown };
  if (typeof command === 'string') return 'command';
  switch (type) {
    case 'event_callback':
      return 'event';
    case 'block_actions':
    case 'interactive_message':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'block_suggestion':
      return 'options';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    default:
      return 'other';
  }
}

export interface AppMetrics {
  readonly registry: Registry;
  /** A request from Slack arrived. */
  received(surface: Surface): void;
  /** A request was acknowledged `seconds` after it arrived. */
  acknowledged(surface: Surface, seconds: number): void;
  /** A request was refused before reaching the app. */
  refused(reason: string): void;
  /** A search someone asked for found something, or nothing. */
  searched(found: boolean): void;
}

export interface AppMetricsOptions {
  /** The order store, read at scrape time; without it there are no order and outbox metrics. */
  store?: StoreStatus;
  /** Also collect prom-client's default process metrics (production; tests leave them off). */
  processMetrics?: boolean;
}

/** A new registry with the app's metrics. */
export function createAppMetrics(options: AppMetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  const requests = new Counter({ name: 'handbooks_requests_total', help: 'Requests from Slack, by surface.', labelNames: ['surface'], registers: [registry] });
  const ackSeconds = new Histogram({
    name: 'handbooks_ack_seconds',
    help: 'Time from receiving a request from Slack to acknowledging it, by surface (Slack allows 3 s).',
    labelNames: ['surface'],
    buckets: ACK_BUCKETS,
    registers: [registry],
  });
  const refused = new Counter({ name: 'handbooks_requests_refused_total', help: 'Requests refused before the app saw them, by reason.', labelNames: ['reason'], registers: [registry] });
  const searches = new Counter({ name: 'handbooks_searches_total', help: 'Searches people asked for, by result: found or none.', labelNames: ['result'], registers: [registry] });
  for (const surface of SURFACES) requests.labels(surface).inc(0);
  for (const result of ['found', 'none']) searches.labels(result).inc(0);

  const { store } = options;
  if (store !== undefined) {
    // prom-client collects the gauges concurrently: they share one read of the store per scrape.
    let reading: Promise<{ byStatus: Record<string, number>; backlog: Record<string, number> } | undefined> | undefined;
    const read = () =>
      (reading ??= Promise.all([store.countOrdersByStatus(), store.outboxSummary()])
        .then(([byStatus, { waiting, retrying, failed }]) => ({ byStatus, backlog: { waiting, retrying, failed } }))
        .catch(() => undefined)
        .finally(() => {
          reading = undefined;
        }));
    new Gauge({
      name: 'handbooks_store_up',
      help: '1 when the order store answered at this scrape, else 0.',
      registers: [registry],
      async collect() {
        this.set((await read()) === undefined ? 0 : 1);
      },
    });
    new Gauge({
      name: 'handbooks_orders',
      help: 'Orders in the store, by status.',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        const snapshot = await read();
        this.reset();
        if (snapshot === undefined) return;
        for (const status of new Set([...ORDER_STATUSES, ...Object.keys(snapshot.byStatus)])) this.labels(status).set(snapshot.byStatus[status] ?? 0);
      },
    });
    new Gauge({
      name: 'handbooks_outbox_messages',
      help: 'Order notices not yet delivered, by state: waiting, retrying, failed.',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const snapshot = await read();
        this.reset();
        if (snapshot === undefined) return;
        for (const [state, count] of Object.entries(snapshot.backlog)) this.labels(state).set(count);
      },
    });
  }
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  return {
    registry,
    received: (surface) => requests.labels(surface).inc(),
    acknowledged: (surface, seconds) => ackSeconds.labels(surface).observe(seconds),
    refused: (reason) => refused.labels(reason).inc(),
    searched: (found) => searches.labels(found ? 'found' : 'none').inc(),
  };
}
