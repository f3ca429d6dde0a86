/**
 * The order dialog and status changes end to end at their edges: a title that leaves the catalogue while
 * the dialog is open, a non-admin submitting the cancel modal, and what people typed (name, address, a
 * cancel reason) coming back escaped on every surface that shows it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Surface } from '../../src/offline/standin/index.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import type { OrderStore } from '../../src/orders/store.js';
import { createSearchEngine } from '../../src/search/engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { cancelReasonView } from '../../src/slack/blocks/order-dialog.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK, tempDir } from '../orders/fixtures.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { textOf } from './block-query.js';
import { ackErrors, addPublication, fillValidOrder, setLine, VALID_DELIVERY } from './orders-flow.js';
import { ADMIN, ANA, ORDERS_CHANNEL, OTHER, REQUESTER, startOrderBot, topModal, type OrderBot } from './orders-harness.js';
import { translator } from '../../src/i18n/translator.js';

const en = translator('en');

describe('a title that leaves the catalogue while the dialog is open', () => {
  let bot: TestBot;
  let store: OrderStore;
  const withdrawn = new Set<string>();
  afterEach(async () => {
    withdrawn.clear();
    expectWithinBlockKitLimits(bot.standIn);
    await bot.stop();
    await store.close();
  });

  /** The catalogue engine, less the withdrawn titles (as after a catalogue update). */
  async function start(): Promise<void> {
    const real = createSearchEngine(CATALOGUE);
    const engine: SearchEngine = {
      search: (query, options) => real.search(query, options),
      get: (id) => (withdrawn.has(id) ? undefined : real.get(id)),
      get publications() {
        return real.publications.filter((p) => !withdrawn.has(p.id));
      },
    };
    store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'));
    bot = await startTestBot({ engine, deps: { orders: { store }, ordersChannelId: ORDERS_CHANNEL, adminIds: [ADMIN] }, seedUsers: [ANA], channels: [{ id: ORDERS_CHANNEL, name: 'orders' }] });
  }

  it('at step 1, shows the problem under that line', async () => {
    await start();
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    await addPublication(bot.standIn, REQUESTER, FRAMEWORK.id);
    withdrawn.add(FRAMEWORK.id);
    expect(ackErrors(await bot.standIn.submitView({ user: REQUESTER }))).toEqual({
      [ORDER_BLOCK.quantity(1)]: `“${FRAMEWORK.id}” is no longer in the catalogue`,
    });
    expect(topModal(bot.standIn, REQUESTER).callback_id).toBe('order_step_items');
  });

  it('at Submit, goes back to step 1 saying what is wrong, and stores nothing', async () => {
    await start();
    await fillValidOrder(bot.standIn, REQUESTER);
    withdrawn.add(FRAMEWORK.id);
    await bot.standIn.submitView({ user: REQUESTER });
    const view = topModal(bot.standIn, REQUESTER);
    expect(view.callback_id).toBe('order_step_items');
    expect(textOf(view.blocks)).toContain(`Please check: “${FRAMEWORK.id}” is no longer in the catalogue.`);
    expect(textOf(view.blocks)).toContain('This title is no longer in the catalogue: remove it.');
    expect((await store.listAll())).toEqual([]);
  });
});

describe('status changes and escaping', () => {
  let bot: OrderBot;
  afterEach(async () => {
    expectWithinBlockKitLimits(bot.standIn);
    await bot.stop();
  });

  /** Places an order through the dialog with `delivery`, and returns the notice in the orders channel. */
  async function placeOrder(delivery: Record<string, string>) {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    await addPublication(bot.standIn, REQUESTER, HANDBOOK.id);
    await setLine(bot.standIn, REQUESTER, 1, '2', 'fr');
    await bot.standIn.submitView({ user: REQUESTER });
    await bot.standIn.submitView({ user: REQUESTER, values: delivery });
    await bot.standIn.submitView({ user: REQUESTER, values: { currency: 'CHF', method: 'check' } });
    await bot.standIn.submitView({ user: REQUESTER });
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ORDERS_CHANNEL);
    await bot.standIn.idle();
    const [order] = (await bot.store.listAll());
    const [notice] = bot.standIn.messages(ORDERS_CHANNEL);
    if (!order || !notice) throw new Error('no order or no notice');
    return { reference: order.reference, notice };
  }

  it('refuses a non-admin who submits the cancel modal, and changes nothing', async () => {
    bot = await startOrderBot();
    const { reference, notice } = await placeOrder(VALID_DELIVERY);
    // A cancel modal in a non-admin's hands (e.g. opened before they were removed from ORDER_ADMIN_IDS).
    bot.standIn.workspace.call('views.open', {
      trigger_id: bot.standIn.workspace.issueTrigger(OTHER),
      view: cancelReasonView({ reference, channel: ORDERS_CHANNEL, ts: notice.ts }, en),
    });
    const updates = bot.standIn.callsTo('chat.update').length;
    expect(ackErrors(await bot.standIn.submitView({ user: OTHER, values: { [ORDER_ACTION.reason]: 'Not needed' } }))).toEqual({
      [ORDER_BLOCK.reason]: 'Only the order admins of the Publications Unit can cancel an order.',
    });
    await bot.standIn.idle();
    expect((await bot.store.get(reference))?.status).toBe('submitted');
    expect((await bot.store.get(reference))?.history).toHaveLength(1);
    expect(bot.standIn.callsTo('chat.update')).toHaveLength(updates);
    expect((await bot.store.outbox.list()).filter((m) => m.kind === 'status_notice')).toEqual([]);
  });

  it('shows a typed name, address and cancel reason as text on every surface, never as a ping or a mention', async () => {
    bot = await startOrderBot();
    const nasty = 'Ana <!channel> & <@U123>';
    const { reference, notice } = await placeOrder({ ...VALID_DELIVERY, name: nasty, address: `Office <@U123>\nRue & <!channel>` });

    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: ORDER_ACTION.showDelivery });
    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: `${ORDER_ACTION.setStatus}_cancelled` });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    await bot.standIn.submitView({ user: ADMIN, values: { [ORDER_ACTION.reason]: `Duplicate of <!channel> & <@U123>'s order` } });
    for (let i = 0; i < 200 && !bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).some((m) => m.text.includes('is now Cancelled')); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'orders' });
    await bot.standIn.openHome(REQUESTER);
    await bot.standIn.idle();

    const dms = bot.standIn.messages(bot.standIn.dmChannel(REQUESTER));
    const confirmation = textOf(dms.find((m) => m.text.includes('is received'))?.blocks ?? []);
    const statusDm = textOf(dms.find((m) => m.text.includes('is now Cancelled'))?.blocks ?? []);
    const details = textOf(bot.standIn.ephemerals(ADMIN).find((e) => e.text.startsWith('Delivery details'))?.blocks ?? []);
    const channelNotice = textOf(bot.standIn.messages(ORDERS_CHANNEL)[0]?.blocks ?? []);
    const ownOrders = textOf(bot.standIn.ephemerals(REQUESTER).at(-1)?.blocks ?? []);
    const home = textOf(bot.standIn.home(REQUESTER)?.blocks ?? []);

    expect(confirmation).toContain('*Name*\nAna &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(confirmation).toContain('*Address*\nOffice &lt;@U123&gt;\nRue &amp; &lt;!channel&gt;');
    expect(details).toContain('*Name*\nAna &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(statusDm).toContain(`Reason: Duplicate of &lt;!channel&gt; &amp; &lt;@U123&gt;'s order`);
    expect(channelNotice).toContain(`: Duplicate of &lt;!channel&gt; &amp; &lt;@U123&gt;'s order`);
    expect(ownOrders).toContain(reference);
    expect(home).toContain(reference);
    const homeView = bot.standIn.home(REQUESTER);
    const surfaces: Surface[] = [...bot.standIn.messages(), ...bot.standIn.ephemerals(REQUESTER), ...bot.standIn.ephemerals(ADMIN), ...(homeView ? [homeView] : [])];
    for (const surface of surfaces) {
      const text = textOf(surface.blocks);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<@U123>');
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });
});
