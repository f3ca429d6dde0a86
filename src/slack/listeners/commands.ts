/** Listeners for Slack commands. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/** Registers the commands listeners. */
export function registerCommands(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
