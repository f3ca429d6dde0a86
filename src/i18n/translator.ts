/**
 * Translators: a function per language that turns a message key and its parameters into text, with the
 * number, money, date, list, language and country formats of that language (all from `Intl`).
 *
 *   const t = translator('fr');
 *   t('results.count', { count: 3 })        // "3 résultats"
 *   t.money(4500, 'CHF')                    // "45,00 CHF"
 *   t.language('es')                        // "espagnol"
 */
import { languageName } from '../catalogue/languages.js';
import type { Currency } from '../catalogue/schema.js';
import { countryName } from '../orders/countries.js';
import type { Message } from './message-types.js';
import type { Locale } from './locales.js';
import { en, type MessageKey, type Messages } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

/** Every catalogue by language. */
export const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, fr, es };

/** A message's parameters: numbers are formatted for the language (pass years and ids as strings). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The text of a message in one language, with the formats of that language. */
export interface Translator {
  /** The message `key` with its `{placeholders}` filled in; plural messages choose their form by `count`. */
  (key: MessageKey, params?: MessageParams): string;
  readonly locale: Locale;
  /** A number with the language's digit grouping ("1 234" in French). */
  number(n: number): string;
  /** An amount in minor units with its currency code ("CHF 1,234.50", "1 234,50 CHF"). */
  money(minor: number, currency: Currency): string;
  /** A calendar date (as of UTC), e.g. "Mar 4, 2026", "4 mars 2026". */
  date(date: Date): string;
  /** "a, b and c" (conjunction) or "a, b or c" (disjunction), as the language writes it. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A language's name in this language, as it reads inside a sentence ("French", "français"). */
  language(code: string): string;
  /** A country's name in this language, from its ISO 3166-1 alpha-2 code. */
  country(code: string): string;
}

/** Fills `{name}` placeholders; a placeholder without a parameter is a programming error and throws. */
export function fillPlaceholders(template: string, params: MessageParams, formatNumber: (n: number) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing message parameter {${name}}`);
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The text of `message` for `params`: its plural form for `params.count` where it has forms. */
function messageText(message: Message, params: MessageParams, plurals: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const count = params.count;
  if (typeof count !== 'number') throw new Error('a plural message needs a numeric {count}');
  const category = plurals.select(count);
  return (category === 'one' ? message.one : category === 'many' ? message.many : undefined) ?? message.other;
}

/** "10:42": the UTC time of `date`, hours and minutes, as every language here writes it. */
export function utcClockTime(date: Date): string {
  return date.toISOString().slice(11, 16);
}

/** The first letter of `text` in upper case, as the language writes it ("français" → "Français"). */
export function capitalise(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function createTranslator(locale: Locale): Translator {
  const messages = CATALOGUES[locale];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moneyFormats = new Map<Currency, Intl.NumberFormat>();
  const lists = {
    conjunction: new Intl.ListFormat(locale, { type: 'conjunction' }),
    disjunction: new Intl.ListFormat(locale, { type: 'disjunction' }),
  };
  const languages = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' });
  const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
  const formatNumber = (n: number) => numbers.format(n);

  const t = ((key: MessageKey, params: MessageParams = {}) => fillPlaceholders(messageText(messages[key], params, plurals), params, formatNumber)) as Translator;
  return Object.assign(t, {
    locale,
    number: formatNumber,
    money(minor: number, currency: Currency) {
      let format = moneyFormats.get(currency);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' });
        moneyFormats.set(currency, format);
      }
      return format.format(minor / 100);
    },
    date: (date: Date) => dates.format(date),
    list: (items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction') => lists[type].format(items),
    // English names are the catalogue's own (as search reads them); the others come from Intl.
    language: (code: string) => (locale === 'en' ? languageName(code) : (languages.of(code) ?? languageName(code))),
    country: (code: string) => (locale === 'en' ? countryName(code) : (regions.of(code) ?? countryName(code))),
  });
}

const translators = new Map<Locale, Translator>();

/** The translator for `locale` (made once per language). */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (t === undefined) {
    t = createTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}
