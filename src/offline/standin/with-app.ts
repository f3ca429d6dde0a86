/**
 * The app and the stand-in for Slack wired together on loopback: the very app factory of production mode,
 * in HTTP mode on a free 127.0.0.1 port with Bolt's real HTTPReceiver, its Web API client pointed at the
 * stand-in. Used by the offline mode and by the tests (test/support/test-bot.ts).
 */
import type { Logger } from '@slack/bolt';
import type { LogLevelName } from '../../config.js';
import { createSlackApp, type RetryPolicy, type SlackApp } from '../../slack/app.js';
import type { SlackDeps } from '../../slack/deps.js';
import { SlackStandIn, type StandInOptions } from './slack-standin.js';

export interface AppWithStandIn {
  standIn: SlackStandIn;
  slackApp: SlackApp;
  /** The app's request URL (`http://127.0.0.1:PORT/slack/events`); /healthz is beside it. */
  requestUrl: string;
  /** Stops the app (waiting for work in progress), then the stand-in. */
  stop(): Promise<void>;
}

export interface AppWithStandInOptions {
  deps: SlackDeps;
  standIn?: StandInOptions;
  logLevel?: LogLevelName;
  logger?: Logger;
  retryPolicy?: RetryPolicy;
  /**
   * Called after the listeners are registered and before the app starts, e.g. to add listeners a test
   * needs. Tests only.
   */
  beforeStart?: (slackApp: SlackApp) => void;
}

/** Starts the stand-in, then the app connected to it; the stand-in's `idle()` also waits for the app's work. */
export async function startAppWithStandIn(options: AppWithStandInOptions): Promise<AppWithStandIn> {
  const standIn = await SlackStandIn.start(options.standIn);
  try {
    const slackApp = createSlackApp({
      connection: { mode: 'http', botToken: standIn.botToken, signingSecret: standIn.signingSecret },
      deps: options.deps,
      slackApiUrl: standIn.apiUrl,
      port: 0,
      host: '127.0.0.1',
      identity: { botId: standIn.botId, botUserId: standIn.botUserId },
      ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      ...(options.retryPolicy !== undefined ? { retryPolicy: options.retryPolicy } : {}),
    });
    options.beforeStart?.(slackApp);
    const { url } = await slackApp.start();
    if (url === undefined) throw new Error('The app did not report its request URL');
    standIn.connect(url);
    standIn.trackBusy(() => slackApp.inFlight() > 0);
    return {
      standIn,
      slackApp,
      requestUrl: url,
      async stop() {
        await slackApp.stop();
        await standIn.stop();
      },
    };
  } catch (error) {
    await standIn.stop();
    throw error;
  }
}
