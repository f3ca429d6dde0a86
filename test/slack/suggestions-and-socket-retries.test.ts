/**
 * End to end through the stand-in: a "Did you mean" button answers with the suggested search, and an event
 * delivered twice in Socket Mode's way (same event_id, then a retry_attempt) is answered once, and so is a
 * slash command redelivered (same trigger_id).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { textOf } from './block-query.js';

const USER = 'U0ANA';
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterEach(() => expectWithinBlockKitLimits(bot.standIn));
afterAll(() => bot.stop());

it('answers a "Did you mean" suggestion button with the suggested search', async () => {
  await bot.standIn.slashCommand({ user: USER, text: 'migrashun' });
  await bot.standIn.idle();
  const noResult = bot.standIn.ephemerals(USER).at(-1);
  if (!noResult) throw new Error('no answer');
  expect(textOf(noResult.blocks)).toContain('Did you mean:');

  await bot.standIn.clickButton({ user: USER, source: noResult, actionId: 'search_suggestion_0' });
  const answer = await bot.standIn.waitFor((c) => c.method === 'response_url');
  const text = textOf((answer.args.blocks ?? []) as unknown[]);
  expect(text).toContain('Searched for *migration*');
  expect(text).not.toContain('Did you mean');
  expect(text).toMatch(/Migration/);
});

it('answers an event redelivered in Socket Mode (same event_id, retry_attempt) once', async () => {
  const channel = 'C0GENERAL';
  const text = `<@${bot.standIn.botUserId}> reintegration`;
  const message = bot.standIn.workspace.addUserMessage(channel, USER, text);
  const body = {
    type: 'event_callback',
    team_id: bot.standIn.teamId,
    api_app_id: 'ASTANDIN',
    event_id: 'Ev0SOCKETRETRY',
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user: USER, text, ts: message.ts, channel, event_ts: message.ts, team: bot.standIn.teamId },
    authorizations: [{ enterprise_id: null, team_id: bot.standIn.teamId, user_id: bot.standIn.botUserId, is_bot: true, is_enterprise_install: false }],
  };
  const before = bot.standIn.callsTo('chat.postMessage').length;
  const acks: number[] = [];
  // As SocketModeReceiver hands events to the app: the envelope's payload, retry_attempt as retryNum.
  await bot.app.processEvent({ body, ack: async () => void acks.push(0), retryNum: 0 });
  await bot.app.processEvent({ body, ack: async () => void acks.push(1), retryNum: 1, retryReason: 'timeout' });
  await bot.standIn.idle();
  expect(acks).toEqual([0, 1]);
  const answers = bot.standIn.callsTo('chat.postMessage').slice(before);
  expect(answers).toHaveLength(1);
  expect(answers[0]?.args.thread_ts).toBe(message.ts);
});

it('answers a slash command redelivered in Socket Mode (same trigger_id) once, acknowledging the repeat', async () => {
  const body = {
    token: 'standin-verification-token',
    team_id: bot.standIn.teamId,
    channel_id: 'C0GENERAL',
    user_id: USER,
    command: '/handbooks',
    text: 'gbv',
    api_app_id: 'ASTANDIN',
    trigger_id: '1234.5678.socketretry',
    response_url: 'http://127.0.0.1:9/unused',
  };
  const acks: unknown[] = [];
  await bot.app.processEvent({ body, ack: async (response) => void acks.push(response ?? 'empty'), retryNum: 0 });
  await bot.app.processEvent({ body, ack: async (response) => void acks.push(response ?? 'empty'), retryNum: 1, retryReason: 'timeout' });
  expect(acks).toHaveLength(2);
  // The first is answered in its acknowledgement; the repeat only acknowledged.
  expect(textOf(((acks[0] as { blocks?: unknown[] }).blocks ?? []))).toMatch(/Gender-Based Violence/i);
  expect(acks[1]).toBe('empty');
});
