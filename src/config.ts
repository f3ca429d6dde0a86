/**
 * Configuration from the environment, validated once at start-up.
 *
 * `loadConfig(env)` turns environment variables into a typed {@link Config}, or throws a
 * {@link ConfigError} whose message names every variable that is wrong and what it should look like.
 * Secret values are never part of any message. `.env` is read by src/main.ts (dotenv) before this runs;
 * tests pass an env object directly.
 *
 * Mode: Socket Mode when SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set, HTTP when SLACK_BOT_TOKEN and
 * SLACK_SIGNING_SECRET are set, offline when no Slack credential is set at all. Anything in between is an
 * error, so a half-finished setup never silently starts offline.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from './i18n/locales.js';

export type Mode = 'socket' | 'http' | 'offline';
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** How the app talks to Slack; absent in offline mode. */
export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string; signingSecret: string | undefined }
  | { mode: 'http'; botToken: string; signingSecret: string };

export interface Config {
  mode: Mode;
  /** Credentials and transport, or null when running offline. */
  slack: SlackConnection | null;
  /** HTTP port for Bolt's receiver, /healthz and /metrics (HTTP mode). */
  port: number;
  /** Port of a server of its own for /healthz and /metrics (METRICS_PORT), if set: Socket Mode's way to serve them. */
  metricsPort: number | undefined;
  /** Base address of Slack's Web API, always ending in "/", or undefined for Slack's own. */
  slackApiUrl: string | undefined;
  /** Channel where the Publications Unit receives orders. */
  ordersChannelId: string | undefined;
  /** Slack user ids allowed to change order status. */
  adminIds: string[];
  /** Slack user ids allowed to change the catalogue from Slack (CATALOGUE_ADMIN_IDS, defaulting to the order admins). */
  catalogueAdminIds: string[];
  /** The language of the orders channel's messages and of order exports, whatever the requester's. */
  ordersLanguage: Locale;
  /** Absolute path of the data directory (the SQLite order store, when there is no DATABASE_URL). */
  dataDir: string;
  /** PostgreSQL connection string: orders, outbox and delivery log shared by every replica. Undefined: SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** How long a replica's claim on an order notice holds before another may take it over. */
  outboxLeaseMs: number;
  /** Least time between two notices to one conversation (bursts of 3 allowed). */
  outboxChannelPaceMs: number;
  logLevel: LogLevelName;
}

/** Thrown when the environment does not describe a usable configuration; `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Every variable the app reads, with what it is for (used by `--help` and kept in step with .env.example). */
export const ENV_VARIABLES: readonly { name: string; description: string }[] = [
  { name: 'SLACK_BOT_TOKEN', description: 'Bot User OAuth Token (xoxb-…). Unset with the others for offline mode.' },
  { name: 'SLACK_APP_TOKEN', description: 'App-level token with connections:write (xapp-…). Set it for Socket Mode.' },
  { name: 'SLACK_SIGNING_SECRET', description: 'Signing Secret (32 hex characters). Required for HTTP mode.' },
  { name: 'PORT', description: 'HTTP port for /slack/events, /healthz and /metrics in HTTP mode (default 3000).' },
  { name: 'METRICS_PORT', description: 'Port for /healthz and /metrics on a server of their own (Socket Mode has no other); unset: none.' },
  { name: 'SLACK_API_URL', description: "Base address of Slack's Web API (default https://slack.com/api/)." },
  { name: 'ORDERS_CHANNEL_ID', description: 'Channel id (C… or G…) where print orders are posted.' },
  { name: 'ORDER_ADMIN_IDS', description: 'Comma-separated user ids (U… or W…) who may change order status.' },
  { name: 'CATALOGUE_ADMIN_IDS', description: 'Comma-separated user ids who may change the catalogue from Slack (import, edit, undo, review, gaps); default: ORDER_ADMIN_IDS.' },
  { name: 'ORDERS_LANGUAGE', description: 'en, fr or es: the language of the orders channel and the CSV export (default en).' },
  { name: 'DATA_DIR', description: 'Directory for the SQLite order store when DATABASE_URL is not set (default ./data).' },
  { name: 'DATABASE_URL', description: 'PostgreSQL connection string (postgres://…); orders shared by every replica. Unset: SQLite in DATA_DIR.' },
  { name: 'OUTBOX_LEASE_SECONDS', description: 'How long a replica holds an order notice it is sending before another may take over (default 50).' },
  { name: 'OUTBOX_CHANNEL_PACE_MS', description: "Least time between notices to one conversation, bursts of 3 allowed (default 1000: Slack's 1 per second)." },
  { name: 'LOG_LEVEL', description: 'debug, info, warn or error (default info; warn offline, where the log shares the terminal).' },
];

/** An unset or blank variable reads as undefined, so `SLACK_APP_TOKEN=` in .env means "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** A whole number from `min` to `max`, with one message for any other value. */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};
const port = () => wholeNumber(0, 65535);

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must look like xoxb-… (the Bot User OAuth Token)')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must look like xapp-… (an app-level token)')),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[0-9a-f]{32}$/i, 'must be the 32-character hexadecimal Signing Secret from Basic Information'),
  ),
  PORT: optional(port()).default(3000),
  METRICS_PORT: optional(port()),
  SLACK_API_URL: optional(
    z
      .string()
      .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) address such as https://slack.com/api/')
      .transform((s) => (s.endsWith('/') ? s : `${s}/`)),
  ),
  ORDERS_CHANNEL_ID: optional(z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id such as C0123ABCD (not the channel name)')),
  ORDER_ADMIN_IDS: optional(
    z
      .string()
      .transform((s) => s.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .refine((ids) => ids.every((id) => SLACK_USER_ID.test(id)), 'must be comma-separated user ids such as U0123ABCD,U0456EFGH'),
  ).default([]),
  CATALOGUE_ADMIN_IDS: optional(
    z
      .string()
      .transform((s) => s.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .refine((ids) => ids.every((id) => SLACK_USER_ID.test(id)), 'must be comma-separated user ids such as U0123ABCD,U0456EFGH'),
  ),
  ORDERS_LANGUAGE: optional(
    z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')} (English, French, Spanish)` })),
  ).default('en'),
  DATA_DIR: optional(z.string()).default('./data'),
  DATABASE_URL: optional(
    z.string().refine((s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol), 'must be a PostgreSQL connection string such as postgres://user:password@host:5432/database'),
  ),
  OUTBOX_LEASE_SECONDS: optional(wholeNumber(1, 3600)).default(50),
  OUTBOX_CHANNEL_PACE_MS: optional(wholeNumber(0, 60_000)).default(1000),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
});

/** Reads configuration from `env` (e.g. `process.env`); relative DATA_DIR resolves against `cwd`. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  // Our own messages only: they never contain the value that was given.
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const credentials = credentialsProblem(isSet('SLACK_BOT_TOKEN'), isSet('SLACK_APP_TOKEN'), isSet('SLACK_SIGNING_SECRET'));
  if (credentials !== undefined) problems.push(credentials);
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  const slack: SlackConnection | null =
    e.SLACK_BOT_TOKEN === undefined
      ? null
      : e.SLACK_APP_TOKEN !== undefined
        ? { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET }
        : { mode: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET as string };
  return {
    mode: slack?.mode ?? 'offline',
    slack,
    port: e.PORT,
    metricsPort: e.METRICS_PORT,
    slackApiUrl: e.SLACK_API_URL,
    ordersChannelId: e.ORDERS_CHANNEL_ID,
    adminIds: e.ORDER_ADMIN_IDS,
    catalogueAdminIds: e.CATALOGUE_ADMIN_IDS ?? e.ORDER_ADMIN_IDS,
    ordersLanguage: e.ORDERS_LANGUAGE,
    dataDir: resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    outboxChannelPaceMs: e.OUTBOX_CHANNEL_PACE_MS,
    // Offline, the log shares the terminal with the console: only warnings and errors by default.
    logLevel: e.LOG_LEVEL ?? (slack === null ? 'warn' : 'info'),
  };
}

/** Why a combination of Slack credentials cannot work, if it cannot: all or nothing, never half a setup. */
function credentialsProblem(bot: boolean, app: boolean, signing: boolean): string | undefined {
  if (!bot && (app || signing)) {
    const given = app ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
    return `SLACK_BOT_TOKEN is missing: ${given} is set, so the app would connect to Slack, which needs the Bot User OAuth Token (xoxb-…). Unset ${given} to run offline.`;
  }
  if (bot && !app && !signing) {
    return 'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (xapp-…, for Socket Mode) nor SLACK_SIGNING_SECRET (for HTTP mode) is.';
  }
  return undefined;
}
