/**
 * Wires every Slack surface to its listeners. The app factory calls this once; each surface lives in
 * its own module (commands, events, actions, the order dialog's orders, views and options).
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { OrderNotices } from '../order-notices.js';
import { registerCommands } from './commands.js';
import { registerEvents } from './events.js';
import { registerActions } from './actions.js';
import { registerOptions } from './options.js';
import { registerOrderActions } from './orders.js';
import { registerViews } from './views.js';

/** Registers the listeners of every surface on `app`; `notices` is the outbox worker the order listeners nudge. */
export function registerListeners(app: App, deps: SlackDeps, notices?: OrderNotices): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerOrderActions(app, deps, notices);
  registerViews(app, deps, notices);
  registerOptions(app, deps);
}
