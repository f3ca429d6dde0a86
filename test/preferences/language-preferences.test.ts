import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLanguagePreferences } from '../../src/preferences/language-preferences.js';
import { openStorage } from '../../src/storage.js';
import { describeEachStore, describePostgres, freshPostgresUrl } from '../support/stores.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'preferences-'));
  dirs.push(dir);
  return join(dir, 'data', 'preferences.sqlite');
};

describeEachStore('language preferences', (kit) => {
  it('keeps, changes and forgets a choice, across reopening the storage, which closes once', async () => {
    const first = await kit.open();
    expect(await first.preferences.get('U1')).toBeUndefined();
    await first.preferences.set('U1', 'es');
    await first.preferences.set('U1', 'fr');
    await first.preferences.set('U2', 'en');
    await first.close();
    await expect(first.close()).resolves.toBeUndefined();
    const { preferences } = await kit.open({}, first.location);
    expect([await preferences.get('U1'), await preferences.get('U2')]).toEqual(['fr', 'en']);
    await preferences.set('U1', undefined);
    expect(await preferences.get('U1')).toBeUndefined();
    expect(await preferences.get('U2')).toBe('en');
  });
});

describePostgres('language preferences of two replicas', () => {
  it('a choice made through one replica is the next answer of the other, and so is going back to Automatic', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = await Promise.all([openStorage({ databaseUrl: url }), openStorage({ databaseUrl: url })]);
    try {
      expect(await b.preferences.get('U1')).toBeUndefined();
      await a.preferences.set('U1', 'fr');
      expect(await b.preferences.get('U1')).toBe('fr');
      await b.preferences.set('U1', 'es');
      expect(await a.preferences.get('U1')).toBe('es');
      await a.preferences.set('U1', undefined);
      expect(await b.preferences.get('U1')).toBeUndefined();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('language preferences in a SQLite file', () => {
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
