import { parse } from 'dotenv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../src/config.js';

const BOT = 'xoxb-1234-5678-abcdefSECRETbot';
const APP = 'xapp-1-A0123-9999-SECRETapp';
const SIGNING = '0123456789abcdef0123456789abcdef';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs offline with defaults when no Slack credential is set', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config).toEqual({
      mode: 'offline',
      slack: null,
      port: 3000,
      slackApiUrl: undefined,
      ordersChannelId: undefined,
      adminIds: [],
      catalogueAdminIds: [],
      ordersLanguage: 'en',
      dataDir: '/srv/bot/data',
      databaseUrl: undefined,
      outboxLeaseMs: 50_000,
      outboxChannelPaceMs: 1000,
      logLevel: 'warn',
    });
  });

  it('reads the PostgreSQL store and the outbox settings, refusing malformed values without quoting them', () => {
    const url = 'postgres://bot:S3CRET-pw@db.example.org:5432/handbooks';
    expect(loadConfig({ DATABASE_URL: url, OUTBOX_LEASE_SECONDS: '5', OUTBOX_CHANNEL_PACE_MS: '0' })).toMatchObject({
      databaseUrl: url,
      outboxLeaseMs: 5_000,
      outboxChannelPaceMs: 0,
    });
    const problems = problemsOf({ DATABASE_URL: 'mysql://bot:S3CRET-pw@db/x', OUTBOX_LEASE_SECONDS: '0.5', OUTBOX_CHANNEL_PACE_MS: 'fast' });
    expect(problems).toEqual([
      'DATABASE_URL must be a PostgreSQL connection string such as postgres://user:password@host:5432/database',
      'OUTBOX_LEASE_SECONDS must be a whole number from 1 to 3600',
      'OUTBOX_CHANNEL_PACE_MS must be a whole number from 0 to 60000',
    ]);
    expect(problems.join('\n')).not.toContain('S3CRET');
  });

  it('chooses Socket Mode when the app token is set, HTTP when only the signing secret is', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SIGNING }).slack).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
      signingSecret: SIGNING,
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }).slack).toEqual({ mode: 'http', botToken: BOT, signingSecret: SIGNING });
  });

  it('logs at info when connected to Slack, at warn offline, unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }).logLevel).toBe('info');
    expect(loadConfig({}).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'info' }).logLevel).toBe('info');
  });

  it('reads every other variable, trimming blanks and normalising the API address', () => {
    const config = loadConfig(
      {
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_APP_TOKEN: '  ',
        PORT: '8080',
        METRICS_PORT: '9464',
        SLACK_API_URL: 'http://127.0.0.1:4000/api',
        ORDERS_CHANNEL_ID: 'C0ORDERS1',
        ORDER_ADMIN_IDS: 'U0ADMIN1, W0ADMIN2,',
        DATA_DIR: '/var/lib/handbooks',
        LOG_LEVEL: 'debug',
      },
      '/srv/bot',
    );
    expect(config).toMatchObject({
      mode: 'http',
      port: 8080,
      metricsPort: 9464,
      slackApiUrl: 'http://127.0.0.1:4000/api/',
      ordersChannelId: 'C0ORDERS1',
      adminIds: ['U0ADMIN1', 'W0ADMIN2'],
      catalogueAdminIds: ['U0ADMIN1', 'W0ADMIN2'],
      dataDir: '/var/lib/handbooks',
      logLevel: 'debug',
    });
  });

  it('takes the catalogue admins from CATALOGUE_ADMIN_IDS when set, and refuses a malformed list', () => {
    expect(loadConfig({ ORDER_ADMIN_IDS: 'U0ORDERS', CATALOGUE_ADMIN_IDS: ' U0BOOKS1 , U0BOOKS2 ' }).catalogueAdminIds).toEqual(['U0BOOKS1', 'U0BOOKS2']);
    expect(() => loadConfig({ CATALOGUE_ADMIN_IDS: 'jane.doe' })).toThrow(/CATALOGUE_ADMIN_IDS must be comma-separated user ids/);
  });

  it('names each malformed variable and its expected shape, never the value given', () => {
    const secretLooking = 'not-a-token-hunter2zz';
    const problems = problemsOf({
      SLACK_BOT_TOKEN: secretLooking,
      SLACK_APP_TOKEN: `xoxb-${secretLooking}`,
      SLACK_SIGNING_SECRET: secretLooking,
      PORT: 'eighty',
      METRICS_PORT: '70000',
      SLACK_API_URL: 'ftp://example.org',
      ORDERS_CHANNEL_ID: '#orders',
      ORDER_ADMIN_IDS: 'U0ADMIN1,alice',
      ORDERS_LANGUAGE: 'german',
      LOG_LEVEL: 'verbose',
    });
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN must look like xoxb-… (the Bot User OAuth Token)',
      'SLACK_APP_TOKEN must look like xapp-… (an app-level token)',
      'SLACK_SIGNING_SECRET must be the 32-character hexadecimal Signing Secret from Basic Information',
      'PORT must be a whole number from 0 to 65535',
      'METRICS_PORT must be a whole number from 0 to 65535',
      'SLACK_API_URL must be an http(s) address such as https://slack.com/api/',
      'ORDERS_CHANNEL_ID must be a channel id such as C0123ABCD (not the channel name)',
      'ORDER_ADMIN_IDS must be comma-separated user ids such as U0123ABCD,U0456EFGH',
      'ORDERS_LANGUAGE must be one of en, fr, es (English, French, Spanish)',
      'LOG_LEVEL must be one of debug, info, warn, error',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2zz');
  });

  it('reads the orders language in any case', () => {
    expect(loadConfig({ ORDERS_LANGUAGE: 'FR' }).ordersLanguage).toBe('fr');
    expect(loadConfig({ ORDERS_LANGUAGE: ' es ' }).ordersLanguage).toBe('es');
  });

  it('refuses partial Slack credentials instead of silently running offline', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT })).toEqual([
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (xapp-…, for Socket Mode) nor SLACK_SIGNING_SECRET (for HTTP mode) is.',
    ]);
    const [missingBot] = problemsOf({ SLACK_APP_TOKEN: APP });
    expect(missingBot).toMatch(/^SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN is set/);
    expect(missingBot).not.toContain(APP);
    expect(problemsOf({ SLACK_SIGNING_SECRET: SIGNING })[0]).toMatch(/^SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set/);
  });

  it('reports a half-finished setup together with malformed values', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT, PORT: 'x' })).toEqual([
      'PORT must be a whole number from 0 to 65535',
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (xapp-…, for Socket Mode) nor SLACK_SIGNING_SECRET (for HTTP mode) is.',
    ]);
  });

  it('puts every problem in the error message', () => {
    expect(() => loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' })).toThrow(
      'Configuration problems:\n  - PORT must be a whole number from 0 to 65535\n  - LOG_LEVEL must be one of debug, info, warn, error',
    );
  });

  it('.env.example documents every variable and, copied as is, starts offline', () => {
    const example = parse(readFileSync(new URL('../.env.example', import.meta.url), 'utf8'));
    expect(Object.keys(example).sort()).toEqual(ENV_VARIABLES.map((v) => v.name).sort());
    expect(loadConfig(example)).toMatchObject({ mode: 'offline', port: 3000, logLevel: 'warn' });
  });
});
