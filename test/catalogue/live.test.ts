/**
 * The live catalogue (src/catalogue/live.ts) on real SQLite files: seeded once, a change answered at once
 * by the same engine object, kept across a restart, and another instance's change picked up by refresh();
 * and two instances on one PostgreSQL database.
 */
import { describe, expect, it } from 'vitest';
import { CatalogueConflictError, type CatalogueWrite } from '../../src/catalogue/catalogue-store.js';
import { openLiveCatalogue } from '../../src/catalogue/live.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { openStorage } from '../../src/storage.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK } from '../orders/fixtures.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { describePostgres, freshPostgresUrl } from '../support/stores.js';

const BORDER: Publication = { ...FRAMEWORK, id: 'border-management-manual', title: 'Manual on Integrated Border Management' };

function edit(baseVersion: number, publications: Publication[]): CatalogueWrite {
  return { action: 'edit', actorId: 'U0ADMIN', summary: 'edited', publications, baseVersion };
}

const titlesFound = (engine: { search(q: string): { hits: { publication: Publication }[] } }, query: string) =>
  engine.search(query).hits.map((h) => h.publication.id);

describe('live catalogue', () => {
  it('seeds an empty store once, as change 1 by nobody', async () => {
    const { catalogue, file, close } = await openTestCatalogue(CATALOGUE);
    expect(catalogue.version).toBe(1);
    expect(catalogue.publications).toEqual(CATALOGUE);
    const [seed] = await catalogue.history(5);
    expect(seed).toMatchObject({ seq: 1, action: 'seed', actorId: '', summary: 'Seeded from the test: 3 publications' });
    await close();
    const reopened = await openTestCatalogue([HANDBOOK], file);
    expect(reopened.catalogue.version).toBe(1);
    expect(reopened.catalogue.publications).toEqual(CATALOGUE);
  });

  it('answers with a change as soon as apply resolves, through the same engine object', async () => {
    const { catalogue } = await openTestCatalogue(CATALOGUE);
    const engine = catalogue.engine;
    expect(titlesFound(engine, 'border management')).toEqual([]);
    const change = await catalogue.apply(edit(1, [BORDER]));
    expect(change.seq).toBe(2);
    expect(catalogue.version).toBe(2);
    expect(titlesFound(engine, 'border management')).toEqual([BORDER.id]);
    expect(engine.get(BORDER.id)).toEqual(BORDER);
    expect(engine.publications.map((p) => p.id)).toEqual([...CATALOGUE.map((p) => p.id), BORDER.id]);
  });

  it('answers without an undone change as soon as undo resolves', async () => {
    const { catalogue } = await openTestCatalogue(CATALOGUE);
    await catalogue.apply(edit(1, [BORDER, { ...HANDBOOK, keywords: ['seafarers'] }]));
    expect(titlesFound(catalogue.engine, 'seafarers')).toEqual([HANDBOOK.id]);
    const undo = await catalogue.undo('U0ADMIN');
    expect(undo).toMatchObject({ seq: 3, undoes: 2 });
    expect(titlesFound(catalogue.engine, 'seafarers')).toEqual([]);
    expect(titlesFound(catalogue.engine, 'border management')).toEqual([]);
    expect(catalogue.publications).toEqual(CATALOGUE);
    expect(await catalogue.undo('U0ADMIN')).toBeUndefined();
  });

  it('keeps a change across a restart: the same file reopened has it', async () => {
    const first = await openTestCatalogue(CATALOGUE);
    await first.catalogue.apply(edit(1, [BORDER]));
    await first.close();
    const { catalogue } = await openTestCatalogue(CATALOGUE, first.file);
    expect(catalogue.version).toBe(2);
    expect(titlesFound(catalogue.engine, 'border management')).toEqual([BORDER.id]);
  });

  it("picks up another instance's change on refresh, and refuses a write based on what it had not seen", async () => {
    const a = await openTestCatalogue(CATALOGUE);
    const b = await openTestCatalogue(CATALOGUE, a.file);
    await a.catalogue.apply(edit(1, [BORDER]));
    expect(titlesFound(b.catalogue.engine, 'border management')).toEqual([]);

    await expect(b.catalogue.apply(edit(b.catalogue.version, [{ ...HANDBOOK, notes: 'b' }]))).rejects.toThrow(CatalogueConflictError);
    // The refused write loaded what it had missed.
    expect(b.catalogue.version).toBe(2);
    expect(titlesFound(b.catalogue.engine, 'border management')).toEqual([BORDER.id]);

    await a.catalogue.undo('U0ADMIN');
    expect(await b.catalogue.refresh()).toBe(true);
    expect(b.catalogue.version).toBe(3);
    expect(titlesFound(b.catalogue.engine, 'border management')).toEqual([]);
    expect(await b.catalogue.refresh()).toBe(false);
  });

  it('takes local writes one at a time: two applies on the same version, one goes through', async () => {
    const { catalogue } = await openTestCatalogue(CATALOGUE);
    const results = await Promise.allSettled([catalogue.apply(edit(1, [BORDER])), catalogue.apply(edit(1, [{ ...HANDBOOK, notes: 'x' }]))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(catalogue.version).toBe(2);
    expect(catalogue.publications.map((p) => p.id)).toContain(BORDER.id);
  });
});

describePostgres('live catalogue on one database', () => {
  it("seeds once when two open together, and each answers with the other's change once refreshed", async () => {
    const databaseUrl = await freshPostgresUrl();
    const [one, two] = await Promise.all([openStorage({ databaseUrl }), openStorage({ databaseUrl })]);
    try {
      const [a, b] = await Promise.all([openLiveCatalogue(one.catalogue, { seed: CATALOGUE }), openLiveCatalogue(two.catalogue, { seed: CATALOGUE })]);
      expect([a.version, b.version]).toEqual([1, 1]);
      await a.apply(edit(1, [BORDER]));
      expect(await b.refresh()).toBe(true);
      expect(titlesFound(b.engine, 'border management')).toEqual([BORDER.id]);
      await b.undo('U0OTHER');
      expect(await a.refresh()).toBe(true);
      expect(titlesFound(a.engine, 'border management')).toEqual([]);
      expect((await a.history(10)).map((c) => c.action)).toEqual(['undo', 'edit', 'seed']);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
