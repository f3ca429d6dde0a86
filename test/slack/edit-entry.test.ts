/**
 * Edit entry end to end: the real app behind Bolt's receiver (signed requests) against the stand-in for
 * Slack, on a real live catalogue in a temporary SQLite file. A catalogue admin opens a title's Details,
 * edits the entry, and what is saved is answered at once; bad values are refused under their fields with
 * nothing saved; anyone else sees no button and is refused at a forged click or submission; a price set
 * here is the one a new order's review and ORDER FORM use.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewFlagKey } from '../../src/catalogue/entry-edit.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { translator } from '../../src/i18n/translator.js';
import type { StoredView } from '../../src/offline/standin/index.js';
import { ACTION, CALLBACK } from '../../src/slack/blocks/action-ids.js';
import { decodeEditMetadata, EDIT_BLOCK } from '../../src/slack/blocks/edit-entry.js';
import { actions, button } from '../../src/slack/blocks/kit.js';
import { openStorage } from '../../src/storage.js';
import { openTestCatalogue, type TestCatalogue } from '../support/live-catalogue.js';
import { expectWithinBlockKitLimits, signRequest, startTestBot, type TestBot } from '../support/test-bot.js';
import { CATALOGUE, FRAMEWORK, HANDBOOK, tempDir } from '../orders/fixtures.js';
import { buttonsOf, textOf } from './block-query.js';
import { ackErrors, addPublication, VALID_DELIVERY } from './orders-flow.js';
import { topModal } from './orders-harness.js';
import { makePublication } from './publications.js';

const ADMIN = 'U0EDITOR';
const OTHER = 'U0STAFF';
const ORDERS_CHANNEL = 'C0ORDERS';
const en = translator('en');

const ISBN_FLAG = { field: 'isbn', code: 'isbn-shared', message: 'ISBN 978-92-9068-811-2 is also given for another title (line 12)' } as const;
const FLAGGED = makePublication({ id: 'flagged-handbook', title: 'Flagged <Field> Handbook', needsReview: [ISBN_FLAG] });
const PUBLICATIONS: readonly Publication[] = [...CATALOGUE, FLAGGED];

let bot: TestBot | undefined;
let opened: TestCatalogue;

afterEach(async () => {
  if (bot) expectWithinBlockKitLimits(bot.standIn);
  await bot?.stop();
  bot = undefined;
});

/** The app on a live catalogue of PUBLICATIONS, ADMIN its catalogue admin; `orders` adds an order store. */
async function start(options: { orders?: boolean } = {}): Promise<TestBot> {
  opened = await openTestCatalogue(PUBLICATIONS);
  const { catalogue } = opened;
  const storage = options.orders ? await openStorage({ sqliteFile: join(tempDir(), 'orders.sqlite') }) : undefined;
  bot = await startTestBot({
    deps: {
      engine: catalogue.engine,
      catalogue,
      adminIds: [],
      catalogueAdminIds: [ADMIN],
      ...(storage ? { orders: { store: storage.orders, outboxIntervalMs: 20 }, ordersChannelId: ORDERS_CHANNEL } : {}),
    },
    channels: [{ id: ORDERS_CHANNEL, name: 'publications-orders' }],
  });
  if (storage) {
    const stop = bot.stop;
    bot.stop = async () => {
      await stop();
      await storage.close();
    };
  }
  return bot;
}

/** `user` searches for `query` and opens the Details of title `id` in `locale`; the Details modal. */
async function openDetails(b: TestBot, user: string, query: string, id: string, locale = 'en'): Promise<StoredView> {
  await b.standIn.slashCommand({ user, text: query });
  await b.standIn.waitFor((c) => c.method === 'command_response');
  const answer = b.standIn.ephemerals(user).at(-1);
  if (!answer) throw new Error('no answer');
  await b.standIn.clickButton({ user, source: answer, actionId: ACTION.details, value: `${locale}:${id}` });
  await b.standIn.waitFor((c) => c.method === 'views.open');
  return topModal(b.standIn, user);
}

/** ADMIN opens the Edit entry modal from the Details of title `id`; the modal, pushed over Details. */
async function openEditor(b: TestBot, query: string, id: string, locale = 'en'): Promise<StoredView> {
  const details = await openDetails(b, ADMIN, query, id, locale);
  await b.standIn.clickButton({ user: ADMIN, source: details, actionId: ACTION.editEntry });
  await b.standIn.waitFor((c) => c.method === 'views.push');
  const editor = topModal(b.standIn, ADMIN);
  expect(editor.callback_id).toBe(CALLBACK.editEntry);
  return editor;
}

/** The stored entry `id`, as a new process would read it. */
async function stored(id: string): Promise<Publication | undefined> {
  return (await opened.store.load()).publications.find((p) => p.id === id);
}

/** The last direct message `user` got from the bot. */
function lastDm(b: TestBot, user: string): string {
  return b.standIn.messages(b.standIn.dmChannel(user)).at(-1)?.text ?? '';
}

describe('the Edit entry button', () => {
  it('is on the Details of a catalogue admin only', async () => {
    const b = await start();
    const staff = await openDetails(b, OTHER, 'gender-based violence crises', FRAMEWORK.id);
    expect(buttonsOf(staff.blocks).map((x) => x.action_id)).not.toContain(ACTION.editEntry);
    const admin = await openDetails(b, ADMIN, 'gender-based violence crises', FRAMEWORK.id);
    expect(buttonsOf(admin.blocks).find((x) => x.action_id === ACTION.editEntry)?.text.text).toBe('Edit entry');
  });

  it('opens the form over Details: a link per edition by language, prices, keywords, notes, the flags to clear', async () => {
    const b = await start();
    const editor = await openEditor(b, 'flagged field handbook', FLAGGED.id);
    expect(decodeEditMetadata(editor.private_metadata ?? '')).toMatchObject({ id: FLAGGED.id, baseVersion: opened.catalogue.version, locale: 'en' });
    const text = textOf(editor.blocks);
    expect(text).toContain('Flagged &lt;Field&gt; Handbook');
    expect(text).toContain('Link: English edition');
    expect(text).toContain('Link: French edition');
    expect(text).toContain('Print price in CHF');
    expect(text).toContain(`*ISBN: ${FLAGGED.isbn}*: ${ISBN_FLAG.message}`);
    expect(editor.state.values[EDIT_BLOCK.url('en')]?.[EDIT_BLOCK.url('en')]?.value).toBe(FLAGGED.urls.en);
    expect((editor.title as { text: string }).text).toBe('Edit entry');
  });

  it('opens the form on its own from a message row carrying the bare id (as the review list does), and saves without Details to refresh', async () => {
    const b = await start();
    await b.app.client.chat.postMessage({ channel: ADMIN, text: 'review', blocks: [actions([button({ text: 'Edit entry', actionId: ACTION.editEntry, value: FRAMEWORK.id })])] });
    const row = b.standIn.messages(b.standIn.dmChannel(ADMIN)).at(-1);
    if (!row) throw new Error('no message');
    await b.standIn.clickButton({ user: ADMIN, source: row, actionId: ACTION.editEntry });
    await b.standIn.waitFor((c) => c.method === 'views.open');
    const editor = topModal(b.standIn, ADMIN);
    expect(decodeEditMetadata(editor.private_metadata ?? '')).toEqual({ id: FRAMEWORK.id, baseVersion: opened.catalogue.version, locale: 'en' });
    await b.standIn.submitView({ user: ADMIN, values: { [EDIT_BLOCK.price('EUR')]: '9' } });
    await b.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ADMIN);
    expect(lastDm(b, ADMIN)).toContain('price in EUR now EUR\u00a09.00');
    expect(b.standIn.topModal(ADMIN)).toBeUndefined();
    expect(b.standIn.callsTo('views.update')).toEqual([]);
  });

  it('refuses a forged click by someone who is not a catalogue admin, opening nothing', async () => {
    const b = await start();
    const details = await openDetails(b, ADMIN, 'gender-based violence crises', FRAMEWORK.id);
    const pushes = b.standIn.callsTo('views.push').length;
    await b.standIn.clickButton({ user: OTHER, source: details, actionId: ACTION.editEntry, value: FRAMEWORK.id });
    await b.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === OTHER);
    expect(lastDm(b, OTHER)).toBe(en('admin.notAdmin'));
    expect(b.standIn.callsTo('views.push')).toHaveLength(pushes);
    expect(b.standIn.topModal(OTHER)).toBeUndefined();
  });

  it('refuses a forged submission by someone who is not a catalogue admin, saving nothing', async () => {
    const b = await start();
    const editor = await openEditor(b, 'gender-based violence crises', FRAMEWORK.id);
    const version = opened.catalogue.version;
    const price = EDIT_BLOCK.price('CHF');
    const payload = {
      type: 'view_submission',
      team: { id: 'T0STANDIN', domain: 'standin' },
      user: { id: OTHER, username: 'staff', name: 'staff', team_id: 'T0STANDIN' },
      api_app_id: 'ASTANDIN',
      token: 'standin-verification-token',
      trigger_id: '1.2.3',
      view: { ...editor, state: { values: { ...editor.state.values, [price]: { [price]: { type: 'plain_text_input', value: '0' } } } } },
      response_urls: [],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(b.requestUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signRequest(b.standIn.signingSecret, body, timestamp) },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { [EDIT_BLOCK.url('en')]: en('admin.notAdmin') } });
    expect(opened.catalogue.version).toBe(version);
    expect((await stored(FRAMEWORK.id))?.prices).toEqual({});
  });
});

describe('saving', () => {
  it('saves good values, answers with them at once (Details, search) and tells the admin what changed', async () => {
    const b = await start();
    const details = await openDetails(b, ADMIN, 'gender-based violence crises', FRAMEWORK.id);
    expect(textOf(details.blocks)).toContain('The listing announces a PDF but no link is recorded');
    await b.standIn.clickButton({ user: ADMIN, source: details, actionId: ACTION.editEntry });
    await b.standIn.waitFor((c) => c.method === 'views.push');
    const version = opened.catalogue.version;

    const link = 'https://publications.iom.int/books/institutional-framework-gbv';
    const ack = await b.standIn.submitView({
      user: ADMIN,
      values: {
        [EDIT_BLOCK.url('en')]: link,
        [EDIT_BLOCK.price('CHF')]: '12,50',
        [EDIT_BLOCK.price('USD')]: '$ 14',
        [EDIT_BLOCK.keywords]: 'GBV, crises,  protection ',
        [EDIT_BLOCK.notes]: 'Price agreed with the Unit <2026>',
      },
    });
    expect(ack.status).toBe(200);
    expect(ack.body === '' || ack.body === undefined || (ack.body as { response_action?: string }).response_action === undefined).toBe(true);

    const saved = await stored(FRAMEWORK.id);
    expect(saved).toEqual({ ...FRAMEWORK, urls: { en: link }, prices: { CHF: 12.5, USD: 14 }, keywords: ['GBV', 'crises', 'protection'], notes: 'Price agreed with the Unit <2026>' });
    expect(opened.catalogue.version).toBe(version + 1);
    expect((await opened.catalogue.history(1))[0]).toMatchObject({ action: 'edit', actorId: ADMIN, summary: `Edited "${FRAMEWORK.title}": link (en), price (CHF), price (USD), keywords, notes` });

    // The Details under the form show the change; the form is gone.
    await b.standIn.waitFor((c) => c.method === 'views.update');
    const updated = topModal(b.standIn, ADMIN);
    expect(updated.id).toBe(details.id);
    const detailsText = textOf(updated.blocks);
    expect(detailsText).toContain(`<${link}|available for download>`);
    expect(detailsText).not.toContain('no link is recorded');
    expect(detailsText).toContain('CHF\u00a012.50 · USD\u00a014.00');

    // The admin is told what changed, in words and escaped.
    await b.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ADMIN);
    expect(lastDm(b, ADMIN)).toBe(
      `Saved *${FRAMEWORK.title}*: link of the English edition now <${link}|${link}>; price in CHF now CHF\u00a012.50; price in USD now USD\u00a014.00; keywords now GBV, crises, protection; notes changed. Searches, Details and new orders use it now.`,
    );

    // A search now links the title and finds it by a new keyword.
    await b.standIn.slashCommand({ user: OTHER, text: 'protection crises' });
    await b.standIn.waitFor((c) => c.method === 'command_response');
    expect(textOf(b.standIn.ephemerals(OTHER).at(-1)?.blocks ?? [])).toContain(`<${link}|${FRAMEWORK.title}>`);
  });

  it('clears a needsReview flag: the fact is then shown as fact', async () => {
    const b = await start();
    const details = await openDetails(b, ADMIN, 'flagged field handbook', FLAGGED.id);
    expect(textOf(details.blocks)).toContain(`${FLAGGED.isbn} (to be confirmed)`);
    await b.standIn.clickButton({ user: ADMIN, source: details, actionId: ACTION.editEntry });
    await b.standIn.waitFor((c) => c.method === 'views.push');
    await b.standIn.submitView({ user: ADMIN, values: { [EDIT_BLOCK.flags(0)]: [reviewFlagKey(ISBN_FLAG)] } });

    const saved = await stored(FLAGGED.id);
    expect(saved).not.toHaveProperty('needsReview');
    expect(saved).toEqual((({ needsReview: _flags, ...rest }) => rest)(FLAGGED));
    await b.standIn.waitFor((c) => c.method === 'views.update');
    const after = textOf(topModal(b.standIn, ADMIN).blocks);
    expect(after).toContain(`*ISBN*\n${FLAGGED.isbn}`);
    expect(after).not.toContain('to be confirmed');
    await b.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ADMIN);
    expect(lastDm(b, ADMIN)).toContain(`“ISBN: ${FLAGGED.isbn}” confirmed`);
  });

  it('refuses bad values under their fields and saves nothing', async () => {
    const b = await start();
    await openEditor(b, 'flagged field handbook', FLAGGED.id);
    const version = opened.catalogue.version;
    const ack = await b.standIn.submitView({
      user: ADMIN,
      values: {
        [EDIT_BLOCK.url('en')]: 'publications.iom.int/books/x',
        [EDIT_BLOCK.url('fr')]: 'javascript:alert(1)',
        [EDIT_BLOCK.price('CHF')]: '-5',
        [EDIT_BLOCK.price('EUR')]: '12 euros',
        [EDIT_BLOCK.price('USD')]: '1,250',
        [EDIT_BLOCK.keywords]: 'trafficking,, victims',
        [EDIT_BLOCK.flags(0)]: [reviewFlagKey(ISBN_FLAG)],
      },
    });
    expect(ackErrors(ack)).toEqual({
      [EDIT_BLOCK.url('en')]: en('edit.error.urlInvalid'),
      [EDIT_BLOCK.url('fr')]: en('edit.error.urlNotWeb'),
      [EDIT_BLOCK.price('CHF')]: 'A price cannot be negative.',
      [EDIT_BLOCK.price('EUR')]: 'Write the price as a number, such as 12.50 or 12,50.',
      [EDIT_BLOCK.price('USD')]: en('edit.error.priceAmbiguous'),
      [EDIT_BLOCK.keywords]: 'One of the keywords is empty: remove the extra comma.',
    });
    expect(topModal(b.standIn, ADMIN).callback_id).toBe(CALLBACK.editEntry);
    expect(opened.catalogue.version).toBe(version);
    expect(await stored(FLAGGED.id)).toEqual(FLAGGED);
  });

  it('reports a change made meanwhile in the modal, keeping the admin’s entries, and saves only when asked again', async () => {
    const b = await start();
    await openEditor(b, 'flagged field handbook', FLAGGED.id);
    // Someone else sets a price meanwhile.
    await opened.catalogue.apply({ action: 'edit', actorId: 'U0SOMEONE', summary: 'price', publications: [{ ...FLAGGED, prices: { EUR: 30 } }], baseVersion: opened.catalogue.version });
    const version = opened.catalogue.version;

    const ack = await b.standIn.submitView({ user: ADMIN, values: { [EDIT_BLOCK.price('CHF')]: '20' } });
    expect((ack.body as { response_action?: string }).response_action).toBe('update');
    const again = topModal(b.standIn, ADMIN);
    expect(textOf(again.blocks)).toContain('Someone changed the catalogue while you were editing, so nothing was saved');
    expect(textOf(again.blocks)).toContain('saving them now would change: price in CHF now CHF\u00a020.00; price in EUR removed.');
    expect(again.state.values[EDIT_BLOCK.price('CHF')]?.[EDIT_BLOCK.price('CHF')]?.value).toBe('20');
    expect(decodeEditMetadata(again.private_metadata ?? '')?.baseVersion).toBe(version);
    expect((await stored(FLAGGED.id))?.prices).toEqual({ EUR: 30 });

    await b.standIn.submitView({ user: ADMIN });
    expect((await stored(FLAGGED.id))?.prices).toEqual({ CHF: 20 });
  });
});

describe('in French and Spanish', () => {
  it.each([
    ['fr', 'Modifier la fiche', 'Lien : édition en anglais', 'Prix imprimé en CHF', 'Un prix ne peut pas être négatif.'],
    ['es', 'Editar la ficha', 'Enlace: edición en inglés', 'Precio impreso en CHF', 'Un precio no puede ser negativo.'],
  ])('shows the form and its errors in %s', async (locale, title, linkLabel, priceLabel, negative) => {
    const b = await start();
    const editor = await openEditor(b, 'flagged field handbook', FLAGGED.id, locale);
    expect((editor.title as { text: string }).text).toBe(title);
    const text = textOf(editor.blocks).replace(/\u00a0/g, ' ');
    expect(text).toContain(linkLabel);
    expect(text).toContain(priceLabel);
    const ack = await b.standIn.submitView({ user: ADMIN, values: { [EDIT_BLOCK.price('CHF')]: '-1' } });
    expect(ackErrors(ack)).toEqual({ [EDIT_BLOCK.price('CHF')]: negative });
  });
});

describe('prices in orders', () => {
  it('uses a price set by Edit entry in a new order’s review and its ORDER FORM', async () => {
    const b = await start({ orders: true });
    await openEditor(b, 'gender-based violence crises', FRAMEWORK.id);
    await b.standIn.submitView({ user: ADMIN, values: { [EDIT_BLOCK.price('CHF')]: '12.50' } });
    expect((await stored(FRAMEWORK.id))?.prices).toEqual({ CHF: 12.5 });

    await b.standIn.slashCommand({ user: OTHER, text: 'order' });
    await b.standIn.waitFor((c) => c.method === 'views.open');
    await addPublication(b.standIn, OTHER, FRAMEWORK.id);
    await b.standIn.submitView({ user: OTHER, values: { quantity: '3' } });
    await b.standIn.submitView({ user: OTHER, values: VALID_DELIVERY });
    await b.standIn.submitView({ user: OTHER, values: { currency: 'CHF', method: 'credit_card' } });
    const review = topModal(b.standIn, OTHER);
    expect(review.callback_id).toBe('order_step_review');
    expect(textOf(review.blocks)).toContain('Quantity: 3 · Unit price: CHF\u00a012.50 · Total: CHF\u00a037.50');

    await b.standIn.submitView({ user: OTHER });
    await b.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === OTHER);
    const dm = b.standIn.messages(b.standIn.dmChannel(OTHER)).at(-1);
    const mailto = (dm?.blocks as { elements?: { url?: string }[] }[]).flatMap((x) => x.elements ?? []).find((e) => e.url)?.url ?? '';
    const form = decodeURIComponent(mailto);
    expect(form).toContain('ORDER FORM');
    expect(form).toContain('Quantity: 3 | Unit price: CHF\u00a012.50 | Total: CHF\u00a037.50');
  });
  it('does not store an order at a price changed after its review was shown: the review comes back with the new price', async () => {
    const b = await start({ orders: true });
    await openEditor(b, 'gender-based violence crises', FRAMEWORK.id);
    await b.standIn.submitView({ user: ADMIN, values: { [EDIT_BLOCK.price('CHF')]: '12.50' } });

    await b.standIn.slashCommand({ user: OTHER, text: 'order' });
    await b.standIn.waitFor((c) => c.method === 'views.open');
    await addPublication(b.standIn, OTHER, FRAMEWORK.id);
    await b.standIn.submitView({ user: OTHER, values: { quantity: '2' } });
    await b.standIn.submitView({ user: OTHER, values: VALID_DELIVERY });
    await b.standIn.submitView({ user: OTHER, values: { currency: 'CHF', method: 'credit_card' } });
    expect(textOf(topModal(b.standIn, OTHER).blocks)).toContain('Unit price: CHF\u00a012.50');

    // The admin changes the price while the requester is looking at the review.
    const { catalogue } = opened;
    const current = catalogue.engine.get(FRAMEWORK.id)!;
    await catalogue.apply({ action: 'edit', actorId: ADMIN, summary: 'price', publications: [{ ...current, prices: { CHF: 15 } }], baseVersion: catalogue.version });

    await b.standIn.submitView({ user: OTHER });
    const review = topModal(b.standIn, OTHER);
    expect(review.callback_id).toBe('order_step_review');
    const text = textOf(review.blocks);
    expect(text).toContain('A price on this order changed while you were reviewing it.');
    expect(text).toContain('Quantity: 2 · Unit price: CHF\u00a015.00 · Total: CHF\u00a030.00');
    expect(b.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === ORDERS_CHANNEL)).toHaveLength(0);

    // Submitted again, at the price now shown, it is stored.
    await b.standIn.submitView({ user: OTHER });
    expect(topModal(b.standIn, OTHER).callback_id).not.toBe('order_step_review');
  });
});

describe('with the Handbook untouched', () => {
  it('keeps its recorded prices in the form, written the reader’s way', async () => {
    const b = await start();
    const editor = await openEditor(b, 'migrants vulnerable violence exploitation', HANDBOOK.id, 'fr');
    expect(editor.state.values[EDIT_BLOCK.price('USD')]?.[EDIT_BLOCK.price('USD')]?.value).toBe('48,50');
  });
});
