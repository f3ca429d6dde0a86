/**
 * The live catalogue: the stored catalogue (./catalogue-store.ts) with its search index, kept current.
 * A change made here is written, then indexed at once, so the next answer has it; a change made by another
 * replica is picked up by `refresh()`. `engine` is one object for the process's life, always searching the
 * current catalogue, so the Slack layer holds it as it holds any search engine.
 */
import { IndexCache, createSearchEngine } from '../search/engine.js';
import type { SearchEngine } from '../search/types.js';
import { entryJson } from './catalogue-changes.js';
import {
  CatalogueConflictError,
  type CatalogueChange,
  type CatalogueEntryChange,
  type CatalogueSnapshot,
  type CatalogueStore,
  type CatalogueWrite,
} from './catalogue-store.js';
import type { Publication } from './schema.js';

export interface LiveCatalogue {
  /** Searches the current catalogue (the same object whatever changes). */
  readonly engine: SearchEngine;
  /** The current entries, in catalogue order. */
  readonly publications: readonly Publication[];
  /** The current version (the latest change's seq). */
  readonly version: number;
  /** Where it is kept (the store's description: "SQLite file data/orders.sqlite"). */
  readonly description: string;
  /** Writes the entries (see CatalogueStore.write), then indexes the new catalogue before resolving. */
  apply(change: CatalogueWrite): Promise<CatalogueChange>;
  /** Undoes the latest change (see CatalogueStore.undo), then indexes; undefined when there is nothing to undo. */
  undo(actorId: string): Promise<CatalogueChange | undefined>;
  /** The latest changes, newest first. */
  history(limit: number): Promise<CatalogueChange[]>;
  /** Loads and indexes the stored catalogue when another process changed it; true when it did. */
  refresh(): Promise<boolean>;
}

/** Options of openLiveCatalogue. */
export interface LiveCatalogueOptions {
  /** The entries an empty store is seeded with: the content of `catalogue/publications.json`. */
  seed: readonly Publication[];
  /** Where the seed comes from, for the seed's summary in the history (default catalogue/publications.json). */
  seedSource?: string;
  /**
   * Builds the search index of a catalogue (default: createSearchEngine with an IndexCache, which keeps
   * unchanged publications' analyses and updates one MiniSearch index in place from one build to the next).
   */
  createEngine?: (publications: readonly Publication[]) => SearchEngine;
}

/**
 * Opens the live catalogue on `store`: seeds it from `options.seed` when it holds nothing yet (once, however
 * many replicas start together), loads it and indexes it.
 */
export async function openLiveCatalogue(store: CatalogueStore, options: LiveCatalogueOptions): Promise<LiveCatalogue> {
  let snapshot = await store.load();
  if (snapshot.version === 0) {
    const source = options.seedSource ?? 'catalogue/publications.json';
    try {
      await store.write({
        action: 'seed',
        actorId: '',
        summary: `Seeded from ${source}: ${options.seed.length} publications`,
        publications: [...options.seed],
        baseVersion: 0,
      });
    } catch (error) {
      // Another replica seeded it first: its seed is as good as ours.
      if (!(error instanceof CatalogueConflictError)) throw error;
    }
    snapshot = await store.load();
  }
  const reuse = new IndexCache();
  return new IndexedCatalogue(store, options.createEngine ?? ((publications) => createSearchEngine(publications, { reuse })), snapshot);
}

/** The live catalogue over a store; see openLiveCatalogue. */
class IndexedCatalogue implements LiveCatalogue {
  readonly engine: SearchEngine;
  #index: SearchEngine;
  #version: number;
  /** The last of the local writes and reloads: each waits for the one before, so they never interleave. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: CatalogueStore,
    private readonly createEngine: (publications: readonly Publication[]) => SearchEngine,
    snapshot: CatalogueSnapshot,
  ) {
    this.#index = createEngine(snapshot.publications);
    this.#version = snapshot.version;
    const current = () => this.#index;
    this.engine = {
      search: (query, options) => current().search(query, options),
      get: (id) => current().get(id),
      get publications() {
        return current().publications;
      },
    };
  }

  get publications(): readonly Publication[] {
    return this.#index.publications;
  }

  get version(): number {
    return this.#version;
  }

  get description(): string {
    return this.store.description;
  }

  apply(change: CatalogueWrite): Promise<CatalogueChange> {
    return this.#serialised(async () => {
      try {
        const made = await this.store.write(change);
        await this.#advance(made);
        return made;
      } catch (error) {
        // Someone else's change came first: load it, so that the writer's next attempt starts from it.
        if (error instanceof CatalogueConflictError) await this.#reload();
        throw error;
      }
    });
  }

  undo(actorId: string): Promise<CatalogueChange | undefined> {
    return this.#serialised(async () => {
      const made = await this.store.undo(actorId);
      if (made) await this.#advance(made);
      return made;
    });
  }

  history(limit: number): Promise<CatalogueChange[]> {
    return this.store.history(limit);
  }

  refresh(): Promise<boolean> {
    return this.#serialised(async () => {
      if ((await this.store.version()) === this.#version) return false;
      await this.#reload();
      return true;
    });
  }

  /**
   * Indexes the catalogue as `change` left it: from the entries it touched when it directly follows the
   * version indexed, else (another replica's changes came between) from the store.
   */
  async #advance(change: CatalogueChange): Promise<void> {
    if (change.seq !== this.#version + 1) return this.#reload();
    this.#install(applyEntryChanges(this.#index.publications, change.entries), change.seq);
  }

  /** Loads and indexes the stored catalogue, keeping the entries it already had (the same objects) where unchanged. */
  async #reload(): Promise<void> {
    const snapshot = await this.store.load();
    const known = new Map(this.#index.publications.map((p) => [p.id, p]));
    const publications = snapshot.publications.map((loaded) => {
      const current = known.get(loaded.id);
      return current && entryJson(current) === entryJson(loaded) ? current : loaded;
    });
    this.#install(publications, snapshot.version);
  }

  /**
   * Builds the engine of the new catalogue and puts it in place of the old one at once: the build updates
   * the index the old engine searched (see IndexCache), and, being synchronous, ends before any query can
   * reach the old one again.
   */
  #install(publications: readonly Publication[], version: number): void {
    this.#index = this.createEngine(publications);
    this.#version = version;
  }

  #serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** The entries with a change's applied: removed, replaced in place, or added last (as the stores place them). */
export function applyEntryChanges(publications: readonly Publication[], changes: readonly CatalogueEntryChange[]): Publication[] {
  const byId = new Map(changes.map((c) => [c.id, c.after]));
  const result: Publication[] = [];
  for (const publication of publications) {
    if (!byId.has(publication.id)) result.push(publication);
    else {
      const after = byId.get(publication.id);
      if (after) result.push(after);
      byId.delete(publication.id);
    }
  }
  for (const after of byId.values()) if (after) result.push(after);
  return result;
}
