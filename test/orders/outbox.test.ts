/**
 * The outbox and its worker, on both stores: delivery exactly once across restarts, retries and Retry-After,
 * leases (a dead or hung worker's notice is taken over, and its late outcome changes nothing), parallel
 * delivery across conversations with a pace per conversation, and the admins' summary.
 */
import { describe, expect, it } from 'vitest';
import { RETRY_MAX_MS, retryDelayMs } from '../../src/orders/backoff.js';
import { OutboxWorker, type Deliver, type DeliveryResult, type OutboxWorkerOptions } from '../../src/orders/outbox.js';
import type { OutboxMessage } from '../../src/orders/outbox-queue.js';
import type { OrderStore } from '../../src/orders/store.js';
import { describeEachStore, type StoreKit } from '../support/stores.js';
import { CATALOGUE, TestClock, draft } from './fixtures.js';

const ANA = { userId: 'U0ANA' };
const LEASE_MS = 30_000;

/** A stand-in for Slack: records what was posted, answering from a script of results (then ok). */
class FakeSlack {
  readonly posted: { id: number; kind: string; target: string; uncertain: boolean; at: number }[] = [];
  readonly calls: OutboxMessage[] = [];
  constructor(private readonly script: DeliveryResult[] = []) {}
  readonly deliver: Deliver = async (message) => {
    this.calls.push(message);
    const result = this.script.shift() ?? { ok: true, externalRef: `ts-${message.id}` };
    if (result.ok) this.posted.push({ id: message.id, kind: message.kind, target: message.target, uncertain: message.uncertain, at: performance.now() });
    return result;
  };
}

/** A promise with its resolve function, to hold a delivery until the test lets it go. */
function held<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
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

describeEachStore('the outbox', (kit: StoreKit) => {
  async function setup() {
    const clock = new TestClock();
    const location = await kit.location();
    const open = async () => (await kit.open({ clock: clock.now, random: () => 0 }, location)).orders;
    const worker = (store: OrderStore, deliver: Deliver, options: Partial<OutboxWorkerOptions> = {}) =>
      new OutboxWorker({ outbox: store.outbox, deliver, clock: clock.now, leaseMs: LEASE_MS, ...options });
    return { clock, open, worker };
  }

  it('delivers what was stored before a crash exactly once after a restart', async () => {
    const { open, worker } = await setup();
    const first = await open();
    const { order } = await first.submit(draft(), ANA, 'k1', CATALOGUE);
    await first.close(); // the process dies before any notice is sent

    const store = await open();
    const slack = new FakeSlack();
    expect(await worker(store, slack.deliver).drainNow()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(await worker(store, slack.deliver).drainNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(slack.posted.map((p) => [p.kind, p.uncertain])).toEqual([
      ['order_notice', false],
      ['order_confirmation', false],
    ]);
    expect((await store.outbox.list(order.reference)).map((m) => [m.state, m.externalRef, m.attempts, m.lockedUntil])).toEqual([
      ['delivered', 'ts-1', 1, null],
      ['delivered', 'ts-2', 1, null],
    ]);
  });

  it('waits as long as a 429 Retry-After asks, then delivers', async () => {
    const { open, clock, worker } = await setup();
    const store = await open();
    await store.submit(draft(), ANA, 'k1', CATALOGUE);
    const slack = new FakeSlack([{ ok: false, error: 'ratelimited', retryAfterMs: 30_000 }]);
    const w = worker(store, slack.deliver);

    expect(await w.drainNow()).toEqual({ delivered: 1, retried: 1, failed: 0 });
    const [notice] = await store.outbox.list();
    expect(notice).toMatchObject({ kind: 'order_notice', state: 'pending', lastError: 'ratelimited', attempts: 1 });
    expect(notice?.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 30_000));

    clock.advance(29_999);
    expect(await w.drainNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await w.drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect((await store.outbox.list())[0]).toMatchObject({ state: 'delivered', lastError: null, attempts: 2, uncertain: false });
    expect(slack.posted.map((p) => p.kind)).toEqual(['order_confirmation', 'order_notice']);
  });

  it('backs off on errors without Retry-After, gives up on a permanent failure, and tells of every failed attempt once', async () => {
    const { open, clock, worker } = await setup();
    const store = await open();
    await store.submit(draft(), ANA, 'k1', CATALOGUE);
    const slack = new FakeSlack([
      { ok: false, error: 'internal_error' },
      { ok: false, error: 'invalid_blocks', permanent: true },
      { ok: false, error: 'internal_error' },
    ]);
    const told: string[] = [];
    const w = worker(store, slack.deliver, { onAttemptFailed: (a) => told.push(`${a.message.kind}:${a.error}:${a.nextAttemptAt ? 'retry' : 'failed'}`) });
    expect(await w.drainNow()).toEqual({ delivered: 0, retried: 1, failed: 1 });
    expect((await store.outbox.list()).map((m) => [m.state, m.lastError])).toEqual([
      ['pending', 'internal_error'],
      ['failed', 'invalid_blocks'],
    ]);
    clock.advance(5_000);
    expect(await w.drainNow()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect((await store.outbox.list())[0]?.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 10_000));
    clock.advance(10_000);
    expect(await w.drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(slack.calls.map((m) => m.id)).toEqual([1, 2, 1, 1]);
    expect(told).toEqual(['order_notice:internal_error:retry', 'order_confirmation:invalid_blocks:failed', 'order_notice:internal_error:retry']);
  });

  it('requeues failed messages on demand, due at once, and delivers them; a reopened store still has them', async () => {
    const { open, clock, worker } = await setup();
    const store = await open();
    await store.submit(draft(), ANA, 'k1', CATALOGUE);
    await store.submit(draft(), { userId: 'U0BEN' }, 'k2', CATALOGUE);
    const slack = new FakeSlack([
      { ok: false, error: 'invalid_blocks', permanent: true },
      { ok: true },
      { ok: false, error: 'msg_too_long', permanent: true },
    ]);
    // One at a time, so that the script's answers go to the messages in their order.
    expect(await worker(store, slack.deliver, { concurrency: 1 }).drainNow()).toEqual({ delivered: 2, retried: 0, failed: 2 });
    await store.close();

    const reopened = await open();
    const failed = await reopened.outbox.failed();
    expect(failed.map((m) => m.lastError)).toEqual(['invalid_blocks', 'msg_too_long']);
    clock.advance(60_000);
    expect(await reopened.outbox.requeueFailed()).toBe(2);
    expect(await reopened.outbox.failed()).toEqual([]);
    expect(
      (await reopened.outbox.list()).filter((m) => m.state === 'pending').map((m) => [m.id, m.nextAttemptAt.getTime(), m.attempts]),
    ).toEqual(failed.map((m) => [m.id, clock.now().getTime(), 1]));
    expect(await reopened.outbox.requeueFailed()).toBe(0);
    expect(await worker(reopened, slack.deliver).drainNow()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect((await reopened.outbox.list()).every((m) => m.state === 'delivered')).toBe(true);
  });

  it('leaves a notice another worker is sending alone until its lease runs out, then takes it over as uncertain', async () => {
    const { open, clock, worker } = await setup();
    const first = await open();
    await first.submit(draft(), ANA, 'k1', CATALOGUE);
    const [inFlight] = await first.outbox.claimDue(clock.now(), { limit: 1, leaseMs: LEASE_MS }); // the first replica is posting…
    expect(inFlight).toMatchObject({ kind: 'order_notice', state: 'sending', attempts: 1, lockedUntil: new Date(clock.now().getTime() + LEASE_MS) });

    // …when a second replica starts on the same store: it sends the other notice, not that one.
    const second = await open();
    const slack = new FakeSlack();
    expect(await worker(second, slack.deliver).drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(slack.calls.map((m) => m.kind)).toEqual(['order_confirmation']);
    clock.advance(LEASE_MS - 1);
    expect(await worker(second, slack.deliver).drainNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });

    // The first replica died: once the lease has run out the second takes the notice over.
    clock.advance(1);
    expect(await worker(second, slack.deliver).drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(slack.calls.map((m) => [m.kind, m.uncertain, m.attempts])).toEqual([
      ['order_confirmation', false, 1],
      ['order_notice', true, 2],
    ]);
    expect(slack.calls[1]?.attemptId).not.toBe(inFlight?.attemptId);

    // Had it only hung, its late outcome changes nothing.
    if (!inFlight) throw new Error('nothing claimed');
    expect(await first.outbox.markDelivered(inFlight, 'late')).toBe(false);
    expect(await first.outbox.markRetry(inFlight, 'late')).toBeUndefined();
    expect(await first.outbox.markFailed(inFlight, 'late')).toBe(false);
    expect((await second.outbox.list()).map((m) => [m.state, m.externalRef])).toEqual([
      ['delivered', `ts-${inFlight.id}`],
      ['delivered', expect.stringMatching(/^ts-/)],
    ]);
  });

  it('tells of a delivery whose lease was taken over while it hung, recording nothing', async () => {
    const { open, clock, worker } = await setup();
    const store = await open();
    await store.submit(draft(), ANA, 'k1', CATALOGUE);
    const hung = held<DeliveryResult>();
    const lost: number[] = [];
    const slow = worker(store, (m) => (m.kind === 'order_notice' ? hung.promise : Promise.resolve({ ok: true })), { onLeaseLost: (m) => lost.push(m.id) });
    const draining = slow.drainNow();
    await until(async () => (await store.outbox.list()).some((m) => m.kind === 'order_confirmation' && m.state === 'delivered'), 'the confirmation is delivered');
    clock.advance(LEASE_MS);
    const other = new FakeSlack();
    expect(await worker(store, other.deliver).drainNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    hung.resolve({ ok: true, externalRef: 'late' });
    expect(await draining).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(lost).toHaveLength(1);
    expect((await store.outbox.list()).find((m) => m.kind === 'order_notice')).toMatchObject({ state: 'delivered', externalRef: `ts-${lost[0]}`, uncertain: true });
  });

  it('treats a deliver that throws as uncertain, keeping no error text', async () => {
    const { open, clock, worker } = await setup();
    const store = await open();
    await store.submit(draft(), ANA, 'k1', CATALOGUE);
    let calls = 0;
    const w = worker(store, async (message) => {
      calls++;
      if (message.kind === 'order_notice' && calls === 1) throw new Error('socket hang up while posting to ana.perez@example.org');
      return { ok: true, externalRef: `ts-${message.id}-${message.uncertain}` };
    });
    expect(await w.drainNow()).toEqual({ delivered: 1, retried: 1, failed: 0 });
    expect((await store.outbox.list())[0]).toMatchObject({ state: 'pending', uncertain: true, lastError: 'deliver threw Error' });
    clock.advance(5_000);
    await w.drainNow();
    expect((await store.outbox.list())[0]).toMatchObject({ state: 'delivered', externalRef: 'ts-1-true' });
  });

  it('delivers to different conversations in parallel: one hung conversation holds none of the others', async () => {
    const { open, worker } = await setup();
    const store = await open();
    for (const user of ['U0A', 'U0B', 'U0C', 'U0D']) await store.submit(draft(), { userId: user }, `k-${user}`, CATALOGUE);
    const hung = held<DeliveryResult>();
    const slack = new FakeSlack();
    const w = worker(store, (m) => (m.target === 'U0B' ? hung.promise : slack.deliver(m)), { concurrency: 3, intervalMs: 10 });
    w.start();
    // Everything but U0B's confirmation goes out, the orders channel's four notices one after another.
    await until(() => slack.posted.length === 7, 'seven notices are posted');
    expect(slack.posted.filter((p) => p.target === 'publications-unit')).toHaveLength(4);
    expect(new Set(slack.posted.map((p) => p.target))).toEqual(new Set(['publications-unit', 'U0A', 'U0C', 'U0D']));
    hung.resolve({ ok: true, externalRef: 'ts-b' });
    await w.stop();
    expect((await store.outbox.list()).every((m) => m.state === 'delivered')).toBe(true);
  });

  it('paces each conversation: a burst, then one message per interval; a 429 holds that conversation for Retry-After', async () => {
    const { orders: store } = await kit.open({ random: () => 0 }); // on the system clock: Retry-After is waited out for real
    for (let i = 0; i < 5; i++) await store.submit(draft(), ANA, `k${i}`, CATALOGUE);
    const slack = new FakeSlack();
    let refused = false;
    const deliver: Deliver = async (m) => {
      if (m.target === ANA.userId && !refused) {
        refused = true;
        return { ok: false, error: 'ratelimited', retryAfterMs: 300 };
      }
      return slack.deliver(m);
    };
    const w = new OutboxWorker({ outbox: store.outbox, deliver, leaseMs: LEASE_MS, pace: { intervalMs: 100, burst: 2 }, intervalMs: 10 });
    const started = performance.now();
    w.start();
    await until(() => slack.posted.length === 9, 'nine notices are posted');
    await w.stop();
    const channel = slack.posted.filter((p) => p.target === 'publications-unit').map((p) => p.at - started);
    // Two at once, then no faster than one per 100 ms.
    expect(channel).toHaveLength(5);
    for (let i = 2; i < channel.length; i++) expect((channel[i] ?? 0) - (channel[i - 2] ?? 0)).toBeGreaterThanOrEqual(95);
    // The requester's conversation waited out its Retry-After before anything else went to it.
    const dm = slack.posted.filter((p) => p.target === ANA.userId).map((p) => p.at - started);
    expect(dm.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...dm)).toBeGreaterThanOrEqual(290);
  });

  it('sends one conversation’s notices one after another without waiting when there is no pace', async () => {
    const { open, worker } = await setup();
    const store = await open();
    for (let i = 0; i < 5; i++) await store.submit(draft(), ANA, `k${i}`, CATALOGUE);
    const slack = new FakeSlack();
    expect(await worker(store, slack.deliver, { pace: { intervalMs: 0, burst: 1 } }).drainNow()).toEqual({ delivered: 10, retried: 0, failed: 0 });
  });

  it('runs on a timer, and stop() waits for the delivery in flight and starts no other', async () => {
    const { open, worker } = await setup();
    const store = await open();
    await store.submit(draft(), ANA, 'k1', CATALOGUE);
    const release = held<DeliveryResult>();
    const started = held<void>();
    const w = worker(
      store,
      () => {
        started.resolve();
        return release.promise;
      },
      { intervalMs: 10, concurrency: 1 },
    );
    w.start();
    await started.promise;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    release.resolve({ ok: true, externalRef: 'ts-1' });
    await stopping;
    expect((await store.outbox.list()).map((m) => m.state)).toEqual(['delivered', 'pending']);
  });

  it('reports a failed timer-driven pass to onError and keeps running', async () => {
    const { open } = await setup();
    const store = await open();
    await store.close(); // every database call now fails
    const errors: unknown[] = [];
    const w = new OutboxWorker({ outbox: store.outbox, deliver: new FakeSlack().deliver, intervalMs: 5, onError: (e) => errors.push(e) });
    w.start();
    await until(() => errors.length > 1, 'two passes failed');
    await w.stop();
  });

  it('sums up what waits, what is retried with its last error, and what failed', async () => {
    const { open, worker } = await setup();
    const store = await open();
    for (const user of ['U0A', 'U0B', 'U0C']) await store.submit(draft(), { userId: user }, `k-${user}`, CATALOGUE);
    const empty = { waiting: 6, retrying: 0, failed: 0, retryingExamples: [], failedExamples: [] };
    expect(await store.outboxSummary()).toEqual(empty);
    const deliver: Deliver = async (m) =>
      m.target === 'U0A' ? { ok: false, error: 'user_not_found', permanent: true } : m.target === 'U0B' ? { ok: false, error: 'internal_error' } : { ok: true };
    await worker(store, deliver, { concurrency: 1, pace: { intervalMs: 60_000, burst: 1 } }).drainNow();
    const summary = await store.outboxSummary(1);
    expect(summary).toMatchObject({ waiting: 2, retrying: 1, failed: 1 });
    expect(summary.retryingExamples).toEqual([{ reference: 'PUB-2026-000002', kind: 'order_confirmation', error: 'internal_error', attempts: 1, nextAttemptAt: expect.any(Date) }]);
    expect(summary.failedExamples).toEqual([{ reference: 'PUB-2026-000001', kind: 'order_confirmation', error: 'user_not_found', attempts: 1 }]);
  });
});
