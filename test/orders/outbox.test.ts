import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETRY_MAX_MS, retryDelayMs } from '../../src/orders/backoff.js';
import { OutboxWorker, type Deliver, type DeliveryResult } from '../../src/orders/outbox.js';
import type { OutboxMessage } from '../../src/orders/outbox-queue.js';
import { openOrderStore, type OrderStore } from '../../src/orders/store.js';
import { CATALOGUE, TestClock, draft, tempDir } from './fixtures.js';

const ANA = { userId: 'U0ANA' };

/** A stand-in for Slack: records what was posted, answering from a script of results (then ok). */
class FakeSlack {
  readonly posted: { id: number; kind: string; uncertain: boolean }[] = [];
  readonly calls: OutboxMessage[] = [];
  constructor(private readonly script: DeliveryResult[] = []) {}
  readonly deliver: Deliver = async (message) => {
    this.calls.push(message);
    const result = this.script.shift() ?? { ok: true, externalRef: `ts-${message.id}` };
    if (result.ok) this.posted.push({ id: message.id, kind: message.kind, uncertain: message.uncertain });
    return result;
  };
}

function setup(): { file: string; clock: TestClock; open: () => OrderStore } {
  const file = join(tempDir(), 'orders.sqlite');
  const clock = new TestClock();
  return { file, clock, open: () => openOrderStore(file, { clock: clock.now, random: () => 0 }) };
}

describe('retryDelayMs', () => {
  it('backs off exponentially from 5 s, with jitter, capped at 15 min', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, undefined, () => 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(2, undefined, () => 0.999)).toBeGreaterThan(14_000);
    expect(retryDelayMs(2, undefined, () => 0.999)).toBeLessThanOrEqual(15_000);
    expect(retryDelayMs(9, undefined, () => 0)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(500, undefined, () => 0.999)).toBe(RETRY_MAX_MS);
  });

  it('honours Retry-After, at least a second and at most an hour', () => {
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(30_000);
    expect(retryDelayMs(7, 30_000, () => 0.5)).toBe(30_500);
    expect(retryDelayMs(1, 0, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, 86_400_000, () => 0)).toBe(3_600_000);
  });
});

describe('OutboxWorker', () => {
  it('delivers what was stored before a crash exactly once after a restart', async () => {
    const { open, clock } = setup();
    const first = open();
    const { order } = first.submit(draft(), ANA, 'k1', CATALOGUE);
    first.close(); // the process dies before any notice is sent

    const store = open();
    const slack = new FakeSlack();
    const worker = new OutboxWorker({ outbox: store.outbox, deliver: slack.deliver, clock: clock.now });
    expect(await worker.drainNow()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(await worker.drainNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(slack.posted.map((p) => [p.kind, p.uncertain])).toEqual([
      ['order_notice', false],
      ['order_confirmation', false],
    ]);
    expect(store.outbox.list(order.reference).map((m) => [m.state, m.externalRef, m.attempts])).toEqual([
      ['delivered', 'ts-1', 1],
      ['delivered', 'ts-2', 1],
    ]);
    store.close();

    const later = open();
    expect(await new OutboxWorker({ outbox: later.outbox, deliver: slack.deliver, clock: clock.now }).drainNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(slack.posted).toHaveLength(2);
    later.close();
  });

  it('waits as long as a 429 Retry-After asks, then delivers', async () => {
    const { open, clock } = setup();
    const store = open();
    store.submit(draft(), ANA, 'k1', CATALOGUE);
    const slack = new FakeSlack([{ ok: false, error: 'ratelimited', retryAfterMs: 30_000 }]);
    const worker = new OutboxWorker({ outbox: store.outbox, deliver: slack.deliver, clock: clock.now });

    expect(await worker.drainNow()).toEqual({ delivered: 1, retried: 1, failed: 0 });
    const [notice] = store.outbox.list();
    expect(notice).toMatchObject({ kind: 'order_notice', state: 'pending', lastError: 'ratelimited', attempts: 1 });
    expect(notice?.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 30_000));

    clock.advance(29_999);
    expect(await worker.drainNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(store.outbox.list()[0]).toMatchObject({ state: 'delivered', lastError: null, attempts: 2, uncertain: false });
    expect(slack.posted.map((p) => p.kind)).toEqual(['order_confirmation', 'order_notice']);
    store.close();
  });

  it('backs off on errors without Retry-After, and gives up on a permanent failure', async () => {
    const { open, clock } = setup();
    const store = open();
    store.submit(draft(), ANA, 'k1', CATALOGUE);
    const slack = new FakeSlack([
      { ok: false, error: 'internal_error' },
      { ok: false, error: 'channel_not_found', permanent: true },
      { ok: false, error: 'internal_error' },
    ]);
    const worker = new OutboxWorker({ outbox: store.outbox, deliver: slack.deliver, clock: clock.now });
    expect(await worker.drainNow()).toEqual({ delivered: 0, retried: 1, failed: 1 });
    expect(store.outbox.list().map((m) => [m.state, m.lastError])).toEqual([
      ['pending', 'internal_error'],
      ['failed', 'channel_not_found'],
    ]);
    clock.advance(5_000);
    expect(await worker.drainNow()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(store.outbox.list()[0]?.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 10_000));
    clock.advance(10_000);
    expect(await worker.drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(slack.calls.map((m) => m.id)).toEqual([1, 2, 1, 1]);
    store.close();
  });

  it('requeues failed messages on demand, due at once, and delivers them; a reopened store still has them', async () => {
    const { open, clock } = setup();
    const store = open();
    store.submit(draft(), ANA, 'k1', CATALOGUE);
    store.submit(draft(), ANA, 'k2', CATALOGUE);
    const slack = new FakeSlack([
      { ok: false, error: 'invalid_blocks', permanent: true },
      { ok: true },
      { ok: false, error: 'channel_not_found', permanent: true },
    ]);
    const worker = new OutboxWorker({ outbox: store.outbox, deliver: slack.deliver, clock: clock.now });
    expect(await worker.drainNow()).toEqual({ delivered: 2, retried: 0, failed: 2 });
    store.close();

    const reopened = open();
    expect(reopened.outbox.failed().map((m) => [m.id, m.kind, m.lastError])).toEqual([
      [1, 'order_notice', 'invalid_blocks'],
      [3, 'order_notice', 'channel_not_found'],
    ]);
    clock.advance(60_000);
    expect(reopened.outbox.requeueFailed()).toBe(2);
    expect(reopened.outbox.failed()).toEqual([]);
    expect(reopened.outbox.list().filter((m) => m.state === 'pending').map((m) => [m.id, m.nextAttemptAt.getTime(), m.attempts])).toEqual([
      [1, clock.now().getTime(), 1],
      [3, clock.now().getTime(), 1],
    ]);
    expect(reopened.outbox.requeueFailed()).toBe(0);
    const again = new OutboxWorker({ outbox: reopened.outbox, deliver: slack.deliver, clock: clock.now });
    expect(await again.drainNow()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(reopened.outbox.list().every((m) => m.state === 'delivered')).toBe(true);
    reopened.close();
  });

  it('hands a message that was in flight during a crash back as uncertain, once', async () => {
    const { open, clock } = setup();
    const first = open();
    first.submit(draft(), ANA, 'k1', CATALOGUE);
    const [inFlight] = first.outbox.claimDue(clock.now(), 1); // deliver was under way…
    expect(inFlight).toMatchObject({ kind: 'order_notice', state: 'sending', attempts: 1 });
    first.close(); // …when the process died

    const store = open();
    const slack = new FakeSlack();
    const worker = new OutboxWorker({ outbox: store.outbox, deliver: slack.deliver, clock: clock.now });
    expect(await worker.drainNow()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(slack.calls.map((m) => [m.kind, m.uncertain, m.attempts])).toEqual([
      ['order_notice', true, 2],
      ['order_confirmation', false, 1],
    ]);
    expect(slack.calls[0]?.attemptId).not.toBe(inFlight?.attemptId);
    store.close();
  });

  it('treats a deliver that throws as uncertain, keeping no error text', async () => {
    const { open, clock } = setup();
    const store = open();
    store.submit(draft(), ANA, 'k1', CATALOGUE);
    let calls = 0;
    const worker = new OutboxWorker({
      outbox: store.outbox,
      clock: clock.now,
      deliver: async (message) => {
        calls++;
        if (calls === 1) throw new Error('socket hang up while posting to ana.perez@example.org');
        return { ok: true, externalRef: `ts-${message.id}-${message.uncertain}` };
      },
    });
    expect(await worker.drainNow()).toEqual({ delivered: 1, retried: 1, failed: 0 });
    expect(store.outbox.list()[0]).toMatchObject({ state: 'pending', uncertain: true, lastError: 'deliver threw Error' });
    clock.advance(5_000);
    await worker.drainNow();
    expect(store.outbox.list()[0]).toMatchObject({ state: 'delivered', externalRef: 'ts-1-true' });
    store.close();
  });

  it('runs on a timer, and stop() waits for the delivery in flight and starts no other', async () => {
    const { open, clock } = setup();
    const store = open();
    store.submit(draft(), ANA, 'k1', CATALOGUE);
    let release: (r: DeliveryResult) => void = () => undefined;
    let started: () => void = () => undefined;
    const deliveryStarted = new Promise<void>((resolve) => (started = resolve));
    const worker = new OutboxWorker({
      outbox: store.outbox,
      clock: clock.now,
      intervalMs: 10,
      deliver: () =>
        new Promise<DeliveryResult>((resolve) => {
          release = resolve;
          started();
        }),
    });
    worker.start();
    await deliveryStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    release({ ok: true, externalRef: 'ts-1' });
    await stopping;
    expect(store.outbox.list().map((m) => m.state)).toEqual(['delivered', 'pending']);
    store.close();
  });

  it('reports a failed timer-driven drain to onError and keeps running', async () => {
    const { open } = setup();
    const store = open();
    store.close(); // every database call now throws
    const errors: unknown[] = [];
    const worker = new OutboxWorker({ outbox: store.outbox, deliver: new FakeSlack().deliver, intervalMs: 5, onError: (e) => errors.push(e) });
    worker.start();
    await new Promise((r) => setTimeout(r, 40));
    await worker.stop();
    expect(errors.length).toBeGreaterThan(1);
  });
});
