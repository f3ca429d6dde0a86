/**
 * The live catalogue: the stored catalogue (./catalogue-store.ts) with its search index, kept current.
 * A change made here is written, then indexed at once, so the next answer has it; a change made by another
 * replica is picked up by `refresh()`. `engine` is one object for the process's life, always searching the
 * current catalogue, so the Slack layer holds it as it holds any search engine.
 */
import type { SearchEngine } from '../search/types.js';
import type { CatalogueChange, CatalogueWrite } from './catalogue-store.js';
import type { Publication } from './schema.js';

export interface LiveCatalogue {
  /** Searches the current catalogue (the same object whatever changes). */
  readonly engine: SearchEngine;
  /** The current entries, in catalogue order. */
  readonly publications: readonly Publication[];
  /** The current version (the latest change's seq). */
  readonly version: number;
  /** Writes the entries (see CatalogueStore.write), then indexes the new catalogue before resolving. */
  apply(change: CatalogueWrite): Promise<CatalogueChange>;
  /** Undoes the latest change (see CatalogueStore.undo), then indexes; undefined when there is nothing to undo. */
  undo(actorId: string): Promise<CatalogueChange | undefined>;
  /** The latest changes, newest first. */
  history(limit: number): Promise<CatalogueChange[]>;
  /** Loads and indexes the stored catalogue when another process changed it; true when it did. */
  refresh(): Promise<boolean>;
}
