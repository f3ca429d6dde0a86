/**
 * The user's App Home, in their language: the Home view with their recent orders when ordering is set up,
 * and the choice of the language of the bot's answers when choices can be kept. Published when the Home tab
 * opens (./events.ts), after a language is chosen (./language.ts) and after one of their orders changes
 * (submission, status change).
 */
import type { AllMiddlewareArgs, types } from '@slack/bolt';
import { translator } from '../../i18n/translator.js';
import { canChangeStatus } from '../../orders/permissions.js';
import { homeView } from '../blocks/home.js';
import { homeOrderLines } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import { answerLocale, type UserLanguage } from '../user-languages.js';
import { slackErrorCode } from './reply.js';

/** Recent orders shown on App Home. */
const HOME_ORDERS = 10;

/**
 * The App Home view for `userId` in their language, with their recent orders when ordering is set up, and
 * the state of the notices for order admins.
 */
export async function homeViewFor(deps: SlackDeps, userId: string, language: UserLanguage): Promise<types.HomeView> {
  const t = translator(answerLocale(language));
  const languageChoice = deps.preferences ? { chosen: language.chosen } : undefined;
  const store = deps.orders?.store;
  if (!store) return homeView(deps.engine.publications, undefined, t, { ...(languageChoice ? { languageChoice } : {}) });
  const admin = canChangeStatus(userId, deps.adminIds);
  const [orders, outbox] = await Promise.all([store.listByRequester(userId, HOME_ORDERS), admin ? store.outboxSummary() : undefined]);
  return homeView(deps.engine.publications, homeOrderLines(orders, t), t, {
    ...(languageChoice ? { languageChoice } : {}),
    ...(outbox ? { adminOutbox: outbox } : {}),
  });
}

/** Publishes the user's App Home again (after an order or their language changed); failures are only logged. */
export async function refreshHome(
  client: AllMiddlewareArgs['client'],
  deps: SlackDeps,
  userId: string,
  language: UserLanguage,
  logger: AllMiddlewareArgs['logger'],
): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: await homeViewFor(deps, userId, language) });
  } catch (error) {
    logger.warn(`Could not refresh App Home after an order change: ${slackErrorCode(error)}`);
  }
}
