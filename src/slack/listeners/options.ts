/**
 * Options for external selects: the order dialog's publication select asks here as the person types
 * (block_suggestion), and gets up to 100 matching titles (see ../blocks/order-options.ts).
 */
import { ORDER_ACTION } from '../blocks/order-ids.js';
import { publicationOptions } from '../blocks/order-options.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import { decodeDraft } from '../order-draft.js';
import { translatorFor } from '../user-languages.js';

/** Registers the options handlers. */
export function registerOptions(router: ListenerRouter, deps: SlackDeps): void {
  router.options<'block_suggestion'>(ORDER_ACTION.addPublication, async ({ options, ack, context }) => {
    // In the dialog's language, which its draft keeps.
    const locale = options.view ? decodeDraft(options.view.private_metadata)?.locale : undefined;
    await ack(publicationOptions(deps.engine, options.value, translatorFor(context, locale)));
  });
}
