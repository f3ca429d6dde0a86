/** `/handbooks admin review`: the entries of the live catalogue that need review, each with an Edit entry button. */
import { reviewItems } from '../../catalogue/review-list.js';
import { reviewListMessage } from '../blocks/review-list.js';
import type { AdminSubcommand } from './admin-commands.js';

export const reviewSubcommand: AdminSubcommand = {
  word: 'review',
  describe: 'review.describe',
  async run({ respond, catalogue, t }) {
    await respond({ response_type: 'ephemeral', ...reviewListMessage(reviewItems(catalogue.publications), t) });
  },
};
