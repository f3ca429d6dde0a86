/**
 * Options for external selects: the order dialog's publication select asks here as the person types
 * (block_suggestion), and gets up to 100 matching titles (see ../blocks/order-options.ts).
 */
import type { App } from '@slack/bolt';
import { ORDER_ACTION } from '../blocks/order-ids.js';
import { publicationOptions } from '../blocks/order-options.js';
import type { SlackDeps } from '../deps.js';

/** Registers the options handlers. */
export function registerOptions(app: App, deps: SlackDeps): void {
  app.options<'block_suggestion'>({ action_id: ORDER_ACTION.addPublication }, async ({ options, ack }) => {
    await ack(publicationOptions(deps.engine, options.value));
  });
}
