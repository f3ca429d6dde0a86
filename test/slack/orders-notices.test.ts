/**
 * The Publications Unit's notice and the requester's DM go through the persisted outbox: Slack refusing
 * (an error, a 429 with Retry-After, no answer) delays them, a restart of the app does not lose them,
 * and none is ever posted twice. End to end on both stores (SQLite file, PostgreSQL).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { outboxMetadata } from '../../src/slack/order-notices.js';
import { describeEachStore } from '../support/stores.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';
import { fillValidOrder } from './orders-flow.js';
import { textOf } from './block-query.js';
import { ADMIN, ORDERS_CHANNEL, REQUESTER, startOrderBot, type OrderBot } from './orders-harness.js';

let bot: OrderBot;

/** Posts in the orders channel carrying the outbox metadata of `reference`. */
function noticesOf(reference: string) {
  return bot.standIn.messages(ORDERS_CHANNEL).filter((m) => m.metadata?.event_type === 'handbooks_outbox' && m.metadata.event_payload.reference === reference);
}

/** Places a valid order and returns its reference. */
async function placeOrder(): Promise<string> {
  await fillValidOrder(bot.standIn, REQUESTER);
  await bot.standIn.submitView({ user: REQUESTER });
  const [order] = (await bot.store.listAll());
  if (!order) throw new Error('no order stored');
  return order.reference;
}

/** Waits until the outbox has delivered everything. */
async function allDelivered(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await bot.store.outbox.list()).every((m) => m.state === 'delivered')) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`outbox not delivered: ${(await bot.store.outbox.list()).map((m) => `${m.kind}:${m.state}:${m.lastError}`).join(', ')}`);
}

/** Waits until the outbox message of `kind` has failed an attempt. */
async function failedOnce(kind: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const m = (await bot.store.outbox.list()).find((x) => x.kind === kind);
    if (m && m.state === 'pending' && m.attempts > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${kind} did not fail an attempt`);
}

describeEachStore('delivering order notices', (kit) => {
  beforeEach(async () => {
    bot = await startOrderBot({ location: await kit.location() });
  });
  afterEach(async () => {
    expectWithinBlockKitLimits(bot.standIn);
    await bot.stop();
  });

  it('delivers other conversations while a call to Slack hangs, and that notice once the call has timed out', async () => {
    const hung = bot.standIn.holdNext('chat.postMessage', (args) => args.channel === ORDERS_CHANNEL);
    const reference = await placeOrder();
    await hung.held;
    // The requester's confirmation does not wait for the orders channel.
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === REQUESTER, { timeoutMs: 3_000 });
    expect(noticesOf(reference)).toHaveLength(0);
    await failedOnce('order_notice');
    expect((await bot.store.outbox.list()).find((m) => m.kind === 'order_notice')).toMatchObject({ uncertain: true, lastError: expect.stringMatching(/^deliver threw /) });
    bot.clock.advance(10_000);
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
    hung.release();
  });

  it('retries a notice Slack refused with an error after a backoff, and posts it once', async () => {
    bot.standIn.failNext('chat.postMessage', { error: 'internal_error', channel: ORDERS_CHANNEL });
    const reference = await placeOrder();
    await failedOnce('order_notice');
    const waiting = (await bot.store.outbox.list()).find((m) => m.kind === 'order_notice');
    expect(waiting?.lastError).toBe('internal_error');
    expect(noticesOf(reference)).toHaveLength(0);

    bot.clock.advance(10_000);
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
  });

  it('sets a notice Slack refuses for good aside, logging the reference and code at error level; it is kept for a retry', async () => {
    bot.standIn.failNext('chat.postMessage', { error: 'invalid_blocks', channel: ORDERS_CHANNEL });
    const reference = await placeOrder();
    for (let i = 0; i < 200 && (await bot.store.outbox.failed()).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await bot.store.outbox.failed()).map((m) => [m.kind, m.lastError])).toEqual([['order_notice', 'invalid_blocks']]);
    const line = bot.logs.find((l) => l.includes(reference) && l.includes('invalid_blocks'));
    expect(line).toMatch(/ ERROR .*order_notice of PUB-\d{4}-\d{6}.*invalid_blocks\. It is set aside: .*\/handbooks orders retry/);

    // only an admin may retry; the admin's /handbooks orders names it
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'orders retry' });
    expect(String((await bot.standIn.waitFor((c) => c.method === 'response_url')).args.text)).toMatch(/only the order admins/);
    expect((await bot.store.outbox.failed())).toHaveLength(1);
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'orders' });
    expect(textOf(((await bot.standIn.waitFor((c) => c.method === 'response_url')).args.blocks ?? []) as unknown[])).not.toContain('could not be delivered');
    await bot.standIn.slashCommand({ user: ADMIN, text: 'orders' });
    expect(textOf(((await bot.standIn.waitFor((c) => c.method === 'response_url')).args.blocks ?? []) as unknown[])).toContain(
      `:warning: *Order notices:* 0 waiting · 0 being retried · 1 could not be delivered\n• ${reference} (order notice): invalid_blocks, set aside\nRun \`/handbooks orders retry\` after fixing the cause of the notices set aside.`,
    );

    // The admin's App Home says so too; the requester's says nothing about notices.
    await bot.standIn.openHome(ADMIN);
    await bot.standIn.waitFor((c) => c.method === 'views.publish');
    expect(textOf(bot.standIn.home(ADMIN)?.blocks ?? [])).toContain(`• ${reference} (order notice): invalid_blocks, set aside`);
    await bot.standIn.openHome(REQUESTER);
    await bot.standIn.waitFor((c) => c.method === 'views.publish');
    expect(textOf(bot.standIn.home(REQUESTER)?.blocks ?? [])).not.toContain('Order notices');

    await bot.standIn.slashCommand({ user: ADMIN, text: 'orders retry' });
    expect((await bot.standIn.waitFor((c) => c.method === 'response_url')).args.text).toMatch(/^I put 1 notice back in the queue/);
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
    await bot.standIn.openHome(ADMIN);
    await bot.standIn.waitFor((c) => c.method === 'views.publish');
    expect(textOf(bot.standIn.home(ADMIN)?.blocks ?? [])).toContain('*Order notices:* all delivered.');
    await bot.standIn.slashCommand({ user: ADMIN, text: 'orders retry' });
    expect((await bot.standIn.waitFor((c) => c.method === 'response_url')).args.text).toMatch(/^No notice is waiting for a retry/);
  });

  it('keeps retrying a notice while the bot is not in the orders channel, logging it at error level', async () => {
    bot.standIn.failNext('chat.postMessage', { error: 'not_in_channel', channel: ORDERS_CHANNEL });
    const reference = await placeOrder();
    await failedOnce('order_notice');
    expect((await bot.store.outbox.failed())).toEqual([]);
    expect(bot.logs.find((l) => l.includes(reference) && l.includes('not_in_channel'))).toMatch(/ ERROR .*not_in_channel\. Retrying at .*: invite the bot to the orders channel/);
    expect(bot.logs.filter((l) => l.includes('not delivered'))).toHaveLength(1);
    // Admins see it being retried, with its last error.
    await bot.standIn.slashCommand({ user: ADMIN, text: 'orders' });
    const listed = textOf(((await bot.standIn.waitFor((c) => c.method === 'response_url')).args.blocks ?? []) as unknown[]);
    expect(listed).toContain('1 being retried');
    expect(listed).toContain(`• ${reference} (order notice): not_in_channel, 1 attempt so far, next at `);
    bot.clock.advance(10_000);
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
  });

  it('honours Retry-After on a 429 before trying again', async () => {
    bot.standIn.failNext('chat.postMessage', { status: 429, retryAfter: 30, channel: ORDERS_CHANNEL });
    const reference = await placeOrder();
    await failedOnce('order_notice');
    const waiting = (await bot.store.outbox.list()).find((m) => m.kind === 'order_notice');
    expect(waiting?.lastError).toBe('ratelimited');
    expect((waiting?.nextAttemptAt.getTime() ?? 0) - bot.clock.now().getTime()).toBeGreaterThanOrEqual(30_000);

    bot.clock.advance(20_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(noticesOf(reference)).toHaveLength(0);
    bot.clock.advance(15_000);
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
  });

  it('checks the channel before posting again when Slack gave no answer', async () => {
    bot.standIn.failNext('chat.postMessage', { status: 500, channel: ORDERS_CHANNEL });
    const reference = await placeOrder();
    await failedOnce('order_notice');
    expect((await bot.store.outbox.list()).find((m) => m.kind === 'order_notice')?.uncertain).toBe(true);
    bot.clock.advance(10_000);
    await allDelivered();
    expect(bot.standIn.callsTo('conversations.history')).not.toHaveLength(0);
    expect(noticesOf(reference)).toHaveLength(1);
  });

  it('delivers a notice still waiting when the app restarts, exactly once', async () => {
    bot.standIn.failNext('chat.postMessage', { status: 429, retryAfter: 60, times: 2 });
    const reference = await placeOrder();
    await failedOnce('order_notice');
    await failedOnce('order_confirmation');

    await bot.restart();
    bot.clock.advance(61_000);
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
    expect(bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).filter((m) => m.metadata?.event_payload.reference === reference)).toHaveLength(1);
  });

  it('does not post again a notice that went out just before the app stopped', async () => {
    bot.standIn.failNext('chat.postMessage', { status: 429, retryAfter: 60, times: 2 });
    const reference = await placeOrder();
    await failedOnce('order_confirmation');

    // The stopped process had claimed the notice and posted it, but died before recording the delivery.
    await bot.restart(async (store) => {
      bot.clock.advance(61_000);
      // A lease that has already run out: the restarted app takes the notice over at once.
      const [claimed] = await store.outbox.claimDue(bot.clock.now(), { limit: 1, leaseMs: 0 });
      if (!claimed) throw new Error('nothing to claim');
      expect(claimed.kind).toBe('order_notice');
      bot.standIn.workspace.postAsBot(ORDERS_CHANNEL, `Order ${reference}`, [], undefined, outboxMetadata(claimed));
    });
    await allDelivered();
    expect(noticesOf(reference)).toHaveLength(1);
    expect((await bot.store.outbox.list()).find((m) => m.kind === 'order_notice')?.uncertain).toBe(true);
  });
});
