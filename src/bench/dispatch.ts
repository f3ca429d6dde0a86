/**
 * Part of benchmark section "slack": what Bolt's own dispatch of a request costs, before any listener does
 * anything. Each app gets `app.processEvent` calls for a slash command none of its listeners handles, in a
 * loop with no HTTP: a bare Bolt app with one listener, the same bare app with one listener per id as the
 * real app once registered them (18), and the real app from the production factory, whose listeners go
 * through one router (src/slack/router.ts).
 */
import { App, type Receiver } from '@slack/bolt';
import { createSlackApp } from '../slack/app.js';
import { createLogger } from '../slack/logger.js';
import type { SearchEngine } from '../search/types.js';
import { now } from './measure.js';

/** Microseconds per dispatched request, per app. */
export interface DispatchFigures {
  bare: number;
  bareWithListenerPerId: number;
  real: number;
}

/** Listeners the real app had when each command, event, button and view had a Bolt listener of its own. */
const LISTENERS_PER_ID = 18;
/** Dispatches per app: unmeasured, then measured. */
export interface DispatchCounts {
  warmUp: number;
  measured: number;
}
const DEFAULT_COUNTS: DispatchCounts = { warmUp: 20_000, measured: 50_000 };

const noReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };
const logger = createLogger('error', () => undefined);

function bareApp(listeners: number): App {
  const app = new App({ token: 'xoxb-bench', receiver: noReceiver, logger, logLevel: logger.getLevel(), botId: 'B0BENCH', botUserId: 'U0BENCH', tokenVerificationEnabled: false });
  app.command('/handbooks', async ({ ack }) => ack());
  for (let i = 1; i < listeners; i++) app.action(`bench_action_${i}`, async ({ ack }) => ack());
  return app;
}

/** A slash command body as Bolt's receivers pass it on, for a command no listener handles. */
function unhandledCommand(): Record<string, unknown> {
  return { token: 't', team_id: 'T0BENCH', channel_id: 'C0BENCH', user_id: 'U0ALICE', command: '/unhandled', text: 'x', api_app_id: 'A0BENCH', trigger_id: '1.2.3' };
}

/** Microseconds per `app.processEvent` of an unhandled command, after a warm-up. */
async function microsecondsPerDispatch(app: App, { warmUp, measured }: DispatchCounts): Promise<number> {
  const dispatch = () => app.processEvent({ body: unhandledCommand(), ack: async () => undefined });
  for (let i = 0; i < warmUp; i++) await dispatch();
  const start = now();
  for (let i = 0; i < measured; i++) await dispatch();
  return ((now() - start) * 1000) / measured;
}

/** Measures Bolt's dispatch cost of the bare app, the bare app with a listener per id, and the real app. */
export async function measureDispatch(engine: SearchEngine, counts: DispatchCounts = DEFAULT_COUNTS): Promise<DispatchFigures> {
  const real = createSlackApp({
    connection: { mode: 'http', botToken: 'xoxb-bench', signingSecret: 'bench' },
    deps: { engine, ordersChannelId: undefined, adminIds: [] },
    receiver: noReceiver,
    logger,
    identity: { botId: 'B0BENCH', botUserId: 'U0BENCH' },
  }).app;
  return {
    bare: await microsecondsPerDispatch(bareApp(1), counts),
    bareWithListenerPerId: await microsecondsPerDispatch(bareApp(LISTENERS_PER_ID), counts),
    real: await microsecondsPerDispatch(real, counts),
  };
}

/** The figures as a line of the report. */
export function describeDispatch(f: DispatchFigures, counts: DispatchCounts = DEFAULT_COUNTS): string {
  return (
    `Bolt's dispatch alone (app.processEvent of a command no listener handles, ${counts.measured} times, no HTTP): ` +
    `bare app ${f.bare.toFixed(0)} µs, bare app with ${LISTENERS_PER_ID} listeners ${f.bareWithListenerPerId.toFixed(0)} µs, ` +
    `this app (one router) ${f.real.toFixed(0)} µs per request.`
  );
}
