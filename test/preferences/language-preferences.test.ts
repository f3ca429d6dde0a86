import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLanguagePreferences } from '../../src/preferences/language-preferences.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'preferences-'));
  dirs.push(dir);
  return join(dir, 'data', 'preferences.sqlite');
};

describe('language preferences', () => {
  it('keeps, changes and forgets a choice, across reopening the file', async () => {
    const path = file();
    const preferences = openLanguagePreferences(path);
    expect(await preferences.get('U1')).toBeUndefined();
    await preferences.set('U1', 'es');
    await preferences.set('U1', 'fr');
    await preferences.set('U2', 'en');
    preferences.close();
    const reopened = openLanguagePreferences(path);
    expect([await reopened.get('U1'), await reopened.get('U2')]).toEqual(['fr', 'en']);
    await reopened.set('U1', undefined);
    expect(await reopened.get('U1')).toBeUndefined();
    reopened.close();
  });

  it('refuses a file written by a newer program, and ignores a value it does not know', async () => {
    const path = file();
    openLanguagePreferences(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO language_preferences VALUES ('U3', 'de', '2026-01-01')").run();
    db.close();
    const preferences = openLanguagePreferences(path);
    expect(await preferences.get('U3')).toBeUndefined();
    preferences.close();
    const newer = new Database(path);
    newer.pragma('user_version = 7');
    newer.close();
    expect(() => openLanguagePreferences(path)).toThrow(/schema version 7, newer than this app knows/);
  });
});
