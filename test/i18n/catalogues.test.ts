/**
 * The catalogues stay whole: the same keys in every language, the same placeholders, plural forms where
 * English has them, every key used by the code, modal titles and buttons within Slack's 24 characters,
 * and each language's typography.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.js';
import type { Message } from '../../src/i18n/message-types.js';
import { CATALOGUES } from '../../src/i18n/translator.js';
import { LIMITS } from '../../src/slack/mrkdwn.js';

const texts = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (message: Message): string[] => [...new Set(texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
const english = CATALOGUES.en;
const keys = Object.keys(english).sort();

/** Every TypeScript file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('message catalogues', () => {
  it.each(LOCALES)('%s has exactly the English keys, the same placeholders and the same plural shape', (locale) => {
    const catalogue = CATALOGUES[locale];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const key of keys) {
      const mine = catalogue[key as keyof typeof catalogue];
      const theirs = english[key as keyof typeof english];
      expect(placeholders(mine), `placeholders of ${key} in ${locale}`).toEqual(placeholders(theirs));
      expect(typeof mine, `plural forms of ${key} in ${locale}`).toBe(typeof theirs);
      for (const text of texts(mine)) expect(text.trim(), `${key} in ${locale}`).not.toBe('');
    }
  });

  it('has no key the code does not use', () => {
    const code = sourceFiles(join(import.meta.dirname, '../../src'))
      .filter((f) => !f.includes(join('i18n', 'messages')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = keys.filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('keeps modal titles and buttons within 24 characters in every language', () => {
    for (const locale of LOCALES) {
      for (const key of keys.filter((k) => k.startsWith('modal.'))) {
        const text = CATALOGUES[locale][key as keyof typeof english] as string;
        expect(text.length, `${key} in ${locale}: "${text}"`).toBeLessThanOrEqual(LIMITS.modalTitle);
      }
    }
  });

  it('writes French with no-break spaces before : ; ? ! and inside « »', () => {
    for (const key of keys) {
      for (const text of texts(CATALOGUES.fr[key as keyof typeof english])) {
        const prose = text.replace(/`[^`]*`/g, '').replace(/:[a-z_]+:/g, '').replace(/https?:\S+/g, '');
        expect(prose, key).not.toMatch(/ [:;?!»]/);
        expect(prose, key).not.toMatch(/« /);
        expect(prose, key).not.toMatch(/[^\u00a0\u202f][:;?!]/);
      }
    }
  });

  it('opens Spanish questions and exclamations with ¿ and ¡', () => {
    for (const key of keys) {
      for (const text of texts(CATALOGUES.es[key as keyof typeof english])) {
        const prose = text.replace(/`[^`]*`/g, '');
        expect(prose.split('¿').length, key).toBe(prose.split('?').length);
        expect(prose.split('¡').length, key).toBe(prose.split('!').length);
      }
    }
  });

  it("uses the organisation's own names", () => {
    expect([CATALOGUES.en['org.name'], CATALOGUES.fr['org.name'], CATALOGUES.es['org.name']]).toEqual([
      'International Organization for Migration',
      'Organisation internationale pour les migrations',
      'Organización Internacional para las Migraciones',
    ]);
    expect([CATALOGUES.en['org.short'], CATALOGUES.fr['org.short'], CATALOGUES.es['org.short']]).toEqual(['IOM', 'OIM', 'OIM']);
  });
});
