/**
 * Answers in the person's language, end to end through Bolt's HTTP receiver and the stand-in for Slack:
 * the Slack locale (users.info with include_locale), the language a question is written in, and a choice
 * kept from App Home; the orders channel stays in ORDERS_LANGUAGE whatever the requester's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SeedUser } from '../../src/offline/standin/index.js';
import { openLanguagePreferences } from '../../src/preferences/language-preferences.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { HANDBOOK } from '../orders/fixtures.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';
import { ackErrors, addPublication, setLine, VALID_DELIVERY } from './orders-flow.js';
import { ADMIN, ORDERS_CHANNEL, startOrderBot, topModal, type OrderBot } from './orders-harness.js';

const MARIE: SeedUser = { id: 'U0MARIE', name: 'marie', realName: 'Marie Diallo', email: 'marie.diallo@example.org', locale: 'fr-FR' };
const JOHN: SeedUser = { id: 'U0JOHN', name: 'john', realName: 'John Smith', email: 'john.smith@example.org', locale: 'en-US' };

describe('a French-speaking member of staff (Slack locale fr-FR)', () => {
  let bot: OrderBot;
  beforeAll(async () => {
    bot = await startOrderBot();
    bot.standIn.seedUser(MARIE);
  });
  afterEach(() => expectWithinBlockKitLimits(bot.standIn));
  afterAll(() => bot.stop());

  it('searches, opens Details and orders in French, while the orders channel gets English', async () => {
    const { standIn } = bot;
    await standIn.slashCommand({ user: MARIE.id, text: 'traite des personnes' });
    await standIn.waitFor((c) => c.method === 'command_response');
    const lookup = standIn.callsTo('users.info').at(-1)?.args;
    expect([lookup?.user, String(lookup?.include_locale)]).toEqual([MARIE.id, 'true']);
    const answer = standIn.ephemerals(MARIE.id).at(-1);
    if (!answer) throw new Error('no answer');
    expect(textOf(answer.blocks)).toContain('Recherche\u00a0: *traite personnes*');
    expect(buttonsOf(answer.blocks).map((b) => b.text.text).slice(0, 2)).toEqual(['Détails', 'Commander un exemplaire']);

    await standIn.clickButton({ user: MARIE.id, source: answer, actionId: ACTION.details });
    await standIn.waitFor((c) => c.method === 'views.open');
    const details = topModal(standIn, MARIE.id);
    expect(details.title).toMatchObject({ text: 'Fiche de la publication' });
    expect(textOf(details.blocks)).toContain('*Éditions linguistiques*');
    await standIn.closeView({ user: MARIE.id });

    await standIn.slashCommand({ user: MARIE.id, text: 'commander' });
    await standIn.waitFor((c) => c.method === 'views.open');
    expect(topModal(standIn, MARIE.id).title).toMatchObject({ text: 'Commande d’exemplaires' });
    expect(textOf(topModal(standIn, MARIE.id).blocks)).toContain('Étape 1 sur 4 · Publications et quantités');
    await addPublication(standIn, MARIE.id, HANDBOOK.id);
    await setLine(standIn, MARIE.id, 1, '0', 'fr');
    expect(ackErrors(await standIn.submitView({ user: MARIE.id }))).toEqual({ [ORDER_BLOCK.quantity(1)]: 'La quantité doit être un nombre entier de 1 à 500' });
    await setLine(standIn, MARIE.id, 1, '2');
    await standIn.submitView({ user: MARIE.id });
    const delivery = topModal(standIn, MARIE.id);
    expect(textOf(delivery.blocks)).toContain('Étape 2 sur 4 · Livraison et contact');
    expect(ackErrors(await standIn.submitView({ user: MARIE.id, values: { ...VALID_DELIVERY, email: 'pas-un-courriel' } }))).toEqual({
      [ORDER_BLOCK.field('email')]: 'Indiquez une adresse électronique comme nom@example.org',
    });
    await standIn.submitView({ user: MARIE.id, values: VALID_DELIVERY });
    await standIn.submitView({ user: MARIE.id, values: { currency: 'EUR', method: 'bank_transfer' } });
    const review = topModal(standIn, MARIE.id);
    expect(review.submit).toMatchObject({ text: 'Envoyer la commande' });
    expect(textOf(review.blocks)).toContain('Paiement*\nVirement bancaire, en EUR');
    await standIn.submitView({ user: MARIE.id });
    expect(topModal(standIn, MARIE.id).title).toMatchObject({ text: 'Commande reçue' });

    const [order] = await bot.store.listAll();
    if (!order) throw new Error('no order stored');
    await standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ORDERS_CHANNEL);
    await standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === MARIE.id);
    const notice = standIn.messages(ORDERS_CHANNEL).at(-1);
    if (!notice) throw new Error('no notice');
    expect(notice.text).toBe(`Order ${order.reference} (Submitted): 1 line`);
    expect(textOf(notice.blocks)).toContain('(French edition)\nQuantity: 2 · _price to be confirmed by the Publications Unit_');
    expect(buttonsOf(notice.blocks).map((b) => b.text.text)).toEqual(['Processing', 'Cancel…', 'Delivery details']);

    const dm = standIn.messages(standIn.dmChannel(MARIE.id)).find((m) => m.text.includes(order.reference));
    if (!dm) throw new Error('no confirmation');
    expect(dm.text).toBe(`Votre commande ${order.reference} est bien reçue`);
    expect(textOf(dm.blocks)).toContain('(édition en français)\nQuantité\u00a0: 2 · _prix à confirmer par l’Unité des publications_');
    const mailto = (dm.blocks as { elements?: { url?: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.url)?.url ?? '';
    expect(decodeURIComponent(mailto)).toContain('BON DE COMMANDE\u00a0: publications de l’OIM');

    await standIn.clickButton({ user: ADMIN, source: notice, actionId: `${ORDER_ACTION.setStatus}_processing` });
    await standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === MARIE.id && String(c.args.text).includes('désormais'));
    expect(standIn.messages(standIn.dmChannel(MARIE.id)).at(-1)?.text).toBe(`Votre commande ${order.reference} est désormais En préparation`);
    expect(buttonsOf(standIn.messages(ORDERS_CHANNEL).at(-1)?.blocks ?? []).map((b) => b.text.text)).toEqual(['Dispatched', 'Cancel…', 'Delivery details']);
    await standIn.idle();
  });
});

describe('the language of the question, and a choice kept on App Home', () => {
  let bot: TestBot;
  const dir = mkdtempSync(join(tmpdir(), 'preferences-test-'));
  const file = join(dir, 'preferences.sqlite');
  const preferences = openLanguagePreferences(file);
  beforeAll(async () => {
    bot = await startTestBot({ seedUsers: [JOHN, MARIE], deps: { preferences } });
  });
  afterEach(() => expectWithinBlockKitLimits(bot.standIn));
  afterAll(async () => {
    await bot.stop();
    preferences.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const lastDm = (user: string) => bot.standIn.messages(bot.standIn.dmChannel(user)).at(-1);

  it('answers a Spanish question from an English-locale user in Spanish, and an English one in English', async () => {
    await bot.standIn.directMessage({ user: JOHN.id, text: '¿Tienen algo sobre apoyo psicosocial en español?' });
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
    const spanish = lastDm(JOHN.id);
    expect(textOf(spanish?.blocks ?? [])).toContain('Búsqueda: *apoyo psicosocial* · ediciones en español');
    expect(spanish?.text).toMatch(/^1 resultado para «/);
    expect(buttonsOf(spanish?.blocks ?? []).map((b) => [b.text.text, b.value?.slice(0, 3)])[0]).toEqual(['Detalles', 'es:']);

    // "in French" names the edition: the question is English.
    await bot.standIn.slashCommand({ user: MARIE.id, text: 'do we have anything on trafficking in French?' });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    expect(textOf(bot.standIn.ephemerals(MARIE.id).at(-1)?.blocks ?? [])).toContain('Searched for *trafficking* · editions in French');
    // Keywords say nothing of a language: Marie's Slack locale decides.
    await bot.standIn.slashCommand({ user: MARIE.id, text: 'trafficking in French' });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    expect(textOf(bot.standIn.ephemerals(MARIE.id).at(-1)?.blocks ?? [])).toContain('Recherche\u00a0: *trafficking* · éditions en français');
    // The Slack locale was looked up once and remembered.
    expect(bot.standIn.callsTo('users.info').filter((c) => c.args.user === MARIE.id)).toHaveLength(1);
  });

  it('answers in English when Slack does not say the locale, and does not ask again at once', async () => {
    bot.standIn.seedUser({ id: 'U0PAULA', locale: 'es-ES' });
    bot.standIn.failNext('users.info', { error: 'internal_error' });
    await bot.standIn.slashCommand({ user: 'U0PAULA', text: 'trafficking' });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    await bot.standIn.slashCommand({ user: 'U0PAULA', text: 'reintegration' });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    expect(bot.standIn.ephemerals('U0PAULA').map((m) => textOf(m.blocks).split('\n')[0])).toEqual(['Searched for *trafficking*', 'Searched for *reintegration*']);
    expect(bot.standIn.callsTo('users.info').filter((c) => c.args.user === 'U0PAULA')).toHaveLength(1);
  });

  it('keeps the language chosen on App Home, which wins over the Slack locale and the question', async () => {
    await bot.standIn.openHome(JOHN.id);
    await bot.standIn.waitFor((c) => c.method === 'views.publish');
    const home = bot.standIn.home(JOHN.id);
    if (!home) throw new Error('no Home');
    expect(textOf(home.blocks)).toContain('*Language of my answers*');
    await bot.standIn.selectOption({ user: JOHN.id, source: home, actionId: ACTION.language, value: 'fr' });
    await bot.standIn.waitFor((c) => c.method === 'views.publish' && textOf((c.args.view as { blocks: unknown[] }).blocks).includes('Manuels et guides'));
    expect(await preferences.get(JOHN.id)).toBe('fr');

    await bot.standIn.directMessage({ user: JOHN.id, text: '¿Tienen algo sobre trata de personas?' });
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
    expect(textOf(lastDm(JOHN.id)?.blocks ?? [])).toContain('Recherche\u00a0: *trata personas*');

    // A new app on the same preferences file (a restart) still answers in French.
    const reopened = openLanguagePreferences(file);
    expect(await reopened.get(JOHN.id)).toBe('fr');
    reopened.close();

    // Automatic again: the question's language decides.
    await bot.standIn.selectOption({ user: JOHN.id, source: bot.standIn.home(JOHN.id) ?? home, actionId: ACTION.language, value: 'auto' });
    await bot.standIn.waitFor((c) => c.method === 'views.publish' && textOf((c.args.view as { blocks: unknown[] }).blocks).includes('Handbooks and manuals'));
    expect(await preferences.get(JOHN.id)).toBeUndefined();
    await bot.standIn.directMessage({ user: JOHN.id, text: '¿Tienen algo sobre trata de personas?' });
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
    expect(textOf(lastDm(JOHN.id)?.blocks ?? [])).toContain('Búsqueda: *trata personas*');
    await bot.standIn.idle();
  });
});
