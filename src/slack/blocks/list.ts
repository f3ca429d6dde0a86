/** `/handbooks list`: the catalogue (or the part a filter selects), one compact line per title, paged. */
import type { Publication } from '../../catalogue/schema.js';
import type { UnderstoodQuery } from '../../search/types.js';
import { ACTION } from './action-ids.js';
import { context, plural, section, type Block, type SlackMessage } from './kit.js';
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
export function catalogueList({ publications, total, offset, filterText, understood }: CatalogueListInput): SlackMessage {
  const wanted = understood?.filters.languages ?? [];
  const heading = !understood
    ? `*The whole catalogue*: ${plural(total, 'title')}, newest first`
    : understood.filterOnly
      ? `*Titles*: ${[describeFilters(understood.filters), describeSort(understood)].filter(Boolean).join(' · ') || 'all'} (${total})`
      : `${describeUnderstood(understood)} (${total})`;
  const last = offset + publications.length;
  const blocks: Block[] = [section(heading)];
  if (total > publications.length) blocks.push(context(`Titles ${offset + 1}–${last} of ${total}`));
  for (const p of publications) blocks.push(section(`${titleLine(p, wanted)}\n${metaLine(p)}`, detailsButton(p)));
  if (last < total) {
    blocks.push(moreBlock({ actionId: ACTION.listMore, noun: 'title', query: filterText, offset: last, remaining: total - last }));
  }
  return { text: `Catalogue list: ${plural(total, 'title')}`, blocks };
}
