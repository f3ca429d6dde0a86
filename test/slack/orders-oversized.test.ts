/**
 * A view submission carrying more than Slack allows — private_metadata of 1 MB, a 10,000-character address
 * carried through, inputs of a megabyte — is answered in its acknowledgement (Bolt answers 404 after 3 s
 * otherwise) with errors under a field the view shows, or, on the review (which has no field), with the
 * dialog's first step and a message saying why. Through the real receiver and the stand-in for Slack.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoredView } from '../../src/offline/standin/index.js';
import { ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { ackErrors, addPublication, fillValidOrder, setLine, VALID_DELIVERY } from './orders-flow.js';
import { inputBlockIds, REQUESTER, startOrderBot, topModal, type OrderBot } from './orders-harness.js';
import { FRAMEWORK } from '../orders/fixtures.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';

let bot: OrderBot;
beforeEach(async () => {
  bot = await startOrderBot();
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

/** The draft in `view`'s private_metadata with its delivery address replaced by `address`. */
function withCarriedAddress(view: StoredView, address: string): string {
  const draft = JSON.parse(view.private_metadata as string) as unknown[];
  (draft[3] as string[])[1] = address;
  return JSON.stringify(draft);
}

/** From `/handbooks order` to the delivery step, one copy of one title chosen. */
async function deliveryStep(): Promise<StoredView> {
  const { standIn } = bot;
  await standIn.slashCommand({ user: REQUESTER, text: 'order' });
  await standIn.waitFor((c) => c.method === 'views.open');
  await addPublication(standIn, REQUESTER, FRAMEWORK.id);
  await setLine(standIn, REQUESTER, 1, '1');
  await standIn.submitView({ user: REQUESTER });
  return topModal(standIn, REQUESTER);
}

/** From `/handbooks order` to the payment step with valid entries. */
async function paymentStep(): Promise<StoredView> {
  const { standIn } = bot;
  await deliveryStep();
  await standIn.submitView({ user: REQUESTER, values: VALID_DELIVERY });
  const view = topModal(standIn, REQUESTER);
  expect(view.callback_id).toBe('order_step_payment');
  return view;
}

it('answers a 10,000-character address carried through to the payment step with an error under a field of that step', async () => {
  const view = await paymentStep();
  view.private_metadata = withCarriedAddress(view, 'a'.repeat(10_000));
  const ack = await bot.standIn.submitView({ user: REQUESTER, view, values: { currency: 'CHF', method: 'credit_card' } });
  expect(ack.status).toBe(200);
  expect(ackErrors(ack)).toEqual({ [ORDER_BLOCK.field('method')]: expect.stringMatching(/too long to carry through the form/) });
  expect(inputBlockIds(view)).toContain(ORDER_BLOCK.field('method'));
});

it('answers private_metadata of 1 MB on the review with the first step and a message, not a failure after 3 s', async () => {
  const review = await fillValidOrder(bot.standIn, REQUESTER);
  review.private_metadata = withCarriedAddress(review, 'a'.repeat(1_000_000));
  const ack = await bot.standIn.submitView({ user: REQUESTER, view: review });
  expect(ack.status).toBe(200);
  const body = ack.body as { response_action: string; view: { callback_id: string; blocks: unknown[] } };
  expect(body.response_action).toBe('update');
  expect(body.view.callback_id).toBe('order_step_items');
  expect(JSON.stringify(body.view.blocks)).toMatch(/carried more than the form can hold/);
  expect(await bot.store.listAll()).toEqual([]);
  expect(bot.logs.join('\n')).not.toMatch(/not acknowledged within 3 seconds|Failed to handle/);
});

it('answers oversized inputs on the delivery step under their own fields, keeping the 1 MB out of the log', async () => {
  const { standIn } = bot;
  const delivery = await deliveryStep();
  delivery.private_metadata = withCarriedAddress(delivery, 'b'.repeat(1_000_000));
  const ack = await standIn.submitView({ user: REQUESTER, view: delivery, values: { ...VALID_DELIVERY, name: 'N'.repeat(1_000_000), address: 'a'.repeat(10_000) } });
  expect(ack.status).toBe(200);
  const errors = ackErrors(ack);
  expect(Object.keys(errors).sort()).toEqual([ORDER_BLOCK.field('address'), ORDER_BLOCK.field('name')].sort());
  expect(bot.logs.join('\n')).not.toMatch(/aaaaaaaaaa|NNNNNNNNNN|bbbbbbbbbb/);
});
