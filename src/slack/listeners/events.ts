/** Listeners for Slack events. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/** Registers the events listeners. */
export function registerEvents(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
