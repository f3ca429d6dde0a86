/**
 * The language each person chose for the bot's answers on App Home, kept across restarts. Behind a small
 * asynchronous interface with two implementations, picked by ../storage.ts: this one, a SQLite file of its
 * own (DATA_DIR/preferences.sqlite) apart from the order store, and PostgreSQL's shared by the replicas
 * (../postgres/language-preferences.ts). It holds Slack user ids and language codes only.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { isLocale, type Locale } from '../i18n/locales.js';

/** Kept language choices by Slack user id. */
export interface LanguagePreferences {
  /** The language `userId` chose, or undefined when they chose none (Automatic). */
  get(userId: string): Promise<Locale | undefined>;
  /** Keeps `locale` as the choice of `userId`; undefined forgets their choice. */
  set(userId: string, locale: Locale | undefined): Promise<void>;
  close(): void;
}

/** Where the preferences file lives in a data directory. */
export function defaultPreferencesPath(dataDir: string): string {
  return join(dataDir, 'preferences.sqlite');
}

/** The schema, by version (PRAGMA user_version): each step brings the file from the version before. */
const SCHEMA: readonly string[] = [
  `CREATE TABLE language_preferences (
     user_id TEXT PRIMARY KEY,
     locale TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`,
];

/** Opens (creating and migrating if needed) the SQLite file of language preferences. */
export function openLanguagePreferences(file: string, now: () => Date = () => new Date()): LanguagePreferences {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA.length) {
    db.close();
    throw new Error(`${file} has schema version ${version}, newer than this app knows (${SCHEMA.length})`);
  }
  db.transaction(() => {
    for (const step of SCHEMA.slice(version)) db.exec(step);
    db.pragma(`user_version = ${SCHEMA.length}`);
  })();
  const select = db.prepare<[string], { locale: string }>('SELECT locale FROM language_preferences WHERE user_id = ?');
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO language_preferences (user_id, locale, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale, updated_at = excluded.updated_at',
  );
  const remove = db.prepare<[string]>('DELETE FROM language_preferences WHERE user_id = ?');
  return {
    async get(userId) {
      const locale = select.get(userId)?.locale;
      return isLocale(locale) ? locale : undefined;
    },
    async set(userId, locale) {
      if (locale === undefined) remove.run(userId);
      else upsert.run(userId, locale, now().toISOString());
    },
    close: () => db.close(),
  };
}
