/**
 * The user's App Home, in their language: the Home view with their recent orders when ordering is set up,
 * the choice of the language of the bot's answers when choices can be kept, and for catalogue admins the
 * last 30 days' searches, orders and most requested titles. Published when the Home tab
 * opens (./events.ts), after a language is chosen (./language.ts) and after one of their orders changes
 * (submission, status change).
 */
import type { AllMiddlewareArgs, types } from '@slack/bolt';
import { translator } from '../../i18n/translator.js';
import { canChangeStatus } from '../../orders/permissions.js';
import { DEFAULT_REPORT_DAYS, startOfLast } from '../../usage/days.js';
import type { CatalogueActivity } from '../blocks/activity.js';
import { homeView } from '../blocks/home.js';
import { homeOrderLines } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import { answerLocale, type UserLanguage } from '../user-languages.js';
import { isCatalogueAdmin } from './admin-commands.js';
import { slackErrorCode } from './reply.js';

/** Recent orders shown on App Home. */
const HOME_ORDERS = 10;

/** Most requested titles shown to catalogue admins. */
const HOME_REQUESTED_TITLES = 5;

/**
 * The App Home view for `userId` in their language, with their recent orders when ordering is set up, the
 * state of the notices for order admins, and the last 30 days' searches and orders for catalogue admins.
 */
export async function homeViewFor(deps: SlackDeps, userId: string, language: UserLanguage): Promise<types.HomeView> {
  const t = translator(answerLocale(language));
  const languageChoice = deps.preferences ? { chosen: language.chosen } : undefined;
  const store = deps.orders?.store;
  const [orders, outbox, activity] = await Promise.all([
    store?.listByRequester(userId, HOME_ORDERS),
    store && canChangeStatus(userId, deps.adminIds) ? store.outboxSummary() : undefined,
    isCatalogueAdmin(deps, userId) && (deps.searchUsage || store) ? catalogueActivity(deps) : undefined,
  ]);
  return homeView(deps.engine.publications, orders && homeOrderLines(orders, t), t, {
    ...(languageChoice ? { languageChoice } : {}),
    ...(outbox ? { adminOutbox: outbox } : {}),
    ...(activity ? { catalogueActivity: activity } : {}),
  });
}

/** The searches and orders of the last DEFAULT_REPORT_DAYS days, with the most requested titles under their current titles. */
async function catalogueActivity(deps: SlackDeps): Promise<CatalogueActivity> {
  const days = DEFAULT_REPORT_DAYS;
  const [searches, orders] = await Promise.all([
    deps.searchUsage?.store.totals(days),
    deps.orders?.store.orderActivity(startOfLast(days, new Date()), HOME_REQUESTED_TITLES),
  ]);
  return {
    days,
    ...(searches ? { searches } : {}),
    ...(orders
      ? {
          orders: {
            count: orders.orders,
            titles: orders.titles.map((o) => ({ title: deps.engine.get(o.publicationId)?.title ?? o.title, orders: o.orders, copies: o.copies })),
          },
        }
      : {}),
  };
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
