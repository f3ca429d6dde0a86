/**
 * The language preferences (../preferences/language-preferences.ts) in PostgreSQL, shared by every
 * replica: one row per Slack user in `language_preferences`, keyed by the user id. A value this program
 * does not know (written by a newer one) reads as no choice.
 */
import type pg from 'pg';
import { isLocale, type Locale } from '../i18n/locales.js';
import type { LanguagePreferences } from '../preferences/language-preferences.js';

/** Language preferences on a migrated pool that belongs to the storage (see openStorage in ../storage.ts). */
export class PostgresLanguagePreferences implements LanguagePreferences {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(userId: string): Promise<Locale | undefined> {
    const { rows } = await this.pool.query<{ locale: string }>('SELECT locale FROM language_preferences WHERE user_id = $1', [userId]);
    const locale = rows[0]?.locale;
    return isLocale(locale) ? locale : undefined;
  }

  async set(userId: string, locale: Locale | undefined): Promise<void> {
    if (locale === undefined) {
      await this.pool.query('DELETE FROM language_preferences WHERE user_id = $1', [userId]);
      return;
    }
    await this.pool.query(
      `INSERT INTO language_preferences (user_id, locale, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET locale = EXCLUDED.locale, updated_at = EXCLUDED.updated_at`,
      [userId, locale, this.clock()],
    );
  }

  /** Nothing of its own to close: the pool is the storage's, ended once with the order store. */
  close(): void {}
}
