/**
 * Composition root (`npm start`; in production `node dist/main.js` after `npm run build`): configuration →
 * stores (orders, live catalogue, language preferences) → the live catalogue, seeded from
 * `catalogue/publications.json` when the store holds none, with its search engine (polled for other
 * replicas' changes, and told of them at once on PostgreSQL) → Slack app (which runs the order outbox
 * worker), in Socket Mode, HTTP, or offline against the local stand-in for Slack. Stops gracefully on
 * SIGTERM/SIGINT when the signal reaches this process (npm does not pass it on). Start-up problems
 * (configuration, catalogue, order store, a token Slack refuses) print a plain message and exit with status 1.
 */
import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { CorruptCatalogueError } from './catalogue/catalogue-changes.js';
import { openLiveCatalogue, type LiveCatalogue } from './catalogue/live.js';
import { loadCatalogue } from './catalogue/load.js';
import { ENV_VARIABLES, loadConfig, type Config, type SlackConnection } from './config.js';
import { localeFromEnvironment, parseLocale, type Locale } from './i18n/locales.js';
import { capitalise } from './i18n/translator.js';
import { startOfflineConsole } from './offline/console/start.js';
import { defaultOrderStorePath } from './orders/store.js';
import { errorName } from './orders/store-rules.js';
import { describeDatabase } from './postgres/pool.js';
import { defaultPreferencesPath } from './preferences/language-preferences.js';
import { createSlackApp } from './slack/app.js';
import type { SlackDeps } from './slack/deps.js';
import { createLogger } from './slack/logger.js';
import { orderSetupWarnings } from './slack/order-notices.js';
import { openStorage, type Storage, type StorageLocation } from './storage.js';

/**
 * How often the live catalogue asks the store whether another process changed it: the only way with SQLite;
 * with PostgreSQL, the safety net of the notifications (Storage.watchCatalogue).
 */
const CATALOGUE_REFRESH_MS = 5_000;

/** The order store and language preferences of offline mode, beside the real ones in DATA_DIR. */
const OFFLINE_ORDER_STORE_FILE = 'orders-offline.sqlite';
const OFFLINE_PREFERENCES_FILE = 'preferences-offline.sqlite';

interface Running {
  stop(): Promise<void>;
}

function usage(): string {
  const width = Math.max(...ENV_VARIABLES.map((v) => v.name.length));
  return [
    'Usage: npm start [-- --help] [-- --lang en|fr|es]',
    '',
    'Runs the handbooks assistant. The mode follows from the environment (and .env):',
    '  Socket Mode  SLACK_BOT_TOKEN and SLACK_APP_TOKEN set: connects out to Slack, no public URL needed.',
    '  HTTP         SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET set: serves POST /slack/events, GET /healthz and GET /metrics on PORT.',
    '  Offline      no Slack credentials: runs the same app against a local stand-in for Slack on this machine.',
    '               You write as a person whose Slack language is --lang, or else LC_ALL, LC_MESSAGES or LANG.',
    '',
    'Environment variables (see .env.example):',
    ...ENV_VARIABLES.map((v) => `  ${v.name.padEnd(width)}  ${v.description}`),
    '',
  ].join('\n');
}

const OFFLINE_NOTICE = [
  'Running offline: no Slack credentials are set, so the bot runs against a local stand-in for Slack.',
  'To connect it to a workspace, create the app from manifest.yml, then set SLACK_BOT_TOKEN and',
  'SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP) in .env — see .env.example.',
].join('\n');

async function startConnected(config: Config, connection: SlackConnection, deps: SlackDeps): Promise<Running> {
  const logger = createLogger(config.logLevel);
  const slackApp = createSlackApp({
    connection,
    deps,
    logger,
    port: config.port,
    ...(config.slackApiUrl !== undefined ? { slackApiUrl: config.slackApiUrl } : {}),
    ...(config.metricsPort !== undefined ? { metricsPort: config.metricsPort } : {}),
    processMetrics: true,
  });
  const { port, metricsPort } = await slackApp.start();
  logger.info(
    connection.mode === 'socket'
      ? `Connected to Slack in Socket Mode; ${catalogueLoaded(deps)}.`
      : `Listening on port ${port}: POST /slack/events, GET /healthz, GET /metrics; ${catalogueLoaded(deps)}.`,
  );
  if (metricsPort !== undefined) logger.info(`Serving GET /healthz and GET /metrics on port ${metricsPort}.`);
  if (deps.orders) logger.info(`Orders are kept in the ${deps.orders.store.description}.`);
  for (const warning of orderSetupWarnings(deps)) logger.warn(warning);
  return slackApp;
}

/**
 * Offline: the same app against the stand-in for Slack, driven from the terminal (or a script on stdin), as
 * a person whose Slack language is `locale`.
 */
async function startOffline(config: Config, deps: SlackDeps, locale: Locale | undefined): Promise<Running> {
  process.stdout.write(`${OFFLINE_NOTICE}\n${capitalise(catalogueLoaded(deps), 'en')}.\n\n`);
  const session = await startOfflineConsole({ deps, logLevel: config.logLevel, input: process.stdin, output: process.stdout, ...(locale ? { locale } : {}) });
  session.finished.then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`The offline session failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
  return session;
}

/**
 * Stops on the first SIGTERM/SIGINT: stops receiving, finishes requests in progress, stops the outbox,
 * closes the order store and the language preferences, then exits 0. A second signal exits at once with status 1.
 */
function stopOnSignal(running: Running, closeStores: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stderr.write(`${signal}: stopping…\n`);
    running
      .stop()
      .then(closeStores)
      .then(
        () => {
          process.stderr.write('Stopped: requests finished, outbox stopped, order store closed.\n');
          process.exit(0);
        },
        (error: unknown) => {
          process.stderr.write(`Stopped with an error: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** "22 publications loaded from the live catalogue (version 3) in the SQLite file …" */
function catalogueLoaded(deps: SlackDeps): string {
  const count = `${deps.engine.publications.length} publications loaded`;
  return deps.catalogue ? `${count} from the live catalogue (version ${deps.catalogue.version}) in the ${deps.catalogue.description}` : count;
}

/**
 * Picks up other processes' catalogue changes every CATALOGUE_REFRESH_MS (a failed look is tried again at
 * the next tick); returns the function that stops it.
 */
function pollCatalogue(catalogue: LiveCatalogue, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => catalogue.refresh().catch(onError), CATALOGUE_REFRESH_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The offline person's language: `--lang xx`, else the environment's (LC_ALL, LC_MESSAGES, LANG). */
function offlineLocale(argv: readonly string[]): Locale | undefined {
  const i = argv.indexOf('--lang');
  if (i < 0) return localeFromEnvironment(process.env);
  const locale = parseLocale(argv[i + 1]);
  if (locale === undefined) throw new Error(`--lang must be followed by en, fr or es (got "${argv[i + 1] ?? ''}")`);
  return locale;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage());
    return;
  }
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const locale = offlineLocale(argv);
  const seed = loadCatalogue();
  const storage = await openStore(config);
  let stopPolling = (): void => undefined;
  // However the process ends (signal, end of the offline session, a start-up error), the stores are closed.
  const closeStores = () => {
    stopPolling();
    return storage.close().catch(() => undefined);
  };
  process.once('exit', () => void closeStores());
  const catalogue = await openLiveCatalogue(storage.catalogue, { seed });
  const refreshFailed = (error: unknown) =>
    process.stderr.write(
      `Could not check the live catalogue for other replicas' changes: ${error instanceof CorruptCatalogueError ? error.message : errorName(error)}\n`,
    );
  stopPolling = pollCatalogue(catalogue, refreshFailed);
  // PostgreSQL: other replicas' changes picked up at once (stopped with the stores); the poll stays the safety net.
  storage.watchCatalogue?.(() => void catalogue.refresh().catch(refreshFailed), {
    onError: (error) =>
      process.stderr.write(
        `Lost the notifications of other replicas' catalogue changes (${errorName(error)}): listening again shortly, and checking every ${CATALOGUE_REFRESH_MS / 1000} s meanwhile.\n`,
      ),
  });
  const deps: SlackDeps = {
    engine: catalogue.engine,
    catalogue,
    ordersChannelId: config.ordersChannelId,
    adminIds: config.adminIds,
    catalogueAdminIds: config.catalogueAdminIds,
    orders: { store: storage.orders, outboxLeaseMs: config.outboxLeaseMs, outboxPace: { intervalMs: config.outboxChannelPaceMs, burst: 3 } },
    searchUsage: { store: storage.searches },
    deliveries: storage.deliveries,
    ordersLanguage: config.ordersLanguage,
    preferences: storage.preferences,
  };
  const running = config.slack === null ? await startOffline(config, deps, locale) : await startConnected(config, config.slack, deps);
  stopOnSignal(running, closeStores);
}

/**
 * Opens (creating and migrating them if needed) the stores: the PostgreSQL database of DATABASE_URL, or
 * else `orders.sqlite` and `preferences.sqlite` in DATA_DIR; offline always `orders-offline.sqlite` and
 * `preferences-offline.sqlite` in DATA_DIR, so that what is done against the stand-in never mixes with the real.
 */
async function openStore(config: Config): Promise<Storage> {
  const location: StorageLocation =
    config.slack === null
      ? { sqliteFile: join(config.dataDir, OFFLINE_ORDER_STORE_FILE), preferencesFile: join(config.dataDir, OFFLINE_PREFERENCES_FILE) }
      : config.databaseUrl !== undefined
        ? { databaseUrl: config.databaseUrl }
        : { sqliteFile: defaultOrderStorePath(config.dataDir), preferencesFile: defaultPreferencesPath(config.dataDir) };
  try {
    return await openStorage(location);
  } catch (error) {
    // A driver's message may quote the connection string: only a SQLite error's message (naming the file) is shown.
    if ('sqliteFile' in location) throw new Error(`${error instanceof Error ? error.message : String(error)} (check DATA_DIR)`);
    throw new Error(`the order store ${describeDatabase(location.databaseUrl)} (DATABASE_URL) could not be opened: ${errorName(error)}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Plain message, no stack trace: every start-up error we raise says what to fix.
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
