/**
 * Options for external selects: the order dialog's publication select asks here as the person types
 * (block_suggestion), and gets up to 100 matching titles (see ../blocks/order-options.ts).
 */
import { ORDER_ACTION } from '../blocks/order-ids.js';
import { publicationOptions } from '../blocks/order-options.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';

/** Registers the options handlers. */
export function registerOptions(router: ListenerRouter, deps: SlackDeps): void {
  router.options<'block_suggestion'>(ORDER_ACTION.addPublication, async ({ options, ack }) => {
    await ack(publicationOptions(deps.engine, options.value));
  });
}
