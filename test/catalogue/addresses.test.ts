import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAddresses, matchesShortTitle, parseAddressTable } from '../../src/catalogue/addresses.js';
import { importCatalogue } from '../../src/catalogue/importer.js';
import { ImportError } from '../../src/catalogue/listing.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/catalogue/${name}`, import.meta.url), 'utf8');

describe('matchesShortTitle', () => {
  it.each([
    ['Reintegration Handbook', 'Reintegration Handbook - Practical guidance on the design, implementation and monitoring of reintegration assistance'],
    ['Building the Capacity of Municipalities … Vulnerable Migrants', 'Building the Capacity of Municipalities in Socioeconomic Inclusion of Vulnerable Migrants'],
    ['Community Engagement in Preventing and Responding to GBV and TiP', 'Community Engagement in Preventing and Responding to Gender-based Violence and Trafficking in Persons (Training Guide)'],
    ['IOM Handbook on Protection and Assistance to Migrants Vulnerable to VEA', 'IOM Handbook on Protection and Assistance to Migrants Vulnerable to Violence, Exploitation and Abuse'],
    ['Training of Trainers Manual (Scalabrinians)', 'Training of Trainers Manual: International Organization for Migration and the Congregation of the Missionary Sisters of St Charles Borromeo (Scalabrinians)'],
    ['guia para la atencion', 'Guía para la Atención Psicosocial a Personas Migrantes en Mesoamérica'],
  ])('"%s" stands for "%s"', (short, title) => {
    expect(matchesShortTitle(short, title)).toBe(true);
  });

  it.each([
    ['Reintegration Handbook', 'Guide for Reintegration of Returnees in Armenia'],
    ['Handbook Reintegration', 'Reintegration Handbook - Practical guidance'],
    ['Vulnerable Migrants … Building the Capacity', 'Building the Capacity of Municipalities in Socioeconomic Inclusion of Vulnerable Migrants'],
    ['GBV in Crises', 'Institutional Framework for Addressing Trafficking in Crises'],
    ['…', 'Any Title'],
  ])('"%s" does not stand for "%s"', (short, title) => {
    expect(matchesShortTitle(short, title)).toBe(false);
  });
});

describe('applyAddresses', () => {
  const { publications } = importCatalogue([], fixture('quirks.txt'));
  const result = applyAddresses(publications, parseAddressTable(fixture('addresses.md')));
  const urlsOf = (titleStart: string) => result.publications.find((p) => p.title.startsWith(titleStart))?.urls;

  it('records seen addresses on the one entry each short title matches', () => {
    expect(urlsOf('A Very Long Handbook')).toEqual({ it: 'https://example.org/books/long-handbook-it' });
    expect(urlsOf('Manuel de terrain')).toEqual({ fr: 'https://example.org/fr/books/manuel-de-terrain' });
  });

  it('records the page of a single-language title in another site language under that language, with a warning', () => {
    expect(urlsOf('A Title With No Summary')).toEqual({ en: 'https://example.org/fr/books/no-summary' });
  });

  it('skips, with a warning on the row, what it cannot place', () => {
    expect(urlsOf('Guía de campo')).toEqual({});
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
      [9, expect.stringMatching(/"Title" matches 2 titles \(.*\); row skipped/)],
      [10, '"A Title Nobody Listed" matches no title in the catalogue; row skipped'],
      [11, 'the address is marked "guessed from the slug pattern", not "seen"; row skipped'],
      [12, '"xx" is not a known ISO 639-1 language code; row skipped'],
      [7, expect.stringContaining('is listed only in English; its fr page is recorded as the address of the en edition')],
      [8, expect.stringContaining('is not listed in French (only Spanish, English), and the page cannot be tied to one edition; row skipped')],
    ]);
  });

  it('does not put another site language page over an address already recorded for the edition', () => {
    const withEnglish = result.publications.map((p) => (p.title === 'A Title With No Summary' ? { ...p, urls: { en: 'https://example.org/books/no-summary' } } : p));
    const again = applyAddresses(withEnglish, parseAddressTable(fixture('addresses.md')));
    expect(again.publications.find((p) => p.title === 'A Title With No Summary')?.urls).toEqual({ en: 'https://example.org/books/no-summary' });
    expect(again.warnings).toContainEqual(
      expect.objectContaining({ line: 7, code: 'address-edition-taken', message: expect.stringContaining('its fr page is not recorded, since an en address is already recorded') }),
    );
  });

  it('records every row of the real table, the two foreign-language pages of English-only titles under en', () => {
    const real = importCatalogue([], fixture('handbooks-and-manuals.txt'), fixture('known-urls.md'));
    const urls = Object.fromEntries(real.publications.map((p) => [p.id, p.urls]));
    expect(real.publications.flatMap((p) => Object.values(p.urls))).toHaveLength(15);
    expect(urls['reintegration-handbook']).toEqual({
      en: 'https://reintegrationhb.iom.int',
      fr: 'https://publications.iom.int/books/manual-sur-la-reintegration-orientations-pratiques-sur-la-conception-la-mise-en-oeuvre-et-le',
    });
    expect(urls['migration-2030-agenda']).toMatchObject({ en: expect.any(String), fr: expect.any(String), es: expect.any(String) });
    expect(urls['iom-guidance-response-planning-migrants']).toEqual({ en: 'https://publications.iom.int/fr/books/iom-guidance-response-planning' });
    expect(urls['community-engagement-preventing-responding']).toEqual({ en: expect.stringContaining('community-engagement-preventing') });
    expect(urls['doing-business']).toEqual({});
    expect(real.warnings.addresses.map((w) => w.line)).toEqual([17, 24]);
  });
});

describe('parseAddressTable', () => {
  it('refuses a row without four columns, naming its line', () => {
    const table = '| title | language | address | how sure |\n|---|---|---|---|\n| A Title | en | https://example.org |\n';
    expect(() => parseAddressTable(table)).toThrow(new ImportError('address table', 3, { code: 'address-columns', params: { count: 3 } }));
  });

  it('refuses a file with no table', () => {
    expect(() => parseAddressTable('# Addresses\n\nnone yet\n')).toThrow(/line 1: no address table found/);
  });
});
