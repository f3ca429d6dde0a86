/**
 * What the Slack layer is given by the composition root (src/main.ts). Listeners read everything they
 * need from here, so tests and the offline mode build the very same app with the same wiring.
 * Fields are added here as surfaces need them (the order store joins with the order dialog).
 */
import type { SearchEngine } from '../search/types.js';

export interface SlackDeps {
  /** Search over the loaded, validated catalogue. */
  engine: SearchEngine;
  /** Channel where the Publications Unit receives orders (ORDERS_CHANNEL_ID), if configured. */
  ordersChannelId: string | undefined;
  /** Slack user ids allowed to change order status (ORDER_ADMIN_IDS). */
  adminIds: readonly string[];
}
