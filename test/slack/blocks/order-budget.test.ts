/**
 * Every order builder that lists orders or order lines stays inside Block Kit's limits at the extremes,
 * in every language: orders of 20 lines whose titles are 250 characters long (with characters that grow
 * when escaped).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Publication } from '../../../src/catalogue/schema.js';
import type { Order } from '../../../src/orders/order.js';
import { MAX_ORDER_LINES } from '../../../src/orders/schema.js';
import { openSqliteOrderStore } from '../../../src/orders/sqlite-store.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { reviewStepView } from '../../../src/slack/blocks/order-dialog.js';
import {
  homeOrderLines,
  LISTED_SUMMARY_MAX,
  orderConfirmationMessage,
  orderNoticeMessage,
  OWN_ORDERS_MAX,
  ownOrdersMessage,
  statusChangeMessage,
} from '../../../src/slack/blocks/order-messages.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { newDraft } from '../../../src/slack/order-draft.js';
import { DELIVERY, HANDBOOK, tempDir } from '../../orders/fixtures.js';
import { textOf } from '../block-query.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import { orderMailtoLink } from '../../../src/orders/order-form.js';

/** 20 titles of 250 characters, with `&` and `<` that grow when escaped. */
const LONG_TITLES: Publication[] = Array.from({ length: MAX_ORDER_LINES }, (_, i) => ({
  ...HANDBOOK,
  id: `long-title-${i}`,
  title: `${i} Handbook & guide <for> ${'migration governance & protection '.repeat(8)}`.slice(0, 250),
}));

/** 20 titles of 250 ampersands: five times as long once escaped. */
const AMPERSAND_TITLES: Publication[] = LONG_TITLES.map((p) => ({ ...p, title: '&'.repeat(250) }));

/** `count` orders of 20 lines of `titles`, 500 copies each, with long delivery details. */
async function bigOrders(count: number, titles: readonly Publication[] = LONG_TITLES): Promise<Order[]> {
  const store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'));
  const items = titles.map((p) => ({ publicationId: p.id, quantity: 500, language: 'fr' }));
  const delivery = { ...DELIVERY, name: '&'.repeat(100), address: `${'<'.repeat(60)}\n`.repeat(6).trim(), city: '&'.repeat(100) };
  for (let i = 0; i < count; i++) await store.submit({ items, delivery, payment: { currency: 'CHF', method: 'check' } }, { userId: 'U0ANA' }, `k${i}`, titles);
  const orders = (await store.listByRequester('U0ANA', count));
  await store.close();
  return orders;
}

const expectWithin = (kind: 'message' | 'modal' | 'home', payload: unknown) => expect(checkBlockKitLimits(kind, payload)).toEqual([]);

describe.each(LOCALES)('order builders at their largest, in %s', (locale) => {
  const en = translator(locale);
  let orders: Order[] = [];
  let order: Order;
  beforeAll(async () => {
    orders = await bigOrders(OWN_ORDERS_MAX + 1);
    order = orders[0] as Order;
  });

  it('/handbooks orders stops adding orders before the message budget and says how many it shows', () => {
    const message = ownOrdersMessage(orders, { admin: true }, en);
    expectWithin('message', message);
    const text = textOf(message.blocks);
    const shown = orders.filter((o) => text.includes(o.reference)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(orders.length);
    expect(text).toContain(en('ownOrders.showing', { count: shown }));
  });

  it('/handbooks orders stops early when escaping makes the summaries long', async () => {
    const message = ownOrdersMessage(await bigOrders(OWN_ORDERS_MAX, AMPERSAND_TITLES), { admin: false }, en);
    expectWithin('message', message);
    const shown = textOf(message.blocks).match(/PUB-\d{4}-\d{6}/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(OWN_ORDERS_MAX);
    expect(textOf(message.blocks)).toContain(en('ownOrders.showing', { count: shown }));
  });

  it('/handbooks orders with a few big orders shows them all', () => {
    const message = ownOrdersMessage(orders.slice(0, 2), { admin: false }, en);
    expectWithin('message', message);
    expect(textOf(message.blocks)).not.toContain(en('ownOrders.showing', { count: 2 }));
  });

  it('the channel notice, the confirmation and the status DM of a 20-line order', async () => {
    expectWithin('message', orderNoticeMessage(order, en));
    expectWithin('message', orderConfirmationMessage(order, orderMailtoLink(order, en), { channelReady: true }, en));
    const [escaped] = await bigOrders(1, AMPERSAND_TITLES);
    expectWithin('message', orderNoticeMessage(escaped as Order, en));
    expectWithin('message', orderConfirmationMessage(escaped as Order, 'mailto:publications@iom.int', { channelReady: true }, en));
    expectWithin('message', statusChangeMessage(order, { reference: order.reference, from: 'submitted', to: 'cancelled', reason: '&'.repeat(1000), actorId: 'U0ADMIN', at: '' }, en));
  });

  it('App Home with its recent orders', () => {
    const lines = homeOrderLines(orders, en);
    expect(Math.max(...lines.map((l) => l.summary.length))).toBeLessThanOrEqual(LISTED_SUMMARY_MAX);
    expectWithin('home', homeView(LONG_TITLES, lines, en));
  });

  it('the review step of a 20-line order', () => {
    expectWithin('modal', reviewStepView(newDraft(locale), order, en));
  });
});
