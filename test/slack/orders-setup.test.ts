/**
 * Ordering in connected mode without ORDERS_CHANNEL_ID or ORDER_ADMIN_IDS: start-up warns what to set, the
 * waiting notice is logged once, and the requester is told the truth about where the order is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { orderSetupWarnings } from '../../src/slack/order-notices.js';
import { textOf } from './block-query.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';
import { fillValidOrder } from './orders-flow.js';
import { REQUESTER, startOrderBot, topModal, type OrderBot } from './orders-harness.js';

describe('orderSetupWarnings', () => {
  const orders = { store: {} as never };

  it('names each missing variable, what it means and what to set', () => {
    const [channel, admins, ...rest] = orderSetupWarnings({ ordersChannelId: undefined, adminIds: [], orders });
    expect(rest).toEqual([]);
    expect(channel).toMatch(/^ORDERS_CHANNEL_ID is not set: orders are stored, but their notices to the Publications Unit wait/);
    expect(channel).toContain('C0123ABCD');
    expect(admins).toMatch(/^ORDER_ADMIN_IDS is not set: nobody can change the status of an order/);
    expect(admins).toContain('U0123ABCD,U0456EFGH');
  });

  it('says nothing when both are set, or when ordering is off', () => {
    expect(orderSetupWarnings({ ordersChannelId: 'C0ORDERS', adminIds: ['U0ADMIN'], orders })).toEqual([]);
    expect(orderSetupWarnings({ ordersChannelId: undefined, adminIds: [] })).toEqual([]);
  });
});

describe('ordering without ORDERS_CHANNEL_ID', () => {
  let bot: OrderBot;
  afterEach(async () => {
    expectWithinBlockKitLimits(bot.standIn);
    await bot.stop();
  });

  it('stores the order, tells the requester it reaches the Publications Unit once set up, and logs the wait once', async () => {
    bot = await startOrderBot({ ordersChannelId: undefined });
    await fillValidOrder(bot.standIn, REQUESTER);
    await bot.standIn.submitView({ user: REQUESTER });
    const [order] = (await bot.store.listAll());
    if (!order) throw new Error('no order stored');

    const done = textOf(topModal(bot.standIn, REQUESTER).blocks);
    expect(done).toContain(`Your order *${order.reference}* is stored; it will reach the Publications Unit once the bot's orders channel is set up`);
    expect(done).not.toContain('on its way');

    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === REQUESTER);
    await bot.standIn.idle();
    const dm = bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).map((m) => textOf(m.blocks)).join('\n');
    expect(dm).toContain("once the bot's orders channel is set up");
    expect(dm).not.toContain('on its way');

    // several retries of the waiting notice, one log line
    for (let i = 0; i < 3; i++) {
      const before = (await bot.store.outbox.list()).find((m) => m.kind === 'order_notice')?.attempts ?? 0;
      bot.clock.advance(20 * 60_000);
      for (let j = 0; j < 200 && ((await bot.store.outbox.list()).find((m) => m.kind === 'order_notice')?.attempts ?? 0) === before; j++) {
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    const notice = (await bot.store.outbox.list()).find((m) => m.kind === 'order_notice');
    expect(notice?.state).toBe('pending');
    expect(notice?.attempts).toBeGreaterThanOrEqual(3);
    expect(bot.logs.filter((l) => l.includes('waits until ORDERS_CHANNEL_ID is set'))).toHaveLength(1);
  });

  it('with the channel set, the order is on its way', async () => {
    bot = await startOrderBot();
    await fillValidOrder(bot.standIn, REQUESTER);
    await bot.standIn.submitView({ user: REQUESTER });
    expect(textOf(topModal(bot.standIn, REQUESTER).blocks)).toMatch(/Your order \*PUB-\d{4}-\d{6}\* is stored and on its way to the Publications Unit/);
  });
});
