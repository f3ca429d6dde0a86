/**
 * App unfurls in the stand-in for Slack, on their own: which links Slack tells an app about (`link_shared`),
 * chat.unfurl checked as Slack checks it through Slack's real WebClient, and buttons in a preview, against
 * a bare Bolt app behind Bolt's HTTPReceiver (the project's listener is tested in
 * test/slack/link-previews.test.ts).
 */
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addressesIn } from '../../src/offline/standin/unfurls.js';
import { SlackStandIn, type StoredMessage } from '../../src/offline/standin/index.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';

const USER = 'U0ALICE';
const GENERAL = 'C0GENERAL';
const OUTSIDE = 'C0OUTSIDE';
const PAGE = 'https://publications.iom.int/books/x';
const card = (text: string) => ({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'actions', elements: [{ type: 'button', action_id: 'order', text: { type: 'plain_text', text: 'Order' }, value: 'x' }] }] });

let standIn: SlackStandIn;
let app: App;
let client: webApi.WebClient;
/** The link_shared events the app received, and the clicks in previews. */
const shared: Record<string, unknown>[] = [];
const clicks: Record<string, unknown>[] = [];

beforeAll(async () => {
  standIn = await SlackStandIn.start({ channels: [{ id: OUTSIDE, name: 'outside', isMember: false }], unfurlDomains: ['iom.int', 'un.org'] });
  client = new webApi.WebClient(standIn.botToken, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
  const receiver = new HTTPReceiver({ signingSecret: standIn.signingSecret });
  app = new App({ token: standIn.botToken, botId: standIn.botId, botUserId: standIn.botUserId, receiver, clientOptions: { slackApiUrl: standIn.apiUrl } });
  app.event('link_shared', async ({ event }) => void shared.push(event as unknown as Record<string, unknown>));
  app.event('message', async () => undefined);
  app.event('app_mention', async () => undefined);
  app.action('order', async ({ ack, body }) => {
    await ack();
    clicks.push(body as unknown as Record<string, unknown>);
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as { address(): AddressInfo };
  standIn.connect(`http://127.0.0.1:${server.address().port}/slack/events`);
});

afterEach(() => {
  shared.splice(0);
  clicks.splice(0);
  expectWithinBlockKitLimits(standIn);
});
afterAll(async () => {
  await app.stop();
  await standIn.stop();
});

/** A person's message in #general with `text`, and the link_shared event the app got for it. */
async function post(text: string): Promise<{ message: StoredMessage; event: Record<string, unknown> }> {
  const delivery = await standIn.say({ user: USER, channel: GENERAL, text });
  expect(delivery?.status).toBe(200);
  await standIn.idle();
  const message = standIn.messages(GENERAL).at(-1);
  const event = shared.at(-1);
  if (!message || !event) throw new Error('no link_shared event');
  return { message, event };
}

describe('which links Slack tells the app about', () => {
  it('finds links as Slack writes them and as people type them, without the punctuation after them, once each', () => {
    expect(addressesIn('see <https://a.iom.int/x|the guide>, <https://b.iom.int/y> and https://c.iom.int/z?q=1. Also (https://d.iom.int/w) and https://c.iom.int/z?q=1')).toEqual([
      'https://a.iom.int/x',
      'https://b.iom.int/y',
      'https://c.iom.int/z?q=1',
      'https://d.iom.int/w',
    ]);
    expect(addressesIn('no links here, not even publications.iom.int/books/x')).toEqual([]);
  });

  it('sends link_shared for the links in the unfurl domains and their subdomains, exactly as posted, naming the registered domain', async () => {
    const { message, event } = await post(`read ${PAGE}/?utm=1 and https://www.iom.int/news, not https://example.org/x nor https://notiom.int/y`);
    expect(event).toMatchObject({
      type: 'link_shared',
      channel: GENERAL,
      user: USER,
      message_ts: message.ts,
      source: 'conversations_history',
      is_bot_user_member: true,
      links: [
        { domain: 'iom.int', url: `${PAGE}/?utm=1` },
        { domain: 'iom.int', url: 'https://www.iom.int/news' },
      ],
    });
    expect(event.unfurl_id).toEqual(expect.any(String));
  });

  it('sends nothing for a message without such links, or in a channel the bot is not in', async () => {
    expect(await standIn.say({ user: USER, channel: GENERAL, text: 'see https://example.org/x' })).toBeNull();
    expect(await standIn.say({ user: USER, channel: OUTSIDE, text: `see ${PAGE}` })).toBeNull();
    await standIn.idle();
    expect(shared).toEqual([]);
  });

  it('sends link_shared after the event of a mention or a DM that has links', async () => {
    await standIn.mention({ user: USER, channel: GENERAL, text: `what is ${PAGE}?` });
    await standIn.directMessage({ user: USER, text: `<${PAGE}>` });
    await standIn.idle();
    expect(shared.map((e) => [e.channel, e.links])).toEqual([
      [GENERAL, [{ domain: 'iom.int', url: PAGE }]],
      [standIn.dmChannel(USER), [{ domain: 'iom.int', url: PAGE }]],
    ]);
  });
});

describe('chat.unfurl', () => {
  it('attaches previews by unfurl_id and source, or by channel and ts, and replaces one unfurled again', async () => {
    const { message, event } = await post(`${PAGE} and https://migrationnetwork.un.org/p`);
    await client.chat.unfurl({ unfurl_id: String(event.unfurl_id), source: 'conversations_history', unfurls: { [PAGE]: card('first') } });
    await client.chat.unfurl({ channel: GENERAL, ts: message.ts, unfurls: { 'https://migrationnetwork.un.org/p': card('second') } });
    await client.chat.unfurl({ channel: GENERAL, ts: message.ts, unfurls: { [PAGE]: card('first, again') } });
    expect(standIn.unfurls(GENERAL).filter((u) => u.ts === message.ts).map((u) => [u.url, (u.blocks[0] as { text: { text: string } }).text.text])).toEqual([
      [PAGE, 'first, again'],
      ['https://migrationnetwork.un.org/p', 'second'],
    ]);
  });

  it('refuses what Slack refuses, attaching nothing', async () => {
    const { message, event } = await post(`${PAGE} beside https://example.org/other`);
    const refusal = (args: Record<string, unknown>) =>
      client.apiCall('chat.unfurl', args).then(
        () => 'ok',
        (e: { data?: { error?: string } }) => e.data?.error,
      );
    const unfurls = { [PAGE]: card('x') };
    expect(await refusal({ unfurl_id: 'C0GENERAL.1.unknown', source: 'conversations_history', unfurls })).toBe('cannot_find_message');
    expect(await refusal({ unfurl_id: event.unfurl_id, unfurls })).toBe('invalid_source');
    expect(await refusal({ unfurl_id: event.unfurl_id, source: 'elsewhere', unfurls })).toBe('invalid_source');
    expect(await refusal({ unfurls })).toBe('missing_channel');
    expect(await refusal({ channel: GENERAL, unfurls })).toBe('missing_ts');
    expect(await refusal({ channel: 'C0NOWHERE', ts: message.ts, unfurls })).toBe('cannot_find_channel');
    expect(await refusal({ channel: GENERAL, ts: '1.000001', unfurls })).toBe('cannot_find_message');
    expect(await refusal({ channel: GENERAL, ts: message.ts })).toBe('missing_unfurls');
    expect(await refusal({ channel: GENERAL, ts: message.ts, unfurls: '[1]' })).toBe('invalid_unfurls_format');
    expect(await refusal({ channel: GENERAL, ts: message.ts, unfurls: { 'https://example.org/other': card('x') } })).toBe('cannot_unfurl_url');
    expect(await refusal({ channel: GENERAL, ts: message.ts, unfurls: { [`${PAGE}/`]: card('x') } })).toBe('cannot_unfurl_message');
    expect(await refusal({ channel: GENERAL, ts: message.ts, unfurls: { [PAGE]: { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] } } })).toBe('invalid_blocks');
    expect(standIn.limitViolations.splice(0)).toEqual([{ method: `chat.unfurl ${PAGE}`, path: 'blocks[0].text', message: 'is 151 characters, over the limit of 150' }]);
    expect(standIn.unfurls(GENERAL).filter((u) => u.ts === message.ts)).toEqual([]);
  });

  it('refuses a message whose links were never shared with the app', async () => {
    await standIn.mention({ user: USER, channel: GENERAL, text: 'no links' });
    const message = standIn.messages(GENERAL).at(-1)!;
    await expect(client.chat.unfurl({ channel: GENERAL, ts: message.ts, unfurls: { [PAGE]: card('x') } })).rejects.toMatchObject({ data: { error: 'cannot_unfurl_message' } });
  });
});

describe('a preview', () => {
  it('has clickable buttons: Slack sends block_actions from the message attachment of the app unfurl', async () => {
    const { message, event } = await post(PAGE);
    await client.chat.unfurl({ unfurl_id: String(event.unfurl_id), source: 'conversations_history', unfurls: { [PAGE]: card('clickable') } });
    const [preview] = standIn.unfurls(GENERAL).filter((u) => u.ts === message.ts);
    if (!preview) throw new Error('no preview');
    expect((await standIn.clickButton({ user: USER, source: preview, actionId: 'order' })).status).toBe(200);
    await standIn.idle();
    expect(clicks.at(-1)).toMatchObject({
      type: 'block_actions',
      container: { type: 'message_attachment', message_ts: message.ts, channel_id: GENERAL, is_app_unfurl: true, app_unfurl_url: PAGE, attachment_id: 1 },
      channel: { id: GENERAL },
      message: { ts: message.ts, text: PAGE },
      app_unfurl: { app_unfurl_url: PAGE },
      actions: [{ action_id: 'order', value: 'x' }],
      trigger_id: expect.any(String),
    });
  });
});
