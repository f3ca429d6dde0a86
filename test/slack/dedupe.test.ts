import { describe, expect, it } from 'vitest';
import { DELIVERY_KEY_TTL_MS, RecentIds, deliveryKey } from '../../src/slack/dedupe.js';
import { isIgnorableEvent } from '../../src/slack/ignore-bots.js';
import { openStorage } from '../../src/storage.js';
import { TestClock } from '../orders/fixtures.js';
import { describeEachStore, describePostgres, freshPostgresUrl } from '../support/stores.js';
import { startTestBot } from '../support/test-bot.js';
import { textOf } from './block-query.js';

describe('deliveryKey', () => {
  it('keys events by event_id, commands and button presses by trigger_id, and nothing else', () => {
    expect(deliveryKey({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention' } })).toBe('event:Ev1');
    expect(deliveryKey({ command: '/handbooks', text: 'gbv', trigger_id: '123.456.abc' })).toBe('trigger:123.456.abc');
    expect(deliveryKey({ type: 'block_actions', trigger_id: '789.1.def', actions: [] })).toBe('trigger:789.1.def');
    // A corrected resubmission of a modal carries the same ids: never keyed (the order is idempotent in the store).
    expect(deliveryKey({ type: 'view_submission', trigger_id: '5.6.ghi', view: { id: 'V1' } })).toBeUndefined();
    expect(deliveryKey({ type: 'block_suggestion', value: 'hand' })).toBeUndefined();
  });
});

describeEachStore('the delivery log', (kit) => {
  it('says a key is new the first time and a repeat afterwards', async () => {
    const { deliveries } = await kit.open();
    expect(await deliveries.firstDelivery('event:Ev1')).toBe(true);
    expect(await deliveries.firstDelivery('event:Ev1')).toBe(false);
    expect(await deliveries.firstDelivery('event:Ev2')).toBe(true);
  });
});

describePostgres('the delivery log shared by replicas', () => {
  it('recognises a delivery another replica handled, and forgets keys after their lifetime', async () => {
    const url = await freshPostgresUrl();
    const clock = new TestClock();
    const [a, b] = await Promise.all([openStorage({ databaseUrl: url }, { clock: clock.now }), openStorage({ databaseUrl: url }, { clock: clock.now })]);
    const firsts = await Promise.all([a, b, a, b].map((replica) => replica.deliveries.firstDelivery('event:Ev9')));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    clock.advance(DELIVERY_KEY_TTL_MS - 1);
    expect(await b.deliveries.firstDelivery('event:Ev9')).toBe(false);
    clock.advance(DELIVERY_KEY_TTL_MS + 1);
    expect(await b.deliveries.firstDelivery('event:Ev9')).toBe(true);
    expect(await a.deliveries.firstDelivery('event:Ev9')).toBe(false);
    await a.orders.close();
    await b.orders.close();
  });
});

describe('RecentIds', () => {
  it('reports an id seen again within its lifetime, and forgets it afterwards', () => {
    let now = 0;
    const ids = new RecentIds(1000, 10, () => now);
    expect(ids.seen('Ev1')).toBe(false);
    now = 999;
    expect(ids.seen('Ev1')).toBe(true);
    now = 1000;
    expect(ids.seen('Ev1')).toBe(false);
  });

  it('keeps at most maxSize ids, dropping the oldest', () => {
    const ids = new RecentIds(60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) ids.seen(id);
    expect(ids.size).toBe(3);
    expect(ids.seen('d')).toBe(true);
    expect(ids.seen('a')).toBe(false);
  });
});

describe('isIgnorableEvent', () => {
  it('keeps a person writing, including file shares and thread broadcasts', () => {
    expect(isIgnorableEvent({ type: 'message' })).toBe(false);
    expect(isIgnorableEvent({ type: 'app_mention' })).toBe(false);
    expect(isIgnorableEvent({ type: 'message', subtype: 'file_share' })).toBe(false);
    expect(isIgnorableEvent({ type: 'message', subtype: 'thread_broadcast' })).toBe(false);
    expect(isIgnorableEvent({ type: 'app_home_opened' })).toBe(false);
  });

  it('drops bots, edits, deletions and other subtypes', () => {
    expect(isIgnorableEvent({ type: 'message', subtype: 'bot_message', bot_id: 'B1' })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', bot_id: 'B2' })).toBe(true);
    expect(isIgnorableEvent({ type: 'app_mention', bot_id: 'B2' })).toBe(true);
    expect(isIgnorableEvent({ type: 'app_mention', edited: { user: 'U1', ts: '1.2' } })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', subtype: 'message_changed' })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', subtype: 'message_deleted' })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', subtype: 'channel_join' })).toBe(true);
  });
});

describe('the app when the delivery log does not answer', () => {
  it('handles the request anyway and says so in the log', async () => {
    const bot = await startTestBot({ deps: { deliveries: { firstDelivery: () => Promise.reject(new Error('connection terminated')) } } });
    try {
      const ack = await bot.standIn.slashCommand({ user: 'U0ANA', text: 'help' });
      expect(ack.status).toBe(200);
      expect(textOf(((ack.body as { blocks?: unknown[] }).blocks ?? []))).toContain('/handbooks');
      expect(bot.logs.some((l) => l.includes('WARN') && l.includes('Could not check for a repeated delivery'))).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});
