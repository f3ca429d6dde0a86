/** Status buttons in the orders channel: admins move orders on (Cancel asks for a reason), others are told politely. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/offline/standin/index.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';
import { ackErrors, fillValidOrder, VALID_DELIVERY } from './orders-flow.js';
import { ADMIN, ORDERS_CHANNEL, OTHER, REQUESTER, startOrderBot, topModal, type OrderBot } from './orders-harness.js';

let bot: OrderBot;
let reference: string;
let notice: StoredMessage;

beforeEach(async () => {
  bot = await startOrderBot();
  await fillValidOrder(bot.standIn, REQUESTER);
  await bot.standIn.submitView({ user: REQUESTER });
  reference = (await bot.store.listAll())[0]?.reference ?? '';
  await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ORDERS_CHANNEL);
  const posted = bot.standIn.messages(ORDERS_CHANNEL)[0];
  if (!posted) throw new Error('no notice');
  notice = posted;
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

/** DMs to the requester that tell a status. */
function statusDms(): string[] {
  return bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).map((m) => m.text).filter((t) => t.includes(' is now '));
}

async function waitForStatusDm(count: number): Promise<void> {
  for (let i = 0; i < 200 && statusDms().length < count; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('changing an order’s status', () => {
  it('lets an admin move the order on, updates the notice and tells the requester', async () => {
    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: `${ORDER_ACTION.setStatus}_processing` });
    await bot.standIn.waitFor((c) => c.method === 'chat.update');
    expect((await bot.store.get(reference))?.status).toBe('processing');
    expect(textOf(notice.blocks)).toContain('*Status:* Processing');
    expect(textOf(notice.blocks)).toContain(`Processing by <@${ADMIN}>`);
    expect(buttonsOf(notice.blocks).map((b) => b.text.text)).toEqual(['Dispatched', 'Cancel…', 'Delivery details']);
    await waitForStatusDm(1);
    expect(statusDms()).toEqual([`Your order ${reference} is now Processing`]);

    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: `${ORDER_ACTION.setStatus}_dispatched` });
    await waitForStatusDm(2);
    expect((await bot.store.get(reference))?.status).toBe('dispatched');
    expect(statusDms()).toHaveLength(2);
  });

  it('tells anyone else politely that they cannot, and changes nothing', async () => {
    await bot.standIn.clickButton({ user: OTHER, source: notice, actionId: `${ORDER_ACTION.setStatus}_processing` });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(bot.standIn.ephemerals(OTHER).at(-1)?.text).toMatch(/^Sorry, only the order admins/);
    expect((await bot.store.get(reference))?.status).toBe('submitted');

    await bot.standIn.clickButton({ user: OTHER, source: notice, actionId: ORDER_ACTION.showDelivery });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(bot.standIn.ephemerals(OTHER).map((m) => m.text).join('\n')).not.toContain(VALID_DELIVERY.telephone);
  });

  it('shows an admin the delivery details privately', async () => {
    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: ORDER_ACTION.showDelivery });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    const details = textOf(bot.standIn.ephemerals(ADMIN).at(-1)?.blocks ?? []);
    expect(details).toContain(VALID_DELIVERY.telephone);
    expect(details).toContain('Avenue de la Paix 12');
  });

  it('asks for a reason before cancelling, and tells the requester why', async () => {
    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: `${ORDER_ACTION.setStatus}_cancelled` });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(topModal(bot.standIn, ADMIN).callback_id).toBe('order_cancel');
    expect(ackErrors(await bot.standIn.submitView({ user: ADMIN, values: { reason: '  ' } }))).toEqual({
      [ORDER_BLOCK.reason]: 'Give a reason for cancelling the order; the requester is told.',
    });
    expect((await bot.store.get(reference))?.status).toBe('submitted');

    await bot.standIn.submitView({ user: ADMIN, values: { reason: 'Out of print <for now>' } });
    expect(bot.standIn.topModal(ADMIN)).toBeUndefined();
    expect((await bot.store.get(reference))?.status).toBe('cancelled');
    await waitForStatusDm(1);
    const dm = bot.standIn.messages(bot.standIn.dmChannel(REQUESTER)).find((m) => m.text.includes('is now Cancelled'));
    expect(textOf(dm?.blocks ?? [])).toContain('Reason: Out of print &lt;for now&gt;');
    await bot.standIn.waitFor((c) => c.method === 'chat.update');
    expect(buttonsOf(notice.blocks).map((b) => b.text.text)).toEqual(['Delivery details']);
  });

  it('explains a change the order no longer allows', async () => {
    await bot.store.changeStatus(reference, 'processing', ADMIN);
    await bot.store.changeStatus(reference, 'dispatched', ADMIN);
    await bot.standIn.clickButton({ user: ADMIN, source: notice, actionId: `${ORDER_ACTION.setStatus}_processing` });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(bot.standIn.ephemerals(ADMIN).at(-1)?.text).toBe(`${reference} is *Dispatched* now and cannot become *Processing*.`);
  });
});

describe('exporting orders', () => {
  it('sends an admin every order as a CSV file in a direct message', async () => {
    await bot.standIn.slashCommand({ user: ADMIN, text: 'orders export' });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(bot.standIn.ephemerals(ADMIN).at(-1)?.text).toBe('I\'ve sent you the CSV of 1 order in our direct messages.');
    const [file] = bot.standIn.uploads.files;
    expect(file?.channel).toBe(bot.standIn.dmChannel(ADMIN));
    expect(file?.filename).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = file?.content?.trim().split('\r\n') ?? [];
    expect(rows[0]).toMatch(/^reference,submitted_at,/);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual([reference, reference]);
  });

  it('refuses the export to anyone else', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'orders export' });
    await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(bot.standIn.ephemerals(REQUESTER).at(-1)?.text).toMatch(/^Sorry, only the order admins/);
    expect(bot.standIn.uploads.files).toEqual([]);
  });
});
