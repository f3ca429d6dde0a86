/**
 * Every way staff reach the search, end to end: signed requests through Bolt's real HTTPReceiver, the
 * real catalogue and search engine, and the stand-in for Slack recording every call the app makes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { EphemeralMessage, StoredMessage } from '../../src/offline/standin/index.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';

const ALICE = 'U0ALICE';
const GENERAL = 'C0GENERAL';
const CLOSED = 'C0CLOSED';

describe('search surfaces through the stand-in for Slack', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot({
      engine: createSearchEngine(loadCatalogue()),
      channels: [{ id: GENERAL, name: 'general' }, { id: CLOSED, name: 'closed', isMember: false }],
    });
  });
  afterEach(async () => {
    await bot.standIn.idle();
    expectWithinBlockKitLimits(bot.standIn);
  });
  afterAll(() => bot.stop());

  /** Runs `/handbooks text` and returns the ephemeral answer Alice sees, given in the command's acknowledgement. */
  async function command(text: string, channel = GENERAL): Promise<EphemeralMessage> {
    const before = bot.standIn.ephemerals(ALICE).length;
    const ack = await bot.standIn.slashCommand({ user: ALICE, text, channel });
    expect(ack.status).toBe(200);
    // answered in the acknowledgement (Slack's immediate response), not by a later post to response_url
    const reply = await bot.standIn.waitFor((c) => c.method === 'command_response');
    expect(reply.args.response_type).toBe('ephemeral');
    await bot.standIn.idle();
    expect(bot.standIn.callsTo('response_url').filter((c) => c.responseUrl === reply.responseUrl)).toEqual([]);
    const shown = bot.standIn.ephemerals(ALICE);
    expect(shown).toHaveLength(before + 1);
    return shown[shown.length - 1] as EphemeralMessage;
  }

  /** The newest ephemeral message Alice sees. */
  const latestEphemeral = () => bot.standIn.ephemerals(ALICE).at(-1) as EphemeralMessage;

  describe('/handbooks', () => {
    it('answers a search privately with what was understood, results, their buttons and More results', async () => {
      const answer = await command('reintegration');
      const text = textOf(answer.blocks);
      expect(text).toContain('Searched for');
      expect(text).toContain('Reintegration Handbook');
      expect(text).toMatch(/\*reintegration\*/i);
      const ids = buttonsOf(answer.blocks).map((b) => b.action_id);
      expect(ids).toEqual(expect.arrayContaining(['publication_details', 'order_start', 'publication_share']));
    });

    it('gives help for `help` and for no text at all', async () => {
      for (const text of ['help', '']) {
        const answer = await command(text);
        expect(textOf(answer.blocks)).toContain('/handbooks orders');
      }
    });

    it('lists the whole catalogue newest first and pages with More titles, replacing the ephemeral answer', async () => {
      const first = await command('list');
      expect(textOf(first.blocks)).toContain('22 titles, newest first');
      expect(textOf(first.blocks)).toContain('Titles 1–15 of 22');
      await bot.standIn.clickButton({ user: ALICE, source: first, actionId: 'list_more' });
      await bot.standIn.waitFor((c) => c.method === 'response_url' && c.args.replace_original === true);
      await bot.standIn.idle();
      expect(textOf(latestEphemeral().blocks)).toContain('Titles 16–22 of 22');
      expect(buttonsOf(latestEphemeral().blocks).some((b) => b.action_id === 'list_more')).toBe(false);
    });

    it('lists the titles with an edition in a language', async () => {
      const answer = await command('list spanish');
      const text = textOf(answer.blocks);
      expect(text).toContain('Spanish');
      expect(text).toContain('Reintegration Handbook');
      expect(text).not.toContain('Safety Trip');
    });

    it('searches unknown subcommands', async () => {
      const answer = await command('handbook reintegration');
      expect(textOf(answer.blocks)).toContain('Reintegration Handbook');
    });

    it('reads `<!channel>` and `<@U123>` as addressing, and echoes them typed as text without a ping', async () => {
      const pinged = await command('<!channel> <@U123> *reintegration*');
      expect(textOf(pinged.blocks)).toContain('Reintegration Handbook');
      expect(pinged.text).toMatch(/^\d+ results for “reintegration”$/);
      expect(textOf(pinged.blocks)).not.toMatch(/<!channel>|<@U123>/);
      // Typed as text, Slack sends the characters as entities: they are echoed, escaped, never a ping.
      const typed = await command('&lt;!channel&gt; zqxwv');
      const all = `${typed.text}\n${textOf(typed.blocks)}`;
      expect(all).toContain('I found nothing for “&lt;!channel&gt; zqxwv”');
      expect(all).not.toMatch(/<!channel>/);
    });

    it('answers a query that finds nothing with help, never with an empty message', async () => {
      const answer = await command('zqxwv');
      const text = textOf(answer.blocks);
      expect(text).toContain('I found nothing for “zqxwv”');
      expect(text).toContain('Try for example:');
    });

    it('pages search results with More results, replacing the ephemeral answer', async () => {
      const first = await command('migrants');
      const more = buttonsOf(first.blocks).find((b) => b.action_id === 'search_more');
      expect(more).toBeDefined();
      expect(textOf(first.blocks)).toContain('Results 1–5 of');
      await bot.standIn.clickButton({ user: ALICE, source: first, actionId: 'search_more' });
      await bot.standIn.waitFor((c) => c.method === 'response_url' && c.args.replace_original === true);
      await bot.standIn.idle();
      expect(textOf(latestEphemeral().blocks)).toMatch(/Results 6–\d+ of/);
    });
  });

  describe('mentions and direct messages', () => {
    it('answers a mention in a thread under it, and a mention inside a thread in that thread', async () => {
      const delivery = await bot.standIn.mention({ user: ALICE, channel: GENERAL, text: 'reintegration' });
      const post = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      const mentionTs = (delivery.envelope.event as { ts: string }).ts;
      expect(post.args).toMatchObject({ channel: GENERAL, thread_ts: mentionTs });
      expect(textOf(post.args.blocks as unknown[])).toContain('Reintegration Handbook');
      expect(textOf(post.args.blocks as unknown[])).not.toContain(bot.standIn.botUserId);

      await bot.standIn.mention({ user: ALICE, channel: GENERAL, text: 'help', threadTs: mentionTs });
      const inThread = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      expect(inThread.args).toMatchObject({ channel: GENERAL, thread_ts: mentionTs });
      expect(textOf(inThread.args.blocks as unknown[])).toContain('/handbooks orders');
    });

    it('answers a mention once even when Slack retries its delivery', async () => {
      const delivery = await bot.standIn.mention({ user: ALICE, channel: GENERAL, text: 'reintegration' });
      await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      const posts = bot.standIn.callsTo('chat.postMessage').length;
      await bot.standIn.retryEvent(delivery, 1, 'http_timeout');
      await bot.standIn.idle();
      expect(bot.standIn.callsTo('chat.postMessage')).toHaveLength(posts);
    });

    it('answers a direct message in the DM, without Share in channel', async () => {
      await bot.standIn.directMessage({ user: ALICE, text: 'reintegration in French' });
      const post = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      expect(post.args.channel).toBe(bot.standIn.dmChannel(ALICE));
      expect(post.args.thread_ts).toBeUndefined();
      const blocks = post.args.blocks as unknown[];
      expect(textOf(blocks)).toContain('Reintegration Handbook');
      expect(buttonsOf(blocks).some((b) => b.action_id === 'publication_share')).toBe(false);
    });

    it('pages a thread answer with a new message in the same thread', async () => {
      await bot.standIn.mention({ user: ALICE, channel: GENERAL, text: 'migrants' });
      await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      await bot.standIn.idle();
      const answer = bot.standIn.messages(GENERAL).at(-1) as StoredMessage;
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'search_more' });
      const next = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      expect(next.args).toMatchObject({ channel: GENERAL, thread_ts: answer.thread_ts });
      expect(textOf(next.args.blocks as unknown[])).toMatch(/Results 6–\d+ of/);
    });
  });

  describe('buttons', () => {
    it('Details opens a modal with every edition, its link or "no link recorded", and the whole summary', async () => {
      const answer = await command('reintegration handbook');
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'publication_details', value: 'reintegration-handbook' });
      await bot.standIn.waitFor((c) => c.method === 'views.open');
      await bot.standIn.idle();
      const modal = bot.standIn.topModal(ALICE);
      const text = textOf(modal?.blocks ?? []);
      expect(text).toContain('Reintegration Handbook');
      expect(text).toContain('*ISBN*\n978-92-9068-811-2');
      expect(text).toMatch(/• \*French\*: <https:[^|]+\|publication page>/);
      expect(text).toContain('• *Arabic*: no link recorded');
      bot.standIn.modalStack(ALICE).splice(0);
    });

    it('Details tells the user plainly when Slack refuses to open the modal', async () => {
      const answer = await command('reintegration handbook');
      bot.standIn.failNext('views.open', { error: 'expired_trigger_id' });
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'publication_details', value: 'reintegration-handbook' });
      const told = await bot.standIn.waitFor((c) => c.method === 'response_url' && c.args.replace_original === false);
      expect(told.args.text).toContain('expired_trigger_id');
    });

    it('Share in channel posts the result for everyone, saying who shared it', async () => {
      const answer = await command('reintegration handbook');
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'publication_share', value: 'reintegration-handbook' });
      const post = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      expect(post.result.ok).toBe(true);
      await bot.standIn.idle();
      const shared = bot.standIn.messages(GENERAL).at(-1) as StoredMessage;
      expect(textOf(shared.blocks)).toContain(`Shared by <@${ALICE}>`);
      expect(textOf(shared.blocks)).toContain('Reintegration Handbook');
      expect(shared.thread_ts).toBeUndefined();
    });

    it('Share in channel tells the user how to invite the bot where it is not a member', async () => {
      const answer = await command('reintegration handbook', CLOSED);
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'publication_share', value: 'reintegration-handbook' });
      const failed = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      expect(failed.result).toMatchObject({ ok: false, error: 'not_in_channel' });
      const told = await bot.standIn.waitFor((c) => c.method === 'response_url');
      expect(told.args.text).toContain('/invite @handbooks');
      expect(bot.standIn.messages(CLOSED)).toHaveLength(0);
    });

    it('Share in channel reports any other refusal from Slack plainly', async () => {
      const answer = await command('reintegration handbook');
      bot.standIn.failNext('chat.postMessage', { error: 'is_archived' });
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'publication_share', value: 'reintegration-handbook' });
      const told = await bot.standIn.waitFor((c) => c.method === 'response_url');
      expect(told.args.text).toContain('is_archived');
    });

    it('a button for a title no longer in the catalogue says so', async () => {
      const answer = await command('reintegration handbook');
      await bot.standIn.clickButton({ user: ALICE, source: answer, actionId: 'publication_details', value: 'withdrawn-title' });
      const told = await bot.standIn.waitFor((c) => c.method === 'response_url');
      expect(told.args.text).toContain('no longer in the catalogue');
    });
  });

  describe('App Home', () => {
    it('publishes what the bot does, the catalogue at a glance and an order button', async () => {
      await bot.standIn.openHome(ALICE);
      await bot.standIn.waitFor((c) => c.method === 'views.publish');
      await bot.standIn.idle();
      const home = bot.standIn.home(ALICE);
      const text = textOf(home?.blocks ?? []);
      expect(text).toContain('The catalogue at a glance');
      expect(text).toContain('22 titles');
      expect(text).toContain('English:');
      expect(buttonsOf(home?.blocks ?? []).find((b) => b.action_id === 'order_start')?.value).toBeUndefined();
    });

    it('opens Details from Home, where there is no response_url, and reports a failure in the DM', async () => {
      await bot.standIn.openHome(ALICE);
      await bot.standIn.waitFor((c) => c.method === 'views.publish');
      await bot.standIn.idle();
      const home = bot.standIn.home(ALICE);
      if (!home) throw new Error('no Home view');
      const details = buttonsOf(home.blocks).find((b) => b.action_id === 'publication_details');
      await bot.standIn.clickButton({ user: ALICE, source: home, actionId: 'publication_details', value: details?.value });
      const opened = await bot.standIn.waitFor((c) => c.method === 'views.open');
      expect(opened.result.ok).toBe(true);
      bot.standIn.modalStack(ALICE).splice(0);
      await bot.standIn.idle();

      bot.standIn.failNext('views.open', { error: 'internal_error', times: 5 });
      await bot.standIn.clickButton({ user: ALICE, source: home, actionId: 'publication_details', value: details?.value });
      const told = await bot.standIn.waitFor((c) => c.method === 'chat.postMessage');
      expect(told.args.channel).toBe(ALICE);
      expect(told.args.text).toContain('internal_error');
    });
  });
});
