/**
 * `/handbooks admin history` and `/handbooks admin undo` through the app, on a real SQLite live catalogue:
 * the changes listed newest first with who, when and what; undo taking back the latest change (again: the
 * one before; never the seed), answered at once by search; refusals for anyone else; French and Spanish.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueStore } from '../../src/catalogue/catalogue-store.js';
import type { LiveCatalogue } from '../../src/catalogue/live.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK } from '../orders/fixtures.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { commandResponse, expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { textOf } from './block-query.js';

const ADMINS = { en: 'U0ADMIN', fr: 'U0ADMINFR', es: 'U0ADMINES' } as const;
const STAFF = 'U0STAFF';
const BORDER: Publication = { ...FRAMEWORK, id: 'border-management-manual', title: 'Manual on Integrated Border Management <@U0ALL> & draft' };

let bot: TestBot;
let catalogue: LiveCatalogue;
let store: CatalogueStore;
let file: string;

beforeEach(async () => {
  ({ catalogue, store, file } = await openTestCatalogue(CATALOGUE));
  bot = await startTestBot({
    deps: { engine: catalogue.engine, catalogue, catalogueAdminIds: Object.values(ADMINS) },
    seedUsers: [
      { id: ADMINS.en, locale: 'en-US' },
      { id: ADMINS.fr, locale: 'fr-FR' },
      { id: ADMINS.es, locale: 'es-ES' },
      { id: STAFF, locale: 'en-US' },
    ],
  });
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

/** Sends `/handbooks <text>` as `user` and returns the reply's text (blocks, else text), spaces normalised. */
async function command(user: string, text: string): Promise<string> {
  return (await commandResponse(bot.standIn, { user, text })).text.replace(/[\u00a0\u202f]/g, ' ');
}

const found = (query: string) => catalogue.engine.search(query).hits.map((h) => h.publication.id);

/** Two changes after the seed: an import adding BORDER and pricing the handbook, then an edit of the handbook. */
async function twoChanges(): Promise<void> {
  await catalogue.apply({ action: 'import', actorId: ADMINS.fr, summary: 'import', publications: [BORDER, { ...HANDBOOK, prices: { EUR: 10 } }], baseVersion: 1 });
  await catalogue.apply({ action: 'edit', actorId: ADMINS.en, summary: 'edit', publications: [{ ...HANDBOOK, keywords: ['seafarers'] }], baseVersion: 2 });
}

describe('/handbooks admin history', () => {
  it('lists the changes newest first: who, when, what, with the titles escaped', async () => {
    await twoChanges();
    const text = await command(ADMINS.en, 'admin history');
    expect(text).toContain('Catalogue history');
    const lines = text.split('\n');
    const at = (seq: number) => lines.findIndex((l) => l.startsWith(`*#${seq}* · `));
    expect([at(3), at(2), at(1)].every((i, n, all) => i >= 0 && (n === 0 || i > all[n - 1]!))).toBe(true);
    expect(lines[at(3)]).toMatch(/^\*#3\* · \w{3} \d+, \d{4}, \d\d:\d\d UTC · <@U0ADMIN>$/);
    expect(lines[at(3) + 1]).toBe(`Edit entry: “${HANDBOOK.title}”`);
    expect(lines[at(2)]).toContain('<@U0ADMINFR>');
    expect(lines[at(2) + 1]).toBe(`Import of a listing page — added: 1, updated: 1 (“Manual on Integrated Border Management &lt;@U0ALL&gt; &amp; draft” and “${HANDBOOK.title}”)`);
    expect(lines[at(1)]).toContain('the repository file');
    expect(lines[at(1) + 1]).toBe('Catalogue started from the repository file: 3 titles');
    expect(text).toContain('/handbooks admin undo');
  });

  it('shows as many changes as asked, and refuses a count it cannot show', async () => {
    await twoChanges();
    const one = await command(ADMINS.en, 'admin history 1');
    expect(one).toContain('*#3*');
    expect(one).not.toContain('*#2*');
    expect(await command(ADMINS.en, 'admin history lots')).toBe('Give how many changes to show, from 1 to 20, such as `/handbooks admin history 5`.');
    expect(await command(ADMINS.en, 'admin history 21')).toContain('from 1 to 20');
  });
});

describe('/handbooks admin undo', () => {
  it('takes back the latest change, then the one before, answered at once; never the seed', async () => {
    await twoChanges();
    expect(found('seafarers')).toEqual([HANDBOOK.id]);

    const first = await command(ADMINS.es, 'admin undo');
    expect(first).toContain(`*Cambio n.º 3 deshecho* por <@${ADMINS.es}>: 1 ficha restablecida como estaba («${HANDBOOK.title}»).`);
    expect(found('seafarers')).toEqual([]);
    expect(catalogue.engine.get(HANDBOOK.id)?.prices).toEqual({ EUR: 10 });

    const second = await command(ADMINS.en, 'admin undo');
    expect(second).toContain('*Change #2 undone* by <@U0ADMIN>: 1 entry restored as it was (“');
    expect(second).toContain('1 title it had added removed (“Manual on Integrated Border Management &lt;@U0ALL&gt; &amp; draft”)');
    expect(found('border management')).toEqual([]);
    expect(catalogue.publications).toEqual(CATALOGUE);

    expect(await command(ADMINS.en, 'admin undo')).toContain('Nothing to undo');
    expect(catalogue.version).toBe(5);

    const history = await command(ADMINS.fr, 'admin history');
    expect(history).toContain('Annulation de la modification n° 2 — rétablis : 1, retirés : 1');
    expect(history).toContain('_(annulée par le n° 5)_');
  });

  it('refuses, changing nothing, a change whose entry was changed since outside it', async () => {
    await twoChanges();
    // The handbook's row rewritten behind the catalogue's back, as a hand-made database fix would.
    const db = new Database(file);
    db.prepare('UPDATE catalogue_entries SET data = ? WHERE id = ?').run(JSON.stringify({ ...HANDBOOK, notes: 'fixed by hand' }), HANDBOOK.id);
    db.close();
    expect(await command(ADMINS.en, 'admin undo')).toBe(`Change #3 cannot be undone: “${HANDBOOK.title}” was changed again since, by a change that is still in effect. Nothing was changed.`);
    expect(await store.version()).toBe(3);
  });

  it('refuses anyone who is not a catalogue admin, changing nothing', async () => {
    await twoChanges();
    for (const text of ['admin undo', 'admin history']) {
      expect(await command(STAFF, text)).toContain('only the catalogue admins of the Publications Unit');
    }
    expect(catalogue.version).toBe(3);
    expect(found('seafarers')).toEqual([HANDBOOK.id]);
  });

  it('is listed by /handbooks admin, in French', async () => {
    const text = await command(ADMINS.fr, 'admin');
    expect(text).toContain('• `/handbooks admin history`: les dernières modifications du catalogue');
    expect(text).toContain('• `/handbooks admin undo`: annuler la dernière modification du catalogue');
  });
});
