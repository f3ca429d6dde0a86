/**
 * The languages the bot answers in (English, French and Spanish, IOM's working languages), and how a
 * locale written by Slack (`fr-FR`), a shell (`fr_FR.UTF-8`) or a person (`fr`) is read as one of them.
 */

/** The bot's languages, as ISO 639-1 codes. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of a person whose language is not known, and of the orders channel unless ORDERS_LANGUAGE says otherwise. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language by its own name, as a person looks for it in a list ("Français"). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français', es: 'Español' };

/** Whether `value` is one of the bot's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The bot's language a locale tag names: `fr-FR`, `fr_CA.UTF-8`, `ES`, `en` → fr, fr, es, en; undefined for
 * anything else (`de-DE`, `C`, `POSIX`, empty).
 */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
  const language = /^([a-z]{2,3})(?:[-_.@]|$)/i.exec(tag?.trim() ?? '')?.[1]?.toLowerCase();
  return isLocale(language) ? language : undefined;
}

/** The language of a process's environment, as POSIX reads it: LC_ALL, then LC_MESSAGES, then LANG (the first one set). */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale | undefined {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return parseLocale(tag);
}
