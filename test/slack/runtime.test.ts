/**
 * The app factory's runtime behaviour through Bolt's real HTTPReceiver and the stand-in for Slack:
 * signature checks, /healthz, retry dedupe, ignoring bots and edits, 429 retries, the error handler and
 * graceful stop. Probe listeners registered here observe what reaches the listeners.
 */
import type { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/engine.js';
import { createSlackApp } from '../../src/slack/app.js';
import { signRequest, startTestBot, expectWithinBlockKitLimits, type TestBot } from '../support/test-bot.js';

const USER = 'U0ALICE';
const PROBE = '/runtime-probe';

interface Seen {
  commands: string[];
  mentions: string[];
  messages: string[];
}

function registerProbes(app: App, seen: Seen, gate?: Promise<void>): void {
  app.command(PROBE, async ({ ack, command, client, respond }) => {
    await ack();
    seen.commands.push(command.text);
    if (command.text === 'post') await client.chat.postMessage({ channel: command.channel_id, text: 'posted' });
    if (command.text.startsWith('fail')) throw new Error('probe failure');
    if (command.text === 'slow') {
      await gate;
      await respond('finished');
    }
  });
  app.event('app_mention', async ({ event }) => {
    seen.mentions.push(event.ts);
  });
  app.message(async ({ message }) => {
    seen.messages.push(message.ts);
  });
}

function commandBody(text: string): string {
  return new URLSearchParams({ command: PROBE, text, user_id: USER, channel_id: 'C0GENERAL', team_id: 'T0STANDIN', response_url: 'http://127.0.0.1:9/unused', trigger_id: 't' }).toString();
}

describe('the Slack app runtime', () => {
  let bot: TestBot;
  const seen: Seen = { commands: [], mentions: [], messages: [] };

  beforeAll(async () => {
    bot = await startTestBot({ register: (app) => registerProbes(app, seen) });
  });
  afterEach(async () => {
    await bot.standIn.idle();
    expectWithinBlockKitLimits(bot.standIn);
  });
  afterAll(() => bot.stop());

  describe("Bolt's receiver checks Slack's signature", () => {
    const post = (body: string, timestamp: number, signature: string) =>
      fetch(bot.requestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
        body,
      });
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a correctly signed request', async () => {
      const body = commandBody('signed');
      const response = await post(body, now(), signRequest(bot.standIn.signingSecret, body, now()));
      expect(response.status).toBe(200);
      expect(seen.commands).toContain('signed');
    });

    it('refuses a bad signature and never acts on it', async () => {
      const body = commandBody('forged');
      const response = await post(body, now(), signRequest('0'.repeat(32), body, now()));
      expect(response.status).toBe(401);
      const tampered = await post(commandBody('tampered'), now(), signRequest(bot.standIn.signingSecret, body, now()));
      expect(tampered.status).toBe(401);
      expect(seen.commands).not.toContain('forged');
      expect(seen.commands).not.toContain('tampered');
    });

    it('refuses a stale timestamp even when correctly signed', async () => {
      const body = commandBody('replayed');
      const stale = now() - 6 * 60;
      const response = await post(body, stale, signRequest(bot.standIn.signingSecret, body, stale));
      expect(response.status).toBe(401);
      expect(seen.commands).not.toContain('replayed');
    });
  });

  it('answers /healthz with 200 once running', async () => {
    const response = await fetch(bot.healthUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, state: 'running' });
  });

  it('processes an event once, however often Slack retries it; a retry of an unseen event is processed', async () => {
    const first = await bot.standIn.mention({ user: USER, channel: 'C0GENERAL', text: 'reintegration' });
    const retries = [await bot.standIn.retryEvent(first, 1, 'http_timeout'), await bot.standIn.retryEvent(first, 2, 'http_error')];
    await bot.standIn.idle();
    expect([first.status, ...retries.map((r) => r.status)]).toEqual([200, 200, 200]);
    expect(seen.mentions.filter((ts) => ts === (first.envelope.event as { ts: string }).ts)).toHaveLength(1);

    const lostFirstDelivery = await bot.standIn.sendEvent({ type: 'app_mention', user: USER, channel: 'C0GENERAL', text: `<@${bot.standIn.botUserId}> hi`, ts: '1700000000.000100' }, { retryNum: 1 });
    await bot.standIn.idle();
    expect(lostFirstDelivery.status).toBe(200);
    expect(seen.mentions).toContain('1700000000.000100');
  });

  it("ignores the bot's own messages, other bots' messages and edits; a person's DM gets through", async () => {
    const dm = bot.standIn.dmChannel(USER);
    const base = { type: 'message', channel: dm, channel_type: 'im', text: 'hello' };
    await bot.standIn.sendEvent({ ...base, subtype: 'bot_message', bot_id: bot.standIn.botId, ts: '1700000001.000001' });
    await bot.standIn.sendEvent({ ...base, user: bot.standIn.botUserId, bot_id: bot.standIn.botId, ts: '1700000001.000002' });
    await bot.standIn.sendEvent({ ...base, user: 'U0OTHERBOT', bot_id: 'B0OTHER', ts: '1700000001.000003' });
    await bot.standIn.sendEvent({ ...base, subtype: 'message_changed', message: { user: USER, text: 'edited', ts: '1700000001.000004' }, ts: '1700000001.000005' });
    await bot.standIn.sendEvent({ ...base, subtype: 'message_deleted', ts: '1700000001.000006' });
    const person = await bot.standIn.directMessage({ user: USER, text: 'hello' });
    await bot.standIn.idle();
    expect(seen.messages.filter((ts) => ts.startsWith('1700000001'))).toEqual([]);
    expect(seen.messages).toContain((person.envelope.event as { ts: string }).ts);
  });

  it('waits for Retry-After when Slack answers 429, then succeeds', async () => {
    bot.standIn.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await bot.standIn.slashCommand({ user: USER, text: 'post', command: PROBE });
    const success = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.result.ok === true, { timeoutMs: 5000 });
    const [limited] = bot.standIn.callsTo('chat.postMessage').filter((c) => c.result.error === 'ratelimited');
    expect(limited).toBeDefined();
    expect(success.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(success.args).toMatchObject({ channel: 'C0GENERAL', text: 'posted' });
  });

  it('tells the person plainly when a listener fails, and logs it without what they typed or any token', async () => {
    await bot.standIn.slashCommand({ user: USER, text: 'fail <!channel> confidential words', command: PROBE });
    const told = await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(told.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Sorry, something went wrong/) });
    const logged = bot.logs.join('\n');
    expect(logged).toMatch(/Failed to handle command \/runtime-probe: Error: probe failure/);
    expect(logged).not.toContain('confidential words');
    expect(logged).not.toContain(bot.standIn.botToken);
  });
});

describe('/handbooks when building the answer fails', () => {
  it('still acknowledges the command, then tells the person through response_url', async () => {
    const engine = createSearchEngine([]);
    const bot = await startTestBot({
      engine: {
        ...engine,
        search: () => {
          throw new Error('index unreadable');
        },
      },
    });
    try {
      const ack = await bot.standIn.slashCommand({ user: USER, text: 'reintegration' });
      expect(ack).toEqual({ status: 200, body: undefined });
      const told = await bot.standIn.waitFor((c) => c.method === 'response_url');
      expect(told.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Sorry, something went wrong/) });
      expect(bot.logs.join('\n')).toMatch(/Failed to handle command \/handbooks: Error: index unreadable/);
    } finally {
      await bot.stop();
    }
  });
});

describe('logging', () => {
  it('keeps the configured level (Bolt would reset it to info)', () => {
    const deps = { engine: createSearchEngine([]), ordersChannelId: undefined, adminIds: [] };
    const connection = { mode: 'http' as const, botToken: 'xoxb-test', signingSecret: '0'.repeat(32) };
    const identity = { botId: 'B1', botUserId: 'U1' };
    for (const level of ['debug', 'warn', 'error'] as const) {
      expect(createSlackApp({ connection, deps, identity, logLevel: level }).app.logger.getLevel()).toBe(level);
    }
  });
});

describe('graceful stop', () => {
  it('stops receiving, finishes the request in progress, then resolves', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const seen: Seen = { commands: [], mentions: [], messages: [] };
    const bot = await startTestBot({ register: (app) => registerProbes(app, seen, gate) });
    await bot.standIn.slashCommand({ user: USER, text: 'slow', command: PROBE });
    expect(bot.slackApp.inFlight()).toBe(1);

    let stopped = false;
    const stopping = bot.slackApp.stop().then(() => {
      stopped = true;
    });
    await expect(fetch(bot.healthUrl)).rejects.toThrow();
    expect(stopped).toBe(false);

    open();
    await stopping;
    expect(bot.standIn.callsTo('response_url').map((c) => c.args.text)).toEqual(['finished']);
    await bot.stop();
  });
});
