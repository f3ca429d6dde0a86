/**
 * The console session driving apps through the stand-in with scripts: a small Bolt app exercising Block Kit
 * the order dialog does not use (pushed modals, checkboxes, overflow menus, link buttons), and the real app
 * with an order store on a temporary SQLite file (validation errors under fields, Back, the review step).
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOfflineConsole, startOfflineConsole, OFFLINE_USER } from '../../src/offline/console/index.js';
import { SlackStandIn } from '../../src/offline/standin/index.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import type { OrderStore } from '../../src/orders/store.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { openTestCatalogue } from '../support/live-catalogue.js';

/** A writable that keeps what was written. */
function transcript(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(out, { text: () => chunks.join('') });
}

const script = (...lines: string[]) => Readable.from([`${lines.join('\n')}\n`]);
const plain = (text: string) => ({ type: 'plain_text' as const, text });

describe('console session on a probe app', () => {
  let standIn: SlackStandIn;
  let app: App;
  const submissions: unknown[] = [];

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    app = new App({ token: standIn.botToken, botId: standIn.botId, botUserId: standIn.botUserId, receiver: new HTTPReceiver({ signingSecret: standIn.signingSecret }), clientOptions: { slackApiUrl: standIn.apiUrl } });
    app.command('/handbooks', async ({ ack, respond, command, client }) => {
      await ack();
      if (command.text === 'form') {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'first',
            title: plain('First'),
            submit: plain('Next'),
            blocks: [
              { type: 'input', block_id: 'topics', label: plain('Topics'), element: { type: 'checkboxes', action_id: 'topics', options: [{ text: plain('Health'), value: 'h' }, { text: plain('Labour'), value: 'l' }, { text: plain('Return'), value: 'r' }] } },
              { type: 'input', block_id: 'note', optional: true, label: plain('Note'), element: { type: 'plain_text_input', action_id: 'note', multiline: true } },
            ],
          },
        });
        return;
      }
      await respond({
        text: 'menu',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'Pick *one* &lt;thing&gt;' }, accessory: { type: 'overflow', action_id: 'more', options: [{ text: plain('Alpha'), value: 'a' }, { text: plain('Beta'), value: 'b' }] } },
          { type: 'actions', elements: [{ type: 'button', action_id: 'site', text: plain('Website'), url: 'https://www.iom.int' }] },
        ],
      });
    });
    app.action('more', async ({ ack, action, respond }) => {
      await ack();
      await respond({ replace_original: true, text: `You chose ${(action as { selected_option: { value: string } }).selected_option.value}` });
    });
    app.action('site', async ({ ack }) => ack());
    app.view('first', async ({ ack, view }) => {
      submissions.push(view.state.values);
      await ack({ response_action: 'push', view: { type: 'modal', callback_id: 'second', title: plain('Second'), close: plain('Back'), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Pushed on top' } }] } });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as { address(): AddressInfo };
    standIn.connect(`http://127.0.0.1:${server.address().port}/slack/events`);
  });

  afterAll(async () => {
    await app.stop();
    await standIn.stop();
  });

  it('presses overflow menus by option name, shows link buttons, and follows replaced messages', async () => {
    const out = transcript();
    await runOfflineConsole({ standIn, input: script('/handbooks menu', '1', 'beta', '2', '9'), output: out });
    const text = out.text();
    expect(text).toContain('Pick one <thing>');
    expect(text).toContain('[1] ⋯ more');
    expect(text).toMatch(/only you can see this\) \(updated\)[^\n]*\n {2}You chose b/);
    expect(text).toContain('There is no button [2]');
  });

  it('checks required fields first, takes several options and several lines, then follows a pushed modal and closes back to the first', async () => {
    const out = transcript();
    await runOfflineConsole({ standIn, input: script('/handbooks form', '', 'first line', 'second line', '', 's', 'health, 3', 's', 'back', 'c', '/handbooks menu'), output: out });
    const text = out.text();
    expect(text).toContain('Some required fields are empty:');
    expect(text).toContain('! Please complete this required field.');
    expect(submissions.at(-1)).toMatchObject({
      topics: { topics: { selected_options: [{ value: 'h' }, { value: 'r' }] } },
      note: { note: { value: 'first line\nsecond line' } },
    });
    expect(text).toContain('┌─ Second');
    expect(text.lastIndexOf('┌─ First')).toBeGreaterThan(text.indexOf('┌─ Second'));
    expect(text).toContain('▸ Topics: Health, Return');
    expect(standIn.topModal(OFFLINE_USER.id)).toBeUndefined();
  });

  it('closes the dialog and says so when input ends in the middle of it', async () => {
    const out = transcript();
    await runOfflineConsole({ standIn, input: script('/handbooks form', 'health'), output: out });
    expect(out.text()).toMatch(/\? Note \(optional\)\n.*\n\(input ended: the dialog was closed without being submitted\)\n$/);
    expect(standIn.topModal(OFFLINE_USER.id)).toBeUndefined();
  });
});

describe('console session on the real app with an order store', () => {
  let dir: string;
  let store: OrderStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'offline-console-'));
    store = openSqliteOrderStore(join(dir, 'orders.sqlite'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the app\'s errors under their field, asks again, goes Back, and stores nothing until submitted', async () => {
    const out = transcript();
    const running = await startOfflineConsole({
      deps: { engine: createSearchEngine(loadCatalogue()), ordersChannelId: undefined, adminIds: [], orders: { store } },
      logLevel: 'error',
      input: script('/handbooks order', 'toolkit', '1', '0', 'french', '', 's', '2', 's', '', '', '', '', '', '', '', 'back', '', '', '', 'c'),
      output: out,
    });
    await running.finished;
    const text = out.text();
    expect(text).toMatch(/\? Copies\n.*\n {2}! Quantity must be a whole number from 1 to 500/);
    expect(text).toContain('Step 2 of 4');
    expect(text.lastIndexOf('Step 1 of 4')).toBeGreaterThan(text.indexOf('Step 2 of 4'));
    expect(text).toContain('(now: Alex Example — Enter keeps it');
    expect(text).toMatch(/dialog> c\n$/);
    expect((await store.listByRequester(OFFLINE_USER.id))).toEqual([]);
  });

  /** Runs the real app's console on `lines`; resolves with the transcript. */
  async function session(...lines: string[]): Promise<string> {
    const out = transcript();
    const running = await startOfflineConsole({
      deps: { engine: createSearchEngine(loadCatalogue()), ordersChannelId: undefined, adminIds: [], orders: { store } },
      logLevel: 'error',
      input: script(...lines),
      output: out,
    });
    await running.finished;
    return out.text();
  }
  /** Step 1 with three French copies of the toolkit, then Next. */
  const TO_DELIVERY = ['/handbooks order', 'toolkit', '1', '3', 'french', '', 'next'];

  it('numbers a filtered list from 1, and takes numbers from the list shown', async () => {
    // Name kept, an address, then the country: letters first (249 options are not listed), a number not shown, then one shown.
    const text = await session(...TO_DELIVERY, '', '17 route des Morillons', '', 'united', '9', '2', '', '', '', '', 's', '/cancel');
    expect(text).toContain('! Several options fit "united":\n  U:\n    1. United Arab Emirates\n    2. United Kingdom\n');
    expect(text).toContain('! There is no 9 in the list shown (1–6)');
    expect(text).toContain('▸ Country: United Kingdom');
  });

  it('leaves the dialog from inside a field with /cancel, shown once in the hints, so "quit" or "home" stay values', async () => {
    const text = await session(...TO_DELIVERY, '', '17 route des Morillons', '', 'switzerland', 'home', '/cancel', 'home', 'quit');
    expect(text.split('/cancel leaves the dialog')).toHaveLength(2);
    expect(text).toMatch(/\? Zip or postal code \(optional\)\n.*\n {2}> \/cancel\n\(you pressed Cancel\)\n> home\n/);
    expect(text).toContain('══ App Home of handbooks');
    expect(text.trimEnd().endsWith('> quit')).toBe(true);
    expect((await store.listByRequester(OFFLINE_USER.id))).toEqual([]);
  });

  it('answers thanks, and an order request in words with a button that opens the dialog filled in', async () => {
    const text = await session('thanks!', 'can I order 5 copies of the reintegration handbook in Arabic?', '1', '', '', '/cancel', 'where is my order?', 'quit');
    expect(text).toContain("> thanks!\n── handbooks in DM ─────────────────────────────────────────\n  You're welcome!");
    expect(text).toContain('[1] Order 5 × Reintegration Handbook (Arabic)');
    expect(text).toContain('(now: 5 — Enter keeps it');
    expect(text).toMatch(/4\. Arabic\n.*\(now: Arabic — Enter keeps it/);
    expect(text).toContain('> where is my order?\n── handbooks in DM ─────────────────────────────────────────\n  You have no orders yet.');
  });

  it('shows the preview of a link posted in #general under it, in the person\'s language, its Order print copy opening the dialog with the title', async () => {
    const agenda = 'https://publications.iom.int/books/migration-and-2030-agenda-guide-practitioners';
    const text = await session(`say have you seen <${agenda}/?utm_source=mail|the guide>?`, '1', '/cancel', 'say no links here', 'quit');
    expect(text).toContain(
      [
        '── handbooks in #general, preview of a link ────────────────',
        `  ${agenda}/?utm_source=mail`,
        '  Migration and the 2030 Agenda: A Guide for Practitioners',
        '  2018 · 156 pages · English, French, Spanish · ISBN 978-9968-542-71-5 (to be confirmed)',
        '  Link to the edition in English',
        '  [1] Order print copy  [2] Details',
      ].join('\n'),
    );
    expect(text).toMatch(/\(you pressed Order print copy\)\n┌─ Order print copies ─+\n│ Step 1 of 4 · Publications and quantities\n│ Migration and the 2030 Agenda/);
    expect(text).toContain('> say no links here\n(posted; Slack tells handbooks only of links to publication sites, and this message has none)');

    const out = transcript();
    const french = await startOfflineConsole({
      deps: { engine: createSearchEngine(loadCatalogue()), ordersChannelId: undefined, adminIds: [], orders: { store } },
      logLevel: 'error',
      input: script(`say ${agenda}`, 'quit'),
      output: out,
      locale: 'fr',
    });
    await french.finished;
    expect(out.text()).toContain('  2018 · 156 pages · français, anglais, espagnol · ISBN 978-9968-542-71-5 (à confirmer)\n  Lien vers l’édition en anglais\n  [1] Commander un exemplaire  [2] Détails');
  });
});

describe('importing a listing page offline', () => {
  const listing = fileURLToPath(new URL('../fixtures/catalogue/listing-update.txt', import.meta.url));

  async function session(...lines: string[]): Promise<string> {
    const { catalogue } = await openTestCatalogue();
    const out = transcript();
    const running = await startOfflineConsole({ deps: { engine: catalogue.engine, catalogue, ordersChannelId: undefined, adminIds: [] }, logLevel: 'error', input: script(...lines), output: out });
    await running.finished;
    return out.text();
  }

  it('uploads a file into the DM with /upload, shows the dry run, applies it on its button, and searches find the new title', async () => {
    const text = await session(`/upload ${listing} import`, '1', '/handbooks return counselling for migrant families', 'quit');
    expect(text).toContain('(uploading listing-update.txt, ');
    expect(text).toContain('Import of listing-update.txt: what it would change');
    expect(text).toContain('line 24: the page says “Italia”, which is not a language name; read as Italian (it).');
    expect(text).toMatch(/\[1\] Apply\s+\[2\] Discard/);
    expect(text).toContain('Import of listing-update.txt applied by @');
    expect(text).toMatch(/> \/handbooks return counselling for migrant families\n[\s\S]*Handbook on Return Counselling for Migrant Families/);
  });

  it('says when the file cannot be read, or none is named', async () => {
    const text = await session('/upload no-such-listing.txt', '/upload', '/upload "a file.txt" with a comment', 'quit');
    expect(text).toContain('(cannot read no-such-listing.txt: ENOENT)');
    expect(text).toContain('Say which file to upload: /upload PATH [comment]');
    expect(text).toContain('(cannot read a file.txt: ENOENT)');
  });
});
