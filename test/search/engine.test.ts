import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { createSearchEngine, passesFilters } from '../../src/search/engine.js';

const publications = loadCatalogue();
const engine = createSearchEngine(publications);
const ids = (query: string): string[] => engine.search(query, { limit: 50 }).hits.map((h) => h.publication.id);

describe('createSearchEngine', () => {
  it('finds titles through accents, stems and typos, and reports the corrections', () => {
    expect(ids('atencion psicosocial')[0]).toBe('guia-atencion-psicosocial-personas-migrantes');
    const typo = engine.search('trafiking');
    expect(typo.query.corrections).toEqual([{ from: 'trafiking', to: 'trafficking' }]);
    expect(typo.hits.length).toBeGreaterThan(0);
    expect(typo.hits.every((h) => h.matchedTerms.includes('trafficking'))).toBe(true);
  });

  it('says which words of the publication matched, as written', () => {
    const [hit] = engine.search('atención psicosocial').hits;
    expect(hit?.matchedTerms).toEqual(expect.arrayContaining(['atención', 'psicosocial']));
    const [gbv] = engine.search('GBV').hits;
    expect(gbv?.matchedTerms).toEqual(expect.arrayContaining(['gbv', 'gender', 'violence']));
  });

  it('applies language and year filters to every hit', () => {
    const response = engine.search('migration in Spanish since 2019', { limit: 50 });
    expect(response.query.filters).toEqual({ languages: ['es'], yearFrom: 2019 });
    expect(response.hits.length).toBeGreaterThan(0);
    for (const h of response.hits) expect(passesFilters(h.publication, response.query.filters)).toBe(true);
  });

  it('lists every title of a filter-only query, newest first', () => {
    const response = engine.search('all titles in Spanish', { limit: 50 });
    const expected = publications.filter((p) => p.languages.includes('es'));
    expect(response.query.filterOnly).toBe(true);
    expect(response.total).toBe(expected.length);
    const years = response.hits.map((h) => h.publication.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('pages with limit and offset and counts every hit', () => {
    const all = ids('migrants');
    const page = engine.search('migrants', { limit: 3, offset: 3 });
    expect(page.total).toBe(all.length);
    expect(page.hits.map((h) => h.publication.id)).toEqual(all.slice(3, 6));
  });

  it('finds nothing for unrelated questions', () => {
    for (const q of ['weather in Geneva tomorrow', 'how do I reset my password', 'best pizza near the office', 'do we have anything?', '']) {
      expect(engine.search(q).hits, q).toEqual([]);
    }
  });

  it('leaves out a word no title contains when the rest of the query is found, and says so', () => {
    const response = engine.search('psychosocial kids');
    expect(response.hits[0]?.publication.id).toBe('manual-community-based-mental-health');
    expect(response.query.unmatchedWords).toEqual(['kids']);
    expect(engine.search('psychosocial support').query.unmatchedWords).toBeUndefined();
    // Mostly unknown words, or only a far correction beside them, still find nothing.
    expect(engine.search('best pizza near the office').hits).toEqual([]);
    expect(engine.search('quantum computing').hits).toEqual([]);
  });

  it('finds nothing for generic words alone, and ranks with them beside a specific word', () => {
    for (const q of ['help', 'IT support', 'information', 'support in Spanish']) expect(engine.search(q).hits, q).toEqual([]);
    expect(ids('psychosocial support')[0]).toBe('manual-community-based-mental-health');
  });

  it('reports unknown languages of a lang: filter and searches the rest', () => {
    const response = engine.search('lang:xx trafficking');
    expect(response.query.unknownLanguages).toEqual(['xx']);
    expect(response.query.corrections).toEqual([]);
    expect(response.hits.length).toBeGreaterThan(0);
  });

  it('lists titles in all of several languages asked for first', () => {
    const response = engine.search('titles available in English and French', { limit: 50 });
    const inBoth = (h: (typeof response.hits)[number]): boolean => ['en', 'fr'].every((code) => h.publication.languages.includes(code));
    const both = response.hits.filter(inBoth).length;
    expect(both).toBeGreaterThan(0);
    expect(response.hits.slice(0, both).every(inBoth)).toBe(true);
    expect(response.total).toBe(publications.filter((p) => p.languages.includes('en') || p.languages.includes('fr')).length);
  });

  it('answers a near miss with suggestions instead of hits', () => {
    const partial = engine.search('psychosocial ecowas');
    expect(partial.hits).toEqual([]);
    expect(partial.suggestions).toContain('Manual on Community-Based Mental Health and Psychosocial Support in Emergencies and Displacement');
    const farTypo = engine.search('reintegrashun handbook');
    expect(farTypo.hits).toEqual([]);
    expect(farTypo.suggestions[0]).toBe('reintegration handbook');
    const filteredOut = engine.search('reintegration handbook in Italian');
    expect(filteredOut.hits).toEqual([]);
    expect(filteredOut.suggestions[0]).toMatch(/^Reintegration Handbook/);
  });

  it('gets a publication by id and exposes the catalogue', () => {
    expect(engine.get('reintegration-handbook')?.year).toBe(2019);
    expect(engine.get('nope')).toBeUndefined();
    expect(engine.publications).toBe(publications);
  });

  it('stems each publication in its own language', () => {
    const french: Publication = { ...publications[0]!, id: 'french-only', title: 'Le trait', summary: [{ kind: 'paragraph', text: 'traite des personnes' }], summaryLanguage: 'fr', keywords: [] };
    const english: Publication = { ...publications[0]!, id: 'english-only', title: 'A trait', summary: [{ kind: 'paragraph', text: 'a character trait' }], summaryLanguage: 'en', keywords: [] };
    const small = createSearchEngine([french, english]);
    expect(small.search('traite des personnes').hits.map((h) => h.publication.id)).toEqual(['french-only']);
  });
});

describe('everyday questions', () => {
  it('finds the clear topical match however the request is phrased', () => {
    expect(ids('good manual on psychosocial support')[0]).toBe('manual-community-based-mental-health');
    expect(['reintegration-handbook', 'guide-reintegration-returnees-armenia']).toContain(ids('best guide on reintegration')[0]);
    expect(ids('field guide on trafficking').length).toBeGreaterThan(0);
    expect(ids('could you send our office the handbook on protection of vulnerable migrants')[0]).toBe('iom-handbook-protection-assistance-migrants');
  });

  it('never corrects an everyday word into a rare catalogue word, and leaves unknown words out', () => {
    const gbv = engine.search('is there anything here on GBV?');
    expect(gbv.query.corrections).toEqual([]);
    expect(gbv.query.unmatchedWords).toBeUndefined();
    expect(gbv.hits.length).toBeGreaterThan(0);
    const team = engine.search('psychosocial support for my colleagues in Kyrgyzstan');
    expect(team.query.unmatchedWords).toEqual(['kyrgyzstan']);
    expect(team.hits[0]?.publication.id).toBe('manual-community-based-mental-health');
  });

  it('reads "from 2018" as that year', () => {
    const response = engine.search('publications from 2018', { limit: 50 });
    expect(response.query).toMatchObject({ filters: { yearFrom: 2018, yearTo: 2018 }, filterOnly: true });
    expect(response.hits.every((h) => h.publication.year === 2018)).toBe(true);
    expect(ids('the GBV stuff from 2020')[0]).toBe('community-engagement-preventing-responding');
  });

  it('ranks newest first when asked for recent titles, and alone lists the newest', () => {
    const latest = engine.search('newest trafficking manuals', { limit: 50 });
    expect(latest.query.sort).toBe('newest');
    expect(latest.hits[0]?.publication.year).toBe(2020);
    const alone = engine.search('most recent publications', { limit: 50 });
    expect(alone.total).toBe(publications.length);
    const years = alone.hits.map((h) => h.publication.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('finds a title by ISBN or E-ISBN in any common form, saying which edition it is', () => {
    for (const isbn of ['ISBN 978-92-9068-811-2', '9789290688112', 'isbn 978 92 9068 811 2', 'ISBN-10 92-9068-811-4']) {
      const response = engine.search(isbn);
      expect(response.hits.map((h) => h.publication.id), isbn).toEqual(['reintegration-handbook']);
      expect(response.query.identifiers, isbn).toEqual([{ isbn: '978-92-9068-811-2', edition: 'print' }]);
    }
    expect(engine.search('e-isbn 978-92-9068-838-9').query.identifiers).toEqual([{ isbn: '978-92-9068-838-9', edition: 'electronic' }]);
    expect(engine.search('9789290687849').query.identifiers).toEqual([{ isbn: '978-92-9068-784-9', edition: 'print', language: 'en' }]);
    expect(ids('978-9968-542-71-5').sort()).toEqual(['guia-atencion-psicosocial-personas-migrantes', 'migration-2030-agenda']);
    const unknown = engine.search('ISBN 978-0-00-000000-2');
    expect(unknown.hits).toEqual([]);
    expect(unknown.query.identifiers).toEqual([{ isbn: '9780000000002' }]);
  });

  it('joins words the catalogue writes as one, corrects to glossary words, and lets words of the field carry a query', () => {
    expect(ids('municipalities socio economic inclusion')[0]).toBe('building-capacity-municipalities-socioeconomic');
    const glossary = engine.search('entreprenariat des migrants');
    expect(glossary.query.corrections).toEqual([{ from: 'entreprenariat', to: 'entrepreneuriat' }]);
    expect(glossary.hits[0]?.publication.id).toBe('doing-business');
    // "migrantes" is in most titles: the one title saying "ventanillas" is found though it says "migración".
    expect(ids('ventanillas para migrantes')).toEqual(['ventanillas-informativas-migracion']);
    // An everyday word beside a word of the field only ranks: every trafficking title is found, police ones first.
    const police = engine.search('police training on trafficking', { limit: 50 });
    expect(police.hits.length).toBeGreaterThanOrEqual(5);
    expect(police.hits[0]?.matchedTerms).toEqual(expect.arrayContaining(['police']));
  });

  it('reads OIM as IOM', () => {
    expect(ids('OIM manual de reintegración')[0]).toBe('reintegration-handbook');
  });
});
