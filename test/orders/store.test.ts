import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/orders/migrations.js';
import { OrderError } from '../../src/orders/order.js';
import { canChangeStatus } from '../../src/orders/permissions.js';
import { defaultOrderStorePath, formatReference, openOrderStore, type OrderStore } from '../../src/orders/store.js';
import { OrderValidationError } from '../../src/orders/validate.js';
import { CATALOGUE, DELIVERY, HANDBOOK, TestClock, draft, tempDir } from './fixtures.js';

const ANA = { userId: 'U0ANA', displayName: 'Ana' };
const BEN = { userId: 'U0BEN' };

function open(clock = new TestClock(), file = join(tempDir(), 'orders.sqlite')): { store: OrderStore; clock: TestClock; file: string } {
  return { store: openOrderStore(file, { clock: clock.now, random: () => 0 }), clock, file };
}

function refusal(fn: () => unknown): OrderError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OrderError) return err;
    throw err;
  }
  throw new Error('expected an OrderError');
}

describe('opening', () => {
  it('creates the file and its directory, in WAL mode with foreign keys, at the latest schema version', () => {
    const file = join(tempDir(), 'nested', 'dir', 'orders.sqlite');
    const { store } = open(undefined, file);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(defaultOrderStorePath('/srv/data')).toBe('/srv/data/orders.sqlite');
  });

  it('migrates an empty existing file', () => {
    const file = join(tempDir(), 'orders.sqlite');
    writeFileSync(file, '');
    const { store } = open(undefined, file);
    expect(store.submit(draft(), ANA, 'k1', CATALOGUE).created).toBe(true);
    store.close();
  });

  it('migrates an older file forward and keeps its orders', () => {
    const { store, file } = open();
    const { order } = store.submit(draft(), ANA, 'k1', CATALOGUE);
    store.close();
    const db = new Database(file);
    migrate(db, [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'a note per order', sql: 'ALTER TABLE orders ADD COLUMN note TEXT' }]);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(db.prepare('SELECT reference, note FROM orders').all()).toEqual([{ reference: order.reference, note: null }]);
    db.close();
  });

  it('leaves the file untouched when a migration fails', () => {
    const file = join(tempDir(), 'orders.sqlite');
    const db = new Database(file);
    const broken = { version: 2, description: 'broken', sql: 'CREATE TABLE half (id INTEGER); THIS IS NOT SQL' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()).toEqual([]);
    db.close();
  });

  it('refuses a file written by a newer program', () => {
    const file = join(tempDir(), 'orders.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openOrderStore(file)).toThrow(/schema version 99, newer than this program knows/);
  });

  it('refuses to create a store when it must exist', () => {
    expect(() => openOrderStore(join(tempDir(), 'missing.sqlite'), { mustExist: true })).toThrow();
  });
});

describe('submit', () => {
  it('stores the order priced, with its history and two notices, under a new reference', () => {
    const { store } = open();
    const { order, created } = store.submit(draft(), ANA, 'k1', CATALOGUE);
    expect(created).toBe(true);
    expect(order).toMatchObject({
      reference: 'PUB-2026-000001',
      status: 'submitted',
      requester: ANA,
      createdAt: new Date('2026-03-04T10:00:00Z'),
      delivery: DELIVERY,
      payment: { currency: 'CHF', method: 'credit_card' },
      pricing: { currency: 'CHF', amountDueMinor: 9000, hasUnpricedLines: true },
      history: [{ from: null, to: 'submitted', actorId: 'U0ANA', reason: null }],
    });
    expect(order.pricing.lines.map((l) => [l.title, l.language, l.quantity, l.unitPriceMinor])).toEqual([
      [HANDBOOK.title, 'fr', 2, 4500],
      ['Institutional Framework for Addressing Gender-Based Violence in Crises', 'en', 1, null],
    ]);
    expect(store.outbox.list().map((m) => [m.kind, m.target, m.payload, m.state])).toEqual([
      ['order_notice', 'publications-unit', { reference: 'PUB-2026-000001' }, 'pending'],
      ['order_confirmation', 'U0ANA', { reference: 'PUB-2026-000001' }, 'pending'],
    ]);
    expect(store.get('PUB-2026-000001')).toEqual(order);
    store.close();
  });

  it('numbers references per year, zero-padded to six digits', () => {
    const { store, clock } = open();
    const refs = [1, 2, 3].map((i) => store.submit(draft(), ANA, `k${i}`, CATALOGUE).order.reference);
    clock.set('2027-01-01T00:00:01Z');
    refs.push(store.submit(draft(), ANA, 'k4', CATALOGUE).order.reference);
    refs.push(store.submit(draft(), BEN, 'k5', CATALOGUE).order.reference);
    expect(refs).toEqual(['PUB-2026-000001', 'PUB-2026-000002', 'PUB-2026-000003', 'PUB-2027-000001', 'PUB-2027-000002']);
    expect(formatReference(2026, 123)).toBe('PUB-2026-000123');
    expect(formatReference(2026, 1234567)).toBe('PUB-2026-1234567');
    store.close();
  });

  it('returns the first order for a repeated idempotency key: one order, two notices', () => {
    const { store, clock } = open();
    const first = store.submit(draft(), ANA, 'view-123', CATALOGUE);
    clock.advance(1500);
    const again = store.submit(draft(), ANA, 'view-123', CATALOGUE);
    expect(again).toEqual({ order: first.order, created: false });
    expect(store.listAll()).toHaveLength(1);
    expect(store.outbox.list()).toHaveLength(2);
    // even when the catalogue changed in between, and whatever the repeat carries
    expect(store.submit(draft({ items: [] }), ANA, 'view-123', []).created).toBe(false);
    // the key belongs to one requester
    expect(store.submit(draft(), BEN, 'view-123', CATALOGUE).order.reference).toBe('PUB-2026-000002');
    store.close();
  });

  it('stores nothing when the order is not valid, and says why per field', () => {
    const { store } = open();
    let error: unknown;
    try {
      store.submit(draft({ delivery: { ...DELIVERY, email: 'nobody' } }), ANA, 'k1', CATALOGUE);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(OrderValidationError);
    expect((error as OrderValidationError).errors).toEqual({ email: { code: 'email' } });
    expect((error as Error).message).not.toContain('nobody');
    expect(store.listAll()).toEqual([]);
    expect(store.outbox.list()).toEqual([]);
    expect(store.submit(draft(), ANA, 'k1', CATALOGUE).order.reference).toBe('PUB-2026-000001');
    store.close();
  });

  it('keeps the prices of the day it was submitted', () => {
    const { store } = open();
    const { order } = store.submit(draft(), ANA, 'k1', CATALOGUE);
    const repriced = CATALOGUE.map((p) => (p.id === HANDBOOK.id ? { ...p, prices: { CHF: 99 } } : p));
    store.submit(draft(), ANA, 'k2', repriced);
    expect(store.get(order.reference)?.pricing.amountDueMinor).toBe(9000);
    expect(store.get('PUB-2026-000002')?.pricing.amountDueMinor).toBe(19800);
    store.close();
  });
});

describe('lists', () => {
  it('lists a requester’s own orders newest first, and all orders oldest first', () => {
    const { store, clock } = open();
    for (const [i, who] of [ANA, BEN, ANA, ANA].entries()) {
      store.submit(draft(), who, `k${i}`, CATALOGUE);
      clock.advance(60_000);
    }
    expect(store.listByRequester('U0ANA').map((o) => o.reference)).toEqual(['PUB-2026-000004', 'PUB-2026-000003', 'PUB-2026-000001']);
    expect(store.listByRequester('U0ANA', 2)).toHaveLength(2);
    expect(store.listByRequester('U0NOBODY')).toEqual([]);
    expect(store.listAll().map((o) => o.reference)).toEqual(['PUB-2026-000001', 'PUB-2026-000002', 'PUB-2026-000003', 'PUB-2026-000004']);
    expect(store.get('PUB-2026-000999')).toBeUndefined();
    store.close();
  });
});

describe('changeStatus', () => {
  it('moves an order along, records who, when and why, and tells the requester', () => {
    const { store, clock } = open();
    const { order } = store.submit(draft(), ANA, 'k1', CATALOGUE);
    clock.advance(3_600_000);
    store.changeStatus(order.reference, 'processing', 'U0ADMIN', { adminIds: ['U0ADMIN'] });
    clock.advance(3_600_000);
    const done = store.changeStatus(order.reference, 'dispatched', 'U0ADMIN', { reason: ' sent by post ' });
    expect(done.status).toBe('dispatched');
    expect(done.updatedAt).toEqual(new Date('2026-03-04T12:00:00Z'));
    expect(done.history).toEqual([
      { from: null, to: 'submitted', actorId: 'U0ANA', at: new Date('2026-03-04T10:00:00Z'), reason: null },
      { from: 'submitted', to: 'processing', actorId: 'U0ADMIN', at: new Date('2026-03-04T11:00:00Z'), reason: null },
      { from: 'processing', to: 'dispatched', actorId: 'U0ADMIN', at: new Date('2026-03-04T12:00:00Z'), reason: 'sent by post' },
    ]);
    const notices = store.outbox.list().filter((m) => m.kind === 'status_notice');
    expect(notices.map((m) => [m.target, m.payload])).toEqual([
      ['U0ANA', { reference: order.reference, from: 'submitted', to: 'processing', reason: null, actorId: 'U0ADMIN', at: '2026-03-04T11:00:00.000Z' }],
      ['U0ANA', { reference: order.reference, from: 'processing', to: 'dispatched', reason: 'sent by post', actorId: 'U0ADMIN', at: '2026-03-04T12:00:00.000Z' }],
    ]);
    store.close();
  });

  it('cancels from submitted or processing, only with a reason', () => {
    const { store } = open();
    const a = store.submit(draft(), ANA, 'k1', CATALOGUE).order.reference;
    const b = store.submit(draft(), ANA, 'k2', CATALOGUE).order.reference;
    expect(refusal(() => store.changeStatus(a, 'cancelled', 'U0ADMIN', { reason: '   ' })).message).toBe(`${a}: Give a reason for cancelling the order.`);
    expect(store.changeStatus(a, 'cancelled', 'U0ADMIN', { reason: 'Duplicate of an e-mailed order' }).history.at(-1)?.reason).toBe(
      'Duplicate of an e-mailed order',
    );
    store.changeStatus(b, 'processing', 'U0ADMIN');
    expect(store.changeStatus(b, 'cancelled', 'U0ADMIN', { reason: 'Out of print' }).status).toBe('cancelled');
    store.close();
  });

  it('refuses changes the rules do not allow, changing nothing', () => {
    const { store } = open();
    const ref = store.submit(draft(), ANA, 'k1', CATALOGUE).order.reference;
    const outboxBefore = store.outbox.list().length;
    const skip = refusal(() => store.changeStatus(ref, 'dispatched', 'U0ADMIN'));
    expect([skip.code, skip.message]).toEqual(['invalid_status_change', `${ref}: A submitted order can only move to processing or cancelled.`]);
    expect(refusal(() => store.changeStatus(ref, 'submitted', 'U0ADMIN')).message).toBe(`${ref}: The order is already submitted.`);
    store.changeStatus(ref, 'processing', 'U0ADMIN');
    store.changeStatus(ref, 'dispatched', 'U0ADMIN');
    expect(refusal(() => store.changeStatus(ref, 'cancelled', 'U0ADMIN', { reason: 'late' })).message).toBe(
      `${ref}: The order is dispatched and can no longer change.`,
    );
    expect(refusal(() => store.changeStatus(ref, 'shipped' as never, 'U0ADMIN')).code).toBe('invalid_status_change');
    expect(refusal(() => store.changeStatus('PUB-2026-000404', 'processing', 'U0ADMIN')).code).toBe('not_found');
    expect(store.get(ref)?.history.map((h) => h.to)).toEqual(['submitted', 'processing', 'dispatched']);
    expect(store.outbox.list()).toHaveLength(outboxBefore + 2);
    store.close();
  });

  it('refuses anyone but an admin when given the admin list', () => {
    const { store } = open();
    const ref = store.submit(draft(), ANA, 'k1', CATALOGUE).order.reference;
    const denied = refusal(() => store.changeStatus(ref, 'processing', 'U0ANA', { adminIds: ['U0ADMIN'] }));
    expect(denied.code).toBe('not_allowed');
    expect(store.get(ref)?.status).toBe('submitted');
    expect(canChangeStatus('U0ADMIN', ['U0X', 'U0ADMIN'])).toBe(true);
    expect(canChangeStatus('U0ANA', ['U0ADMIN'])).toBe(false);
    expect(canChangeStatus('', [''])).toBe(false);
    store.close();
  });
});

describe('durability', () => {
  it('keeps orders, history and outbox across close and reopen', () => {
    const { store, clock, file } = open();
    const ref = store.submit(draft(), ANA, 'k1', CATALOGUE).order.reference;
    store.changeStatus(ref, 'processing', 'U0ADMIN');
    const before = { orders: store.listAll(), outbox: store.outbox.list() };
    store.close();
    const reopened = openOrderStore(file, { clock: clock.now });
    expect({ orders: reopened.listAll(), outbox: reopened.outbox.list() }).toEqual(before);
    expect(reopened.submit(draft(), ANA, 'k1', CATALOGUE).created).toBe(false);
    expect(reopened.submit(draft(), ANA, 'k2', CATALOGUE).order.reference).toBe('PUB-2026-000002');
    reopened.close();
  });

  it('lets two connections to one file submit without a duplicate reference', () => {
    const { store, clock, file } = open();
    const other = openOrderStore(file, { clock: clock.now });
    const refs = [store, other, store, other].map((s, i) => s.submit(draft(), ANA, `k${i}`, CATALOGUE).order.reference);
    expect(new Set(refs).size).toBe(4);
    other.close();
    store.close();
  });
});
