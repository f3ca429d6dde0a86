/** Walking the order dialog as a person would, for the order tests. */
import { expect } from 'vitest';
import type { Ack, SlackStandIn, StoredView } from '../../src/offline/standin/index.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { DELIVERY, FRAMEWORK, HANDBOOK } from '../orders/fixtures.js';
import { topModal } from './orders-harness.js';

/** Delivery details that pass validation (the order module's own fixture). */
export const VALID_DELIVERY = DELIVERY;

/** The acknowledgement's field errors (block id → message); fails when the ack is not `errors`. */
export function ackErrors(ack: Ack): Record<string, string> {
  const body = ack.body as { response_action?: string; errors?: Record<string, string> };
  expect(body?.response_action).toBe('errors');
  return body.errors ?? {};
}

/** Adds a publication with the dialog's searchable select (as choosing it in Slack does: a dispatched action). */
export async function addPublication(standIn: SlackStandIn, user: string, publicationId: string): Promise<StoredView> {
  const before = topModal(standIn, user);
  await standIn.selectOption({ user, source: before, actionId: ORDER_ACTION.addPublication, value: publicationId });
  await standIn.waitFor((c) => c.method === 'views.update');
  return topModal(standIn, user);
}

/** Types a quantity (and picks an edition) for the line with `key` without submitting. */
export async function setLine(standIn: SlackStandIn, user: string, key: number, quantity: string, language?: string): Promise<void> {
  const view = topModal(standIn, user);
  await standIn.selectOption({ user, source: view, actionId: ORDER_ACTION.quantity, blockId: ORDER_BLOCK.quantity(key), value: quantity });
  if (language) await standIn.selectOption({ user, source: view, actionId: ORDER_ACTION.language, blockId: ORDER_BLOCK.language(key), value: language });
}

/**
 * From `/handbooks order` to the review step with valid entries: 2 copies of the handbook in French and
 * 1 of the framework (or of the two titles `ids`, the first with a French edition), delivery in Geneva,
 * CHF by credit card. Returns the review view.
 */
export async function fillValidOrder(standIn: SlackStandIn, user: string, ids: readonly [string, string] = [HANDBOOK.id, FRAMEWORK.id]): Promise<StoredView> {
  await standIn.slashCommand({ user, text: 'order' });
  await standIn.waitFor((c) => c.method === 'views.open');
  await addPublication(standIn, user, ids[0]);
  await addPublication(standIn, user, ids[1]);
  await setLine(standIn, user, 1, '2', 'fr');
  expect((await standIn.submitView({ user })).status).toBe(200);
  expect(topModal(standIn, user).callback_id).toBe('order_step_delivery');
  await standIn.submitView({ user, values: VALID_DELIVERY });
  expect(topModal(standIn, user).callback_id).toBe('order_step_payment');
  await standIn.submitView({ user, values: { currency: 'CHF', method: 'credit_card' } });
  const review = topModal(standIn, user);
  expect(review.callback_id).toBe('order_step_review');
  return review;
}
