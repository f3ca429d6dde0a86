/**
 * Which language to answer a person in. In order: the language they chose on App Home (kept in the
 * language preferences), then the language of what they asked (a French question gets a French answer; a
 * button carries the language of the answer it is on), then their Slack locale (`users.info` with
 * `include_locale`), then English.
 *
 * Before each request a listener handles, the router looks the person's language up (lookUpUserLanguage)
 * and leaves it in Bolt's context; listeners read it with `translatorFor(context, hint)`. The Slack locale
 * is remembered for an hour (users.info is rate-limited), a failed look-up for a minute. The choice is read
 * from the preferences on every request, not remembered: with several replicas it may have been changed on
 * another one, and reading it is one primary-key query (cheap beside the request's Slack round trip), so a
 * choice holds everywhere from the next request on.
 */
import type { webApi } from '@slack/bolt';
import { DEFAULT_LOCALE, parseLocale, type Locale } from '../i18n/locales.js';
import { translator, type Translator } from '../i18n/translator.js';
import type { LanguagePreferences } from '../preferences/language-preferences.js';

/** What is known of a person's language. */
export interface UserLanguage {
  /** Chosen on App Home; wins over everything else. */
  chosen?: Locale;
  /** Their Slack locale, when it is one of the bot's languages. */
  slack?: Locale;
}

/** How long a person's Slack locale is remembered, and a failed look-up. */
const REMEMBER_MS = 60 * 60 * 1000;
const REMEMBER_FAILURE_MS = 60 * 1000;
/** People remembered at most; past it the oldest is forgotten. */
const CAPACITY = 10_000;
/** Longest wait for users.info: the person's request must still be answered within Slack's 3 s. */
const LOOKUP_TIMEOUT_MS = 1_000;

/** The people's languages: their choice read from the preferences, their Slack locale looked up and remembered for a while. */
export class UserLanguages {
  readonly #slackLocales = new Map<string, { slack: Locale | undefined; until: number }>();

  constructor(
    private readonly preferences: LanguagePreferences | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** What is known of `userId`'s language; asks the preferences, and Slack (through `client`) when their locale is not remembered. */
  async of(client: webApi.WebClient, userId: string): Promise<UserLanguage> {
    const [chosen, slack] = await Promise.all([this.preferences?.get(userId).catch(() => undefined), this.#slackLocale(client, userId)]);
    return { ...(chosen ? { chosen } : {}), ...(slack ? { slack } : {}) };
  }

  /** Keeps `locale` as `userId`'s choice (undefined: Automatic again). */
  async choose(userId: string, locale: Locale | undefined): Promise<void> {
    await this.preferences?.set(userId, locale);
  }

  async #slackLocale(client: webApi.WebClient, userId: string): Promise<Locale | undefined> {
    const known = this.#slackLocales.get(userId);
    if (known && known.until > this.now()) return known.slack;
    const slack = await slackLocale(client, userId);
    this.#slackLocales.delete(userId);
    this.#slackLocales.set(userId, { slack: slack ?? undefined, until: this.now() + (slack === null ? REMEMBER_FAILURE_MS : REMEMBER_MS) });
    if (this.#slackLocales.size > CAPACITY) this.#slackLocales.delete(this.#slackLocales.keys().next().value as string);
    return slack ?? undefined;
  }
}

/** The person's Slack locale as one of the bot's languages; undefined when it is another, null when Slack did not say. */
async function slackLocale(client: webApi.WebClient, userId: string): Promise<Locale | undefined | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS);
  });
  try {
    const info = await Promise.race([client.users.info({ user: userId, include_locale: true }).catch(() => null), timeout]);
    return info === null ? null : parseLocale(info.user?.locale);
  } finally {
    clearTimeout(timer);
  }
}

/** The language of an answer for a person: their choice, else `hint` (their question's or the button's), else their Slack locale. */
export function answerLocale(user: UserLanguage, hint?: Locale): Locale {
  return user.chosen ?? hint ?? user.slack ?? DEFAULT_LOCALE;
}

/** Where lookUpUserLanguage leaves the person's language in Bolt's context. */
interface LanguageContext {
  userLanguage?: UserLanguage;
}

/** Looks up the language of the person a request comes from and leaves it in the request's context for its listener. */
export function lookUpUserLanguage(languages: UserLanguages): (args: { body: unknown; context: object; client: webApi.WebClient }) => Promise<void> {
  return async ({ body, context, client }) => {
    const userId = requestUserId(body);
    if (userId !== undefined) (context as LanguageContext).userLanguage = await languages.of(client, userId);
  };
}

/** What lookUpUserLanguage found of the person's language (nothing for a request no person made). */
export function userLanguageOf(context: object): UserLanguage {
  return (context as LanguageContext).userLanguage ?? {};
}

/** The translator for an answer to the person of this request; `hint` is the language of their question or of the button. */
export function translatorFor(context: object, hint?: Locale): Translator {
  return translator(answerLocale(userLanguageOf(context), hint));
}

/** The Slack user a request comes from: a command's user_id, an event's user, an interaction's user. */
function requestUserId(body: unknown): string | undefined {
  const b = body as { user_id?: unknown; event?: { user?: unknown }; user?: { id?: unknown } };
  const id = b.user_id ?? b.event?.user ?? b.user?.id;
  return typeof id === 'string' ? id : undefined;
}
