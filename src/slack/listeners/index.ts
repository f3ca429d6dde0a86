/**
 * Wires every Slack surface to its listeners. The app factory calls this once. Search and help live in
 * surface modules (commands, events, actions, options); ordering lives in one module per flow, each
 * registering the actions and views it spans: the order dialog (order-dialog, order-dialog-submit) and the
 * status of stored orders (order-status). A catalogue admin's Edit entry (edit-entry) spans a button and its
 * modal. The order subcommands (order-commands) are routed by commands. Link previews (link-previews) unfurl
 * links to publication pages. Each module registers its handlers on a ListenerRouter (../router.ts), which
 * gives Bolt one listener per surface.
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { OrderNotices } from '../order-notices.js';
import { ListenerRouter } from '../router.js';
import { registerCommands } from './commands.js';
import { registerEvents } from './events.js';
import { registerActions } from './actions.js';
import { registerEditEntry } from './edit-entry.js';
import { registerOptions } from './options.js';
import { registerOrderDialog } from './order-dialog.js';
import { registerOrderDialogSubmissions } from './order-dialog-submit.js';
import { registerOrderStatus } from './order-status.js';
import { registerLanguageChoice } from './language.js';
import { registerCatalogueImport } from './catalogue-import.js';
import { registerLinkPreviews } from './link-previews.js';
import { lookUpUserLanguage, type UserLanguages } from '../user-languages.js';

/**
 * Registers the listeners of every surface on `app`; `notices` is the outbox worker the order listeners
 * nudge, `languages` the people's languages (App Home's choice, the requester of an order).
 */
export function registerListeners(app: App, deps: SlackDeps, notices: OrderNotices | undefined, languages: UserLanguages): void {
  const router = new ListenerRouter();
  registerCommands(router, deps);
  registerEvents(router, deps);
  registerActions(router, deps);
  registerEditEntry(router, deps);
  registerOrderDialog(router, deps);
  registerOrderDialogSubmissions(router, deps, notices);
  registerOrderStatus(router, deps, notices, languages);
  registerOptions(router, deps);
  registerLanguageChoice(router, deps, languages);
  registerCatalogueImport(router, deps);
  registerLinkPreviews(router, deps);
  router.install(app, lookUpUserLanguage(languages));
}
