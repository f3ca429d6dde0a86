/**
 * The operations endpoints through Bolt's real HTTP receiver, on the app's own port: /metrics in
 * Prometheus' text format (requests by surface, acknowledgement times, searches with no result, orders by
 * status and the outbox backlog read from a real SQLite store) and /healthz with the store's state.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import type { OrderStore } from '../../src/orders/store.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { CATALOGUE, draft, tempDir } from '../orders/fixtures.js';

/** The value of one sample in Prometheus text, e.g. `handbooks_orders{status="submitted"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics and /healthz in HTTP mode', () => {
  let bot: TestBot;
  let store: OrderStore;
  let metricsUrl: string;
  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    // Not in the test's temporary directory (removed after each test): this store lives for the file.
    store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'));
    // The outbox worker drains at start, then not for an hour: the test moves notices between states itself.
    bot = await startTestBot({ publications: [...CATALOGUE], deps: { orders: { store, outboxIntervalMs: 3_600_000 } } });
    metricsUrl = bot.healthUrl.replace('/healthz', '/metrics');
  });
  afterAll(async () => {
    await bot.stop();
    await store.close();
  });

  it('counts requests by surface, times their acknowledgement and counts searches with no result', async () => {
    const before = await scrape();
    await bot.standIn.slashCommand({ user: 'U0ALICE', text: 'gender-based violence' });
    await bot.standIn.slashCommand({ user: 'U0ALICE', text: 'weather in Geneva tomorrow' });
    await bot.standIn.mention({ user: 'U0ALICE', channel: 'C0GENERAL', text: 'gbv' });
    await bot.standIn.idle();
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('handbooks_requests_total{surface="command"}')).toBe(2);
    expect(delta('handbooks_requests_total{surface="event"}')).toBe(1);
    expect(delta('handbooks_ack_seconds_count{surface="command"}')).toBe(2);
    expect(delta('handbooks_ack_seconds_bucket{le="3",surface="command"}')).toBe(2);
    expect(delta('handbooks_searches_total{result="found"}')).toBe(2);
    expect(delta('handbooks_searches_total{result="none"}')).toBe(1);
  });

  it('reports orders by status and the outbox backlog from the store at scrape time', async () => {
    expect(sample(await scrape(), 'handbooks_orders{status="submitted"}')).toBe(0);
    await store.submit(draft(), { userId: 'U0ANA', displayName: 'ana' }, 'metrics-1', CATALOGUE);
    const text = await scrape();
    expect(sample(text, 'handbooks_orders{status="submitted"}')).toBe(1);
    expect(sample(text, 'handbooks_orders{status="dispatched"}')).toBe(0);
    const backlog = (t: string) => ['waiting', 'retrying', 'failed'].map((state) => sample(t, `handbooks_outbox_messages{state="${state}"}`));
    // The notice to the Publications Unit and the requester's confirmation, not yet tried.
    expect(backlog(text)).toEqual([2, 0, 0]);
    const [notice, confirmation] = await store.outbox.claimDue(new Date(Date.now() + 1000), { limit: 2, leaseMs: 60_000 });
    await store.outbox.markRetry(notice!, 'ratelimited');
    await store.outbox.markFailed(confirmation!, 'invalid_blocks');
    expect(backlog(await scrape())).toEqual([0, 1, 1]);
    expect(sample(text, 'handbooks_store_up')).toBe(1);
  });

  it('reports a healthy store in /healthz', async () => {
    const response = await fetch(bot.healthUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, state: 'running', publications: CATALOGUE.length, store: 'ok' });
  });

  it('answers 503 with the store error when the store cannot be used, and /metrics still answers', async () => {
    await store.close();
    const response = await fetch(bot.healthUrl);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, state: 'running', store: 'error', storeError: expect.stringMatching(/order store did not answer \(TypeError\)/) });
    expect(sample(await scrape(), 'handbooks_store_up')).toBe(0);
  });
});
