import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serialiseCatalogue } from '../../src/catalogue/format.js';
import { CatalogueError, DEFAULT_CATALOGUE_PATH, loadCatalogue, parseCatalogue, saveCatalogue } from '../../src/catalogue/load.js';

const dir = mkdtempSync(join(tmpdir(), 'catalogue-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const committedText = readFileSync(DEFAULT_CATALOGUE_PATH, 'utf8');

function errorOf(run: () => unknown): CatalogueError {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('no CatalogueError thrown');
}

/** The committed catalogue with one entry changed, as file text. */
function withEntry(index: number, change: (entry: Record<string, unknown>) => void): string {
  const data = JSON.parse(committedText) as { publications: Record<string, unknown>[] };
  const entry = data.publications[index];
  if (!entry) throw new Error(`no entry ${index}`);
  change(entry);
  return JSON.stringify(data, null, 2);
}

describe('the committed catalogue', () => {
  it('loads from the repository whatever the working directory, with all 22 titles valid', () => {
    const publications = loadCatalogue();
    expect(publications).toHaveLength(22);
    expect(DEFAULT_CATALOGUE_PATH).toMatch(/catalogue\/publications\.json$/);
  });

  it('is in canonical form, with English keywords on every title', () => {
    const publications = loadCatalogue();
    expect(serialiseCatalogue(publications)).toBe(committedText);
    expect(publications.every((p) => p.keywords.length > 0)).toBe(true);
    expect(publications.find((p) => p.id === 'modules-formation-formateurs-protection-victimes')?.keywords).toContain('trafficking victims protection');
  });
});

describe('loadCatalogue refuses a broken catalogue, naming the file, the entry and the field', () => {
  it.each([
    [
      'a language that is not a code',
      withEntry(6, (e) => (e.languages = ['en', 'French'])),
      /^catalogue\.json: entry publications\[6\] \("reintegration-handbook"\), field languages\[1\]: must be an ISO 639-1 code among: en, fr/,
    ],
    ['an id too long for an option value', withEntry(3, (e) => (e.id = `a${'-b'.repeat(38)}`)), /entry publications\[3\] \("a-b-b.*"\), field id: must be at most 75 characters/],
    ['a missing year', withEntry(0, (e) => delete e.year), /^catalogue\.json: entry publications\[0\] \("building-capacity-municipalities-socioeconomic"\), field year: /],
    ['a malformed ISBN', withEntry(18, (e) => (e.isbn = '978 9968 542')), /entry publications\[18\] \("migration-2030-agenda"\), field isbn: must be a hyphenated ISBN-13/],
    ['an address for an unlisted language', withEntry(5, (e) => (e.urls = { fr: 'https://example.org' })), /field urls\.fr: address given for fr, which is not one of this title's languages/],
    ['an entry with no id, named by its title', withEntry(2, (e) => delete e.id), /entry publications\[2\] \("Ventanillas informativas sobre migración: Mesoamérica y el Caribe"\), field id: /],
    ['a price in an unknown currency', withEntry(1, (e) => (e.prices = { GBP: 3 })), /entry publications\[1\] \("iom-public-communication-campaign-toolkit"\), field prices: Unrecognized key: "GBP"/],
    ['an unknown field', withEntry(1, (e) => (e.colour = 'red')), /entry publications\[1\] \("iom-public-communication-campaign-toolkit"\): .*colour/],
    ['a duplicate id', withEntry(1, (e) => (e.id = 'building-capacity-municipalities-socioeconomic')), /entry publications\[1\].*, field id: duplicate id "building-capacity-municipalities-socioeconomic"/],
    ['a review flag on an unknown field', withEntry(5, (e) => (e.needsReview = [{ field: 'title', code: 'odd-title', message: 'odd' }])), /field needsReview\[0\]\.field: /],
    ['a review flag without a message', withEntry(5, (e) => (e.needsReview = [{ field: 'pages', code: 'pages-maybe-copied' }])), /field needsReview\[0\]\.message: /],
    ['a review flag for a language the title is not in', withEntry(6, (e) => (e.needsReview = [{ field: 'languages', value: 'hy', code: 'language-name-guessed', message: 'x' }])), /field needsReview\[0\]\.value: flags hy, which is not one of this title's languages/],
    ['an empty review list', withEntry(5, (e) => (e.needsReview = [])), /field needsReview: /],
    ['no publications array', '{"titles": []}', /^catalogue\.json: field publications: /m],
  ])('%s', (_name, text, message) => {
    const file = join(dir, 'catalogue.json');
    writeFileSync(file, text);
    const error = errorOf(() => parseCatalogue(text, 'catalogue.json'));
    expect(error.message).toMatch(message);
    expect(errorOf(() => loadCatalogue(file)).message).toContain(file);
  });

  it('gives the line and column of invalid JSON', () => {
    const text = '{\n  "publications": [\n    {"id": "a",}\n  ]\n}\n';
    expect(errorOf(() => parseCatalogue(text, 'catalogue.json')).message).toMatch(/^catalogue\.json: not valid JSON at line 3, column 16: /);
  });

  it('names a file it cannot read', () => {
    expect(errorOf(() => loadCatalogue(join(dir, 'missing.json'))).message).toMatch(/missing\.json: cannot read the catalogue \(ENOENT/);
  });
});

describe('saveCatalogue', () => {
  it('writes the canonical text, leaving no temporary file', () => {
    const file = join(dir, 'saved.json');
    const publications = loadCatalogue();
    saveCatalogue(file, publications);
    expect(readFileSync(file, 'utf8')).toBe(committedText);
    expect(committedText.endsWith('}\n')).toBe(true);
    expect(loadCatalogue(file)).toEqual(publications);
  });
});
