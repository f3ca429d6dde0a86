/**
 * No request can take the app down: bodies that pass the signature check but are no Slack payload are
 * refused with 400 (logged without the body) and the app keeps serving; timestamps more than five minutes
 * away, in the past or the future, are refused with 401. All through Bolt's real HTTPReceiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPayloadProblem } from '../../src/slack/request-guard.js';
import { signRequest, startTestBot, type TestBot } from '../support/test-bot.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const now = () => Math.floor(Date.now() / 1000);

describe('the request guard in front of the HTTP receiver', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  const post = (contentType: string, body: string, options: { timestamp?: number; secret?: string } = {}) => {
    const timestamp = options.timestamp ?? now();
    return fetch(bot.requestUrl, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signRequest(options.secret ?? bot.standIn.signingSecret, body, timestamp),
      },
      body,
    });
  };
  const stillServing = async () => {
    const ack = await bot.standIn.slashCommand({ user: 'U0ALICE', text: 'trafficking' });
    expect(ack.status).toBe(200);
    expect((await fetch(bot.healthUrl)).status).toBe(200);
  };

  it('refuses a signed payload=null or JSON null with 400, and keeps serving', async () => {
    expect((await post(FORM, 'payload=null')).status).toBe(400);
    expect((await post(JSON_TYPE, 'null')).status).toBe(400);
    await stillServing();
    expect(bot.logs.some((l) => /WARN .*Refused a request to \/slack\/events \(400\): the body is null/.test(l))).toBe(true);
  });

  it('refuses other shapes with 400 and logs them without quoting the body', async () => {
    const bodies: [string, string][] = [
      [JSON_TYPE, '[1,2,3]'],
      [JSON_TYPE, '42'],
      [JSON_TYPE, '"SENSITIVE-TEXT"'],
      [JSON_TYPE, '{"note":"SENSITIVE-TEXT"}'],
      [JSON_TYPE, '{"type":"event_callback","event":"SENSITIVE-TEXT"}'],
      [JSON_TYPE, 'not json SENSITIVE-TEXT'],
      [FORM, `payload=${encodeURIComponent('{"type":"view_submission","user":{"id":"U1"},"view":null}')}`],
      [FORM, `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":[]}')}`],
      [FORM, 'command=%2Fhandbooks&user_id=U1&channel_id=C1'],
      [FORM, 'command=%2Fhandbooks&text=a&text=b&user_id=U1&channel_id=C1'],
    ];
    for (const [type, body] of bodies) expect({ body, status: (await post(type, body)).status }).toEqual({ body, status: 400 });
    await stillServing();
    expect(bot.logs.join('\n')).not.toContain('SENSITIVE-TEXT');
  });

  it('refuses a correctly signed request dated more than five minutes in the future with 401, like a stale one', async () => {
    const body = new URLSearchParams({ command: '/handbooks', text: 'help', user_id: 'U0ALICE', channel_id: 'C0GENERAL', response_url: 'http://127.0.0.1:9/x', trigger_id: 't' }).toString();
    expect((await post(FORM, body, { timestamp: now() + 6 * 60 })).status).toBe(401);
    expect((await post(FORM, body, { timestamp: now() - 6 * 60 })).status).toBe(401);
    expect((await post(FORM, body, { timestamp: now() + 4 * 60 })).status).toBe(200);
    expect(bot.logs.some((l) => /\(401\): x-slack-request-timestamp is more than 5 minutes in the future/.test(l))).toBe(true);
  });

  it('checks the signature before the body: an unsigned null is 401; Slack\'s unsigned SSL check is answered', async () => {
    expect((await post(JSON_TYPE, 'null', { secret: '0'.repeat(32) })).status).toBe(401);
    const ssl = await fetch(bot.requestUrl, { method: 'POST', headers: { 'content-type': FORM }, body: 'ssl_check=1&token=x' });
    expect(ssl.status).toBe(200);
  });

  it('refuses a body over the limit (4 MB) with 413, and keeps serving', async () => {
    expect((await post(JSON_TYPE, `{"type":"event_callback","pad":"${'x'.repeat(4 * 1024 * 1024)}"}`)).status).toBe(413);
    await stillServing();
  });

  it('counts refusals in /metrics by reason', async () => {
    const text = await (await fetch(bot.healthUrl.replace('/healthz', '/metrics'))).text();
    expect(text).toMatch(/^handbooks_requests_refused_total\{reason="malformed"\} ([1-9]\d*)$/m);
    expect(text).toMatch(/^handbooks_requests_refused_total\{reason="signature"\} ([1-9]\d*)$/m);
    expect(text).toMatch(/^handbooks_requests_refused_total\{reason="too_large"\} 1$/m);
  });
});

describe('slackPayloadProblem', () => {
  it('accepts the shapes Slack sends and types the app does not handle', () => {
    expect(slackPayloadProblem({ command: '/handbooks', text: '', user_id: 'U1', channel_id: 'C1' })).toBeUndefined();
    expect(slackPayloadProblem({ type: 'event_callback', event: { type: 'app_mention' } })).toBeUndefined();
    expect(slackPayloadProblem({ type: 'app_rate_limited' })).toBeUndefined();
    expect(slackPayloadProblem({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1', callback_id: 'c', private_metadata: '', state: { values: {} } } })).toBeUndefined();
  });

  it('names what is wrong without quoting any value', () => {
    expect(slackPayloadProblem(null)).toBe('the body is null, not an object');
    expect(slackPayloadProblem([])).toBe('the body is an array, not an object');
    expect(slackPayloadProblem(7)).toBe('the body is a number, not an object');
    expect(slackPayloadProblem({ text: 'secret' })).toBe('the body has no type');
    expect(slackPayloadProblem({ type: 'block_suggestion', user: { id: 'U1' }, action_id: 'secret' })).toBe('a block_suggestion without a valid value');
  });
});
