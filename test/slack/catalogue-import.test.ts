/**
 * Importing a listing page from Slack, end to end: a catalogue admin uploads the page in the DM with the
 * bot (the stand-in delivers Slack's signed `file_share` event, answers files.info and serves the download
 * only with the bot token), sees the dry run, and Apply writes it to the live catalogue (a real SQLite
 * file), which answers searches with it at once; Discard, a stale Apply, a double click, malformed and
 * unreadable files, and anyone else's upload or click change nothing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveCatalogue } from '../../src/catalogue/live.js';
import { DEFAULT_CHANNEL, type StoredMessage } from '../../src/offline/standin/index.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';

const ADMIN = 'U0ADMIN';
const ADMIN_FR = 'U0ADMINFR';
const ADMIN_ES = 'U0ADMINES';
const OTHER = 'U0STAFF';
const NEW_TITLE = 'Handbook on Return Counselling for Migrant Families';
const UPDATED_TITLE = 'Building the Capacity of Municipalities in Socioeconomic Inclusion of Vulnerable Migrants';
/** Text with French no-break spaces as ordinary ones. */
const spaced = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/catalogue/${name}`, import.meta.url), 'utf8');

let bot: TestBot;
let catalogue: LiveCatalogue;
/** The SQLite file the catalogue is kept in (another replica opens it too). */
let catalogueFile: string;

beforeEach(async () => {
  ({ catalogue, file: catalogueFile } = await openTestCatalogue());
  bot = await startTestBot({
    deps: { engine: catalogue.engine, catalogue, catalogueAdminIds: [ADMIN, ADMIN_FR, ADMIN_ES] },
    seedUsers: [
      { id: ADMIN, locale: 'en-US' },
      { id: ADMIN_FR, locale: 'fr-FR' },
      { id: ADMIN_ES, locale: 'es-ES' },
      { id: OTHER, locale: 'en-US' },
    ],
  });
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

/** The bot's messages in `user`'s DM with it, oldest first. */
function botDms(user: string): StoredMessage[] {
  return bot.standIn.messages(bot.standIn.dmChannel(user)).filter((m) => m.user === bot.standIn.botUserId);
}

/** `user` uploads the fixture `name` in the DM with the bot; resolves with the bot's answer. */
async function upload(user: string, name = 'listing-update.txt', file: { content?: string | Uint8Array; mimetype?: string } = {}): Promise<StoredMessage> {
  const before = botDms(user).length;
  await bot.standIn.shareFile({ user, name, content: file.content ?? fixture(name), comment: 'import', ...(file.mimetype ? { mimetype: file.mimetype } : {}) });
  await bot.standIn.idle();
  const answer = botDms(user)[before];
  if (!answer) throw new Error('the bot did not answer the upload');
  return answer;
}

async function click(user: string, source: StoredMessage, actionId: string): Promise<void> {
  await bot.standIn.clickButton({ user, source, actionId });
  await bot.standIn.idle();
}

/** What a search by `user` answers (the slash command's ephemeral answer). */
async function search(text: string): Promise<string> {
  await bot.standIn.slashCommand({ user: OTHER, text });
  const call = await bot.standIn.waitFor((c) => c.method === 'command_response');
  return textOf((call.args.blocks as unknown[]) ?? []);
}

const downloads = () => bot.standIn.callsTo('files.download');
const fileInfos = () => bot.standIn.callsTo('files.info');

describe('importing a listing page by upload', () => {
  it('shows the dry run — titles added, updated, unchanged, warnings with their lines — and changes nothing', async () => {
    const version = catalogue.version;
    const dryRun = await upload(ADMIN);
    expect(fileInfos()).toHaveLength(1);
    expect(downloads().map((c) => c.result)).toEqual([{ ok: true, status: 200 }]);
    expect(downloads()[0]?.args.authorized).toBe(true);
    const text = textOf(dryRun.blocks);
    expect(text).toContain('Import of listing-update.txt: what it would change');
    expect(text).toContain(`*Titles added (1)*\n• ${NEW_TITLE}`);
    expect(text).toContain(`*Titles updated (1)*\n• ${UPDATED_TITLE}`);
    expect(text).toContain('*Titles unchanged (1)*\n• IOM Public Communication Campaign Toolkit');
    expect(text).toContain('20 titles of the catalogue are not on this page; they stay as they are.');
    expect(text).toContain('*1 warning* — please check it:\n• line 24: the page says “Italia”, which is not a language name; read as Italian (it).');
    expect(buttonsOf(dryRun.blocks).map((b) => [b.action_id, b.text.text])).toEqual([
      [ACTION.importApply, 'Apply'],
      [ACTION.importDiscard, 'Discard'],
    ]);
    expect(buttonsOf(dryRun.blocks)[0]?.value).toBe(`${downloadsFileId()}:${version}:en`);
    expect(catalogue.version).toBe(version);
    expect(await search('return counselling migrant families')).not.toContain(NEW_TITLE);
  });

  it('applies it on Apply: the dry run becomes the outcome, and searches answer with the new title at once', async () => {
    const version = catalogue.version;
    const dryRun = await upload(ADMIN);
    await click(ADMIN, dryRun, ACTION.importApply);
    expect(dryRun.text).toBe(`*Import of listing-update.txt applied* by <@${ADMIN}>: 1 added, 1 updated, 1 unchanged. Answers use it from now on.`);
    expect(buttonsOf(dryRun.blocks)).toEqual([]);
    expect(downloads()).toHaveLength(2);
    expect(catalogue.version).toBe(version + 1);
    expect(catalogue.publications.find((p) => p.title === UPDATED_TITLE)).toMatchObject({ year: 2021, pages: 170 });
    const added = catalogue.publications.find((p) => p.title === NEW_TITLE);
    expect(added).toMatchObject({ languages: ['en', 'it'], needsReview: [{ field: 'languages', value: 'it', code: 'language-name-guessed' }] });
    expect(await search('return counselling migrant families')).toContain(NEW_TITLE);
  });

  it('changes nothing on Discard, and reads nothing again', async () => {
    const version = catalogue.version;
    const dryRun = await upload(ADMIN);
    await click(ADMIN, dryRun, ACTION.importDiscard);
    expect(dryRun.text).toBe(`Import discarded by <@${ADMIN}>: nothing was changed.`);
    expect(buttonsOf(dryRun.blocks)).toEqual([]);
    expect(downloads()).toHaveLength(1);
    expect(catalogue.version).toBe(version);
    expect(await search('return counselling migrant families')).not.toContain(NEW_TITLE);
  });

  it('shows the new dry run instead of applying when the catalogue changed since', async () => {
    const dryRun = await upload(ADMIN);
    const [toolkit] = catalogue.publications.filter((p) => p.title === 'IOM Public Communication Campaign Toolkit');
    await catalogue.apply({ action: 'edit', actorId: ADMIN_FR, summary: 'notes', publications: [{ ...toolkit!, notes: 'Reprinted' }], baseVersion: catalogue.version });
    const changed = catalogue.version;
    await click(ADMIN, dryRun, ACTION.importApply);
    expect(catalogue.version).toBe(changed);
    expect(catalogue.publications.some((p) => p.title === NEW_TITLE)).toBe(false);
    expect(textOf(dryRun.blocks)).toContain('*The catalogue changed since the dry run*, so nothing was imported.');
    expect(buttonsOf(dryRun.blocks)[0]?.value).toMatch(new RegExp(`:${changed}:en$`));

    await click(ADMIN, dryRun, ACTION.importApply);
    expect(catalogue.version).toBe(changed + 1);
    expect(catalogue.publications.find((p) => p.title === 'IOM Public Communication Campaign Toolkit')?.notes).toBe('Reprinted');
    expect(dryRun.text).toMatch(/^\*Import of listing-update\.txt applied\*/);
  });

  it('shows the new dry run when another replica changed the catalogue, even before this one noticed', async () => {
    const dryRun = await upload(ADMIN);
    const { catalogue: replica } = await openTestCatalogue(undefined, catalogueFile);
    const toolkit = replica.publications.find((p) => p.title === 'IOM Public Communication Campaign Toolkit')!;
    await replica.apply({ action: 'edit', actorId: ADMIN_FR, summary: 'notes', publications: [{ ...toolkit, notes: 'Reprinted' }], baseVersion: replica.version });
    await click(ADMIN, dryRun, ACTION.importApply);
    expect(catalogue.version).toBe(replica.version);
    expect(catalogue.publications.some((p) => p.title === NEW_TITLE)).toBe(false);
    expect(textOf(dryRun.blocks)).toContain('*The catalogue changed since the dry run*');
    expect(buttonsOf(dryRun.blocks)[0]?.value).toMatch(new RegExp(`:${replica.version}:en$`));
  });

  it('imports once when Apply is clicked twice, and a late click of the old dry run only says it is done', async () => {
    const version = catalogue.version;
    const dryRun = await upload(ADMIN);
    const stale = structuredClone(dryRun);
    await Promise.all([bot.standIn.clickButton({ user: ADMIN, source: dryRun, actionId: ACTION.importApply }), bot.standIn.clickButton({ user: ADMIN, source: dryRun, actionId: ACTION.importApply })]);
    await bot.standIn.idle();
    expect(catalogue.version).toBe(version + 1);
    expect(catalogue.publications.filter((p) => p.title === NEW_TITLE)).toHaveLength(1);

    await click(ADMIN, stale, ACTION.importApply);
    expect(catalogue.version).toBe(version + 1);
    expect(bot.standIn.ephemerals(ADMIN).at(-1)?.text).toBe('Nothing left to import: the catalogue already has this page as it is.');
    expect(dryRun.text).toMatch(/^\*Import of listing-update\.txt applied\*/);
  });

  it('says which line of a malformed page it cannot read, and offers nothing to apply', async () => {
    const version = catalogue.version;
    const answer = await upload(ADMIN, 'listing-malformed.txt');
    expect(answer.text).toMatch(/^I could not read “listing-malformed\.txt” as a listing page — line 7: cannot read the year and page count in /);
    expect(answer.text).toContain('Nothing was imported: correct the file and upload it again.');
    expect(buttonsOf(answer.blocks)).toEqual([]);
    expect(catalogue.version).toBe(version);
  });

  it('says when the page changes nothing, with no Apply', async () => {
    const answer = await upload(ADMIN, 'handbooks-and-manuals.txt');
    expect(textOf(answer.blocks)).toContain('*Titles unchanged (22)*');
    expect(textOf(answer.blocks)).toContain('… and 17 more');
    expect(textOf(answer.blocks)).toContain('*3 warnings*');
    expect(textOf(answer.blocks)).toContain('Nothing to import: the catalogue already has every title of this page as it is.');
    expect(buttonsOf(answer.blocks)).toEqual([]);
  });

  it('refuses a file that is not text, or too big, without downloading it', async () => {
    const image = await upload(ADMIN, 'listing.png', { content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
    expect(image.text).toMatch(/^That file is not a text file\./);
    const big = await upload(ADMIN, 'listing.txt', { content: 'x'.repeat(2 * 1024 * 1024 + 1) });
    expect(big.text).toBe('That file is too big for a listing page (at most 2 MB). Nothing was imported.');
    expect(downloads()).toEqual([]);
  });

  it('refuses text that is not UTF-8 once downloaded, whatever the file is called', async () => {
    const answer = await upload(ADMIN, 'listing.txt', { content: new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f]) });
    expect(answer.text).toMatch(/^That file is not a text file\./);
    expect(downloads()).toHaveLength(1);
  });

  it('asks for one file at a time', async () => {
    const channel = bot.standIn.dmChannel(ADMIN);
    const files = ['a.txt', 'b.txt'].map((name) => bot.standIn.uploads.describe(bot.standIn.uploads.share(ADMIN, channel, { name, content: fixture('listing-update.txt') }), new URL(bot.standIn.apiUrl).origin));
    await bot.standIn.sendEvent({ type: 'message', subtype: 'file_share', channel, channel_type: 'im', user: ADMIN, text: '', ts: '1.000001', files });
    await bot.standIn.idle();
    expect(botDms(ADMIN).at(-1)?.text).toBe('Please upload one listing page at a time: I received 2 files and read none of them.');
    expect(fileInfos()).toEqual([]);
  });

  it('ignores files shared in channels, and the bot’s own files', async () => {
    await bot.standIn.shareFile({ user: ADMIN, name: 'listing-update.txt', content: fixture('listing-update.txt'), channel: DEFAULT_CHANNEL });
    const channel = bot.standIn.dmChannel(ADMIN);
    const own = bot.standIn.uploads.describe(bot.standIn.uploads.share(bot.standIn.botUserId, channel, { name: 'orders.csv', content: 'a,b' }), new URL(bot.standIn.apiUrl).origin);
    await bot.standIn.sendEvent({ type: 'message', subtype: 'file_share', channel, channel_type: 'im', user: bot.standIn.botUserId, bot_id: bot.standIn.botId, text: '', ts: '1.000002', files: [own] });
    await bot.standIn.idle();
    expect(bot.standIn.calls.filter((c) => c.method.startsWith('chat.') || c.method.startsWith('files.'))).toEqual([]);
  });

  it('explains how on /handbooks admin import', async () => {
    await bot.standIn.slashCommand({ user: ADMIN, text: 'admin import' });
    const reply = await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(reply.args.text).toMatch(/^To import a listing page, upload its text file \(`\.txt`\) in your direct message with me/);
    expect(reply.args.text).toContain('Slack cannot send a file with a slash command');
  });
});

describe('anyone but a catalogue admin', () => {
  it('is refused on upload, and nothing is read', async () => {
    const answer = await upload(OTHER);
    expect(answer.text).toBe('Sorry, importing listing pages is only for the catalogue admins of the Publications Unit, so I did not open your file. To search the catalogue, just write what you are looking for.');
    expect([...fileInfos(), ...downloads()]).toEqual([]);
  });

  it.each(['admin import', 'admin review'])('is refused on /handbooks %s', async (text) => {
    await bot.standIn.slashCommand({ user: OTHER, text });
    const reply = await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(reply.args.text).toMatch(/^Sorry, only the catalogue admins/);
    expect(reply.args.blocks).toBeUndefined();
  });

  it.each([ACTION.importApply, ACTION.importDiscard])('is refused on clicking %s, and nothing changes or is read', async (actionId) => {
    const version = catalogue.version;
    const dryRun = await upload(ADMIN);
    const before = textOf(dryRun.blocks);
    await click(OTHER, dryRun, actionId);
    expect(bot.standIn.ephemerals(OTHER).at(-1)?.text).toMatch(/^Sorry, only the catalogue admins/);
    expect(textOf(dryRun.blocks)).toBe(before);
    expect(downloads()).toHaveLength(1);
    expect(catalogue.version).toBe(version);
  });
});

describe('in French and Spanish', () => {
  it('shows the dry run and the outcome in French', async () => {
    const dryRun = await upload(ADMIN_FR);
    const text = spaced(textOf(dryRun.blocks));
    expect(text).toContain('Import de listing-update.txt : ce qu’il changerait');
    expect(text).toContain(`*Titres ajoutés (1)*\n• ${NEW_TITLE}`);
    expect(text).toContain('*1 avertissement* — veuillez le vérifier :\n• ligne 24 : la page indique « Italia », qui n’est pas un nom de langue ; lu comme italien (it).');
    expect(buttonsOf(dryRun.blocks).map((b) => b.text.text)).toEqual(['Appliquer', 'Abandonner']);
    await click(ADMIN_FR, dryRun, ACTION.importApply);
    expect(spaced(dryRun.text)).toBe(`*Import de listing-update.txt appliqué* par <@${ADMIN_FR}> — ajoutés : 1, mis à jour : 1, inchangés : 1. Les réponses en tiennent compte dès maintenant.`);
  });

  it('refuses a malformed page in French, saying what is wrong in French, and changes nothing', async () => {
    const version = catalogue.version;
    const answer = await upload(ADMIN_FR, 'listing-malformed.txt');
    expect(spaced(answer.text)).toBe(
      'Je n’ai pas pu lire « listing-malformed.txt » comme une page de liste — ligne 7 : impossible de lire l’année et le nombre de pages dans ' +
        '« 2022 - 96 pages English Available for PDF download » : l’année et le nombre de pages doivent être séparés par « / », non par « - » ; ' +
        'une ligne comme `2020/164 pages English, Spanish Available for PDF download` est attendue. Rien n’a été importé : corrigez le fichier et envoyez-le à nouveau.',
    );
    expect(buttonsOf(answer.blocks)).toEqual([]);
    expect(catalogue.version).toBe(version);
  });

  it('refuses a malformed page in Spanish, saying what is wrong in Spanish, and explains how to import', async () => {
    const answer = await upload(ADMIN_ES, 'listing-malformed.txt');
    expect(answer.text).toBe(
      'No pude leer «listing-malformed.txt» como una página de listado — línea 7: no se pueden leer el año y el número de páginas en ' +
        '«2022 - 96 pages English Available for PDF download»: el año y el número de páginas deben ir separados por «/», no por «-»; ' +
        'se espera una línea como `2020/164 pages English, Spanish Available for PDF download`. No se importó nada: corrija el archivo y vuelva a subirlo.',
    );
    await bot.standIn.slashCommand({ user: ADMIN_ES, text: 'admin import' });
    const reply = await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(reply.args.text).toMatch(/^Para importar una página de listado, suba su archivo de texto/);
  });
});

/** The id of the file last read (from the download the stand-in recorded). */
function downloadsFileId(): string {
  const path = String(downloads().at(-1)?.args.path ?? '');
  return /-(F\d+)\//.exec(path)?.[1] ?? '';
}
