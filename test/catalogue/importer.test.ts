import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serialiseCatalogue } from '../../src/catalogue/format.js';
import { makeId } from '../../src/catalogue/ids.js';
import { importCatalogue } from '../../src/catalogue/importer.js';
import { catalogueFileSchema, type Publication } from '../../src/catalogue/schema.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/catalogue/${name}`, import.meta.url), 'utf8');
const LISTING = fixture('handbooks-and-manuals.txt');
const KNOWN_URLS = fixture('known-urls.md');

function byId(publications: readonly Publication[], id: string): Publication {
  const found = publications.find((p) => p.id === id);
  if (!found) throw new Error(`no publication ${id}`);
  return found;
}

describe('importCatalogue', () => {
  const first = importCatalogue([], LISTING, KNOWN_URLS);

  it('adds every title of a first import, with readable unique ids, into a valid catalogue', () => {
    expect(first.added).toHaveLength(22);
    expect([first.updated, first.unchanged, first.notListed]).toEqual([[], [], []]);
    expect(catalogueFileSchema.safeParse({ publications: first.publications }).success).toBe(true);
    const ids = first.publications.map((p) => p.id);
    expect(new Set(ids).size).toBe(22);
    expect(ids).toContain('reintegration-handbook');
    expect(ids).toContain('doing-business');
    expect(ids).toContain('migration-2030-agenda');
    expect(ids).toContain('ventanillas-informativas-migracion');
    expect(ids.every((id) => id.length <= 48)).toBe(true);
    expect(byId(first.publications, 'doing-business')).toMatchObject({ keywords: [], prices: {}, notes: null });
  });

  it('changes nothing when the same page is imported again', () => {
    const again = importCatalogue(first.publications, LISTING, KNOWN_URLS);
    expect(again.unchanged).toHaveLength(22);
    expect([again.added, again.updated]).toEqual([[], []]);
    expect(serialiseCatalogue(again.publications)).toBe(serialiseCatalogue(first.publications));
  });

  it('keeps ids, addresses and hand-added fields when a title is updated', () => {
    const edited = first.publications.map((p) =>
      p.id === 'reintegration-handbook'
        ? { ...p, id: 'reintegration-handbook', keywords: ['AVRR'], prices: { CHF: 30, USD: 32 }, notes: 'Popular in West Africa', pages: 1 }
        : p,
    );
    const result = importCatalogue(edited, LISTING);
    expect(result.updated).toEqual(['reintegration-handbook']);
    expect(result.unchanged).toHaveLength(21);
    expect(byId(result.publications, 'reintegration-handbook')).toMatchObject({
      pages: 304,
      keywords: ['AVRR'],
      prices: { CHF: 30, USD: 32 },
      notes: 'Popular in West Africa',
      urls: { en: 'https://reintegrationhb.iom.int', fr: expect.stringContaining('manual-sur-la-reintegration') },
    });
  });

  it('matches titles by normalised title, not by ISBN, and keeps titles missing from the page', () => {
    const retitled = first.publications.map((p) =>
      p.id === 'migration-2030-agenda' ? { ...p, title: 'MIGRATION and the 2030 agenda — a guide for practitioners' } : p,
    );
    const extra: Publication = { ...byId(first.publications, 'doing-business'), id: 'older-title', title: 'An Older Title' };
    const result = importCatalogue([...retitled, extra], LISTING);
    expect(result.updated).toEqual(['migration-2030-agenda']);
    expect(byId(result.publications, 'migration-2030-agenda').title).toBe('Migration and the 2030 Agenda: A Guide for Practitioners');
    expect(result.notListed).toEqual(['older-title']);
    expect(result.publications).toHaveLength(23);
    const guia = byId(result.publications, 'guia-atencion-psicosocial-personas-migrantes');
    expect(guia.isbn).toBe('978-9968-542-71-5');
  });

  it('appends new titles with a suffixed id on a clash', () => {
    const listing = 'Doing Business Abroad: A Guide\n\n2021/10 pages English\n\nA guide to doing business abroad for the returnees.\n';
    const result = importCatalogue(first.publications, listing);
    expect(result.added).toEqual(['doing-business-abroad']);
    const clash = importCatalogue(first.publications, 'Doing Business - Second Edition\n\n2021/10 pages English\n\nThe second edition of the guide.\n');
    expect(clash.added).toEqual(['doing-business-2']);
    expect(clash.publications.at(-1)?.id).toBe('doing-business-2');
  });

  it('drops, with a warning, an address for a language the page no longer lists', () => {
    const listing = LISTING.replace('2019/304 pages ISBN 978-92-9068-811-2 English, French, Spanish, Arabic', '2019/304 pages ISBN 978-92-9068-811-2 English, Spanish, Arabic');
    const result = importCatalogue(first.publications, listing);
    expect(byId(result.publications, 'reintegration-handbook').urls).toEqual({ en: 'https://reintegrationhb.iom.int' });
    expect(result.warnings.listing).toContainEqual({
      line: 64,
      code: 'language-dropped',
      params: { title: expect.stringMatching(/^Reintegration Handbook/), language: 'fr', url: expect.stringContaining('manual-sur-la-reintegration') },
      message: expect.stringMatching(/no longer listed in French; its fr address .* is dropped/),
    });
  });

  it('records the warnings it raises about an entry as needsReview on that entry, naming the field', () => {
    const flagged = first.publications.filter((p) => p.needsReview).map((p) => [p.id, p.needsReview?.map((f) => `${f.field}${f.value ? `:${f.value}` : ''} ${f.code}`)]);
    expect(Object.fromEntries(flagged)).toEqual({
      'iom-guidance-response-planning-migrants': ['urls:en url-other-language'],
      'iom-guidance-referral-mechanisms': ['pages pages-maybe-copied'],
      'safety-trip': ['languages:hy language-name-guessed'],
      'migration-2030-agenda': ['isbn isbn-shared'],
      'guia-atencion-psicosocial-personas-migrantes': ['isbn isbn-shared'],
      'institutional-framework-addressing-gender-based': ['urls:en url-other-language'],
    });
    expect(byId(first.publications, 'safety-trip').needsReview?.[0]?.message).toMatch(/the page says "Armenia"/);
    expect(catalogueFileSchema.safeParse({ publications: first.publications }).success).toBe(true);
  });

  it('sets flags only for warnings raised by this import: a corrected page clears them, addresses keep theirs without a table', () => {
    const corrected = LISTING.replace('2019/28 pages Armenia Available', '2019/28 pages Armenian Available');
    const result = importCatalogue(first.publications, corrected);
    expect(byId(result.publications, 'safety-trip').needsReview).toBeUndefined();
    expect(result.updated).toEqual(['safety-trip']);
    expect(byId(result.publications, 'migration-2030-agenda').needsReview).toHaveLength(1);
    expect(byId(result.publications, 'institutional-framework-addressing-gender-based').needsReview?.[0]?.field).toBe('urls');
    const cleared = first.publications.map(({ needsReview: _flags, ...p }) => p);
    expect(importCatalogue(cleared, LISTING, KNOWN_URLS).publications).toEqual(first.publications);
  });
});

describe('makeId', () => {
  it('makes a short slug of the main title without stop words', () => {
    const none = new Set<string>();
    expect(makeId('Reintegration Handbook - Practical guidance on the design, implementation and monitoring', none)).toBe('reintegration-handbook');
    expect(makeId('Guía para la Atención Psicosocial a Personas Migrantes en Mesoamérica', none)).toBe('guia-atencion-psicosocial-personas-migrantes');
    expect(makeId("Project Development Manual for Migrants' Associations: Global Development Agents", none)).toBe(
      'project-development-manual-migrants-associations',
    );
    expect(makeId('Руководство', none)).toBe('publication');
  });

  it('adds a number on a clash', () => {
    expect(makeId('Doing Business', new Set(['doing-business', 'doing-business-2']))).toBe('doing-business-3');
  });
});
