/** `/handbooks admin history [N]`: the live catalogue's latest N changes (default 10, at most 20), newest first. */
import { historyMessage } from '../blocks/catalogue-history.js';
import type { AdminSubcommand } from './admin-commands.js';

const DEFAULT_COUNT = 10;
const MAX_COUNT = 20;

export const historySubcommand: AdminSubcommand = {
  word: 'history',
  describe: 'history.describe',
  async run({ respond, catalogue, args, t }) {
    const count = args.trim() === '' ? DEFAULT_COUNT : Number(args.trim());
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
      return void (await respond({ response_type: 'ephemeral', text: t('history.badCount', { max: MAX_COUNT }) }));
    }
    await respond({ response_type: 'ephemeral', ...historyMessage(await catalogue.history(count), t) });
  },
};
