/**
 * `/handbooks admin …` as a whole, through the app on a real SQLite live catalogue: every subcommand is
 * refused to someone who is not a catalogue admin (in their language, changing nothing and sending no file),
 * CATALOGUE_ADMIN_IDS overrides the order admins, and an unknown word lists the subcommands with the word
 * echoed as plain text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveCatalogue } from '../../src/catalogue/live.js';
import { translator } from '../../src/i18n/translator.js';
import { ADMIN_SUBCOMMANDS } from '../../src/slack/listeners/admin-commands.js';
import { CATALOGUE } from '../orders/fixtures.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { commandResponse, expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';

const CATALOGUE_ADMIN = 'U0BOOKS';
const ORDER_ADMIN = 'U0ORDERS';
const STAFF = { en: 'U0STAFF', fr: 'U0STAFFFR', es: 'U0STAFFES' } as const;

let bot: TestBot;
let catalogue: LiveCatalogue;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ catalogue, close } = await openTestCatalogue(CATALOGUE));
  bot = await startTestBot({
    env: { ORDER_ADMIN_IDS: ORDER_ADMIN, CATALOGUE_ADMIN_IDS: CATALOGUE_ADMIN },
    deps: { engine: catalogue.engine, catalogue, catalogueAdminIds: [CATALOGUE_ADMIN] },
    seedUsers: [
      { id: CATALOGUE_ADMIN, locale: 'en-US' },
      { id: ORDER_ADMIN, locale: 'en-US' },
      { id: STAFF.en, locale: 'en-US' },
      { id: STAFF.fr, locale: 'fr-FR' },
      { id: STAFF.es, locale: 'es-ES' },
    ],
  });
});
afterEach(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
  await close();
});

async function command(user: string, text: string): Promise<string> {
  return (await commandResponse(bot.standIn, { user, text })).text;
}

describe('/handbooks admin', () => {
  it('refuses every subcommand to anyone who is not a catalogue admin, in their language, changing nothing', async () => {
    const words = ['', ...ADMIN_SUBCOMMANDS.map((s) => s.word), 'undo', 'gaps 90'];
    for (const [locale, user] of Object.entries(STAFF) as [keyof typeof STAFF, string][]) {
      for (const word of words) {
        expect(await command(user, `admin ${word}`)).toBe(translator(locale)('admin.notAdmin'));
      }
    }
    // An order admin is not a catalogue admin when CATALOGUE_ADMIN_IDS names others.
    expect(await command(ORDER_ADMIN, 'admin undo')).toBe(translator('en')('admin.notAdmin'));
    expect(catalogue.version).toBe(1);
    expect(bot.standIn.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(bot.standIn.callsTo('files.info')).toHaveLength(0);
  });

  it('lists the subcommands to a catalogue admin, echoing an unknown word as plain text', async () => {
    const text = await command(CATALOGUE_ADMIN, 'admin <!channel>');
    expect(text).toContain('I don\'t know the admin command “&lt;!channel&gt;”.');
    for (const { word } of ADMIN_SUBCOMMANDS) expect(text).toContain(`• \`/handbooks admin ${word}\`: `);
  });
});
