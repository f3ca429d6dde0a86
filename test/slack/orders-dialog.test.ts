/** The order dialog end to end: every way in, validation under the right fields, submission, duplicates. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { translator } from '../../src/i18n/translator.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';
import { FRAMEWORK, HANDBOOK, MODULES } from '../orders/fixtures.js';
import { buttonsOf, textOf } from './block-query.js';
import { ackErrors, addPublication, fillValidOrder, setLine, VALID_DELIVERY } from './orders-flow.js';
import { inputBlockIds, ORDERS_CHANNEL, OTHER, REQUESTER, startOrderBot, topModal, type OrderBot } from './orders-harness.js';

const en = translator('en');
/** The limits the field errors name. */
const ERROR_PARAMS = { max: 500 };

let bot: OrderBot;
beforeEach(async () => {
  bot = await startOrderBot();
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

describe('opening the order dialog', () => {
  it('opens from Order print copy under a search result, with that title pre-selected', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'gender-based violence crises' });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    const answer = bot.standIn.ephemerals(REQUESTER).at(-1);
    if (!answer) throw new Error('no answer');
    const order = buttonsOf(answer.blocks).find((b) => b.action_id === ACTION.orderStart && b.value === `en:${FRAMEWORK.id}`);
    expect(order).toBeDefined();
    await bot.standIn.clickButton({ user: REQUESTER, source: answer, actionId: ACTION.orderStart, value: order?.value });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const modal = topModal(bot.standIn, REQUESTER);
    expect(modal.callback_id).toBe('order_step_items');
    expect(textOf(modal.blocks)).toContain(FRAMEWORK.title);
    expect(inputBlockIds(modal)).toContain(ORDER_BLOCK.quantity(1));
  });

  it('opens on top of Details from the Order print copy offered beside the search hint of a PDF without a link', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'gender-based violence crises' });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    const answer = bot.standIn.ephemerals(REQUESTER).at(-1);
    if (!answer) throw new Error('no answer');
    await bot.standIn.clickButton({ user: REQUESTER, source: answer, actionId: ACTION.details, value: `en:${FRAMEWORK.id}` });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const details = topModal(bot.standIn, REQUESTER);
    expect(textOf(details.blocks)).toContain(`search for “${FRAMEWORK.title}” on <https://publications.iom.int/search|publications.iom.int/search>`);
    await bot.standIn.clickButton({ user: REQUESTER, source: details, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.push');
    const modal = topModal(bot.standIn, REQUESTER);
    expect(modal.callback_id).toBe('order_step_items');
    expect(textOf(modal.blocks)).toContain(FRAMEWORK.title);
    expect(inputBlockIds(modal)).toContain(ORDER_BLOCK.quantity(1));
  });

  it('opens from /handbooks order with nothing chosen yet', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const modal = topModal(bot.standIn, REQUESTER);
    expect(modal.callback_id).toBe('order_step_items');
    expect(inputBlockIds(modal)).toEqual([ORDER_BLOCK.add(1)]);
  });

  it('opens from /handbooks order with words, pre-selecting the title they clearly name and saying so', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order gender-based violence in crises' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const modal = topModal(bot.standIn, REQUESTER);
    expect(inputBlockIds(modal)).toEqual([ORDER_BLOCK.quantity(1), ORDER_BLOCK.add(2)]);
    expect(textOf(modal.blocks)).toContain(`For “gender-based violence in crises” I added *${FRAMEWORK.title}*. Not the one you meant? *Remove* it`);
  });

  it('opens the empty form from /handbooks order with words that match no title, and says so', async () => {
    // as Slack sends "<xyzzy> & co" typed by a person
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order &lt;xyzzy&gt; &amp; co' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const modal = topModal(bot.standIn, REQUESTER);
    expect(inputBlockIds(modal)).toEqual([ORDER_BLOCK.add(1)]);
    expect(textOf(modal.blocks)).toContain('“&lt;xyzzy&gt; &amp; co” matched no title');
  });

  it('opens from the App Home button', async () => {
    await bot.standIn.openHome(REQUESTER);
    await bot.standIn.waitFor((c) => c.method === 'views.publish');
    const home = bot.standIn.home(REQUESTER);
    if (!home) throw new Error('no Home');
    expect(textOf(home.blocks)).toContain('You have no orders yet');
    await bot.standIn.clickButton({ user: REQUESTER, source: home, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(topModal(bot.standIn, REQUESTER).callback_id).toBe('order_step_items');
  });

  it.each(["I'd like to order some copies", 'order copies please', 'je voudrais commander le manuel', 'quisiera pedir ejemplares'])(
    'answers the DM "%s" with a button that opens the dialog',
    async (text) => {
      await bot.standIn.directMessage({ user: REQUESTER, text });
      await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      const reply = bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).at(-1);
      if (!reply) throw new Error('no reply');
      expect(buttonsOf(reply.blocks).map((b) => b.action_id)).toEqual([ACTION.orderStart]);
      await bot.standIn.clickButton({ user: REQUESTER, source: reply, actionId: ACTION.orderStart });
      await bot.standIn.waitFor((c) => c.method === 'views.open');
      expect(topModal(bot.standIn, REQUESTER).callback_id).toBe('order_step_items');
    },
  );

  it('still searches a DM that only mentions an order in passing', async () => {
    await bot.standIn.directMessage({ user: REQUESTER, text: 'public order handbook' });
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
    const reply = bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).at(-1);
    expect(reply?.text).not.toBe('Order printed copies');
  });
});

describe('the steps', () => {
  it('offers matching titles in the searchable select', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const ack = await bot.standIn.requestOptions({ user: REQUESTER, source: topModal(bot.standIn, REQUESTER), actionId: ORDER_ACTION.addPublication, value: 'formation' });
    const options = (ack.body as { options: { value: string }[] }).options;
    expect(options.map((o) => o.value)).toEqual([MODULES.id]);
    const all = await bot.standIn.requestOptions({ user: REQUESTER, source: topModal(bot.standIn, REQUESTER), actionId: ORDER_ACTION.addPublication, value: '' });
    expect((all.body as { options: unknown[] }).options).toHaveLength(3);
    for (const junk of ['0', '-']) {
      const none = await bot.standIn.requestOptions({ user: REQUESTER, source: topModal(bot.standIn, REQUESTER), actionId: ORDER_ACTION.addPublication, value: junk });
      expect((none.body as { options: unknown[] }).options).toEqual([]);
    }
  });

  it('shows each bad value under its own field and stores nothing until the whole order is valid', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'order' });
    await bot.standIn.waitFor((c) => c.method === 'views.open');

    expect(ackErrors(await bot.standIn.submitView({ user: REQUESTER }))).toEqual({ [ORDER_BLOCK.add(1)]: en('error.items', ERROR_PARAMS) });

    await addPublication(bot.standIn, REQUESTER, HANDBOOK.id);
    await addPublication(bot.standIn, REQUESTER, FRAMEWORK.id);
    await setLine(bot.standIn, REQUESTER, 1, '0');
    await setLine(bot.standIn, REQUESTER, 2, '10000');
    const itemErrors = ackErrors(await bot.standIn.submitView({ user: REQUESTER }));
    expect(itemErrors).toEqual({
      [ORDER_BLOCK.quantity(1)]: en('error.quantity', ERROR_PARAMS),
      [ORDER_BLOCK.quantity(2)]: en('error.quantity', ERROR_PARAMS),
    });
    await setLine(bot.standIn, REQUESTER, 1, '2');
    await setLine(bot.standIn, REQUESTER, 2, '1');
    expect(ackErrors(await bot.standIn.submitView({ user: REQUESTER }))[ORDER_BLOCK.language(1)]).toContain('Choose a language edition');
    await setLine(bot.standIn, REQUESTER, 1, '2', 'fr');
    await bot.standIn.submitView({ user: REQUESTER });

    const delivery = topModal(bot.standIn, REQUESTER);
    expect(delivery.callback_id).toBe('order_step_delivery');
    // Pre-filled from the Slack profile (users.info).
    expect(delivery.state.values[ORDER_BLOCK.field('name')]?.name?.value).toBe('Ana Pérez');
    expect(delivery.state.values[ORDER_BLOCK.field('email')]?.email?.value).toBe('ana.perez@example.org');

    const deliveryErrors = ackErrors(
      await bot.standIn.submitView({ user: REQUESTER, values: { ...VALID_DELIVERY, address: '   ', email: 'ana.example.org', telephone: 'call me' } }),
    );
    expect(deliveryErrors).toEqual({
      [ORDER_BLOCK.field('address')]: en('error.address', ERROR_PARAMS),
      [ORDER_BLOCK.field('email')]: en('error.email', ERROR_PARAMS),
      [ORDER_BLOCK.field('telephone')]: en('error.telephone', ERROR_PARAMS),
    });
    await bot.standIn.submitView({ user: REQUESTER, values: VALID_DELIVERY });

    expect(topModal(bot.standIn, REQUESTER).callback_id).toBe('order_step_payment');
    expect(ackErrors(await bot.standIn.submitView({ user: REQUESTER }))).toEqual({
      [ORDER_BLOCK.field('currency')]: en('error.currency', ERROR_PARAMS),
      [ORDER_BLOCK.field('method')]: en('error.method', ERROR_PARAMS),
    });
    await bot.standIn.submitView({ user: REQUESTER, values: { currency: 'CHF', method: 'bank_transfer' } });

    const review = topModal(bot.standIn, REQUESTER);
    expect(review.callback_id).toBe('order_step_review');
    const text = textOf(review.blocks);
    expect(text).toContain('Quantity: 2 · Unit price: CHF\u00a045.00 · Total: CHF\u00a090.00');
    expect(text).toContain('price to be confirmed by the Publications Unit');
    expect(text).toContain('Amount due (excluding shipping costs and bank transfer fees)');
    expect(text).toContain('CHF\u00a090.00, plus the lines whose price is to be confirmed');
    expect(text).toContain('Bank transfer, in CHF');
    expect(text).toContain('Avenue de la Paix 12');
    expect((await bot.store.listAll())).toEqual([]);
  });

  it('keeps every entry when going Back, and removes a line on request', async () => {
    const review = await fillValidOrder(bot.standIn, REQUESTER);
    await bot.standIn.clickButton({ user: REQUESTER, source: review, actionId: ORDER_ACTION.back });
    await bot.standIn.waitFor((c) => c.method === 'views.update');
    const payment = topModal(bot.standIn, REQUESTER);
    expect(payment.callback_id).toBe('order_step_payment');
    expect(payment.state.values[ORDER_BLOCK.field('currency')]?.currency?.selected_option).toMatchObject({ value: 'CHF' });

    await bot.standIn.clickButton({ user: REQUESTER, source: payment, actionId: ORDER_ACTION.back });
    await bot.standIn.waitFor((c) => c.method === 'views.update');
    const delivery = topModal(bot.standIn, REQUESTER);
    expect(delivery.state.values[ORDER_BLOCK.field('address')]?.address?.value).toBe(VALID_DELIVERY.address);
    expect(delivery.state.values[ORDER_BLOCK.field('country')]?.country?.selected_option).toMatchObject({ value: 'CH' });

    await bot.standIn.clickButton({ user: REQUESTER, source: delivery, actionId: ORDER_ACTION.back });
    await bot.standIn.waitFor((c) => c.method === 'views.update');
    const items = topModal(bot.standIn, REQUESTER);
    expect(items.state.values[ORDER_BLOCK.quantity(1)]?.quantity?.value).toBe('2');
    expect(items.state.values[ORDER_BLOCK.language(1)]?.language?.selected_option).toMatchObject({ value: 'fr' });

    await bot.standIn.clickButton({ user: REQUESTER, source: items, actionId: ORDER_ACTION.removeLine, blockId: ORDER_BLOCK.line(1) });
    await bot.standIn.waitFor((c) => c.method === 'views.update');
    const after = topModal(bot.standIn, REQUESTER);
    expect(textOf(after.blocks)).not.toContain(HANDBOOK.title);
    expect(inputBlockIds(after)).toEqual([ORDER_BLOCK.quantity(2), ORDER_BLOCK.add(3)]);
  });
});

describe('submitting', () => {
  it('stores the order before confirming it, with a PUB reference', async () => {
    await fillValidOrder(bot.standIn, REQUESTER);
    const ack = await bot.standIn.submitView({ user: REQUESTER });
    const [order] = (await bot.store.listAll());
    if (!order) throw new Error('no order stored');
    expect(order.reference).toMatch(/^PUB-\d{4}-000001$/);
    expect((ack.body as { response_action: string }).response_action).toBe('update');
    const done = topModal(bot.standIn, REQUESTER);
    expect(done.callback_id).toBe('order_done');
    expect(textOf(done.blocks)).toContain(order.reference);
    expect(order.requester.userId).toBe(REQUESTER);
    expect(order.pricing.lines.map((l) => [l.publicationId, l.language, l.quantity])).toEqual([
      [HANDBOOK.id, 'fr', 2],
      [FRAMEWORK.id, 'en', 1],
    ]);
    expect(order.delivery.email).toBe(VALID_DELIVERY.email);
  });

  it('stores one order for a double click on Submit', async () => {
    const review = await fillValidOrder(bot.standIn, REQUESTER);
    const acks = await Promise.all([bot.standIn.submitView({ user: REQUESTER, view: review }), bot.standIn.submitView({ user: REQUESTER, view: review })]);
    expect(acks.map((a) => (a.body as { response_action: string }).response_action)).toEqual(['update', 'update']);
    expect((await bot.store.listAll())).toHaveLength(1);
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ORDERS_CHANNEL);
    await bot.standIn.idle();
    expect(bot.standIn.messages(ORDERS_CHANNEL)).toHaveLength(1);
  });

  it('tells the Publications Unit and the requester, lists the order and shows it on App Home, never logging personal data', async () => {
    await fillValidOrder(bot.standIn, REQUESTER);
    await bot.standIn.submitView({ user: REQUESTER });
    const [order] = (await bot.store.listAll());
    if (!order) throw new Error('no order stored');

    const notice = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ORDERS_CHANNEL);
    expect(notice.args.metadata).toMatchObject({ event_type: 'handbooks_outbox', event_payload: { reference: order.reference } });
    const posted = bot.standIn.messages(ORDERS_CHANNEL)[0];
    if (!posted) throw new Error('no notice');
    const noticeText = textOf(posted.blocks);
    expect(noticeText).toContain(order.reference);
    expect(noticeText).toContain('Quantity: 2 · Unit price: CHF\u00a045.00 · Total: CHF\u00a090.00');
    expect(noticeText).not.toContain(VALID_DELIVERY.telephone);
    expect(noticeText).not.toContain('Avenue de la Paix');
    expect(buttonsOf(posted.blocks).map((b) => b.text.text)).toEqual(['Processing', 'Cancel…', 'Delivery details']);

    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === REQUESTER);
    const dm = bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).find((m) => m.text.includes(order.reference));
    if (!dm) throw new Error('no DM');
    expect(textOf(dm.blocks)).toContain('Avenue de la Paix 12');
    const mailto = (dm.blocks as { elements?: { url?: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.url)?.url ?? '';
    expect(mailto).toMatch(/^mailto:publications@iom\.int\?subject=Order%20PUB-/);
    expect(decodeURIComponent(mailto)).toContain('Book Title: IOM Handbook on Protection');

    await bot.standIn.slashCommand({ user: REQUESTER, text: 'orders' });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(textOf(bot.standIn.ephemerals(REQUESTER).at(-1)?.blocks ?? [])).toContain(`${order.reference}* · Submitted`);
    await bot.standIn.slashCommand({ user: OTHER, text: 'orders' });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(bot.standIn.ephemerals(OTHER).at(-1)?.text).toBe('You have no orders yet');

    await bot.standIn.openHome(REQUESTER);
    await bot.standIn.waitFor((c) => c.method === 'views.publish');
    expect(textOf(bot.standIn.home(REQUESTER)?.blocks ?? [])).toContain(`${order.reference}* · Submitted`);

    await bot.standIn.idle();
    const logs = bot.logs.join('\n');
    for (const personal of [VALID_DELIVERY.telephone, 'Avenue de la Paix', 'ana.perez', 'Ana Pérez']) expect(logs).not.toContain(personal);
  });
});
