/**
 * Test helpers for the Slack app: the real app factory, in HTTP mode behind Bolt's real HTTPReceiver,
 * wired to the stand-in for Slack on loopback (see src/offline/standin/index.ts for the stand-in's API).
 *
 *   const bot = await startTestBot({ publications });   // or { engine }, or {} for the committed catalogue
 *   afterEach(() => expectWithinBlockKitLimits(bot.standIn));
 *   afterAll(() => bot.stop());
 *   await bot.standIn.slashCommand({ user: 'U1', text: 'trafficking' });
 *   const reply = await bot.standIn.waitFor((c) => c.method === 'command_response');   // answered in the ack
 */
import type { App } from '@slack/bolt';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { loadConfig } from '../../src/config.js';
import { startAppWithStandIn, type SeedChannel, type SeedUser, type SlackStandIn } from '../../src/offline/standin/index.js';
import type { RetryPolicy, SlackApp } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { createLogger } from '../../src/slack/logger.js';
import { textOf } from '../slack/block-query.js';

export { signRequest } from '../../src/offline/standin/index.js';

export interface TestBotOptions {
  /** The search engine listeners use; default: the real engine over `publications`. */
  engine?: SlackDeps['engine'];
  /** The catalogue to search when no engine is given; default: the committed catalogue. */
  publications?: Publication[];
  /** Environment overrides read through loadConfig (e.g. ORDERS_CHANNEL_ID, ORDER_ADMIN_IDS). */
  env?: Record<string, string>;
  /** Further SlackDeps fields, overriding what env gives. */
  deps?: Partial<SlackDeps>;
  seedUsers?: SeedUser[];
  channels?: SeedChannel[];
  /** Registers extra listeners before the app starts (runtime tests). */
  register?: (app: App) => void;
  /** Web API retry policy; default: two quick retries (a 429 still waits for its Retry-After). */
  retryPolicy?: RetryPolicy;
}

export interface TestBot {
  standIn: SlackStandIn;
  slackApp: SlackApp;
  app: App;
  /** `http://127.0.0.1:PORT/slack/events` */
  requestUrl: string;
  /** `http://127.0.0.1:PORT/healthz` */
  healthUrl: string;
  /** Every line the app logged (any level), already redacted. */
  logs: string[];
  stop(): Promise<void>;
}

export const FAST_RETRIES: RetryPolicy = { retries: 2, minTimeout: 0, maxTimeout: 10, randomize: false };

/** Starts the stand-in and the app wired to it. Call `stop()` when done. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const config = loadConfig({ ...options.env });
  const logs: string[] = [];
  const bot = await startAppWithStandIn({
    deps: {
      engine: options.engine ?? createSearchEngine(options.publications ?? loadCatalogue()),
      ordersChannelId: config.ordersChannelId,
      adminIds: config.adminIds,
      ...options.deps,
    },
    standIn: { users: options.seedUsers ?? [], channels: options.channels ?? [] },
    logger: createLogger('debug', (line) => logs.push(line)),
    retryPolicy: options.retryPolicy ?? FAST_RETRIES,
    ...(options.register ? { beforeStart: (slackApp: SlackApp) => options.register?.(slackApp.app) } : {}),
  });
  return {
    standIn: bot.standIn,
    slackApp: bot.slackApp,
    app: bot.slackApp.app,
    requestUrl: bot.requestUrl,
    healthUrl: bot.requestUrl.replace(/\/slack\/events$/, '/healthz'),
    logs,
    stop: () => bot.stop(),
  };
}

/** Fails when any payload the app sent broke a Block Kit limit; clears the record for the next test. */
export function expectWithinBlockKitLimits(standIn: SlackStandIn): void {
  const violations = standIn.limitViolations.splice(0);
  if (violations.length > 0) {
    throw new Error(`Block Kit limits broken:\n${violations.map((v) => `  ${v.method} ${v.path}: ${v.message}`).join('\n')}`);
  }
}

/**
 * Runs `/handbooks text` as `user` (in `channel`, default the stand-in's) and returns the answer sent later
 * through response_url: its blocks and their text, or its text when it has no blocks.
 */
export async function commandResponse(standIn: SlackStandIn, options: { user: string; text: string; channel?: string }): Promise<{ text: string; blocks: unknown[] }> {
  const since = standIn.calls.length;
  await standIn.slashCommand(options);
  const call = await standIn.waitFor((c) => c.method === 'response_url', { since });
  const blocks = (call.args.blocks as unknown[] | undefined) ?? [];
  return { text: blocks.length > 0 ? textOf(blocks) : String(call.args.text), blocks };
}
