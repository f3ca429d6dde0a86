/**
 * What people say to the bot rather than search for, end to end: signed events and commands through Bolt's
 * real HTTPReceiver, the real catalogue and search engine, an order store on a real SQLite file, and the
 * stand-in for Slack recording every call and holding the views it opened.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { translator } from '../../src/i18n/translator.js';
import type { EphemeralMessage, StoredMessage, StoredView } from '../../src/offline/standin/index.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { ORDER_ACTION, ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { decodeDraft } from '../../src/slack/order-draft.js';
import { DELIVERY, PAYMENT } from '../orders/fixtures.js';
import { expectWithinBlockKitLimits } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';
import { setLine } from './orders-flow.js';
import { ADMIN, OTHER, REQUESTER, startOrderBot, topModal, type OrderBot } from './orders-harness.js';

const GENERAL = 'C0GENERAL';
const CATALOGUE = loadCatalogue();
const HANDBOOK = 'reintegration-handbook';
const en = translator('en');
const fr = translator('fr');
const es = translator('es');

let bot: OrderBot;
beforeAll(async () => {
  bot = await startOrderBot({ publications: CATALOGUE, channels: [{ id: GENERAL, name: 'general' }] });
});
afterEach(async () => {
  await bot.standIn.idle();
  expectWithinBlockKitLimits(bot.standIn);
});
afterAll(() => bot.stop());

/** Sends `text` as a DM from `user` and returns the bot's reply in the DM. */
async function dm(text: string, user = REQUESTER): Promise<StoredMessage> {
  const channel = bot.standIn.dmChannel(user);
  const before = bot.standIn.messages(channel).length;
  await bot.standIn.directMessage({ user, text });
  await bot.standIn.idle();
  const replies = bot.standIn.messages(channel).slice(before).filter((m) => m.user !== user);
  expect(replies).toHaveLength(1);
  return replies[0] as StoredMessage;
}

/** The initial values of the order dialog's first line: title shown, copies, edition. */
function firstLine(view: StoredView): { text: string; quantity: unknown; language: unknown } {
  const values = view.state.values as Record<string, Record<string, { value?: unknown; selected_option?: { value?: unknown } | null }>>;
  return {
    text: textOf(view.blocks),
    quantity: values[ORDER_BLOCK.quantity(1)]?.[ORDER_ACTION.quantity]?.value,
    language: values[ORDER_BLOCK.language(1)]?.[ORDER_ACTION.language]?.selected_option?.value ?? null,
  };
}

describe('small talk and help', () => {
  it('answers thanks in a DM with thanks in the language of the thanks, not with a search that found nothing', async () => {
    for (const [text, t] of [['thanks!', en], ['merci beaucoup', fr], ['gracias :pray:', es], [':pray:', en]] as const) {
      const reply = await dm(text);
      expect(reply.text).toBe(t('conversation.thanks'));
      expect(textOf(reply.blocks)).not.toMatch(/found nothing|Nothing found/);
    }
  });

  it('answers a greeting in its language, and help with what it understands', async () => {
    const greeting = (t: typeof en) => t('conversation.greeting', { org: t('org.short'), example: t('examples.psychosocial') });
    expect((await dm('Hi there!')).text).toBe(greeting(en));
    expect((await dm('bonjour')).text).toBe(greeting(fr));
    expect((await dm('¡hola!')).text).toBe(greeting(es));
    const help = textOf((await dm('what can you do?')).blocks);
    expect(help).toContain('where is my order?');
    expect(help).toContain('order 5 copies of the Reintegration Handbook in Arabic');
  });

  it('still searches what only starts like small talk', async () => {
    for (const text of ['help desk manual', 'thanks giving guide', 'order of malta handbook']) {
      const reply = textOf((await dm(text)).blocks);
      expect(reply).toMatch(/Searched for|found nothing/);
      expect(reply).not.toContain('Handbooks and manuals: how to ask');
    }
  });

  it('answers /handbooks thanks in the acknowledgement', async () => {
    await bot.standIn.slashCommand({ user: REQUESTER, text: 'thank you!', channel: GENERAL });
    await bot.standIn.waitFor((c) => c.method === 'command_response');
    expect(bot.standIn.ephemerals(REQUESTER).at(-1)?.text).toBe(en('conversation.thanks'));
  });

  it('answers how to order with the steps and the button that opens the empty order dialog, in the language asked', async () => {
    const reply = await dm('comment commander ?');
    expect(textOf(reply.blocks)).toContain('Comment commander des exemplaires imprimés');
    await bot.standIn.clickButton({ user: REQUESTER, source: reply, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(topModal(bot.standIn, REQUESTER).title).toMatchObject({ text: fr('modal.order') });
    expect(topModal(bot.standIn, REQUESTER).blocks.some((b) => (b as { block_id?: string }).block_id === ORDER_BLOCK.quantity(1))).toBe(false);
    await bot.standIn.closeView({ user: REQUESTER });
  });
});

describe('a mention', () => {
  it('reads <!here> and formatting as what the person meant and finds the titles', async () => {
    const before = bot.standIn.messages(GENERAL).length;
    await bot.standIn.mention({ user: REQUESTER, channel: GENERAL, text: '<!here> *GBV* in crises?' });
    await bot.standIn.idle();
    const reply = bot.standIn.messages(GENERAL).slice(before).find((m) => m.user !== REQUESTER);
    if (!reply) throw new Error('no reply');
    expect(reply.thread_ts).toBeDefined();
    expect(textOf(reply.blocks)).toContain('Institutional Framework for Addressing Gender-Based Violence in Crises');
    expect(`${reply.text}\n${textOf(reply.blocks)}`).not.toMatch(/<!here>|\*GBV\*/);
  });
});

describe('my orders', () => {
  let reference = '';
  beforeAll(async () => {
    const items = [{ publicationId: HANDBOOK, quantity: 2, language: 'fr' }];
    reference = (await bot.store.submit({ items, delivery: DELIVERY, payment: PAYMENT }, { userId: REQUESTER }, 'conversation-test', CATALOGUE)).order.reference;
    // the outbox tells the requester in the DM: wait for it, so that it is not taken for an answer
    await bot.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.text === `Your order ${reference} is received`);
  });

  it('lists that person’s orders for "where is my order?" in a DM, in the language asked, and no one else’s', async () => {
    for (const [text, t] of [['where is my order?', en], ['mes commandes', fr], ['où est ma commande ?', fr], ['¿dónde está mi pedido?', es]] as const) {
      const reply = await dm(text);
      expect(textOf(reply.blocks)).toContain(`${reference}* · ${t('status.submitted')}`);
      expect(reply.text).toBe(t('ownOrders.notification', { count: 1 }));
    }
    expect((await dm('where is my order?', OTHER)).text).toBe('You have no orders yet');
  });

  it('answers about one order by its reference, privately in a channel thread', async () => {
    const publicBefore = bot.standIn.messages(GENERAL).length;
    await bot.standIn.mention({ user: REQUESTER, channel: GENERAL, text: `status of ${reference}?` });
    await bot.standIn.idle();
    expect(bot.standIn.messages(GENERAL).slice(publicBefore).filter((m) => m.user !== REQUESTER)).toEqual([]);
    const answer = bot.standIn.ephemerals(REQUESTER).at(-1) as EphemeralMessage;
    expect(answer.channel).toBe(GENERAL);
    expect(answer.thread_ts).toBeDefined();
    expect(textOf(answer.blocks)).toContain(`${reference}* · Submitted`);
    await bot.standIn.mention({ user: OTHER, channel: GENERAL, text: `status of ${reference}?` });
    await bot.standIn.idle();
    const other = textOf((bot.standIn.ephemerals(OTHER).at(-1) as EphemeralMessage).blocks);
    expect(other).toContain(`I found no order *${reference}* among yours`);
    expect(other).not.toContain(`${reference}* · Submitted`);
  });

  it('shows an order admin any order asked about by its reference', async () => {
    expect(textOf((await dm(`where is ${reference}?`, ADMIN)).blocks)).toContain(`${reference}* · Submitted`);
  });
});

describe('an order request in words', () => {
  it('answers a DM with a button that opens the dialog with the title, 5 copies and the Arabic edition filled in', async () => {
    const reply = await dm('Hi! Can I order 5 copies of the reintegration handbook in Arabic?');
    expect(textOf(reply.blocks)).toContain('*5 copies* of *Reintegration Handbook');
    const [order] = buttonsOf(reply.blocks);
    expect(order?.text.text).toBe('Order 5 × Reintegration Handbook (Arabic)');
    await bot.standIn.clickButton({ user: REQUESTER, source: reply, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const view = topModal(bot.standIn, REQUESTER);
    expect(firstLine(view)).toEqual({ text: expect.stringContaining('Reintegration Handbook - Practical guidance'), quantity: '5', language: 'ar' });
    // the person can change what was filled in: 7 copies in French go on to the delivery step
    await setLine(bot.standIn, REQUESTER, 1, '7', 'fr');
    const ack = await bot.standIn.submitView({ user: REQUESTER });
    expect(ack.body).toMatchObject({ response_action: 'update', view: { callback_id: 'order_step_delivery' } });
    expect(decodeDraft((ack.body as { view: { private_metadata: string } }).view.private_metadata)?.lines).toEqual([
      { key: 1, publicationId: HANDBOOK, quantity: '7', language: 'fr' },
    ]);
    await bot.standIn.closeView({ user: REQUESTER });
  });

  it('answers in French and Spanish alike, in French and Spanish, reading number words', async () => {
    const french = await dm('je voudrais commander trois exemplaires du manuel de réintégration en français');
    expect(textOf(french.blocks)).toContain('*3 exemplaires* de *Reintegration Handbook');
    expect(buttonsOf(french.blocks)[0]?.text.text).toBe('Commander 3 × Reintegration Handbook (français)');
    await bot.standIn.clickButton({ user: REQUESTER, source: french, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    const view = topModal(bot.standIn, REQUESTER);
    expect(view.title).toMatchObject({ text: fr('modal.order') });
    expect(firstLine(view)).toMatchObject({ quantity: '3', language: 'fr' });
    await bot.standIn.closeView({ user: REQUESTER });
    const spanish = await dm('quiero pedir 10 copias de la guía psicosocial');
    expect(buttonsOf(spanish.blocks)[0]?.text.text).toMatch(/^Pedir 10 × Guía para la Atención Psicosocial/);
  });

  it('says when the title has no edition in the language asked for, and leaves the edition to choose', async () => {
    const reply = await dm('please send me 2 printed copies of Doing Business in Arabic');
    expect(textOf(reply.blocks)).toContain('has no Arabic edition (it has English, Italian)');
    expect(buttonsOf(reply.blocks)[0]?.text.text).toBe('Order 2 × Doing Business- Practical Guide for migrant entrepreneurs');
    await bot.standIn.clickButton({ user: REQUESTER, source: reply, actionId: ACTION.orderStart });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(firstLine(topModal(bot.standIn, REQUESTER))).toMatchObject({ quantity: '2', language: null });
    await bot.standIn.closeView({ user: REQUESTER });
  });

  it('offers the candidates, each filled in, when the words fit several titles', async () => {
    const reply = await dm('can I order 4 copies of the trafficking training guide?');
    const buttons = buttonsOf(reply.blocks);
    expect(textOf(reply.blocks)).toMatch(/“trafficking training guide” fits \d+ titles/);
    expect(buttons.filter((b) => b.text.text.startsWith('Order 4 × '))).toHaveLength(3);
    expect(buttons.at(-1)?.text.text).toBe(en('button.orderCopies'));
  });

  it('answers privately in a channel thread', async () => {
    const before = bot.standIn.messages(GENERAL).length;
    await bot.standIn.mention({ user: REQUESTER, channel: GENERAL, text: 'could I get 5 copies of the reintegration handbook in arabic' });
    await bot.standIn.idle();
    expect(bot.standIn.messages(GENERAL).slice(before).filter((m) => m.user !== REQUESTER)).toEqual([]);
    const answer = bot.standIn.ephemerals(REQUESTER).at(-1) as EphemeralMessage;
    expect(buttonsOf(answer.blocks)[0]?.text.text).toBe('Order 5 × Reintegration Handbook (Arabic)');
  });

  it.each(['order 5 copies of the reintegration handbook in arabic', 'can I order 5 copies of the reintegration handbook in Arabic?'])(
    'opens the filled-in dialog at once from /handbooks %s',
    async (text) => {
      const opened = bot.standIn.callsTo('views.open').length;
      await bot.standIn.slashCommand({ user: REQUESTER, text, channel: GENERAL });
      await bot.standIn.waitFor((c) => c.method === 'views.open' && bot.standIn.callsTo('views.open').length > opened);
      const line = firstLine(topModal(bot.standIn, REQUESTER));
      expect(line).toMatchObject({ quantity: '5', language: 'ar' });
      expect(line.text).toContain('I added *5 copies* of *Reintegration Handbook');
      expect(line.text).toContain('Arabic edition');
      await bot.standIn.closeView({ user: REQUESTER });
    },
  );
});
