/**
 * The App Home tab: what the bot does and how to ask, the catalogue at a glance, a button to start an
 * order and, once the order dialog provides them, the user's recent orders.
 */
import type { types } from '@slack/bolt';
import { languageName } from '../../catalogue/languages.js';
import type { Publication } from '../../catalogue/schema.js';
import type { OutboxSummary } from '../../orders/outbox-queue.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { EXAMPLE_QUERIES, HOW_TO_ASK } from './help.js';
import { outboxStatusBlocks } from './outbox-status.js';
import { actions, button, context, divider, fieldsSection, header, plural, section, type Block } from './kit.js';
import { detailsButton, metaLine, titleLine } from './publication.js';

/** Newest titles shown on Home. */
const NEWEST_COUNT = 5;
/** Recent orders shown on Home. */
const RECENT_ORDERS_MAX = 10;

/** Counts that describe the catalogue. */
export interface CatalogueGlance {
  total: number;
  /** [year, titles], newest year first. */
  byYear: [number, number][];
  /** [language code, titles with an edition in it], most editions first. */
  byLanguage: [string, number][];
  /** Newest titles first (by year, then title). */
  newest: Publication[];
}

/** One of the user's orders as Home lists it (the order dialog builds these). */
export interface HomeOrderLine {
  /** The order's reference, e.g. PUB-2026-000123. */
  reference: string;
  /** Its status as shown to users, e.g. "Processing". */
  status: string;
  /** When it was placed, already formatted for display. */
  placed: string;
  /** What was ordered, e.g. "2 × Reintegration Handbook". */
  summary: string;
}

/** Counts by year and language, and the newest titles. */
export function catalogueGlance(publications: readonly Publication[], newestCount: number = NEWEST_COUNT): CatalogueGlance {
  const byYear = new Map<number, number>();
  const byLanguage = new Map<string, number>();
  for (const p of publications) {
    byYear.set(p.year, (byYear.get(p.year) ?? 0) + 1);
    for (const lang of p.languages) byLanguage.set(lang, (byLanguage.get(lang) ?? 0) + 1);
  }
  return {
    total: publications.length,
    byYear: [...byYear].sort((a, b) => b[0] - a[0]),
    byLanguage: [...byLanguage].sort((a, b) => b[1] - a[1] || languageName(a[0]).localeCompare(languageName(b[0]))),
    newest: [...publications].sort(newestFirst).slice(0, newestCount),
  };
}

/** Newest first, then by title: the order of the list and of Home. */
export function newestFirst(a: Publication, b: Publication): number {
  return b.year - a.year || a.title.localeCompare(b.title);
}

/**
 * The Home view. `recentOrders` is undefined until the order store is wired in (no section at all);
 * an empty list shows a hint on how to order. `adminOutbox` (order admins only) shows the state of the
 * notices: waiting, being retried with the last error, failed.
 */
export function homeView(publications: readonly Publication[], recentOrders?: readonly HomeOrderLine[], adminOutbox?: OutboxSummary): types.HomeView {
  const glance = catalogueGlance(publications);
  const blocks: Block[] = [
    header('Handbooks and manuals'),
    section(
      "I help you find IOM's handbooks and manuals: which titles exist on a topic, in which languages, " +
        'how long they are and where to read them, and I take orders for printed copies.',
    ),
    section(`${HOW_TO_ASK}\nFor example: ${EXAMPLE_QUERIES.map((q) => `\`${q}\``).join(', ')}. \`/handbooks help\` tells more.`),
    actions([button({ text: 'Order print copies', actionId: ACTION.orderStart, style: 'primary' })]),
    divider(),
    header('The catalogue at a glance'),
    fieldsSection([
      `*By year* (${plural(glance.total, 'title')})\n${glance.byYear.map(([y, n]) => `${y}: ${n}`).join(' · ')}`,
      `*By language edition*\n${glance.byLanguage.map(([code, n]) => `${languageName(code)}: ${n}`).join(' · ')}`,
    ]),
    section('*Newest titles*'),
    ...glance.newest.map((p) => section(`${titleLine(p)}\n${metaLine(p)}`, detailsButton(p))),
  ];
  if (recentOrders) blocks.push(divider(), header('Your recent orders'), ...recentOrderBlocks(recentOrders));
  if (adminOutbox) blocks.push(divider(), ...outboxStatusBlocks(adminOutbox, { whenIdle: true }));
  return { type: 'home', blocks };
}

function recentOrderBlocks(orders: readonly HomeOrderLine[]): Block[] {
  if (orders.length === 0) return [context('You have no orders yet. Use *Order print copies* above or the button under any search result.')];
  const shown = orders.slice(0, RECENT_ORDERS_MAX);
  const blocks: Block[] = shown.map((o) =>
    section(`*${escapeMrkdwn(o.reference)}* · ${escapeMrkdwn(o.status)} · ${escapeMrkdwn(o.placed)}\n${escapeMrkdwn(o.summary)}`),
  );
  if (orders.length > shown.length) blocks.push(context('`/handbooks orders` lists them all.'));
  return blocks;
}
