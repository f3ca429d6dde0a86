import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWrite, planChanges, planImport } from '../../src/catalogue/import-plan.js';
import { ImportError } from '../../src/catalogue/listing.js';
import { loadCatalogue } from '../../src/catalogue/load.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/catalogue/${name}`, import.meta.url), 'utf8');
const committed = loadCatalogue();

describe('planImport', () => {
  const plan = planImport(committed, 7, fixture('listing-update.txt'));

  it('sorts the titles into added, updated, unchanged and not listed, with the page’s warnings', () => {
    expect(plan.baseVersion).toBe(7);
    expect(plan.added.map((p) => p.title)).toEqual(['Handbook on Return Counselling for Migrant Families']);
    expect(plan.updated.map((p) => [p.id, p.year, p.pages])).toEqual([['building-capacity-municipalities-socioeconomic', 2021, 170]]);
    expect(plan.unchanged.map((p) => p.id)).toEqual(['iom-public-communication-campaign-toolkit']);
    expect(plan.notListed).toHaveLength(20);
    expect(plan.warnings.map((w) => w.line)).toEqual([24]);
    expect(planChanges(plan)).toBe(true);
  });

  it('writes only what changes, as of the version planned against', () => {
    const write = importWrite(plan, 'U0ADMIN');
    expect(write).toMatchObject({ action: 'import', actorId: 'U0ADMIN', baseVersion: 7, summary: 'Imported listing page: 1 added, 1 updated' });
    expect(write.publications.map((p) => p.id)).toEqual([...plan.updated, ...plan.added].map((p) => p.id));
  });

  it('changes nothing when the catalogue already has the page', () => {
    const again = planImport(committed, 1, fixture('handbooks-and-manuals.txt'));
    expect([again.added, again.updated]).toEqual([[], []]);
    expect(again.unchanged).toHaveLength(22);
    expect(planChanges(again)).toBe(false);
  });

  it('refuses a malformed page with its line', () => {
    expect(() => planImport(committed, 1, fixture('listing-malformed.txt'))).toThrow(ImportError);
    expect(() => planImport(committed, 1, fixture('listing-malformed.txt'))).toThrow(/^line 7: /);
  });
});
