/**
 * The live catalogue's storage contract. The catalogue is kept in the data store (SQLite by default,
 * PostgreSQL with DATABASE_URL, so every replica sees it) as its current entries, in catalogue order, and
 * the history of changes: who changed which entries, when, and each entry as it was before and after, so
 * the latest change can be undone. `catalogue/publications.json` seeds an empty store.
 *
 * Versions: every change gets the next sequence number; the catalogue's version is the latest one (0 when
 * the store is empty). A writer names the version it read, and a change made meanwhile by someone else (or
 * another replica) refuses the write with CatalogueConflictError instead of silently overwriting it.
 */
import type { Publication } from './schema.js';

/** What made a change: the seed from the repository's file, an import, an edit of one entry, an undo. */
export type CatalogueAction = 'seed' | 'import' | 'edit' | 'undo';

/** One entry a change touched: as it was (null: added by the change) and as it became (null: removed). */
export interface CatalogueEntryChange {
  id: string;
  before: Publication | null;
  after: Publication | null;
}

/** A change in the history. */
export interface CatalogueChange {
  /** Sequence number; the catalogue's version once this change is made. */
  seq: number;
  at: Date;
  /** Slack user id of the catalogue admin who made it ('' for the seed). */
  actorId: string;
  action: CatalogueAction;
  /** One line saying what changed, for the history ("Imported listing page: 3 added, 2 updated"). */
  summary: string;
  entries: CatalogueEntryChange[];
  /** For an undo, the seq of the change it undid. */
  undoes: number | null;
  /** The seq of the undo that undid this change, if one did. */
  undoneBy: number | null;
}

/** The current catalogue, in catalogue order, at a version. */
export interface CatalogueSnapshot {
  version: number;
  publications: Publication[];
}

/** What a writer asks to change: entries to add or replace (matched by id; new ones go last), by whom, why. */
export interface CatalogueWrite {
  action: Exclude<CatalogueAction, 'undo'>;
  actorId: string;
  summary: string;
  /** Whole entries, each already valid against the catalogue schema. */
  publications: Publication[];
  /** The version the writer read; the write is refused when the catalogue has moved on since. */
  baseVersion: number;
}

/** The catalogue changed since the version a writer read (someone else's change in between). */
export class CatalogueConflictError extends Error {
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`the catalogue changed meanwhile (version ${actualVersion}, not ${expectedVersion})`);
    this.name = 'CatalogueConflictError';
  }
}

/** Where the live catalogue is kept (SQLite or PostgreSQL); every method is one transaction. */
export interface CatalogueStore {
  /** Where it is kept, for messages ("SQLite file data/orders.sqlite"); never a password. */
  readonly description: string;
  /** The current entries and version; version 0 and no entries when nothing was ever stored. */
  load(): Promise<CatalogueSnapshot>;
  /** The current version alone (cheap: replicas poll it to notice another's change). */
  version(): Promise<number>;
  /** Writes the entries as one change; rejects with CatalogueConflictError when `baseVersion` is not current. */
  write(change: CatalogueWrite): Promise<CatalogueChange>;
  /**
   * Undoes the latest change not yet undone (never the seed), restoring each entry it touched as it was
   * before, and records that as an `undo` change by `actorId`. Undefined when there is nothing to undo.
   */
  undo(actorId: string): Promise<CatalogueChange | undefined>;
  /** The latest changes, newest first. */
  history(limit: number): Promise<CatalogueChange[]>;
  /** Closes what the store holds of its own (a SQLite connection; a PostgreSQL pool is the storage's). */
  close(): Promise<void>;
}
