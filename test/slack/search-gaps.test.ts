/**
 * What staff look for, end to end on both stores: searches by several people in several channels (command,
 * mention, DM) are counted with nothing that points at a person or a conversation (the real tables are
 * read back), `/handbooks admin gaps` reports them to catalogue admins with a CSV in their DM and refuses
 * anyone else, and a catalogue admin's App Home shows the last 30 days' searches, orders and most requested
 * titles — in English, French and Spanish.
 */
import { afterEach, expect, it } from 'vitest';
import { openLiveCatalogue, type LiveCatalogue } from '../../src/catalogue/live.js';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Storage, StorageLocation } from '../../src/storage.js';
import { DELIVERY, PAYMENT } from '../orders/fixtures.js';
import { describeEachStore } from '../support/stores.js';
import { commandResponse, expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { storedSearchRows } from '../usage/stored-rows.js';
import { buttonsOf, textOf } from './block-query.js';

// Shaped as Slack's ids are: a capital, then eight or more capitals and digits.
const ADMIN = 'U0ADMIN001';
const ADMIN_FR = 'U0ADMINFR1';
const ADMIN_ES = 'U0ADMINES1';
const ALICE = 'U0ALICE001';
const BOB = 'U0BOB0001';
const CAROL = 'U0CAROL01';
const GENERAL = 'C0GENERAL1';
const FIELD = 'C0FIELD01';
const IDS = [ADMIN, ADMIN_FR, ADMIN_ES, ALICE, BOB, CAROL, GENERAL, FIELD];

describeEachStore('what staff look for, through Slack', (kit) => {
  let bot: TestBot | undefined;
  let storage: Storage & { location: StorageLocation };
  let catalogue: LiveCatalogue;

  afterEach(async () => {
    if (!bot) return;
    await bot.standIn.idle();
    expectWithinBlockKitLimits(bot.standIn);
    await bot.stop();
    bot = undefined;
  });

  async function start(): Promise<TestBot> {
    storage = await kit.open();
    catalogue = await openLiveCatalogue(storage.catalogue, { seed: loadCatalogue(), seedSource: 'the test' });
    bot = await startTestBot({
      engine: catalogue.engine,
      deps: { engine: catalogue.engine, catalogue, searchUsage: { store: storage.searches, flushIntervalMs: 5 }, orders: { store: storage.orders }, adminIds: [ADMIN], catalogueAdminIds: [ADMIN, ADMIN_FR, ADMIN_ES] },
      seedUsers: [
        { id: ADMIN, name: 'admin' },
        { id: ADMIN_FR, name: 'admin-fr', locale: 'fr-FR' },
        { id: ADMIN_ES, name: 'admin-es', locale: 'es-ES' },
        { id: ALICE, name: 'alice', locale: 'fr-FR' },
        { id: BOB, name: 'bob', locale: 'es-ES' },
        { id: CAROL, name: 'carol' },
      ],
      channels: [
        { id: GENERAL, name: 'general' },
        { id: FIELD, name: 'field' },
      ],
    });
    return bot;
  }

  /** Waits until the store has counted `count` searches in all (counting happens after each answer). */
  async function counted(count: number): Promise<void> {
    for (let i = 0; i < 200 && (await storage.searches.totals(30)).searches < count; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await storage.searches.totals(30)).searches).toBe(count);
  }

  /** Runs `/handbooks text` as `user` in #general; the ephemeral answer sent through response_url. */
  function adminCommand(user: string, text: string): Promise<{ text: string; blocks: unknown[] }> {
    return commandResponse((bot as TestBot).standIn, { user, text, channel: GENERAL });
  }

  /** Several people search in several places; two of the searches page on, which is not a new search. */
  async function searchAround(b: TestBot): Promise<void> {
    await b.standIn.slashCommand({ user: ALICE, channel: GENERAL, text: `weather in Geneva tomorrow <@${BOB}>` });
    await b.standIn.slashCommand({ user: BOB, channel: FIELD, text: 'Weather  in GENEVA tomorrow' });
    await b.standIn.mention({ user: CAROL, channel: FIELD, text: `trafficking in Klingon <#${GENERAL}|general> <@${ALICE}>` });
    await b.standIn.directMessage({ user: ALICE, text: `Trafficking in KLINGON <mailto:alice@example.org|alice@example.org> <https://iomint.slack.com/team/${ALICE}>` });
    await b.standIn.directMessage({ user: BOB, text: 'trafficking' });
    await b.standIn.slashCommand({ user: CAROL, channel: GENERAL, text: `zzzz ${CAROL}` });
    await b.standIn.idle();
    await counted(6);
    // Paging on is not a new search.
    const first = b.standIn.messages(b.standIn.dmChannel(BOB)).at(-1);
    const more = buttonsOf(first?.blocks ?? []).find((button) => button.action_id === 'search_more');
    expect(more).toBeDefined();
    if (first && more) await b.standIn.clickButton({ user: BOB, source: first, actionId: more.action_id, value: more.value ?? '' });
    await b.standIn.idle();
  }

  it('keeps no user or channel id, only normalised texts of searches that found nothing or little, and daily counts', async () => {
    const b = await start();
    await searchAround(b);
    await counted(6);
    const rows = await storedSearchRows(storage.location);
    const everything = JSON.stringify(rows);
    const dms = [ALICE, BOB, CAROL].map((user) => b.standIn.dmChannel(user));
    for (const id of [...IDS, ...dms]) expect(everything.toLowerCase()).not.toContain(id.toLowerCase());
    expect(everything).not.toMatch(/alice@|example\.org|\/team\//i);
    expect(Object.keys(rows.search_days[0] ?? {}).sort()).toEqual(['day', 'found_in_part', 'nothing_found', 'searches']);
    expect(Object.keys(rows.search_gaps[0] ?? {}).sort()).toEqual(['day', 'found_in_part', 'nothing_found', 'query']);
    const today = new Date().toISOString().slice(0, 10);
    expect(rows.search_days).toEqual([{ day: today, searches: 6, nothing_found: 3, found_in_part: 2 }]);
    expect(rows.search_gaps.map((r) => [r.query, r.nothing_found, r.found_in_part])).toEqual([
      ['trafficking in klingon', 0, 1],
      ['trafficking in klingon iomint.slack.com', 0, 1],
      ['weather in geneva tomorrow', 2, 0],
      ['zzzz', 1, 0],
    ]);
    expect(b.logs.join('\n')).not.toContain('Could not count a search');
  });

  it('reports the gaps of the last 30 days to a catalogue admin, most frequent first, with a CSV in the DM', async () => {
    const b = await start();
    await searchAround(b);
    await b.standIn.directMessage({ user: CAROL, text: 'a,"quoted" =SUM(1) gap' });
    await counted(7);

    const report = await adminCommand(ADMIN, 'admin gaps');
    expect(report.text).toContain('*Searches in the last 30 days:* 7, 4 of which found nothing and 2 found titles only in part.');
    const lines = report.text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toEqual([
      '1. “weather in geneva tomorrow”: 2 (2 / 0)',
      '2. “a,"quoted" =sum(1) gap”: 1 (1 / 0)',
      '3. “zzzz”: 1 (1 / 0)',
      '4. “trafficking in klingon”: 1 (0 / 1)',
      '5. “trafficking in klingon iomint.slack.com”: 1 (0 / 1)',
    ]);
    expect(report.text).toContain("I've sent you the CSV of 5 search texts in our direct messages.");
    expect(report.text).toContain('never who searched, nor where');

    const [file] = b.standIn.uploads.files;
    expect(file?.channel).toBe(b.standIn.dmChannel(ADMIN));
    expect(file?.filename).toMatch(/^search-gaps-\d{4}-\d{2}-\d{2}-30d\.csv$/);
    expect(file?.content?.split('\r\n')).toEqual([
      'query,searches,found_nothing,found_in_part,last_searched',
      `weather in geneva tomorrow,2,2,0,${new Date().toISOString().slice(0, 10)}`,
      `"a,""quoted"" =sum(1) gap",1,1,0,${new Date().toISOString().slice(0, 10)}`,
      expect.stringMatching(/^zzzz,1,1,0,/),
      expect.stringMatching(/^trafficking in klingon,1,0,1,/),
      expect.stringMatching(/^trafficking in klingon iomint\.slack\.com,1,0,1,/),
      '',
    ]);
  });

  it('escapes what people typed in the report', async () => {
    const b = await start();
    // Typed literally (Slack sends what it would read as markup escaped): kept as text, shown as text.
    await b.standIn.directMessage({ user: CAROL, text: `&lt;!channel&gt; &lt;@${ALICE}&gt; a*b_c~d zzzz` });
    await counted(1);
    expect((await storedSearchRows(storage.location)).search_gaps.map((r) => r.query)).toEqual(['<!channel> <@ > a*b_c~d zzzz']);
    const report = await adminCommand(ADMIN, 'admin gaps 7');
    expect(report.text).toContain('*Searches in the last 7 days:* 1, 1 of which found nothing');
    expect(report.text).toContain('1. “&lt;!channel&gt; &lt;@ &gt; a∗b‗c∼d zzzz”: 1 (1 / 0)');
    expect(b.standIn.uploads.files[0]?.filename).toMatch(/-7d\.csv$/);
  });

  it('says so when nothing is missing, and sends no file', async () => {
    const b = await start();
    await b.standIn.directMessage({ user: BOB, text: 'trafficking' });
    await counted(1);
    const report = await adminCommand(ADMIN, 'admin gaps 90');
    expect(report.text).toContain('*Searches in the last 90 days:* 1, 0 of which found nothing');
    expect(report.text).toContain('No search found nothing or little in that period.');
    expect(b.standIn.uploads.files).toEqual([]);
  });

  it('refuses a period it does not keep, and anyone who is not a catalogue admin', async () => {
    const b = await start();
    await b.standIn.directMessage({ user: BOB, text: 'zzzz' });
    await counted(1);
    expect((await adminCommand(ADMIN, 'admin gaps 91')).text).toBe(
      'Give the number of days as a whole number from 1 to 90, as in `/handbooks admin gaps 90` (“91” is not one).',
    );
    expect((await adminCommand(ADMIN, 'admin gaps <@U0X>')).text).toContain('(“&lt;@U0X&gt;” is not one)');
    expect((await adminCommand(CAROL, 'admin gaps')).text).toMatch(/^Sorry, only the catalogue admins/);
    expect((await adminCommand(ALICE, 'admin gaps')).text).toMatch(/^Désolé, seuls les administrateurs du catalogue/);
    expect(b.standIn.uploads.files).toEqual([]);
  });

  it('answers a French and a Spanish catalogue admin in their language', async () => {
    const b = await start();
    await b.standIn.directMessage({ user: BOB, text: 'zzzz' });
    await counted(1);
    const fr = await adminCommand(ADMIN_FR, 'admin gaps');
    expect(fr.text).toContain('*Recherches des 30 derniers jours\u00a0:* 1, dont 1 sans résultat');
    expect(fr.text).toContain('1. «\u00a0zzzz\u00a0»\u00a0: 1 (1 / 0)');
    expect(fr.text).toContain('Je vous ai envoyé le CSV de 1 texte de recherche');
    const es = await adminCommand(ADMIN_ES, 'admin gaps');
    expect(es.text).toContain('*Búsquedas de los últimos 30 días:* 1, 1 de ellas sin resultados');
    expect(es.text).toContain('Le he enviado el CSV de 1 texto de búsqueda');
  });

  it('shows a catalogue admin the last 30 days on App Home, and nobody else', async () => {
    const b = await start();
    const [first, second] = catalogue.publications;
    if (!first || !second) throw new Error('the catalogue has fewer than two titles');
    const order = (items: { publicationId: string; quantity: number; language?: string }[], key: string) =>
      storage.orders.submit({ items, delivery: DELIVERY, payment: PAYMENT }, { userId: ALICE }, key, catalogue.publications);
    const edition = (p: typeof first) => ({ publicationId: p.id, language: p.languages[0] });
    await order([{ ...edition(first), quantity: 2 }], 'k1');
    await order([{ ...edition(second), quantity: 10 }, { ...edition(first), quantity: 1 }], 'k2');
    await b.standIn.directMessage({ user: BOB, text: 'zzzz' });
    await b.standIn.directMessage({ user: BOB, text: 'trafficking' });
    await counted(2);

    await b.standIn.openHome(ADMIN);
    await b.standIn.waitFor((c) => c.method === 'views.publish' && c.args.user_id === ADMIN);
    const home = textOf(b.standIn.home(ADMIN)?.blocks ?? []);
    expect(home).toContain('Searches and orders, last 30 days');
    expect(home).toContain('*Searches*\n2, 1 of which found nothing');
    expect(home).toContain('*Orders*\n2');
    expect(home).toContain(`*Most requested titles*\n1. ${first.title}: 2 orders, 3 copies\n2. ${second.title}: 1 order, 10 copies`);

    await b.standIn.openHome(CAROL);
    await b.standIn.waitFor((c) => c.method === 'views.publish' && c.args.user_id === CAROL);
    const carol = textOf(b.standIn.home(CAROL)?.blocks ?? []);
    expect(carol).toContain('The catalogue at a glance');
    expect(carol).not.toContain('Searches and orders');
    expect(carol).not.toContain('Most requested');
  });

  it('shows App Home figures in French and Spanish', async () => {
    const b = await start();
    await b.standIn.directMessage({ user: BOB, text: 'zzzz' });
    await counted(1);
    await b.standIn.openHome(ADMIN_FR);
    await b.standIn.waitFor((c) => c.method === 'views.publish' && c.args.user_id === ADMIN_FR);
    const fr = textOf(b.standIn.home(ADMIN_FR)?.blocks ?? []);
    expect(fr).toContain('Recherches et commandes, 30 derniers jours');
    expect(fr).toContain('*Recherches*\n1, dont 1 sans résultat');
    expect(fr).toContain('Aucune commande sur cette période.');
    await b.standIn.openHome(ADMIN_ES);
    await b.standIn.waitFor((c) => c.method === 'views.publish' && c.args.user_id === ADMIN_ES);
    const es = textOf(b.standIn.home(ADMIN_ES)?.blocks ?? []);
    expect(es).toContain('Búsquedas y pedidos, últimos 30 días');
    expect(es).toContain('*Búsquedas*\n1, 1 de ellas sin resultados');
  });
});
