/**
 * `/handbooks admin import`: says how to import a listing page. Slack sends no file with a slash command,
 * so the page is uploaded in the DM with the bot, where ./catalogue-import.ts reads it and shows the dry run.
 */
import type { AdminSubcommand } from './admin-commands.js';

export const importSubcommand: AdminSubcommand = {
  word: 'import',
  describe: 'import.describe',
  async run({ respond, t }) {
    await respond({ response_type: 'ephemeral', text: t('import.how') });
  },
};
