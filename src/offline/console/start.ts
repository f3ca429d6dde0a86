/**
 * The offline mode as `npm start` runs it without Slack credentials: the app of production mode wired to
 * the stand-in for Slack, and a console session on the terminal (or a script on standard input) driving
 * it. Unless configured otherwise, the person at the console is also the order admin and the Publications
 * Unit's notices go to #publications-orders in the stand-in, so the whole order flow can be tried.
 */
import type { LogLevelName } from '../../config.js';
import type { Locale } from '../../i18n/locales.js';
import type { SlackDeps } from '../../slack/deps.js';
import { startAppWithStandIn, type SeedChannel, type SeedUser } from '../standin/index.js';
import { OFFLINE_USER, runOfflineConsole } from './run.js';

/** Where order notices go offline when ORDERS_CHANNEL_ID is not set. */
export const OFFLINE_ORDERS_CHANNEL: SeedChannel = { id: 'C0PUBORDERS', name: 'publications-orders' };

export interface OfflineConsoleStart {
  /** The app's dependencies, as for any other mode. */
  deps: SlackDeps;
  logLevel?: LogLevelName;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** The Slack language of the person at the console (default English), as users.info reports it. */
  locale?: Locale;
}

export interface RunningConsole {
  /** Resolves once the session has ended (quit, end of input) and the app has stopped. */
  finished: Promise<void>;
  /** Stops the app and the stand-in (e.g. on SIGTERM), ending the session. */
  stop(): Promise<void>;
}

/** The person at the console, with the Slack locale of `locale` (fr → fr-FR, es → es-ES, en → en-US). */
function offlineUser(locale: Locale | undefined): SeedUser {
  return { ...OFFLINE_USER, locale: SLACK_LOCALES[locale ?? 'en'] };
}

const SLACK_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-US', fr: 'fr-FR', es: 'es-ES' };

/** Starts the app against the stand-in, then the console session on `input` / `output`. */
export async function startOfflineConsole({ deps, logLevel, input, output, locale }: OfflineConsoleStart): Promise<RunningConsole> {
  const ordersChannelId = deps.ordersChannelId ?? OFFLINE_ORDERS_CHANNEL.id;
  const adminIds = deps.adminIds.length > 0 ? deps.adminIds : [OFFLINE_USER.id];
  const catalogueAdminIds = deps.catalogueAdminIds !== undefined && deps.catalogueAdminIds.length > 0 ? deps.catalogueAdminIds : [OFFLINE_USER.id];
  const user = offlineUser(locale);
  const app = await startAppWithStandIn({
    deps: { ...deps, ordersChannelId, adminIds, catalogueAdminIds },
    standIn: { users: [user], channels: ordersChannelId === OFFLINE_ORDERS_CHANNEL.id ? [OFFLINE_ORDERS_CHANNEL] : [] },
    ...(logLevel !== undefined ? { logLevel } : {}),
  });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= app.stop());
  const finished = runOfflineConsole({ standIn: app.standIn, input, output, user }).finally(stop);
  return { finished, stop };
}
