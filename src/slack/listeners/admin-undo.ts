/**
 * `/handbooks admin undo`: takes back the live catalogue's latest change that was not undone (again: the one
 * before; never the seed), indexed before the answer, and says what it took back. A change whose entries
 * were changed since is refused, changing nothing.
 */
import { CatalogueUndoError } from '../../catalogue/catalogue-changes.js';
import { errorName } from '../../orders/store-rules.js';
import { undoneMessage } from '../blocks/catalogue-history.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { AdminSubcommand } from './admin-commands.js';

export const undoSubcommand: AdminSubcommand = {
  word: 'undo',
  describe: 'undo.describe',
  async run({ respond, catalogue, userId, t, logger }) {
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    try {
      const undo = await catalogue.undo(userId);
      if (!undo) return void (await reply(t('undo.nothing')));
      await respond({ response_type: 'ephemeral', ...undoneMessage(undo, userId, t) });
    } catch (error) {
      if (error instanceof CatalogueUndoError) {
        const title = catalogue.engine.get(error.entryId)?.title ?? error.entryId;
        return void (await reply(t('undo.conflict', { seq: String(error.seq), title: escapeMrkdwn(title) })));
      }
      logger.error(`admin undo failed: ${errorName(error)}`);
      await reply(t('undo.failed', { code: errorName(error) }));
    }
  },
};
