/**
 * A draft too long to carry through the dialog (private_metadata) is refused under a block the step shows,
 * even at 20 lines, when the "add a publication" select is gone.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import { MAX_ORDER_LINES } from '../../src/orders/schema.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { tempDir } from '../orders/fixtures.js';
import { ackErrors } from './orders-flow.js';
import { inputBlockIds, topModal } from './orders-harness.js';

const USER = 'U0LONG';
let bot: TestBot;
afterEach(async () => {
  await bot.stop();
});

it('refuses an over-long draft at the items step with 20 lines under a block the view has', async () => {
  const store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'));
  // A profile whose name and e-mail pre-fill the delivery step with more than private_metadata can carry.
  bot = await startTestBot({ deps: { orders: { store } }, seedUsers: [{ id: USER, realName: 'N'.repeat(1500), email: `${'e'.repeat(1500)}@example.org` }] });
  const { standIn } = bot;
  await standIn.slashCommand({ user: USER, text: 'order' });
  await standIn.waitFor((c) => c.method === 'views.open');
  for (const p of loadCatalogue().slice(0, MAX_ORDER_LINES)) {
    await standIn.selectOption({ user: USER, source: topModal(standIn, USER), actionId: ORDER_ACTION.addPublication, value: p.id });
    await standIn.idle();
  }
  const items = topModal(standIn, USER);
  expect(inputBlockIds(items).some((id) => id.startsWith('order_add_'))).toBe(false);

  for (const b of items.blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]) {
    const edition = b.element?.options?.[0]?.value;
    if (b.block_id?.startsWith('order_lang_') && edition) {
      await standIn.selectOption({ user: USER, source: items, actionId: ORDER_ACTION.language, blockId: b.block_id, value: edition });
    }
  }

  const errors = ackErrors(await standIn.submitView({ user: USER }));
  const [block, message] = Object.entries(errors)[0] ?? [];
  expect(message).toMatch(/too long to carry through the form/);
  expect(inputBlockIds(items)).toContain(block);
  expect(block).toBe(ORDER_BLOCK.quantity(1));
  expectWithinBlockKitLimits(standIn);
  await store.close();
});
