/** `/handbooks admin review` through the app: the committed catalogue's entries to review, with Edit entry, in each language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveCatalogue } from '../../src/catalogue/live.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { readPublicationValue } from '../../src/slack/blocks/publication.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { expectWithinBlockKitLimits, startTestBot, type TestBot } from '../support/test-bot.js';
import { buttonsOf, textOf } from './block-query.js';

const ADMINS = { en: 'U0ADMIN', fr: 'U0ADMINFR', es: 'U0ADMINES' } as const;

let bot: TestBot;
let catalogue: LiveCatalogue;

beforeAll(async () => {
  ({ catalogue } = await openTestCatalogue());
  bot = await startTestBot({
    deps: { engine: catalogue.engine, catalogue, catalogueAdminIds: Object.values(ADMINS) },
    seedUsers: [
      { id: ADMINS.en, locale: 'en-US' },
      { id: ADMINS.fr, locale: 'fr-FR' },
      { id: ADMINS.es, locale: 'es-ES' },
    ],
  });
});
afterAll(async () => {
  expectWithinBlockKitLimits(bot.standIn);
  await bot.stop();
});

async function review(user: string): Promise<{ text: string; buttons: ReturnType<typeof buttonsOf> }> {
  await bot.standIn.slashCommand({ user, text: 'admin review' });
  const reply = await bot.standIn.waitFor((c) => c.method === 'response_url');
  const blocks = (reply.args.blocks as unknown[]) ?? [];
  return { text: textOf(blocks).replace(/[\u00a0\u202f]/g, ' '), buttons: buttonsOf(blocks) };
}

describe('/handbooks admin review', () => {
  it('lists the flagged entries with what is wrong and the titles whose PDF link is missing, each with Edit entry', async () => {
    const { text, buttons } = await review(ADMINS.en);
    expect(text).toContain('Entries to review');
    expect(text).toContain('18 entries need review.');
    expect(text).toContain('*The safety of your trip: Tips for Safe Migration*\n• The Armenian edition was read from a misspelt language name; check that it exists.\n• Link missing: the listing announces a PDF, but no link is recorded for the Armenian edition.');
    expect(text).toContain('*IOM Guidance on Referral Mechanisms*\n• The page count (298) may have been copied from another title.');
    expect(text).toContain('*Migration and the 2030 Agenda: A Guide for Practitioners*\n• The ISBN 978-9968-542-71-5 is also given for another title; one of them is probably wrong.');
    expect(text).toContain('*Institutional Framework for Addressing Gender-Based Violence in Crises*\n• The link recorded for the English edition is the site’s page in Spanish.');
    expect(text).toContain('no link is recorded for the Spanish and Arabic editions.');
    expect(buttons).toHaveLength(18);
    expect(buttons.every((b) => b.action_id === ACTION.editEntry && b.text.text === 'Edit entry')).toBe(true);
    const ids = buttons.map((b) => readPublicationValue(b.value).id);
    expect(ids).toContain('safety-trip');
    expect(ids).not.toContain('training-trainers-manual');
  });

  it('opens the entry’s Edit entry dialog from its row', async () => {
    await review(ADMINS.en);
    const list = bot.standIn.ephemerals(ADMINS.en).at(-1)!;
    const row = list.blocks.findIndex((block) => buttonsOf([block]).some((b) => readPublicationValue(b.value).id === 'safety-trip'));
    await bot.standIn.clickButton({ user: ADMINS.en, source: list, actionId: ACTION.editEntry, blockId: `standin-block-${row}` });
    await bot.standIn.waitFor((c) => c.method === 'views.open');
    expect(textOf(bot.standIn.topModal(ADMINS.en)?.blocks ?? [])).toContain('The safety of your trip');
  });

  it('answers in French and Spanish', async () => {
    const fr = await review(ADMINS.fr);
    expect(fr.text).toContain('18 fiches sont à vérifier.');
    expect(fr.text).toContain('Lien manquant : la liste annonce un PDF, mais aucun lien n’est enregistré pour les éditions en espagnol et arabe.');
    expect(fr.buttons[0]?.text.text).toBe('Modifier la fiche');
    const es = await review(ADMINS.es);
    expect(es.text).toContain('Hay 18 fichas por revisar.');
    expect(es.text).toContain('El número de páginas (298) puede haberse copiado de otro título.');
    expect(es.buttons[0]?.text.text).toBe('Editar la ficha');
  });

  it('is listed with import by /handbooks admin', async () => {
    await bot.standIn.slashCommand({ user: ADMINS.en, text: 'admin' });
    const reply = await bot.standIn.waitFor((c) => c.method === 'response_url');
    expect(reply.args.text).toContain('• `/handbooks admin import`: import a listing page: see what it would change, then Apply or Discard');
    expect(reply.args.text).toContain('• `/handbooks admin review`: the entries that need review, each with what is wrong');
  });
});
