/**
 * What catalogue admins see of the last 30 days on their App Home: searches (and how many found nothing),
 * orders, and the titles most requested in them.
 */
import type { Translator } from '../../i18n/translator.js';
import type { SearchTotals } from '../../usage/search-usage.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { context, divider, fieldsSection, header, section, type Block } from './kit.js';

/** A title as requested over the period: its current title, in how many orders, how many copies. */
export interface RequestedTitle {
  title: string;
  orders: number;
  copies: number;
}

/** The period's figures; searches or orders absent when that store is not there. */
export interface CatalogueActivity {
  days: number;
  searches?: SearchTotals;
  orders?: { count: number; titles: readonly RequestedTitle[] };
}

/** The activity blocks: a heading, searches and orders side by side, the most requested titles, and where to see more. */
export function activityBlocks(activity: CatalogueActivity, t: Translator): Block[] {
  const { searches, orders } = activity;
  const fields = [
    ...(searches ? [t('home.usage.searches', { searches: searches.searches, nothingFound: searches.nothingFound })] : []),
    ...(orders ? [t('home.usage.orders', { count: orders.count })] : []),
  ];
  const blocks: Block[] = [divider(), header(t('home.usage.header', { days: activity.days }))];
  if (fields.length > 0) blocks.push(fieldsSection(fields));
  if (orders) {
    const lines = orders.titles.map((title, i) =>
      t('home.usage.title', {
        rank: i + 1,
        title: escapeMrkdwn(title.title),
        orders: t('home.usage.orderCount', { count: title.orders }),
        copies: t('home.usage.copyCount', { count: title.copies }),
      }),
    );
    blocks.push(section([t('home.usage.titles'), ...(lines.length > 0 ? lines : [t('home.usage.noOrders')])].join('\n')));
  }
  blocks.push(context(t('home.usage.hint')));
  return blocks;
}
