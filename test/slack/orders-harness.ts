/**
 * The order dialog's tests drive the real app (Bolt's HTTPReceiver, signed requests) against the stand-in
 * for Slack, with the order store on a real SQLite file in a temporary directory. Unlike startTestBot, the
 * stand-in outlives the app: `restart()` stops the app, reopens the store file and starts a new app on the
 * same stand-in, as a process restart would, so Slack's history survives it.
 */
import { join } from 'node:path';
import { createSearchEngine } from '../../src/search/engine.js';
import type { OrderStore } from '../../src/orders/store.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { SlackStandIn, type SeedChannel, type SeedUser, type StoredView } from '../../src/offline/standin/index.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createLogger } from '../../src/slack/logger.js';
import { openStorage, type Storage, type StorageLocation } from '../../src/storage.js';
import { CATALOGUE, TestClock, tempDir } from '../orders/fixtures.js';
import { FAST_RETRIES } from '../support/test-bot.js';

export const ORDERS_CHANNEL = 'C0ORDERS';
export const ADMIN = 'U0ADMIN';
export const REQUESTER = 'U0ANA';
export const OTHER = 'U0BOB';

/** The requester's Slack profile, which pre-fills the delivery step. */
export const ANA: SeedUser = { id: REQUESTER, name: 'ana', realName: 'Ana Pérez', displayName: 'ana', email: 'ana.perez@example.org' };

export interface OrderBot {
  standIn: SlackStandIn;
  slackApp: SlackApp;
  store: OrderStore;
  /** The clock of the store and the outbox worker; advance it to make retries due. */
  clock: TestClock;
  /** Every line the app logged. */
  logs: string[];
  /** Stops the app, reopens the store file and starts a new app on the same stand-in. */
  restart(beforeStart?: (store: OrderStore) => void | Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** Options of startOrderBot. */
export interface OrderBotOptions {
  /** ORDERS_CHANNEL_ID; default ORDERS_CHANNEL, undefined for an app where it is not set. */
  ordersChannelId?: string | undefined;
  /** Where the stores are; default a new SQLite file. */
  location?: StorageLocation;
  /** The catalogue searched and ordered from; default the three small titles of CATALOGUE. */
  publications?: readonly Publication[];
  /** Further channels of the workspace, beside the orders channel. */
  channels?: SeedChannel[];
}

/** Starts the stand-in and the app with an order store on a new SQLite file (or at `options.location`). */
export async function startOrderBot(options: OrderBotOptions = {}): Promise<OrderBot> {
  const ordersChannelId = 'ordersChannelId' in options ? options.ordersChannelId : ORDERS_CHANNEL;
  const location = options.location ?? { sqliteFile: join(tempDir(), 'orders.sqlite') };
  const clock = new TestClock(Date.now());
  const engine = createSearchEngine(options.publications ?? CATALOGUE);
  const logs: string[] = [];
  const standIn = await SlackStandIn.start({ users: [ANA], channels: [{ id: ORDERS_CHANNEL, name: 'publications-orders' }, ...(options.channels ?? [])] });
  const open = () => openStorage(location, { clock: clock.now, random: () => 0 });

  const startApp = async ({ orders: store, deliveries }: Storage): Promise<SlackApp> => {
    const slackApp = createSlackApp({
      connection: { mode: 'http', botToken: standIn.botToken, signingSecret: standIn.signingSecret },
      deps: { engine, ordersChannelId, adminIds: [ADMIN], orders: { store, clock: clock.now, outboxIntervalMs: 20, outboxLeaseMs: 4_000 }, deliveries },
      slackApiUrl: standIn.apiUrl,
      port: 0,
      host: '127.0.0.1',
      identity: { botId: standIn.botId, botUserId: standIn.botUserId },
      logger: createLogger('debug', (line) => logs.push(line)),
      retryPolicy: FAST_RETRIES,
    });
    const { url } = await slackApp.start();
    if (url === undefined) throw new Error('no request URL');
    standIn.connect(url);
    standIn.trackBusy(() => slackApp.inFlight() > 0);
    return slackApp;
  };

  let storage = await open();
  const bot: OrderBot = {
    standIn,
    store: storage.orders,
    clock,
    logs,
    slackApp: undefined as unknown as SlackApp,
    async restart(beforeStart) {
      await bot.slackApp.stop();
      await bot.store.close();
      storage = await open();
      bot.store = storage.orders;
      await beforeStart?.(bot.store);
      bot.slackApp = await startApp(storage);
    },
    async stop() {
      await bot.slackApp.stop();
      await bot.store.close();
      await standIn.stop();
    },
  };
  bot.slackApp = await startApp(storage);
  return bot;
}

/** The user's top modal, failing when there is none. */
export function topModal(standIn: SlackStandIn, user: string): StoredView {
  const view = standIn.topModal(user);
  if (!view) throw new Error(`${user} has no modal open`);
  return view;
}

/** Block ids of a view's input blocks, in order. */
export function inputBlockIds(view: StoredView): string[] {
  return view.blocks.flatMap((b) => {
    const block = b as { type?: string; block_id?: string };
    return block.type === 'input' && block.block_id ? [block.block_id] : [];
  });
}
