/**
 * manifest.yml creates the app in one step: it must declare the command, events and scopes the code
 * uses — every Web API method called anywhere in src/ needs its scope —, unfurl domains covering every
 * host the catalogue records pages on, and stay within Slack's manifest limits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogue } from '../src/catalogue/load.js';
import { coveringDomain, UNFURL_DOMAINS } from '../src/slack/unfurl-domains.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint?: string }[];
    unfurl_domains: string[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;

/** The bot scope each Web API method the app calls needs (methods without a scope map to null). */
const SCOPE_OF_METHOD: Record<string, string | null> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.unfurl': 'links:write',
  'conversations.history': 'channels:history',
  'conversations.open': 'im:write',
  'users.info': 'users:read',
  filesUploadV2: 'files:write',
  'files.info': 'files:read',
  'views.open': null,
  'views.push': null,
  'views.update': null,
  'views.publish': null,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Web API methods called through a Bolt/WebClient `client` anywhere in the app's code (the stand-in aside). */
function methodsCalled(): Set<string> {
  const methods = new Set<string>();
  for (const file of sourceFiles(join(root, 'src')).filter((f) => !f.includes(join('src', 'offline', 'standin')))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bclient\.((?:[a-z]+\.[a-zA-Z]+)|filesUploadV2)\(/g)) methods.add(m[1]!);
  }
  return methods;
}

describe('manifest.yml', () => {
  it('grants the scope of every Web API method the code calls', () => {
    const called = methodsCalled();
    expect(called.size).toBeGreaterThan(5);
    const scopes = manifest.oauth_config.scopes.bot;
    for (const method of called) {
      expect(Object.keys(SCOPE_OF_METHOD), `scope of ${method} unknown to this test: add it`).toContain(method);
      const scope = SCOPE_OF_METHOD[method];
      if (scope) expect(scopes, `${method} needs ${scope}`).toContain(scope);
    }
  });

  it('subscribes to the events the listeners handle, with the scopes they need', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'link_shared', 'message.im']);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'im:history', 'links:read']));
    // A listing page uploaded in the DM arrives with message.im; downloading it (not a client method) needs files:read too.
    expect(manifest.oauth_config.scopes.bot).toContain('files:read');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('declares /handbooks with a usage hint, within Slack manifest limits', () => {
    const [command, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(command?.command).toBe('/handbooks');
    expect(command!.command.length).toBeLessThanOrEqual(32);
    expect(command?.usage_hint).toMatch(/order/);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it('lists unfurl domains covering every host the catalogue records a page on, at most five, as the stand-in knows them', () => {
    const domains = manifest.features.unfurl_domains;
    expect(domains.length).toBeGreaterThan(0);
    expect(domains.length).toBeLessThanOrEqual(5);
    expect(domains).toEqual([...UNFURL_DOMAINS]);
    const hosts = new Set(loadCatalogue().flatMap((p) => Object.values(p.urls).map((url) => new URL(url).hostname)));
    for (const host of hosts) expect(coveringDomain(host, domains), `${host} is covered by no unfurl domain`).toBeDefined();
  });

  it('counts a domain as covering itself and its subdomains only', () => {
    expect(coveringDomain('publications.iom.int', ['iom.int'])).toBe('iom.int');
    expect(coveringDomain('IOM.int', ['iom.int'])).toBe('iom.int');
    expect(coveringDomain('notiom.int', ['iom.int'])).toBeUndefined();
    expect(coveringDomain('iom.int.example.org', ['iom.int'])).toBeUndefined();
  });
});
