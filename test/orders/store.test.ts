/**
 * The order store suite, run against both stores (SQLite file and PostgreSQL schema): everything above the
 * store relies on exactly this behaviour from either. Then what is particular to each: SQLite's file and
 * migrations, PostgreSQL's migration lock and several processes submitting at once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { OrderError } from '../../src/orders/order.js';
import { canChangeStatus } from '../../src/orders/permissions.js';
import { MIGRATIONS, migrate } from '../../src/orders/sqlite-migrations.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import { defaultOrderStorePath, formatReference, type OrderStore } from '../../src/orders/store.js';
import { OrderValidationError } from '../../src/orders/validate.js';
import { POSTGRES_MIGRATIONS, migratePostgres } from '../../src/postgres/migrations.js';
import { openStorage } from '../../src/storage.js';
import { describeEachStore, describePostgres, freshPostgresUrl, type StoreKit } from '../support/stores.js';
import { CATALOGUE, DELIVERY, HANDBOOK, TestClock, draft, tempDir } from './fixtures.js';

const ANA = { userId: 'U0ANA', displayName: 'Ana' };
const BEN = { userId: 'U0BEN' };

async function refusal(fn: () => Promise<unknown>): Promise<OrderError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof OrderError) return err;
    throw err;
  }
  throw new Error('expected an OrderError');
}

describe('opening a SQLite store', () => {
  const open = (file = join(tempDir(), 'orders.sqlite')) => ({ store: openSqliteOrderStore(file, { clock: new TestClock().now, random: () => 0 }), file });

  it('creates the file and its directory, in WAL mode with foreign keys, at the latest schema version', async () => {
    const file = join(tempDir(), 'nested', 'dir', 'orders.sqlite');
    const { store } = open(file);
    expect(store.description).toBe(`SQLite file ${file}`);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(defaultOrderStorePath('/srv/data')).toBe('/srv/data/orders.sqlite');
  });

  it('migrates an empty existing file', async () => {
    const file = join(tempDir(), 'orders.sqlite');
    writeFileSync(file, '');
    const { store } = open(file);
    expect((await store.submit(draft(), ANA, 'k1', CATALOGUE)).created).toBe(true);
    await store.close();
  });

  it('migrates an older file forward and keeps its orders', async () => {
    const { store, file } = open();
    const { order } = await store.submit(draft(), ANA, 'k1', CATALOGUE);
    await store.close();
    const db = new Database(file);
    migrate(db, [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'a note per order', sql: 'ALTER TABLE orders ADD COLUMN note TEXT' }]);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(db.prepare('SELECT reference, note FROM orders').all()).toEqual([{ reference: order.reference, note: null }]);
    db.close();
  });

  it('leaves the file untouched when a migration fails', () => {
    const file = join(tempDir(), 'orders.sqlite');
    const db = new Database(file);
    const broken = { version: MIGRATIONS.length + 1, description: 'broken', sql: 'CREATE TABLE half (id INTEGER); THIS IS NOT SQL' };
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
    expect(() => openSqliteOrderStore(file)).toThrow(/schema version 99, newer than this program knows/);
  });

  it('refuses to create a store when it must exist', () => {
    expect(() => openSqliteOrderStore(join(tempDir(), 'missing.sqlite'), { mustExist: true })).toThrow();
  });

  it('lets two connections to one file submit without a duplicate reference', async () => {
    const clock = new TestClock();
    const { store, file } = open();
    const other = openSqliteOrderStore(file, { clock: clock.now });
    const refs = [];
    for (const [i, s] of [store, other, store, other].entries()) refs.push((await s.submit(draft(), ANA, `k${i}`, CATALOGUE)).order.reference);
    expect(new Set(refs).size).toBe(4);
    await other.close();
    await store.close();
  });
});

describePostgres('opening a PostgreSQL store', () => {
  it('migrates once when several replicas start together, under the migration lock', async () => {
    const url = await freshPostgresUrl();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openStorage({ databaseUrl: url })));
    expect(stores[0]?.orders.description).toMatch(/^PostgreSQL database test on 127\.0\.0\.1:5432$/);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    await check.end();
    for (const s of stores) await s.orders.close();
  });

  it('refuses a database migrated by a newer program, and leaves a failed migration undone', async () => {
    const url = await freshPostgresUrl();
    const pool = new pg.Pool({ connectionString: url });
    const broken = { version: POSTGRES_MIGRATIONS.length + 1, description: 'broken', sql: 'CREATE TABLE half (id integer); THIS IS NOT SQL' };
    await expect(migratePostgres(pool, [...POSTGRES_MIGRATIONS, broken])).rejects.toThrow();
    const tables = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'half'`);
    expect(tables.rows).toEqual([]);
    await pool.query(`INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')`);
    await pool.end();
    await expect(openStorage({ databaseUrl: url })).rejects.toThrow(/schema version 99, newer than this program knows/);
  });

  it('gives sequential references and one order per key to several processes submitting at once', async () => {
    const url = await freshPostgresUrl();
    const replicas = await Promise.all([1, 2, 3].map(() => openStorage({ databaseUrl: url })));
    const submissions = Array.from({ length: 30 }, (_, i) => {
      const store = replicas[i % replicas.length]?.orders as OrderStore;
      // Every key is submitted twice, on two different replicas: a double click, a retry elsewhere.
      return [store.submit(draft(), ANA, `key-${i % 15}`, CATALOGUE), replicas[(i + 1) % replicas.length]?.orders.submit(draft(), ANA, `key-${i % 15}`, CATALOGUE)];
    }).flat();
    const results = await Promise.all(submissions);
    const stored = await replicas[0]?.orders.listAll();
    expect(stored?.map((o) => o.reference)).toEqual(Array.from({ length: 15 }, (_, i) => formatReference(new Date().getUTCFullYear(), i + 1)));
    expect(new Set(results.map((r) => r?.order.reference)).size).toBe(15);
    expect(results.filter((r) => r?.created)).toHaveLength(15);
    expect(await replicas[0]?.orders.outbox.list()).toHaveLength(30);
    for (const r of replicas) await r.orders.close();
  });
});

describeEachStore('the order store', (kit: StoreKit) => {
  const open = async (clock = new TestClock()) => {
    const { orders: store, location } = await kit.open({ clock: clock.now, random: () => 0 });
    return { store, clock, location };
  };

  describe('submit', () => {
    it('stores the order priced, with its history and two notices, under a new reference', async () => {
      const { store } = await open();
      const { order, created } = await store.submit(draft(), ANA, 'k1', CATALOGUE);
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
      expect((await store.outbox.list()).map((m) => [m.kind, m.target, m.payload, m.state])).toEqual([
        ['order_notice', 'publications-unit', { reference: 'PUB-2026-000001' }, 'pending'],
        ['order_confirmation', 'U0ANA', { reference: 'PUB-2026-000001' }, 'pending'],
      ]);
      expect(await store.get('PUB-2026-000001')).toEqual(order);
    });

    it('numbers references per year, zero-padded to six digits', async () => {
      const { store, clock } = await open();
      const refs = [];
      for (const i of [1, 2, 3]) refs.push((await store.submit(draft(), ANA, `k${i}`, CATALOGUE)).order.reference);
      clock.set('2027-01-01T00:00:01Z');
      refs.push((await store.submit(draft(), ANA, 'k4', CATALOGUE)).order.reference);
      refs.push((await store.submit(draft(), BEN, 'k5', CATALOGUE)).order.reference);
      expect(refs).toEqual(['PUB-2026-000001', 'PUB-2026-000002', 'PUB-2026-000003', 'PUB-2027-000001', 'PUB-2027-000002']);
      expect(formatReference(2026, 123)).toBe('PUB-2026-000123');
      expect(formatReference(2026, 1234567)).toBe('PUB-2026-1234567');
    });

    it('returns the first order for a repeated idempotency key: one order, two notices', async () => {
      const { store, clock } = await open();
      const first = await store.submit(draft(), ANA, 'view-123', CATALOGUE);
      clock.advance(1500);
      const again = await store.submit(draft(), ANA, 'view-123', CATALOGUE);
      expect(again).toEqual({ order: first.order, created: false });
      expect(await store.listAll()).toHaveLength(1);
      expect(await store.outbox.list()).toHaveLength(2);
      // even when the catalogue changed in between, and whatever the repeat carries
      expect((await store.submit(draft({ items: [] }), ANA, 'view-123', [])).created).toBe(false);
      // the key belongs to one requester
      expect((await store.submit(draft(), BEN, 'view-123', CATALOGUE)).order.reference).toBe('PUB-2026-000002');
    });

    it('stores one order when the same submission arrives several times at once', async () => {
      const { store } = await open();
      const results = await Promise.all([1, 2, 3, 4].map(() => store.submit(draft(), ANA, 'view-9', CATALOGUE)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.order.reference))).toEqual(new Set(['PUB-2026-000001']));
      expect(await store.outbox.list()).toHaveLength(2);
    });

    it('stores nothing when the order is not valid, and says why per field', async () => {
      const { store } = await open();
      const error = await store.submit(draft({ delivery: { ...DELIVERY, email: 'nobody' } }), ANA, 'k1', CATALOGUE).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrderValidationError);
      expect((error as OrderValidationError).errors).toEqual({ email: { code: 'email' } });
      expect((error as Error).message).not.toContain('nobody');
      expect(await store.listAll()).toEqual([]);
      expect(await store.outbox.list()).toEqual([]);
      expect((await store.submit(draft(), ANA, 'k1', CATALOGUE)).order.reference).toBe('PUB-2026-000001');
    });

    it('refuses a call without a requester or with a bad idempotency key', async () => {
      const { store } = await open();
      await expect(store.submit(draft(), { userId: '' }, 'k1', CATALOGUE)).rejects.toThrow(TypeError);
      await expect(store.submit(draft(), ANA, 'x'.repeat(201), CATALOGUE)).rejects.toThrow(TypeError);
    });

    it('keeps the prices of the day it was submitted', async () => {
      const { store } = await open();
      const { order } = await store.submit(draft(), ANA, 'k1', CATALOGUE);
      const repriced = CATALOGUE.map((p) => (p.id === HANDBOOK.id ? { ...p, prices: { CHF: 99 } } : p));
      await store.submit(draft(), ANA, 'k2', repriced);
      expect((await store.get(order.reference))?.pricing.amountDueMinor).toBe(9000);
      expect((await store.get('PUB-2026-000002'))?.pricing.amountDueMinor).toBe(19800);
    });
  });

  describe('lists and counts', () => {
    it('lists a requester’s own orders newest first, and all orders oldest first', async () => {
      const { store, clock } = await open();
      for (const [i, who] of [ANA, BEN, ANA, ANA].entries()) {
        await store.submit(draft(), who, `k${i}`, CATALOGUE);
        clock.advance(60_000);
      }
      expect((await store.listByRequester('U0ANA')).map((o) => o.reference)).toEqual(['PUB-2026-000004', 'PUB-2026-000003', 'PUB-2026-000001']);
      expect(await store.listByRequester('U0ANA', 2)).toHaveLength(2);
      expect(await store.listByRequester('U0NOBODY')).toEqual([]);
      expect((await store.listAll()).map((o) => o.reference)).toEqual(['PUB-2026-000001', 'PUB-2026-000002', 'PUB-2026-000003', 'PUB-2026-000004']);
      expect(await store.get('PUB-2026-000999')).toBeUndefined();
    });

    it('counts orders by status and answers health checks', async () => {
      const { store } = await open();
      expect(await store.countOrdersByStatus()).toEqual({ submitted: 0, processing: 0, dispatched: 0, cancelled: 0 });
      const a = (await store.submit(draft(), ANA, 'k1', CATALOGUE)).order.reference;
      await store.submit(draft(), ANA, 'k2', CATALOGUE);
      await store.changeStatus(a, 'processing', 'U0ADMIN');
      expect(await store.countOrdersByStatus()).toEqual({ submitted: 1, processing: 1, dispatched: 0, cancelled: 0 });
      expect(await store.health()).toEqual({ ok: true });
      await store.close();
      const down = await store.health();
      expect(down.ok).toBe(false);
      expect(down.detail).toMatch(/^\w+$/);
    });
  });

  describe('changeStatus', () => {
    it('moves an order along, records who, when and why, and tells the requester', async () => {
      const { store, clock } = await open();
      const { order } = await store.submit(draft(), ANA, 'k1', CATALOGUE);
      clock.advance(3_600_000);
      await store.changeStatus(order.reference, 'processing', 'U0ADMIN', { adminIds: ['U0ADMIN'] });
      clock.advance(3_600_000);
      const done = await store.changeStatus(order.reference, 'dispatched', 'U0ADMIN', { reason: ' sent by post ' });
      expect(done.status).toBe('dispatched');
      expect(done.updatedAt).toEqual(new Date('2026-03-04T12:00:00Z'));
      expect(done.history).toEqual([
        { from: null, to: 'submitted', actorId: 'U0ANA', at: new Date('2026-03-04T10:00:00Z'), reason: null },
        { from: 'submitted', to: 'processing', actorId: 'U0ADMIN', at: new Date('2026-03-04T11:00:00Z'), reason: null },
        { from: 'processing', to: 'dispatched', actorId: 'U0ADMIN', at: new Date('2026-03-04T12:00:00Z'), reason: 'sent by post' },
      ]);
      const notices = (await store.outbox.list()).filter((m) => m.kind === 'status_notice');
      expect(notices.map((m) => [m.target, m.payload])).toEqual([
        ['U0ANA', { reference: order.reference, from: 'submitted', to: 'processing', reason: null, actorId: 'U0ADMIN', at: '2026-03-04T11:00:00.000Z' }],
        ['U0ANA', { reference: order.reference, from: 'processing', to: 'dispatched', reason: 'sent by post', actorId: 'U0ADMIN', at: '2026-03-04T12:00:00.000Z' }],
      ]);
    });

    it('cancels from submitted or processing, only with a reason', async () => {
      const { store } = await open();
      const a = (await store.submit(draft(), ANA, 'k1', CATALOGUE)).order.reference;
      const b = (await store.submit(draft(), ANA, 'k2', CATALOGUE)).order.reference;
      expect((await refusal(() => store.changeStatus(a, 'cancelled', 'U0ADMIN', { reason: '   ' }))).message).toBe(`${a}: Give a reason for cancelling the order.`);
      expect((await store.changeStatus(a, 'cancelled', 'U0ADMIN', { reason: 'Duplicate of an e-mailed order' })).history.at(-1)?.reason).toBe(
        'Duplicate of an e-mailed order',
      );
      await store.changeStatus(b, 'processing', 'U0ADMIN');
      expect((await store.changeStatus(b, 'cancelled', 'U0ADMIN', { reason: 'Out of print' })).status).toBe('cancelled');
    });

    it('refuses changes the rules do not allow, changing nothing', async () => {
      const { store } = await open();
      const ref = (await store.submit(draft(), ANA, 'k1', CATALOGUE)).order.reference;
      const outboxBefore = (await store.outbox.list()).length;
      const skip = await refusal(() => store.changeStatus(ref, 'dispatched', 'U0ADMIN'));
      expect([skip.code, skip.message]).toEqual(['invalid_status_change', `${ref}: A submitted order can only move to processing or cancelled.`]);
      expect((await refusal(() => store.changeStatus(ref, 'submitted', 'U0ADMIN'))).message).toBe(`${ref}: The order is already submitted.`);
      await store.changeStatus(ref, 'processing', 'U0ADMIN');
      await store.changeStatus(ref, 'dispatched', 'U0ADMIN');
      expect((await refusal(() => store.changeStatus(ref, 'cancelled', 'U0ADMIN', { reason: 'late' }))).message).toBe(
        `${ref}: The order is dispatched and can no longer change.`,
      );
      expect((await refusal(() => store.changeStatus(ref, 'shipped' as never, 'U0ADMIN'))).code).toBe('invalid_status_change');
      expect((await refusal(() => store.changeStatus('PUB-2026-000404', 'processing', 'U0ADMIN'))).code).toBe('not_found');
      expect((await store.get(ref))?.history.map((h) => h.to)).toEqual(['submitted', 'processing', 'dispatched']);
      expect(await store.outbox.list()).toHaveLength(outboxBefore + 2);
    });

    it('refuses anyone but an admin when given the admin list', async () => {
      const { store } = await open();
      const ref = (await store.submit(draft(), ANA, 'k1', CATALOGUE)).order.reference;
      const denied = await refusal(() => store.changeStatus(ref, 'processing', 'U0ANA', { adminIds: ['U0ADMIN'] }));
      expect(denied.code).toBe('not_allowed');
      expect((await store.get(ref))?.status).toBe('submitted');
      expect(canChangeStatus('U0ADMIN', ['U0X', 'U0ADMIN'])).toBe(true);
      expect(canChangeStatus('U0ANA', ['U0ADMIN'])).toBe(false);
      expect(canChangeStatus('', [''])).toBe(false);
    });
  });

  describe('durability', () => {
    it('keeps orders, history and outbox across close and reopen', async () => {
      const { store, clock, location } = await open();
      const ref = (await store.submit(draft(), ANA, 'k1', CATALOGUE)).order.reference;
      await store.changeStatus(ref, 'processing', 'U0ADMIN');
      const before = { orders: await store.listAll(), outbox: await store.outbox.list() };
      await store.close();
      const { orders: reopened } = await kit.open({ clock: clock.now }, location);
      expect({ orders: await reopened.listAll(), outbox: await reopened.outbox.list() }).toEqual(before);
      expect((await reopened.submit(draft(), ANA, 'k1', CATALOGUE)).created).toBe(false);
      expect((await reopened.submit(draft(), ANA, 'k2', CATALOGUE)).order.reference).toBe('PUB-2026-000002');
    });
  });
});
