/** What a change of the live catalogue did, entry by entry: the titles it added, changed and removed. */
import type { CatalogueEntryChange } from './catalogue-store.js';
import type { Publication } from './schema.js';

/** The entries of a change by what happened to them, each as it became (as it was, for those removed). */
export interface ChangeOutline {
  added: Publication[];
  updated: Publication[];
  removed: Publication[];
}

/** The change's entries sorted into added, updated and removed, in the change's order. */
export function outlineChange(entries: readonly CatalogueEntryChange[]): ChangeOutline {
  const outline: ChangeOutline = { added: [], updated: [], removed: [] };
  for (const { before, after } of entries) {
    if (after === null) {
      if (before !== null) outline.removed.push(before);
    } else (before === null ? outline.added : outline.updated).push(after);
  }
  return outline;
}
