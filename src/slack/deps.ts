/**
 * What the Slack layer is given by the composition root (src/main.ts). Listeners read everything they
 * need from here, so tests and the offline mode build the very same app with the same wiring.
 * Fields are added here as surfaces need them (the order store joins with the order dialog).
 */
import type { LiveCatalogue } from '../catalogue/live.js';
import type { Locale } from '../i18n/locales.js';
import type { Pace } from '../orders/outbox.js';
import type { OrderStore } from '../orders/store.js';
import type { LanguagePreferences } from '../preferences/language-preferences.js';
import type { SearchEngine, SearchResponse } from '../search/types.js';
import type { SearchUsageStore } from '../usage/search-usage.js';
import type { DeliveryLog } from './dedupe.js';

/** Ordering: the open order store, and how its outbox of notices is drained (the app runs the worker). */
export interface OrderDeps {
  store: OrderStore;
  /** Pause between looks for due notices; default 2000 ms. */
  outboxIntervalMs?: number;
  /** How long a replica's claim on a notice holds before another may take it over; default 50 s (OUTBOX_LEASE_SECONDS). */
  outboxLeaseMs?: number;
  /** Pace per conversation; default about one message a second with short bursts (OUTBOX_CHANNEL_PACE_MS). */
  outboxPace?: Pace;
  /** The clock the outbox worker reads; give the store's own clock when it has one (tests). Default: system time. */
  clock?: () => Date;
}

/** Search usage: the store searches are counted in, and how often the app writes the searches it noted. */
export interface SearchUsageDeps {
  store: SearchUsageStore;
  /** Longest wait before noted searches are written; default 1000 ms (see ../usage/batched-search-usage.ts). */
  flushIntervalMs?: number;
}

export interface SlackDeps {
  /** Search over the loaded, validated catalogue. */
  engine: SearchEngine;
  /** Channel where the Publications Unit receives orders (ORDERS_CHANNEL_ID), if configured. */
  ordersChannelId: string | undefined;
  /** Slack user ids allowed to change order status (ORDER_ADMIN_IDS). */
  adminIds: readonly string[];
  /** Slack user ids allowed to change the catalogue (CATALOGUE_ADMIN_IDS); default: `adminIds`. */
  catalogueAdminIds?: readonly string[];
  /** The live catalogue (its store and index), which catalogue admins change from Slack; `engine` is its engine. Without it the catalogue is read-only. */
  catalogue?: LiveCatalogue;
  /** The order store and its outbox; without it the order surfaces say that ordering is not available. */
  orders?: OrderDeps;
  /** The language of the Publications Unit's channel messages and exports (ORDERS_LANGUAGE); default English. */
  ordersLanguage?: Locale;
  /** Where people's language choices from App Home are kept; without it App Home offers no choice. */
  preferences?: LanguagePreferences;
  /** Told of each search people ask for, with what the engine answered (createSlackApp sets it: metrics, and search usage). */
  onSearch?: (response: SearchResponse) => void;
  /** Where searches are counted (by day, and gap queries by normalised text) for catalogue admins; without it nothing is counted. */
  searchUsage?: SearchUsageDeps;
  /** Where deliveries already handled are remembered (shared by replicas with PostgreSQL); default: in this process's memory. */
  deliveries?: DeliveryLog;
}
