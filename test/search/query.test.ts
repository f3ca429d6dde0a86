import { describe, expect, it } from 'vitest';
import { understandQuery } from '../../src/search/query.js';

const words = (q: string): string[] => understandQuery(q).concepts.map((c) => c.word);

describe('language filters', () => {
  it.each([
    ['trafficking in French', ['fr']],
    ['guía en español', ['es']],
    ['toolkit in spanish', ['es']],
    ['agenda lang:fr', ['fr']],
    ['handbook language:arabic', ['ar']],
    ['arabic edition', ['ar']],
    ['version française', ['fr']],
    ['in French or Spanish', ['fr', 'es']],
  ])('%s', (query, languages) => {
    expect(understandQuery(query).filters.languages).toEqual(languages);
  });
  it('reads lists in a lang: filter and reports values that name no language instead of searching them', () => {
    expect(understandQuery('lang:fr,es').filters.languages).toEqual(['fr', 'es']);
    expect(understandQuery('lang:fr/arabic guide').filters.languages).toEqual(['fr', 'ar']);
    const unknown = understandQuery('lang:xx,fr trafficking');
    expect(unknown.filters.languages).toEqual(['fr']);
    expect(unknown.unknownLanguages).toEqual(['xx']);
    expect(unknown.concepts.map((c) => c.word)).toEqual(['trafficking']);
  });
  it('asks for each language named when the query says both', () => {
    expect(understandQuery('in both English and Spanish').filters).toEqual({ languages: ['en', 'es'], everyLanguage: true });
    expect(understandQuery('en francés y árabe, ambas').filters).toEqual({ languages: ['fr', 'ar'], everyLanguage: true });
    expect(understandQuery('in English or Spanish').filters).toEqual({ languages: ['en', 'es'] });
  });
  it('does not read a country as a language', () => {
    expect(understandQuery('returnees in Armenia').filters).toEqual({});
  });
});

describe('year filters', () => {
  it.each([
    ['gbv from 2020', { yearFrom: 2020, yearTo: 2020 }],
    ['publications from 2018', { yearFrom: 2018, yearTo: 2018 }],
    ['the GBV stuff from 2020', { yearFrom: 2020, yearTo: 2020 }],
    ['from 2019 onwards', { yearFrom: 2019 }],
    ['from 2018 to 2019', { yearFrom: 2018, yearTo: 2019 }],
    ['manuels publiés depuis 2019', { yearFrom: 2019 }],
    ['guías a partir de 2019', { yearFrom: 2019 }],
    ['guides à partir de 2019', { yearFrom: 2019 }],
    ['publicaciones de 2020', { yearFrom: 2020, yearTo: 2020 }],
    ['manuels de 2018', { yearFrom: 2018, yearTo: 2018 }],
    ['antes de 2019', { yearTo: 2018 }],
    ['entre 2018 y 2019', { yearFrom: 2018, yearTo: 2019 }],
    ['since 2019', { yearFrom: 2019 }],
    ['after 2018', { yearFrom: 2019 }],
    ['before 2020', { yearTo: 2019 }],
    ['trafficking 2018-2019', { yearFrom: 2018, yearTo: 2019 }],
    ['between 2019 and 2018', { yearFrom: 2018, yearTo: 2019 }],
    ['published in 2019', { yearFrom: 2019, yearTo: 2019 }],
    ['guías publicadas en 2018', { yearFrom: 2018, yearTo: 2018 }],
    ['list 2019', { yearFrom: 2019, yearTo: 2019 }],
    ['2019 or later', { yearFrom: 2019 }],
    ['2019 onwards', { yearFrom: 2019 }],
    ['2019 en adelante', { yearFrom: 2019 }],
    ['pre-2019', { yearTo: 2018 }],
    ['post 2018', { yearFrom: 2019 }],
    ['2019 or earlier', { yearTo: 2019 }],
    ['up to 2019', { yearTo: 2019 }],
    ['before 2019', { yearTo: 2018 }],
    ['later than 2018', { yearFrom: 2019 }],
    ['law enforcement Nigeria 2020', { yearFrom: 2020, yearTo: 2020 }],
  ])('%s', (query, filters) => {
    expect(understandQuery(query).filters).toEqual(filters);
  });
  it('reads years said relative to today', () => {
    const now = new Date().getFullYear();
    expect(understandQuery('anything from this year?').filters).toEqual({ yearFrom: now, yearTo: now });
    expect(understandQuery('GBV manuals published last year').filters).toEqual({ yearFrom: now - 1, yearTo: now - 1 });
    expect(understandQuery('trafficking in the last 3 years').filters).toEqual({ yearFrom: now - 2, yearTo: now });
    expect(understandQuery('publicaciones de los últimos dos años').filters).toEqual({ yearFrom: now - 1, yearTo: now });
    expect(understandQuery("guides de l'année dernière").filters).toEqual({ yearFrom: now - 1, yearTo: now - 1 });
    expect(understandQuery('manuels des trois dernières années').filters).toEqual({});
    expect(understandQuery('manuels sur les trois dernières années').filters).toEqual({ yearFrom: now - 2, yearTo: now });
    expect(understandQuery('year of the migrant').filters).toEqual({});
  });
  it('searches a year that stands next to other words', () => {
    expect(understandQuery('migration and the 2030 agenda').filters).toEqual({});
    expect(words('migration and the 2030 agenda')).toEqual(['migration', '2030', 'agenda']);
  });
  it('searches a number that is not a plausible publication year, even alone', () => {
    expect(understandQuery('2030').filters).toEqual({});
    expect(words('2030')).toEqual(['2030']);
    expect(understandQuery('1951 convention').filters).toEqual({});
  });
});

describe('question wording', () => {
  it.each([
    ['do we have anything on trafficking?', ['trafficking']],
    ['is there a manual about referral', ['manual', 'referral']],
    ['I need a guide for reintegration', ['guide', 'reintegration']],
    ['¿tienen algo sobre salud mental?', ['salud', 'mental']],
    ['send me the ECOWAS guidelines', ['ecowas', 'guidelines']],
    ['how many pages is the MHPSS manual', ['mhpss', 'manual']],
    ['price of the reintegration handbook please', ['reintegration', 'handbook']],
    ['¿cuánto cuesta una copia de la guía?', ['guia']],
    ['combien coûte le manuel, merci', ['manuel']],
  ])('%s', (query, expected) => {
    expect(words(query)).toEqual(expected);
  });
  it('marks document-type words as weak only beside content words', () => {
    expect(understandQuery('referral manual').concepts.map((c) => c.weak)).toEqual([false, true]);
    expect(understandQuery('toolkit').concepts.map((c) => c.weak)).toEqual([false]);
  });
});

describe('words that ask for nothing', () => {
  it.each([
    ['good manual on psychosocial support', ['manual', 'psychosocial', 'support']],
    ['best guide on reintegration for my team', ['guide', 'reintegration']],
    ['any useful material for our office on GBV?', ['gbv']],
    ['una buena guía sobre trata para mi equipo', ['guia', 'trata']],
    ['un bon manuel pour mon équipe sur la traite', ['manuel', 'traite']],
    ['manuels publiés depuis 2019', ['manuels']],
  ])('%s', (query, expected) => {
    expect(words(query)).toEqual(expected);
  });
});

describe('recency', () => {
  it.each(['latest guide on GBV', 'most recent trafficking manuals', 'lo más reciente sobre trata', 'les dernières publications', 'nouveautés', 'newest'])(
    '%s',
    (query) => {
      expect(understandQuery(query).sort).toBe('newest');
    },
  );
  it('alone, lists the newest titles; with a topic, ranks its titles newest first', () => {
    expect(understandQuery('most recent publications')).toMatchObject({ sort: 'newest', filterOnly: true, concepts: [] });
    expect(understandQuery('latest guide on GBV')).toMatchObject({ sort: 'newest', filterOnly: false });
    expect(understandQuery('trafficking').sort).toBeUndefined();
  });
});

describe('ISBNs', () => {
  it.each([
    ['ISBN 978-92-9068-811-2', '9789290688112'],
    ['9789290687849', '9789290687849'],
    ['e-isbn 978-92-9068-838-9', '9789290688389'],
    ['eISBN: 978 92 9068 838 9', '9789290688389'],
    ['ISBN-10 0-306-40615-2', '9780306406157'],
  ])('%s', (query, digits) => {
    const parsed = understandQuery(query);
    expect(parsed.isbns).toEqual([digits]);
    expect(parsed.concepts).toEqual([]);
    expect(parsed.filters).toEqual({});
  });
  it('leaves other numbers alone', () => {
    expect(understandQuery('call 0041227179111').isbns).toEqual([]);
    expect(understandQuery('ISBN 0-306-40615-3').isbns).toEqual([]);
    expect(understandQuery('2018-2019').isbns).toEqual([]);
  });
});

describe('filter-only queries', () => {
  it.each(['all titles in Spanish', 'what came out in 2019', 'list 2019', 'français', 'guidance published in 2019'])('%s', (query) => {
    expect(understandQuery(query).filterOnly).toBe(true);
  });
  it('is filter-only when the other words only phrase the request', () => {
    expect(understandQuery('do you have stuff in armenian?')).toMatchObject({ filterOnly: true, filters: { languages: ['hy'] } });
  });
  it('is not filter-only with content words', () => {
    expect(understandQuery('trafficking in Spanish').filterOnly).toBe(false);
    expect(understandQuery('hello').filterOnly).toBe(false);
  });
});

describe('acronyms', () => {
  it('expands the field’s and the catalogue’s acronyms', () => {
    const q = understandQuery('GBV and MHPSS, A.MI.CO.');
    expect(q.expansions.map((e) => e.acronym)).toEqual(['GBV', 'MHPSS', 'AMICO']);
    expect(q.concepts[0]?.expansion).toEqual(['gender', 'based', 'violence']);
  });
  it('expands a common word only when written as an acronym, and then searches only the expansion', () => {
    expect(understandQuery('safe migration tip').expansions).toEqual([]);
    const tip = understandQuery('TiP').concepts[0];
    expect(tip).toMatchObject({ word: 'tip', searchWord: false, expansion: ['trafficking', 'persons'] });
  });
  it('expands IOM acronyms, including those written with an ampersand', () => {
    expect(understandQuery('M&E framework').expansions).toEqual([{ acronym: 'M&E', expansion: 'monitoring and evaluation' }]);
    for (const acronym of ['SGBV', 'AVR', 'CT', 'PSEA', 'VdT']) expect(understandQuery(acronym).expansions, acronym).toHaveLength(1);
    expect(understandQuery('ct scan').expansions).toEqual([]);
  });
  it('marks generic words', () => {
    expect(understandQuery('psychosocial support').concepts.map((c) => c.generic)).toEqual([false, true]);
  });
  it('gives Spanish and French words of the field their English equivalents, in any of their forms', () => {
    expect(understandQuery('trata de personas').concepts.map((c) => c.synonyms)).toEqual([['trafficking'], ['persons']]);
    expect(understandQuery('retornadas').concepts[0]?.synonyms).toEqual(['return', 'returnees']);
  });
  it('reads OIM as IOM, a name that only ranks', () => {
    expect(understandQuery('OIM manual de reintegración').concepts[0]).toMatchObject({ word: 'oim', synonyms: ['iom'], weak: true });
    expect(understandQuery('what did IOM publish in 2019?')).toMatchObject({ filterOnly: true, filters: { yearFrom: 2019, yearTo: 2019 } });
  });
});
