/**
 * `/handbooks admin …`: the catalogue admins' subcommands (CATALOGUE_ADMIN_IDS), routed here by ./commands.ts.
 * Each subcommand lives in a module of its own and is listed in ADMIN_SUBCOMMANDS; this module only checks
 * who is asking and dispatches. Anyone else is told plainly that these are for catalogue admins, and
 * nothing is done; `/handbooks admin` alone (or an unknown word) lists the subcommands.
 */
import { canEditCatalogue } from '../../catalogue/permissions.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { LiveCatalogue } from '../../catalogue/live.js';
import type { SlackDeps } from '../deps.js';
import { plainEcho } from '../mrkdwn.js';
import type { OrderCommandContext } from './commands.js';
import { gapsSubcommand } from './admin-gaps.js';
import { historySubcommand } from './admin-history.js';
import { importSubcommand } from './admin-import.js';
import { reviewSubcommand } from './admin-review.js';
import { undoSubcommand } from './admin-undo.js';

/** What a subcommand gets: the command's context, the text after the subcommand's word, and the live catalogue. */
export interface AdminCommandContext extends OrderCommandContext {
  args: string;
  catalogue: LiveCatalogue;
}

/** A subcommand: the word that starts it, the message key of its one-line description, and what it does. */
export interface AdminSubcommand {
  word: string;
  describe: MessageKey;
  run(ctx: AdminCommandContext): Promise<void>;
}

/** The subcommands, in the order `/handbooks admin` lists them. */
export const ADMIN_SUBCOMMANDS: readonly AdminSubcommand[] = [importSubcommand, reviewSubcommand, gapsSubcommand, historySubcommand, undoSubcommand];

/** The catalogue admins of `deps`: CATALOGUE_ADMIN_IDS, or else the order admins. */
export function catalogueAdminIds(deps: SlackDeps): readonly string[] {
  return deps.catalogueAdminIds ?? deps.adminIds;
}

/** True when `userId` may use the catalogue admins' surfaces. */
export function isCatalogueAdmin(deps: SlackDeps, userId: string): boolean {
  return canEditCatalogue(userId, catalogueAdminIds(deps));
}

/**
 * The live catalogue `userId` may change, or the key of the message refusing them: `notAdmin` (by default
 * admin.notAdmin) when they are not a catalogue admin, admin.notAvailable when the catalogue is read-only.
 */
export function catalogueAccess(
  deps: SlackDeps,
  userId: string,
  notAdmin: MessageKey = 'admin.notAdmin',
): { ok: true; catalogue: LiveCatalogue } | { ok: false; refusal: MessageKey } {
  if (!isCatalogueAdmin(deps, userId)) return { ok: false, refusal: notAdmin };
  return deps.catalogue ? { ok: true, catalogue: deps.catalogue } : { ok: false, refusal: 'admin.notAvailable' };
}

/** Runs `/handbooks admin <subcommand> …` for a catalogue admin; refuses anyone else. */
export async function runAdminCommand(ctx: OrderCommandContext): Promise<void> {
  const { t, deps } = ctx;
  const reply = (text: string) => ctx.respond({ response_type: 'ephemeral', text });
  const access = catalogueAccess(deps, ctx.userId);
  if (!access.ok) return void (await reply(t(access.refusal)));
  const [word = '', ...rest] = ctx.rest.trim().split(/\s+/);
  const subcommand = ADMIN_SUBCOMMANDS.find((s) => s.word === word.toLowerCase());
  if (!subcommand) {
    const lines = ADMIN_SUBCOMMANDS.map((s) => `• \`/handbooks admin ${s.word}\`: ${t(s.describe)}`);
    const unknown = word === '' ? '' : `${t('admin.unknown', { word: plainEcho(word) })}\n`;
    return void (await reply(`${unknown}${t('admin.header')}\n${lines.join('\n')}`));
  }
  await subcommand.run({ ...ctx, args: rest.join(' '), catalogue: access.catalogue });
}
