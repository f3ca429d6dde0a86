/**
 * Wires every Slack surface to its listeners. The app factory calls this once; each surface lives in
 * its own module (commands, events, actions).
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerCommands } from './commands.js';
import { registerEvents } from './events.js';
import { registerActions } from './actions.js';

/** Registers the listeners of every surface on `app`. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
}
