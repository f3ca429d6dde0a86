/**
 * The live catalogue's store contract (src/catalogue/catalogue-store.ts), on SQLite and on PostgreSQL:
 * writes checked against the version read, the undo stack, the history, the seed, and stored entries
 * validated when they are read back.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CatalogueUndoError, CorruptCatalogueError } from '../../src/catalogue/catalogue-changes.js';
import { CatalogueConflictError, type CatalogueStore, type CatalogueWrite } from '../../src/catalogue/catalogue-store.js';
import type { Publication } from '../../src/catalogue/schema.js';
import type { StorageLocation } from '../../src/storage.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK, MODULES, TestClock } from '../orders/fixtures.js';
import { describeEachStore } from '../support/stores.js';

const NEW_TITLE: Publication = { ...FRAMEWORK, id: 'new-title', title: 'A New Title on Border Management' };

function seed(store: CatalogueStore, publications: readonly Publication[] = CATALOGUE) {
  return store.write({ action: 'seed', actorId: '', summary: 'seeded', publications: [...publications], baseVersion: 0 });
}

function edit(baseVersion: number, publications: Publication[], overrides: Partial<CatalogueWrite> = {}): CatalogueWrite {
  return { action: 'edit', actorId: 'U0ADMIN', summary: 'edited', publications, baseVersion, ...overrides };
}

/** Overwrites the stored entry `id` behind the store's back, as a damaged database would hold it. */
async function corruptEntry(location: StorageLocation, id: string, data: string): Promise<void> {
  if ('sqliteFile' in location) {
    const db = new Database(location.sqliteFile);
    db.prepare('UPDATE catalogue_entries SET data = ? WHERE id = ?').run(data, id);
    db.close();
    return;
  }
  const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 1 });
  await pool.query('UPDATE catalogue_entries SET data = $1::jsonb WHERE id = $2', [data, id]);
  await pool.end();
}

describeEachStore('catalogue store', (kit) => {
  it('is empty at version 0 before anything is stored', async () => {
    const { catalogue } = await kit.open();
    expect(await catalogue.load()).toEqual({ version: 0, publications: [] });
    expect(await catalogue.version()).toBe(0);
    expect(await catalogue.undo('U0ADMIN')).toBeUndefined();
  });

  it('stores the seed as change 1, in catalogue order, and refuses a second seed', async () => {
    const clock = new TestClock();
    const { catalogue } = await kit.open({ clock: clock.now });
    const change = await seed(catalogue);
    expect(change).toMatchObject({ seq: 1, action: 'seed', actorId: '', summary: 'seeded', undoes: null, undoneBy: null, at: clock.now() });
    expect(change.entries.map((e) => [e.id, e.before, e.after?.title])).toEqual(CATALOGUE.map((p) => [p.id, null, p.title]));
    expect(await catalogue.load()).toEqual({ version: 1, publications: CATALOGUE });
    await expect(seed(catalogue)).rejects.toThrow(CatalogueConflictError);
    await expect(catalogue.write({ action: 'seed', actorId: '', summary: 'again', publications: [], baseVersion: 1 })).rejects.toThrow(/seed can only be the first change/);
    expect(await catalogue.version()).toBe(1);
  });

  it('replaces entries in place and adds new ones last, recording only what changed', async () => {
    const { catalogue } = await kit.open();
    await seed(catalogue);
    const priced = { ...FRAMEWORK, prices: { EUR: 12 } };
    const change = await catalogue.write(edit(1, [HANDBOOK, priced, NEW_TITLE]));
    expect(change.seq).toBe(2);
    expect(change.entries).toEqual([
      { id: FRAMEWORK.id, before: FRAMEWORK, after: priced },
      { id: NEW_TITLE.id, before: null, after: NEW_TITLE },
    ]);
    expect(await catalogue.load()).toEqual({ version: 2, publications: [HANDBOOK, priced, MODULES, NEW_TITLE] });
  });

  it('refuses a write based on an old version, changing nothing', async () => {
    const { catalogue } = await kit.open();
    await seed(catalogue);
    await catalogue.write(edit(1, [{ ...HANDBOOK, notes: 'first' }]));
    const stale = catalogue.write(edit(1, [{ ...HANDBOOK, notes: 'second' }]));
    await expect(stale).rejects.toThrow(CatalogueConflictError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await catalogue.load()).publications[0]!.notes).toBe('first');
  });

  it('refuses an invalid entry or an id given twice, changing nothing', async () => {
    const { catalogue } = await kit.open();
    await seed(catalogue);
    await expect(catalogue.write(edit(1, [{ ...HANDBOOK, year: 1200 }]))).rejects.toThrow(/"migrants-vulnerable-handbook" is not valid: year/);
    await expect(catalogue.write(edit(1, [HANDBOOK, { ...HANDBOOK, notes: 'x' }]))).rejects.toThrow(/given twice/);
    expect(await catalogue.load()).toEqual({ version: 1, publications: CATALOGUE });
  });

  it('undoes the latest change first, then the one before, restoring entries and removing those added; never the seed', async () => {
    const { catalogue } = await kit.open();
    await seed(catalogue);
    const renamed = { ...HANDBOOK, title: 'Renamed Handbook' };
    await catalogue.write(edit(1, [renamed], { summary: 'renamed' }));
    await catalogue.write(edit(2, [{ ...MODULES, pages: 120 }, NEW_TITLE], { action: 'import', summary: 'imported' }));

    const first = await catalogue.undo('U0OTHER');
    expect(first).toMatchObject({ seq: 4, action: 'undo', actorId: 'U0OTHER', undoes: 3, summary: 'Undid change 3: imported' });
    expect(await catalogue.load()).toEqual({ version: 4, publications: [renamed, FRAMEWORK, MODULES] });

    const second = await catalogue.undo('U0OTHER');
    expect(second).toMatchObject({ seq: 5, undoes: 2 });
    expect(second!.entries).toEqual([{ id: HANDBOOK.id, before: renamed, after: HANDBOOK }]);
    expect(await catalogue.load()).toEqual({ version: 5, publications: CATALOGUE });

    expect(await catalogue.undo('U0OTHER')).toBeUndefined();
    expect(await catalogue.version()).toBe(5);
  });

  it('keeps the history newest first, with who, what, and what undid what', async () => {
    const clock = new TestClock();
    const { catalogue } = await kit.open({ clock: clock.now });
    await seed(catalogue);
    clock.advance(60_000);
    await catalogue.write(edit(1, [{ ...HANDBOOK, notes: 'n' }]));
    clock.advance(60_000);
    await catalogue.undo('U0OTHER');
    const history = await catalogue.history(10);
    expect(history.map((c) => [c.seq, c.action, c.actorId, c.undoes, c.undoneBy, c.at.toISOString()])).toEqual([
      [3, 'undo', 'U0OTHER', 2, null, '2026-03-04T10:02:00.000Z'],
      [2, 'edit', 'U0ADMIN', null, 3, '2026-03-04T10:01:00.000Z'],
      [1, 'seed', '', null, null, '2026-03-04T10:00:00.000Z'],
    ]);
    expect((await catalogue.history(1)).map((c) => c.seq)).toEqual([3]);
  });

  it('refuses to load a corrupt stored entry, naming it', async () => {
    const { catalogue, location } = await kit.open();
    await seed(catalogue);
    await corruptEntry(location, FRAMEWORK.id, JSON.stringify({ ...FRAMEWORK, year: 'last year' }));
    await expect(catalogue.load()).rejects.toThrow(CorruptCatalogueError);
    await expect(catalogue.load()).rejects.toThrow(/stored catalogue entry "gbv-framework" is not valid: year/);
  });

  it('refuses an undo when an entry is no longer as the change left it', async () => {
    const { catalogue, location } = await kit.open();
    await seed(catalogue);
    await catalogue.write(edit(1, [{ ...HANDBOOK, notes: 'n' }]));
    await corruptEntry(location, HANDBOOK.id, JSON.stringify({ ...HANDBOOK, notes: 'changed by hand' }));
    await expect(catalogue.undo('U0ADMIN')).rejects.toThrow(CatalogueUndoError);
    expect(await catalogue.version()).toBe(2);
  });

  it('survives closing: reopened, the catalogue and its history are there', async () => {
    const first = await kit.open();
    await seed(first.catalogue);
    await first.catalogue.write(edit(1, [NEW_TITLE]));
    await first.close();
    const { catalogue } = await kit.open({}, first.location);
    expect(await catalogue.load()).toEqual({ version: 2, publications: [...CATALOGUE, NEW_TITLE] });
  });
});

describe('catalogue store under concurrent writers', () => {
  describeEachStore('two connections', (kit) => {
    it('lets exactly one of two writes on the same version through', async () => {
      const a = await kit.open();
      const b = await kit.open({}, a.location);
      await seed(a.catalogue);
      const results = await Promise.allSettled([
        a.catalogue.write(edit(1, [{ ...HANDBOOK, notes: 'a' }])),
        b.catalogue.write(edit(1, [{ ...HANDBOOK, notes: 'b' }])),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(CatalogueConflictError) });
      expect(await b.catalogue.version()).toBe(2);
    });
  });
});
