/**
 * The stand-in for Slack on its own: its Web API through Slack's real WebClient, and its driver against a
 * bare Bolt app behind Bolt's HTTPReceiver (the project's app is tested in test/slack/runtime.test.ts).
 */
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandIn, type StoredView } from '../../src/offline/standin/index.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const USER = 'U0ALICE';

let standIn: SlackStandIn;
let app: App;
let client: webApi.WebClient;

function modal(title: string, blocks: unknown[] = []) {
  return { type: 'modal' as const, callback_id: 'form', title: plain(title), submit: plain('Send'), blocks } as never;
}

beforeAll(async () => {
  standIn = await SlackStandIn.start({ users: [{ id: USER, realName: 'Alice Martin', email: 'alice@example.org', title: 'Programme officer' }] });
  client = new webApi.WebClient(standIn.botToken, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
  const receiver = new HTTPReceiver({ signingSecret: standIn.signingSecret });
  app = new App({ token: standIn.botToken, botId: standIn.botId, botUserId: standIn.botUserId, receiver, clientOptions: { slackApiUrl: standIn.apiUrl } });

  // Acknowledges with the answer itself (an immediate response), as text, as a message or in channel.
  app.command('/instant', async ({ ack, command }) => {
    if (command.text === 'text') await ack('plain answer');
    else if (command.text === 'too long') await ack({ blocks: [{ type: 'header', text: plain('x'.repeat(151)) }] });
    else await ack({ response_type: command.text === 'public' ? 'in_channel' : 'ephemeral', text: `instant ${command.text}`, blocks: [] });
  });
  app.command('/probe', async ({ ack, command, respond, client: c }) => {
    await ack();
    if (command.text === 'modal') {
      await c.views.open({ trigger_id: command.trigger_id, view: modal('First') });
      return;
    }
    await respond({
      response_type: command.text === 'public' ? 'in_channel' : 'ephemeral',
      text: `answer to ${command.text}`,
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'again', text: plain('Again'), value: 'v1' }] }],
    });
  });
  app.action('again', async ({ ack, action, respond }) => {
    await ack();
    const value = (action as { value: string }).value;
    await respond(value === 'delete' ? { delete_original: true } : { replace_original: true, text: `clicked ${value}` });
  });
  app.view('form', async ({ ack, view }) => {
    const name = view.state.values.name?.name?.value ?? '';
    const kind = view.state.values.kind?.kind?.selected_option?.value;
    if (name === '') return ack({ response_action: 'errors', errors: { name: 'Please enter a name' } });
    if (name === 'long error') return ack({ response_action: 'errors', errors: { name: 'e'.repeat(2001) } });
    if (name === 'stray error') return ack({ response_action: 'errors', errors: { nowhere: 'Not shown' } });
    if (name === 'update') return ack({ response_action: 'update', view: modal(`Updated ${kind}`) });
    if (name === 'push') return ack({ response_action: 'push', view: modal('Pushed') });
    if (name === 'clear') return ack({ response_action: 'clear' });
    await ack();
  });
  app.options('country', async ({ ack, options }) => {
    if (options.value === 'many') return ack({ options: Array.from({ length: 101 }, (_, i) => ({ text: plain(`Option ${i}`), value: `v${i}` })) });
    await ack({ options: [{ text: plain(`Match ${options.value}`), value: options.value.toLowerCase() }] });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as { address(): AddressInfo };
  standIn.connect(`http://127.0.0.1:${server.address().port}/slack/events`);
});

afterEach(() => expectWithinBlockKitLimits(standIn));
afterAll(async () => {
  await app.stop();
  await standIn.stop();
});

describe('Web API', () => {
  it('checks the bot token', async () => {
    const stranger = new webApi.WebClient('xoxb-wrong', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: standIn.botUserId, bot_id: standIn.botId });
  });

  it('keeps messages per channel; a user id posts in the DM; update, delete, permalink and history work on them', async () => {
    const posted = await client.chat.postMessage({ channel: USER, text: 'Hello', metadata: { event_type: 'order_notice', event_payload: { order: 7 } } });
    expect(posted.channel).toBe(standIn.dmChannel(USER));
    await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'Hello again' });
    expect(standIn.messages(posted.channel)).toMatchObject([{ text: 'Hello again', edited: true, user: standIn.botUserId }]);
    const permalink = await client.chat.getPermalink({ channel: posted.channel!, message_ts: posted.ts! });
    expect(permalink.permalink).toMatch(/^https:\/\/standin\.slack\.test\/archives\/D/);

    const plainHistory = await client.conversations.history({ channel: posted.channel! });
    expect(plainHistory.messages?.[0]).not.toHaveProperty('metadata');
    const withMetadata = await client.conversations.history({ channel: posted.channel!, include_all_metadata: true });
    expect(withMetadata.messages?.[0]?.metadata).toEqual({ event_type: 'order_notice', event_payload: { order: 7 } });

    await client.chat.delete({ channel: posted.channel!, ts: posted.ts! });
    expect(standIn.messages(posted.channel)).toEqual([]);
    await expect(client.chat.delete({ channel: posted.channel!, ts: posted.ts! })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('refuses a channel the bot is not in, and injected failures, and records every call', async () => {
    standIn.setChannel({ id: 'C0PRIVATE', name: 'private', isMember: false });
    await expect(client.chat.postMessage({ channel: 'C0PRIVATE', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    standIn.failNext('chat.postEphemeral', { error: 'channel_not_found', times: 2 });
    for (let i = 0; i < 2; i += 1) {
      await expect(client.chat.postEphemeral({ channel: 'C0GENERAL', user: USER, text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    }
    await client.chat.postEphemeral({ channel: 'C0GENERAL', user: USER, text: 'third time' });
    expect(standIn.callsTo('chat.postEphemeral').map((c) => c.result.ok)).toEqual([false, false, true]);
    expect(standIn.callsTo('chat.postEphemeral')[2]?.args).toMatchObject({ channel: 'C0GENERAL', user: USER, text: 'third time' });
  });

  it('serves seeded profiles and plain ones for anyone else', async () => {
    const alice = await client.users.info({ user: USER });
    expect(alice.user).toMatchObject({ real_name: 'Alice Martin', profile: { email: 'alice@example.org', title: 'Programme officer' } });
    const bob = await client.users.profile.get({ user: 'U0BOB' });
    expect(bob.profile).toMatchObject({ real_name: 'User U0BOB', email: 'u0bob@example.org' });
    const dm = await client.conversations.open({ users: USER });
    expect(dm.channel?.id).toBe(standIn.dmChannel(USER));
  });

  it('gives a locale only with include_locale, as Slack does: the seeded one, else en-US', async () => {
    standIn.seedUser({ id: 'U0CLAIRE', locale: 'fr-FR' });
    expect((await client.users.info({ user: 'U0CLAIRE' })).user?.locale).toBeUndefined();
    expect((await client.users.info({ user: 'U0CLAIRE', include_locale: true })).user?.locale).toBe('fr-FR');
    expect((await client.users.info({ user: 'U0DAVE', include_locale: true })).user?.locale).toBe('en-US');
  });

  it('refuses payloads over Block Kit limits, as Slack would, and records the violation', async () => {
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: [{ type: 'header', text: plain('h'.repeat(151)) }] })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    expect(standIn.limitViolations.splice(0)).toEqual([{ method: 'chat.postMessage', path: 'blocks[0].text', message: 'is 151 characters, over the limit of 150' }]);
  });

  it('publishes App Home per user', async () => {
    await client.views.publish({ user_id: USER, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Welcome' } }] } });
    expect(standIn.home(USER)?.blocks).toHaveLength(1);
  });
});

describe('files people share', () => {
  it('describes a shared file with files.info and serves its download only with the bot token', async () => {
    const file = standIn.uploads.share(USER, standIn.dmChannel(USER), { name: 'listing.txt', content: 'Handbooks and Manuals\n' });
    const { file: info } = await client.files.info({ file: file.id });
    expect(info).toMatchObject({ id: file.id, name: 'listing.txt', mimetype: 'text/plain', filetype: 'text', size: 22, user: USER });
    const url = String(info?.url_private_download);
    expect(url.startsWith(new URL(standIn.apiUrl).origin)).toBe(true);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer xoxb-someone-else' } })).status).toBe(403);
    const download = await fetch(url, { headers: { authorization: `Bearer ${standIn.botToken}` } });
    expect([download.status, download.headers.get('content-type'), await download.text()]).toEqual([200, 'text/plain', 'Handbooks and Manuals\n']);
    expect(standIn.callsTo('files.download').map((c) => c.result.status)).toEqual([401, 403, 200]);
    await expect(client.files.info({ file: 'F0MISSING' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
  });

  it('types a file by its name unless told its mimetype', () => {
    const dm = standIn.dmChannel(USER);
    expect(standIn.uploads.share(USER, dm, { name: 'photo.PNG', content: 'x' })).toMatchObject({ filetype: 'png', mimetype: 'image/png' });
    expect(standIn.uploads.share(USER, dm, { name: 'notes', content: 'x' })).toMatchObject({ filetype: 'binary', mimetype: 'application/octet-stream' });
    expect(standIn.uploads.share(USER, dm, { name: 'page.txt', content: 'x', mimetype: 'application/pdf' })).toMatchObject({ filetype: 'binary', mimetype: 'application/pdf' });
  });
});

describe('driving the app', () => {
  it('answers a slash command through the response URL, ephemeral by default, in channel when asked', async () => {
    const ack = await standIn.slashCommand({ user: USER, text: 'hello', command: '/probe' });
    expect(ack).toEqual({ status: 200, body: undefined });
    const call = await standIn.waitFor((c) => c.method === 'response_url');
    expect(call.args).toMatchObject({ text: 'answer to hello' });
    expect(standIn.ephemerals(USER).at(-1)).toMatchObject({ channel: 'C0GENERAL', text: 'answer to hello' });

    await standIn.slashCommand({ user: USER, text: 'public', command: '/probe', channel: 'C0GENERAL' });
    await standIn.idle();
    expect(standIn.messages('C0GENERAL').at(-1)).toMatchObject({ text: 'answer to public', user: standIn.botUserId });
  });

  it('shows a message in the acknowledgement as Slack shows an immediate response, recorded as command_response', async () => {
    await standIn.slashCommand({ user: USER, text: 'hello', command: '/instant' });
    const call = await standIn.waitFor((c) => c.method === 'command_response');
    expect(call.args).toMatchObject({ response_type: 'ephemeral', text: 'instant hello' });
    expect(call.responseUrl).toMatch(/\/response\//);
    expect(standIn.ephemerals(USER).at(-1)).toMatchObject({ channel: 'C0GENERAL', text: 'instant hello' });

    await standIn.slashCommand({ user: USER, text: 'text', command: '/instant' });
    expect(standIn.ephemerals(USER).at(-1)).toMatchObject({ text: 'plain answer' });

    await standIn.slashCommand({ user: USER, text: 'public', command: '/instant', channel: 'C0GENERAL' });
    expect(standIn.messages('C0GENERAL').at(-1)).toMatchObject({ text: 'instant public', user: standIn.botUserId });

    const shown = standIn.ephemerals(USER).length;
    await standIn.slashCommand({ user: USER, text: 'too long', command: '/instant' });
    expect(standIn.ephemerals(USER)).toHaveLength(shown);
    expect((await standIn.waitFor((c) => c.method === 'command_response')).result).toEqual({ ok: false, error: 'invalid_blocks' });
    expect(standIn.limitViolations.splice(0)).toEqual([{ method: 'command_response', path: 'blocks[0].text', message: 'is 151 characters, over the limit of 150' }]);
  });

  it('clicks buttons in ephemeral and channel messages; replace_original and delete_original act on that message', async () => {
    await standIn.slashCommand({ user: USER, text: 'one', command: '/probe' });
    await standIn.idle();
    const ephemeral = standIn.ephemerals(USER).at(-1)!;
    expect((await standIn.clickButton({ user: USER, source: ephemeral, actionId: 'again' })).status).toBe(200);
    await standIn.waitFor((c) => c.method === 'response_url');
    expect(ephemeral.text).toBe('clicked v1');

    await standIn.slashCommand({ user: USER, text: 'public', command: '/probe' });
    await standIn.idle();
    const message = standIn.messages('C0GENERAL').at(-1)!;
    await standIn.clickButton({ user: USER, source: message, actionId: 'again', value: 'delete' });
    await standIn.idle();
    expect(standIn.messages('C0GENERAL')).not.toContain(message);
  });

  it('lets a trigger_id open one modal only', async () => {
    await standIn.slashCommand({ user: USER, text: 'modal', command: '/probe' });
    const opened = await standIn.waitFor((c) => c.method === 'views.open');
    expect(opened.result.ok).toBe(true);
    await expect(client.views.open({ trigger_id: String(opened.args.trigger_id), view: modal('Again') })).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
  });

  it('submits modals: errors keep the view, update replaces it, push stacks up to 3, clear closes all', async () => {
    const form = [
      { type: 'input', block_id: 'name', label: plain('Name'), element: { type: 'plain_text_input', action_id: 'name' } },
      {
        type: 'input',
        block_id: 'kind',
        label: plain('Kind'),
        element: { type: 'static_select', action_id: 'kind', options: [{ text: plain('Print'), value: 'print' }, { text: plain('PDF'), value: 'pdf' }] },
      },
    ];
    await standIn.slashCommand({ user: USER, text: 'modal', command: '/probe' });
    await standIn.waitFor((c) => c.method === 'views.open');
    await client.views.update({ view_id: standIn.topModal(USER)!.id, view: modal('Form', form) });

    const errors = await standIn.submitView({ user: USER, values: { name: '' } });
    expect(errors.body).toEqual({ response_action: 'errors', errors: { name: 'Please enter a name' } });
    expect(standIn.modalStack(USER)).toHaveLength(1);

    expect(await standIn.selectOption({ user: USER, source: standIn.topModal(USER)!, actionId: 'kind', value: 'pdf' })).toBeNull();
    await standIn.submitView({ user: USER, values: { name: 'update' } });
    expect(standIn.topModal(USER)?.title).toEqual(plain('Updated pdf'));

    await client.views.update({ view_id: standIn.topModal(USER)!.id, view: modal('Form', form) });
    for (let i = 0; i < 3; i += 1) await standIn.submitView({ user: USER, view: standIn.modalStack(USER)[0] as StoredView, values: { name: 'push' } });
    expect(standIn.modalStack(USER)).toHaveLength(3);
    expect(standIn.limitViolations.splice(0)).toEqual([{ method: 'view_submission(push)', path: 'response_action', message: 'Slack would refuse it: push_limit_reached' }]);

    await standIn.submitView({ user: USER, view: standIn.modalStack(USER)[0] as StoredView, values: { name: 'clear' } });
    expect(standIn.modalStack(USER)).toEqual([]);
  });

  it('asks the app for external options', async () => {
    await client.views.publish({
      user_id: USER,
      view: { type: 'home', blocks: [{ type: 'actions', elements: [{ type: 'external_select', action_id: 'country', placeholder: plain('Country') }] }] },
    });
    const ack = await standIn.requestOptions({ user: USER, source: standIn.home(USER)!, actionId: 'country', value: 'Swi' });
    expect(ack.body).toEqual({ options: [{ text: plain('Match Swi'), value: 'swi' }] });
    expect(standIn.limitViolations).toEqual([]);

    await standIn.requestOptions({ user: USER, source: standIn.home(USER)!, actionId: 'country', value: 'many' });
    await standIn.requestOptions({ user: USER, source: standIn.home(USER)!, actionId: 'country', value: 'x'.repeat(80) });
    expect(standIn.limitViolations.splice(0).map((v) => `${v.method} ${v.path}`)).toEqual([
      'block_suggestion options',
      'block_suggestion options[0].text',
      'block_suggestion options[0].value',
    ]);
  });

  it('records errors acknowledgements over the limit or naming no input block of the view', async () => {
    const form = [{ type: 'input', block_id: 'name', label: plain('Name'), element: { type: 'plain_text_input', action_id: 'name' } }];
    await standIn.slashCommand({ user: USER, text: 'modal', command: '/probe' });
    await standIn.waitFor((c) => c.method === 'views.open');
    await client.views.update({ view_id: standIn.topModal(USER)!.id, view: modal('Form', form) });
    await standIn.submitView({ user: USER, values: { name: 'long error' } });
    await standIn.submitView({ user: USER, values: { name: 'stray error' } });
    expect(standIn.limitViolations.splice(0).map((v) => `${v.method} ${v.path}: ${v.message}`)).toEqual([
      'view_submission(errors) errors.name: is 2001 characters, over the limit of 2000',
      'view_submission(errors) errors.nowhere: names no input block of the view',
    ]);
    await standIn.closeView({ user: USER });
  });
});
