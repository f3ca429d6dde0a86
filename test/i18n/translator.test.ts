import { describe, expect, it } from 'vitest';
import { localeFromEnvironment, parseLocale } from '../../src/i18n/locales.js';
import { queryLanguage } from '../../src/i18n/query-language.js';
import { capitalise, fillPlaceholders, translator } from '../../src/i18n/translator.js';

describe('translator', () => {
  it('fills placeholders and chooses plural forms by count with Intl.PluralRules', () => {
    expect(translator('en')('results.count', { count: 1 })).toBe('1 result');
    expect(translator('en')('results.count', { count: 0 })).toBe('0 results');
    // French counts 0 and 1 as singular.
    expect(translator('fr')('results.count', { count: 0 })).toBe('0 résultat');
    expect(translator('fr')('results.count', { count: 1200 })).toBe('1\u202f200 résultats');
    expect(translator('es')('results.count', { count: 1 })).toBe('1 resultado');
    expect(translator('es')('results.range', { first: 1, last: 5, total: 12 })).toBe('Resultados 1–5 de 12');
  });

  it('formats money, dates, lists, languages and countries as each language writes them', () => {
    const [en, fr, es] = [translator('en'), translator('fr'), translator('es')];
    expect(en.money(123456, 'CHF')).toBe('CHF\u00a01,234.56');
    expect(fr.money(123456, 'EUR')).toBe('1\u202f234,56\u00a0EUR');
    expect(es.money(4500, 'USD')).toBe('45,00\u00a0USD');
    const date = new Date('2026-03-04T23:30:00Z');
    expect([en.date(date), fr.date(date), es.date(date)]).toEqual(['Mar 4, 2026', '4 mars 2026', '4 mar 2026']);
    expect(fr.list(['français', 'espagnol'], 'disjunction')).toBe('français ou espagnol');
    expect([en.language('hy'), fr.language('en'), es.language('fr')]).toEqual(['Armenian', 'anglais', 'francés']);
    expect([en.country('CI'), fr.country('CH'), es.country('DE')]).toEqual(["Côte d'Ivoire", 'Suisse', 'Alemania']);
    expect(capitalise('français', 'fr')).toBe('Français');
  });

  it('refuses a missing parameter rather than showing a placeholder', () => {
    expect(() => translator('en')('results.range', { first: 1 })).toThrow(/\{last\}/);
    expect(fillPlaceholders('{a} and {b}', { a: 'x', b: 2 }, String)).toBe('x and 2');
  });
});

describe('locales', () => {
  it('reads Slack, shell and plain locale tags', () => {
    expect(['fr-FR', 'es_ES.UTF-8', 'EN', 'en-US', 'de-DE', 'C', '', undefined].map(parseLocale)).toEqual(['fr', 'es', 'en', 'en', undefined, undefined, undefined, undefined]);
    expect(localeFromEnvironment({ LANG: 'es_MX.UTF-8' })).toBe('es');
    expect(localeFromEnvironment({ LC_ALL: 'fr_FR.UTF-8', LANG: 'es_MX.UTF-8' })).toBe('fr');
    expect(localeFromEnvironment({ LC_ALL: '', LANG: 'C.UTF-8' })).toBeUndefined();
  });
});

describe('queryLanguage', () => {
  it.each([
    ['¿Tienen algo sobre trata de personas?', 'es'],
    ['busco manuales para la reintegración de migrantes', 'es'],
    ['Avez-vous des guides sur la réintégration ?', 'fr'],
    ['je cherche des modules de formation sur la traite', 'fr'],
    ['do we have anything on reintegration?', 'en'],
    ['all titles in Spanish', 'en'],
  ])('reads %j as %s', (text, locale) => {
    expect(queryLanguage(text)).toBe(locale);
  });

  it.each(['trafficking in French', 'réintégration', 'trata de personas', 'GBV 2019', 'psychosocial support en español', 'lang:fr'])(
    'cannot tell from %j',
    (text) => {
      expect(queryLanguage(text)).toBeUndefined();
    },
  );
});
