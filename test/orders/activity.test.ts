/** Order activity over a period (catalogue admins' App Home), on SQLite and PostgreSQL. */
import { expect, it } from 'vitest';
import { describeEachStore } from '../support/stores.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK, MODULES, TestClock, draft } from './fixtures.js';

const DAY = 86_400_000;
const ANA = { userId: 'U0ANA' };
const BEN = { userId: 'U0BEN' };

describeEachStore('order activity', (kit) => {
  it('counts the orders since a time, cancelled ones left out, and ranks titles by orders, then copies', async () => {
    const clock = new TestClock(Date.parse('2026-03-01T10:00:00Z'));
    const { orders } = await kit.open({ clock: clock.now });
    await orders.submit(draft({ items: [{ publicationId: MODULES.id, quantity: 50 }] }), ANA, 'old', CATALOGUE);
    clock.advance(40 * DAY);
    const since = clock.now();
    await orders.submit(draft(), ANA, 'k1', CATALOGUE); // handbook ×2, framework ×1
    await orders.submit(draft({ items: [{ publicationId: FRAMEWORK.id, quantity: 5 }] }), BEN, 'k2', CATALOGUE);
    await orders.submit(draft({ items: [{ publicationId: MODULES.id, quantity: 9 }] }), BEN, 'k3', CATALOGUE);
    const cancelled = await orders.submit(draft({ items: [{ publicationId: MODULES.id, quantity: 100 }] }), BEN, 'k4', CATALOGUE);
    await orders.changeStatus(cancelled.order.reference, 'cancelled', 'U0ADMIN', { reason: 'duplicate' });

    expect(await orders.orderActivity(since, 5)).toEqual({
      orders: 3,
      titles: [
        { publicationId: FRAMEWORK.id, title: FRAMEWORK.title, orders: 2, copies: 6 },
        { publicationId: MODULES.id, title: MODULES.title, orders: 1, copies: 9 },
        { publicationId: HANDBOOK.id, title: HANDBOOK.title, orders: 1, copies: 2 },
      ],
    });
    expect((await orders.orderActivity(since, 1)).titles.map((t) => t.publicationId)).toEqual([FRAMEWORK.id]);
    expect(await orders.orderActivity(new Date(clock.now().getTime() + 1), 5)).toEqual({ orders: 0, titles: [] });
  });
});
