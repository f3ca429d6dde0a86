/** Listeners for Slack actions. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/** Registers the actions listeners. */
export function registerActions(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
