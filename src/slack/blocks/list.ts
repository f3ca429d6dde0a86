/** `/handbooks list`: the catalogue (or the part a filter selects), one compact line per title, paged. */
import type { Publication } from '../../catalogue/schema.js';
import type { Translator } from '../../i18n/translator.js';
import type { UnderstoodQuery } from '../../search/types.js';
import { ACTION } from './action-ids.js';
import { context, section, type Block, type SlackMessage } from './kit.js';
import { moreBlock } from './paging.js';
import { detailsButton, metaLine, titleLine } from './publication.js';
import { describeFilters, describeSort, describeUnderstood } from './understood.js';

/** Titles per page of the list: one block each, so a page stays far below 50 blocks. */
export const LIST_PAGE_SIZE = 15;

export interface CatalogueListInput {
  /** This page's titles. */
  publications: readonly Publication[];
  /** How many titles the list has in all. */
  total: number;
  /** Where this page starts. */
  offset: number;
  /** What followed `list`, as typed ("spanish", "2019"); empty for the whole catalogue. */
  filterText: string;
  /** How the engine read `filterText`; absent for the whole catalogue. */
  understood?: UnderstoodQuery;
}

/** One page of the list, with a More button while titles remain. */
export function catalogueList({ publications, total, offset, filterText, understood }: CatalogueListInput, t: Translator): SlackMessage {
  const wanted = understood?.filters.languages ?? [];
  const heading = !understood
    ? t('list.whole', { count: total })
    : understood.filterOnly
      ? t('list.filtered', { filters: [describeFilters(understood.filters, t), describeSort(understood, t)].filter(Boolean).join(' · ') || t('list.all'), count: total })
      : `${describeUnderstood(understood, t)} (${t.number(total)})`;
  const last = offset + publications.length;
  const blocks: Block[] = [section(heading)];
  if (total > publications.length) blocks.push(context(t('list.range', { first: offset + 1, last, total })));
  for (const p of publications) blocks.push(section(`${titleLine(p, wanted, t)}\n${metaLine(p, t)}`, detailsButton(p, t)));
  if (last < total) {
    blocks.push(moreBlock({ actionId: ACTION.listMore, kind: 'titles', query: filterText, offset: last, remaining: total - last }, t));
  }
  return { text: t('list.notification', { count: total }), blocks };
}
