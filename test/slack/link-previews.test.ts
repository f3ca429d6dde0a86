/**
 * Link previews end to end: a person posts links in a channel (or a DM), the stand-in for Slack sends the
 * signed `link_shared` event through Bolt's real HTTPReceiver, and the app unfurls the links the live
 * catalogue (a real SQLite file, seeded with the committed catalogue) records — as the title's card, in the
 * poster's language, whose Order print copy opens the order dialog with that title.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveCatalogue } from '../../src/catalogue/live.js';
import type { AppUnfurl, SeedUser } from '../../src/offline/standin/index.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { tempDir } from '../orders/fixtures.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';

const GENERAL = 'C0GENERAL';
const ANA: SeedUser = { id: 'U0ANA', realName: 'Ana Pérez', locale: 'en-US' };
const MARIE: SeedUser = { id: 'U0MARIE', realName: 'Marie Dubois', locale: 'fr-FR' };
const JUAN: SeedUser = { id: 'U0JUAN', realName: 'Juan García', locale: 'es-ES' };

/** Migration and the 2030 Agenda: three editions, each with its page; its ISBN is flagged in the committed catalogue. */
const AGENDA = {
  id: 'migration-2030-agenda',
  title: 'Migration and the 2030 Agenda: A Guide for Practitioners',
  en: 'https://publications.iom.int/books/migration-and-2030-agenda-guide-practitioners',
  fr: 'https://publications.iom.int/books/la-migration-et-le-programme-2030-un-guide-lusage-des-praticiens',
};
const TOOLKIT = { id: 'iom-public-communication-campaign-toolkit', en: 'https://publications.iom.int/books/iom-public-communication-campaign-toolkit' };
const UNKNOWN = 'https://publications.iom.int/books/a-title-the-catalogue-does-not-have';

let bot: TestBot;
let catalogue: LiveCatalogue;
beforeEach(async () => {
  ({ catalogue } = await openTestCatalogue());
  const store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'));
  bot = await startTestBot({ deps: { engine: catalogue.engine, catalogue, orders: { store } }, seedUsers: [ANA, MARIE, JUAN] });
});
afterEach(async () => {
  await bot.standIn.idle();
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

/** `user` posts `text` in #general; resolves once the app has done what it does with it, with the previews attached to that message. */
async function post(text: string, user: SeedUser = ANA): Promise<AppUnfurl[]> {
  const delivery = await bot.standIn.say({ user: user.id, channel: GENERAL, text });
  expect(delivery?.status, 'Slack sends link_shared for links to the unfurl domains').toBe(200);
  await bot.standIn.idle();
  const message = bot.standIn.messages(GENERAL).at(-1);
  return bot.standIn.unfurls(GENERAL).filter((u) => u.ts === message?.ts);
}

describe('a link to a page the catalogue records', () => {
  it('unfurls as the title’s card: title, year, pages, languages, flagged facts to be confirmed, Order print copy and Details', async () => {
    const [card, ...others] = await post(`Have a look at ${AGENDA.en}`);
    expect(others).toEqual([]);
    const call = bot.standIn.callsTo('chat.unfurl').at(-1);
    expect(call?.result).toEqual({ ok: true });
    expect(call?.args).toMatchObject({ source: 'conversations_history', unfurl_id: expect.stringMatching(/^C0GENERAL\./) });
    expect(Object.keys(call?.args.unfurls as object)).toEqual([AGENDA.en]);
    expect(card?.url).toBe(AGENDA.en);
    const text = textOf(card?.blocks ?? []);
    expect(text).toContain(`*${AGENDA.title}*`);
    expect(text).toContain('2018 · 156 pages · English, French, Spanish · ISBN 978-9968-542-71-5 (to be confirmed)');
    expect(text).toContain('Link to the edition in English');
    expect(buttonsOf(card?.blocks ?? []).map((b) => b.text.text)).toEqual(['Order print copy', 'Details']);
  });

  it('opens the order dialog with that title and edition from Order print copy on the card', async () => {
    const [card] = await post(AGENDA.fr);
    if (!card) throw new Error('no card');
    await bot.standIn.clickButton({ user: ANA.id, source: card, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const view = bot.standIn.topModal(ANA.id);
    expect(view?.callback_id).toBe('order_step_items');
    expect(textOf(view?.blocks ?? [])).toContain(AGENDA.title);
    const values = view?.state.values as Record<string, Record<string, { selected_option?: { value?: string } | null }>>;
    expect(values[ORDER_BLOCK.language(1)]?.[ORDER_ACTION.language]?.selected_option?.value).toBe('fr');
  });

  it('opens Details from the card', async () => {
    const [card] = await post(TOOLKIT.en);
    if (!card) throw new Error('no card');
    await bot.standIn.clickButton({ user: ANA.id, source: card, actionId: ACTION.details });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(bot.standIn.topModal(ANA.id)?.callback_id).toBe('publication_details');
  });

  it('unfurls the link however it was varied — http, www., a trailing slash, a query string, a fragment, the host in capitals — keyed exactly as posted', async () => {
    const variants = [
      'http://publications.iom.int/books/iom-public-communication-campaign-toolkit',
      'https://www.publications.iom.int/books/iom-public-communication-campaign-toolkit/',
      'https://publications.iom.int/books/iom-public-communication-campaign-toolkit?utm_source=newsletter&utm_medium=email',
      'https://PUBLICATIONS.IOM.INT/books/iom-public-communication-campaign-toolkit#summary',
    ];
    for (const variant of variants) {
      const cards = await post(`<${variant}>`);
      expect(cards.map((c) => c.url), variant).toEqual([variant]);
      expect(textOf(cards[0]?.blocks ?? [])).toContain('IOM Public Communication Campaign Toolkit');
    }
  });

  it('follows the live catalogue: a page recorded by a catalogue change unfurls at once, without a restart', async () => {
    const page = 'https://publications.iom.int/fr/books/boite-outils-campagnes-communication-publique';
    expect(await post(page)).toEqual([]);
    const toolkit = catalogue.publications.find((p) => p.id === TOOLKIT.id);
    if (!toolkit) throw new Error('no toolkit');
    await catalogue.apply({ action: 'edit', actorId: 'U0ADMIN', summary: 'French page', publications: [{ ...toolkit, urls: { ...toolkit.urls, fr: page } }], baseVersion: catalogue.version });
    const [card] = await post(page);
    expect(textOf(card?.blocks ?? [])).toContain('Link to the edition in French');
  });
});

describe('links the catalogue does not know', () => {
  it('get no unfurl at all: chat.unfurl is not called', async () => {
    expect(await post(`${UNKNOWN} and https://www.iom.int/news`)).toEqual([]);
    expect(bot.standIn.callsTo('chat.unfurl')).toEqual([]);
  });

  it('are left out of a message that mixes them with known ones, which are unfurled in one call', async () => {
    const cards = await post(`Compare ${AGENDA.en} with ${UNKNOWN} and <${TOOLKIT.en}/|the toolkit>`);
    expect(bot.standIn.callsTo('chat.unfurl')).toHaveLength(1);
    expect(cards.map((c) => c.url)).toEqual([AGENDA.en, `${TOOLKIT.en}/`]);
    expect(textOf(cards[1]?.blocks ?? [])).toContain('IOM Public Communication Campaign Toolkit');
  });
});

describe('in the language of the person who posted the link', () => {
  it('reads in French for a French Slack user and in Spanish for a Spanish one, and so does the dialog its button opens', async () => {
    const [french] = await post(AGENDA.en, MARIE);
    const frenchText = textOf(french?.blocks ?? []);
    expect(frenchText).toContain('2018 · 156 pages · français, anglais, espagnol · ISBN 978-9968-542-71-5 (à confirmer)');
    expect(frenchText).toContain('Lien vers l’édition en anglais');
    expect(buttonsOf(french?.blocks ?? []).map((b) => b.text.text)).toEqual(['Commander un exemplaire', 'Détails']);

    const [spanish] = await post(AGENDA.en, JUAN);
    const spanishText = textOf(spanish?.blocks ?? []);
    expect(spanishText).toContain('2018 · 156 páginas · español, inglés, francés · ISBN 978-9968-542-71-5 (por confirmar)');
    expect(spanishText).toContain('Enlace a la edición en inglés');
    if (!spanish) throw new Error('no card');
    await bot.standIn.clickButton({ user: JUAN.id, source: spanish, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(bot.standIn.topModal(JUAN.id)?.title).toMatchObject({ text: 'Pedido de ejemplares' });
  });
});

describe('in a DM with the bot', () => {
  it('unfurls the link beside the answer to the message', async () => {
    await bot.standIn.directMessage({ user: ANA.id, text: `what about ${TOOLKIT.en}` });
    await bot.standIn.idle();
    const channel = bot.standIn.dmChannel(ANA.id);
    expect(bot.standIn.unfurls(channel).map((u) => u.url)).toEqual([TOOLKIT.en]);
    expect(bot.standIn.messages(channel).some((m) => m.user === bot.standIn.botUserId)).toBe(true);
  });
});
