/**
 * The App Home tab: what the bot does and how to ask, the catalogue at a glance, a button to start an
 * order and, once the order dialog provides them, the user's recent orders; for admins, the state of the
 * order notices and (catalogue admins) the last 30 days' searches and orders (./activity.ts).
 */
import type { types } from '@slack/bolt';
import { languageName } from '../../catalogue/languages.js';
import { confirmedLanguages } from '../../catalogue/review.js';
import type { Publication } from '../../catalogue/schema.js';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translator.js';
import type { OutboxSummary } from '../../orders/outbox-queue.js';
import { escapeMrkdwn, LIMITS } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { activityBlocks, type CatalogueActivity } from './activity.js';
import { exampleQueries } from './help.js';
import { actions, button, context, divider, fieldsSection, header, plainText, section, type Block } from './kit.js';
import { outboxStatusBlocks } from './outbox-status.js';
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

/** Counts by year and language (a language an import doubted is not counted), and the newest titles. */
export function catalogueGlance(publications: readonly Publication[], newestCount: number = NEWEST_COUNT): CatalogueGlance {
  const byYear = new Map<number, number>();
  const byLanguage = new Map<string, number>();
  for (const p of publications) {
    byYear.set(p.year, (byYear.get(p.year) ?? 0) + 1);
    for (const lang of confirmedLanguages(p)) byLanguage.set(lang, (byLanguage.get(lang) ?? 0) + 1);
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

/** The value of the language select's "Automatic" option: no choice kept, the language follows Slack and the question. */
export const AUTOMATIC_LANGUAGE = 'auto';

/**
 * The Home view in the reader's language. `recentOrders` is undefined until the order store is wired in (no
 * section at all); an empty list shows a hint on how to order. Among the `extras`: `languageChoice`, when
 * choices can be kept, adds the select of the language of the bot's answers, showing the reader's kept
 * choice (undefined: Automatic); `adminOutbox` (order admins only) shows the state of the notices: waiting,
 * being retried with the last error, failed; `catalogueActivity` (catalogue admins only) the searches, orders
 * and most requested titles of the last 30 days.
 */
export function homeView(
  publications: readonly Publication[],
  recentOrders: readonly HomeOrderLine[] | undefined,
  t: Translator,
  extras: { languageChoice?: { chosen: Locale | undefined }; adminOutbox?: OutboxSummary; catalogueActivity?: CatalogueActivity } = {},
): types.HomeView {
  const glance = catalogueGlance(publications);
  const examples = exampleQueries(t).map((q) => `\`${q}\``).join(', ');
  const blocks: Block[] = [
    header(t('home.header')),
    section(t('home.intro', { organization: t('org.name'), org: t('org.short') })),
    section(t('home.howToAsk', { howToAsk: t('help.howToAsk'), examples })),
    actions([button({ text: t('button.orderCopies'), actionId: ACTION.orderStart, style: 'primary' })]),
  ];
  if (extras.languageChoice) blocks.push(...languageBlocks(extras.languageChoice.chosen, t));
  blocks.push(
    divider(),
    header(t('home.glance')),
    fieldsSection([
      `${t('home.byYear', { count: glance.total })}\n${glance.byYear.map(([y, n]) => `${y}: ${t.number(n)}`).join(' · ')}`,
      `${t('home.byLanguage')}\n${glance.byLanguage.map(([code, n]) => `${t.language(code)}: ${t.number(n)}`).join(' · ')}`,
    ]),
    section(t('home.newest')),
    ...glance.newest.map((p) => section(`${titleLine(p, [], t)}\n${metaLine(p, t)}`, detailsButton(p, t))),
  );
  if (recentOrders) blocks.push(divider(), header(t('home.recentOrders')), ...recentOrderBlocks(recentOrders, t));
  if (extras.adminOutbox) blocks.push(divider(), ...outboxStatusBlocks(extras.adminOutbox, { whenIdle: true }, t));
  if (extras.catalogueActivity) blocks.push(...activityBlocks(extras.catalogueActivity, t));
  return { type: 'home', blocks };
}

/** The select of the language of the bot's answers: Automatic, or one of the languages by its own name. */
function languageBlocks(chosen: Locale | undefined, t: Translator): Block[] {
  const option = (value: string, text: string): types.PlainTextOption => ({ text: plainText(text, LIMITS.optionText), value });
  const options = [option(AUTOMATIC_LANGUAGE, t('home.languageAutomatic')), ...LOCALES.map((l) => option(l, LOCALE_NAMES[l]))];
  const select: types.StaticSelect = {
    type: 'static_select',
    action_id: ACTION.language,
    options,
    initial_option: options.find((o) => o.value === (chosen ?? AUTOMATIC_LANGUAGE)),
  };
  return [{ type: 'section', text: { type: 'mrkdwn', text: t('home.language') }, accessory: select }, context(t('home.languageHint'))];
}

function recentOrderBlocks(orders: readonly HomeOrderLine[], t: Translator): Block[] {
  if (orders.length === 0) return [context(t('home.noOrders'))];
  const shown = orders.slice(0, RECENT_ORDERS_MAX);
  const blocks: Block[] = shown.map((o) =>
    section(`*${escapeMrkdwn(o.reference)}* · ${escapeMrkdwn(o.status)} · ${escapeMrkdwn(o.placed)}\n${escapeMrkdwn(o.summary)}`),
  );
  if (orders.length > shown.length) blocks.push(context(t('home.allOrders')));
  return blocks;
}
