/**
 * The user's App Home: the Home view with their recent orders when ordering is set up. Published when the
 * Home tab opens (./events.ts) and again after one of their orders changes (submission, status change).
 */
import type { AllMiddlewareArgs, types } from '@slack/bolt';
import { canChangeStatus } from '../../orders/permissions.js';
import { homeView } from '../blocks/home.js';
import { homeOrderLines } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import { slackErrorCode } from './reply.js';

/** Recent orders shown on App Home. */
const HOME_ORDERS = 10;

/** The App Home view for `userId`, with their recent orders when ordering is set up, and the state of the notices for order admins. */
export async function homeViewFor(deps: SlackDeps, userId: string): Promise<types.HomeView> {
  const store = deps.orders?.store;
  if (!store) return homeView(deps.engine.publications);
  const admin = canChangeStatus(userId, deps.adminIds);
  const [orders, outbox] = await Promise.all([store.listByRequester(userId, HOME_ORDERS), admin ? store.outboxSummary() : undefined]);
  return homeView(deps.engine.publications, homeOrderLines(orders), outbox);
}

/** Publishes the user's App Home again (after an order changed); failures are only logged. */
export async function refreshHome(client: AllMiddlewareArgs['client'], deps: SlackDeps, userId: string, logger: AllMiddlewareArgs['logger']): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: await homeViewFor(deps, userId) });
  } catch (error) {
    logger.warn(`Could not refresh App Home after an order change: ${slackErrorCode(error)}`);
  }
}
