/**
 * Slack failing under the order dialog's in-view actions and under a status change: a hash_conflict is
 * applied again on top of the newer view, other failures are told to the person, and an admin whose
 * status change could not update the channel message is told its buttons may be stale.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { httpTransport, type InboundRequest } from '../../src/offline/standin/index.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import type { OrderStore } from '../../src/orders/store.js';
import { ORDER_ACTION } from '../../src/slack/blocks/order-ids.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { DELIVERY, tempDir } from '../orders/fixtures.js';
import { textOf } from './block-query.js';
import { topModal } from './orders-harness.js';

const USER = 'U0ANA';
const ADMIN = 'U0ADMIN';
const ORDERS_CHANNEL = 'C0ORDERS';
const [FIRST, SECOND] = loadCatalogue().filter((p) => p.languages.length === 1);

let bot: TestBot;
let store: OrderStore;
beforeEach(async () => {
  store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'));
  bot = await startTestBot({
    deps: { orders: { store, outboxIntervalMs: 20 }, ordersChannelId: ORDERS_CHANNEL, adminIds: [ADMIN] },
    channels: [{ id: ORDERS_CHANNEL, name: 'publications-orders' }],
  });
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
  await store.close();
});

/** Lines of the user's items step, by title. */
const lineTitles = () => textOf(topModal(bot.standIn, USER).blocks);

/** Opens the dialog and adds FIRST. */
async function dialogWithFirstTitle(): Promise<void> {
  await bot.standIn.slashCommand({ user: USER, text: 'order' });
  await bot.standIn.waitFor((c) => c.method === 'views.open');
  await bot.standIn.selectOption({ user: USER, source: topModal(bot.standIn, USER), actionId: ORDER_ACTION.addPublication, value: FIRST!.id });
  await bot.standIn.idle();
}

it('applies a click whose view was stale (hash_conflict) on top of the newer view, keeping both changes', async () => {
  await bot.standIn.slashCommand({ user: USER, text: 'order' });
  await bot.standIn.waitFor((c) => c.method === 'views.open');
  const staleHash = topModal(bot.standIn, USER).hash;
  await bot.standIn.selectOption({ user: USER, source: topModal(bot.standIn, USER), actionId: ORDER_ACTION.addPublication, value: FIRST!.id });
  await bot.standIn.idle();

  // The next click was sent by Slack's client before the first update reached it: its view carries the old hash.
  const signed = httpTransport(bot.requestUrl, bot.standIn.signingSecret);
  bot.standIn.connect(async (request: InboundRequest) => {
    const form = new URLSearchParams(request.body);
    const payload = JSON.parse(form.get('payload') ?? '{}');
    if (payload.type === 'block_actions') payload.view.hash = staleHash;
    form.set('payload', JSON.stringify(payload));
    return signed({ ...request, body: form.toString() });
  });
  await bot.standIn.selectOption({ user: USER, source: topModal(bot.standIn, USER), actionId: ORDER_ACTION.addPublication, value: SECOND!.id });
  await bot.standIn.idle();

  expect(bot.standIn.callsTo('views.update').map((c) => (c.result as { ok: boolean; error?: string }).error ?? 'ok')).toEqual(['ok', 'hash_conflict', 'ok']);
  expect(lineTitles()).toContain(FIRST!.title.slice(0, 40));
  expect(lineTitles()).toContain(SECOND!.title.slice(0, 40));
  expect(bot.standIn.messages(bot.standIn.dmChannel(USER))).toEqual([]);
});

it('tells the person plainly when the dialog cannot be updated, and keeps the form as it was', async () => {
  await dialogWithFirstTitle();
  bot.standIn.failNext('views.update', { error: 'internal_error' });
  await bot.standIn.selectOption({ user: USER, source: topModal(bot.standIn, USER), actionId: ORDER_ACTION.addPublication, value: SECOND!.id });
  await bot.standIn.idle();
  expect(lineTitles()).not.toContain(SECOND!.title.slice(0, 40));
  const [dm] = bot.standIn.messages(bot.standIn.dmChannel(USER));
  expect(dm?.text).toBe(`I couldn't update your order form (Slack answered "internal_error"), so your last click did not take effect. Please try it again; what you entered is kept.`);
});

it('tells an admin when the order message could not be updated after a status change, so its buttons may be stale', async () => {
  await store.submit({ items: [{ publicationId: FIRST!.id, quantity: 2 }], delivery: DELIVERY, payment: { currency: 'CHF', method: 'check' } }, { userId: USER }, 'k1', loadCatalogue());
  const notice = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ORDERS_CHANNEL);
  await bot.standIn.idle();
  const [message] = bot.standIn.messages(ORDERS_CHANNEL);
  if (!message) throw new Error(`no notice: ${JSON.stringify(notice.result)}`);

  bot.standIn.failNext('chat.update', { error: 'message_not_found' });
  await bot.standIn.clickButton({ user: ADMIN, source: message, actionId: 'order_set_status_processing' });
  await bot.standIn.idle();
  expect((await store.listAll())[0]?.status).toBe('processing');
  const told = bot.standIn.ephemerals(ADMIN).map((e) => e.text);
  expect(told).toEqual([
    expect.stringMatching(/^PUB-\d{4}-\d{6} is now \*Processing\*, but I couldn't update its message in the orders channel \(Slack answered "message_not_found"\), so its buttons may be out of date/),
  ]);
});
