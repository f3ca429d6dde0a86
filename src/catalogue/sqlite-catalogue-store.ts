/**
 * The live catalogue in SQLite (the default, when DATABASE_URL is not set): the tables of migration 3 in
 * the order store's file, on a connection of its own. See ./catalogue-store.ts for the contract. Each
 * write is one immediate transaction, so the version check and the write cannot be split by another
 * writer (another process on the same file included).
 */
import type Database from 'better-sqlite3';
import { openMigratedDatabase } from '../orders/sqlite-migrations.js';
import { changeFromRow, entryChangesJson, entryJson, parseStoredEntry, planUndo, planWrite, undoSummary, type StoredChangeRow } from './catalogue-changes.js';
import {
  CatalogueConflictError,
  type CatalogueAction,
  type CatalogueChange,
  type CatalogueEntryChange,
  type CatalogueSnapshot,
  type CatalogueStore,
  type CatalogueWrite,
} from './catalogue-store.js';
import type { Publication } from './schema.js';

/** Options of openSqliteCatalogueStore. */
export interface SqliteCatalogueStoreOptions {
  /** Fail rather than create a new file when none exists (for tools that only read). Default false. */
  mustExist?: boolean;
  clock?: () => Date;
}

/** Opens (creating and migrating it as needed) the live catalogue in the SQLite `file` the orders are kept in. */
export function openSqliteCatalogueStore(file: string, options: SqliteCatalogueStoreOptions = {}): SqliteCatalogueStore {
  return new SqliteCatalogueStore(file, openMigratedDatabase(file, { mustExist: options.mustExist ?? false }), options.clock ?? (() => new Date()));
}

/** An open SQLite catalogue store; build it with openSqliteCatalogueStore. */
export class SqliteCatalogueStore implements CatalogueStore {
  readonly description: string;
  readonly #db: Database.Database;
  readonly #clock: () => Date;
  readonly #statements;

  constructor(
    /** The file it is stored in. */
    readonly path: string,
    db: Database.Database,
    clock: () => Date,
  ) {
    this.description = `SQLite file ${path}`;
    this.#db = db;
    this.#clock = clock;
    this.#statements = {
      version: db.prepare(`SELECT COALESCE(MAX(seq), 0) AS version FROM catalogue_changes`),
      entries: db.prepare(`SELECT id, data FROM catalogue_entries ORDER BY position`),
      entry: db.prepare(`SELECT data FROM catalogue_entries WHERE id = ?`),
      lastPosition: db.prepare(`SELECT COALESCE(MAX(position), 0) AS last FROM catalogue_entries`),
      insertEntry: db.prepare(`INSERT INTO catalogue_entries (id, position, data) VALUES (?, ?, ?)`),
      updateEntry: db.prepare(`UPDATE catalogue_entries SET data = ? WHERE id = ?`),
      deleteEntry: db.prepare(`DELETE FROM catalogue_entries WHERE id = ?`),
      insertChange: db.prepare(
        `INSERT INTO catalogue_changes (seq, at, actor_id, action, summary, entries, undoes) VALUES (@seq, @at, @actorId, @action, @summary, @entries, @undoes)`,
      ),
      markUndone: db.prepare(`UPDATE catalogue_changes SET undone_by = ? WHERE seq = ?`),
      history: db.prepare(`SELECT * FROM catalogue_changes ORDER BY seq DESC LIMIT ?`),
      undoable: db.prepare(
        `SELECT * FROM catalogue_changes WHERE action NOT IN ('seed', 'undo') AND undone_by IS NULL ORDER BY seq DESC LIMIT 1`,
      ),
    };
  }

  async load(): Promise<CatalogueSnapshot> {
    const s = this.#statements;
    return this.#db
      .transaction(() => ({
        version: (s.version.get() as { version: number }).version,
        publications: (s.entries.all() as { id: string; data: string }[]).map((row) => parseStoredEntry(row.id, row.data)),
      }))
      .deferred();
  }

  async version(): Promise<number> {
    return (this.#statements.version.get() as { version: number }).version;
  }

  async write(change: CatalogueWrite): Promise<CatalogueChange> {
    return this.#db
      .transaction((): CatalogueChange => {
        const version = (this.#statements.version.get() as { version: number }).version;
        if (version !== change.baseVersion) throw new CatalogueConflictError(change.baseVersion, version);
        const entries = planWrite(change, (id) => this.#entry(id));
        return this.#record(version + 1, change.action, change.actorId, change.summary, entries, null);
      })
      .immediate();
  }

  async undo(actorId: string): Promise<CatalogueChange | undefined> {
    return this.#db
      .transaction((): CatalogueChange | undefined => {
        const row = this.#statements.undoable.get() as StoredChangeRow | undefined;
        if (!row) return undefined;
        const target = changeFromRow(row);
        const entries = planUndo(target, (id) => this.#entry(id));
        const version = (this.#statements.version.get() as { version: number }).version;
        const undo = this.#record(version + 1, 'undo', actorId, undoSummary(target), entries, target.seq);
        this.#statements.markUndone.run(undo.seq, target.seq);
        return undo;
      })
      .immediate();
  }

  async history(limit: number): Promise<CatalogueChange[]> {
    return (this.#statements.history.all(limit) as StoredChangeRow[]).map(changeFromRow);
  }

  /** Closes this connection (the order store's, on the same file, is closed by the order store). */
  async close(): Promise<void> {
    this.#db.close();
  }

  #entry(id: string): Publication | undefined {
    const row = this.#statements.entry.get(id) as { data: string } | undefined;
    return row && parseStoredEntry(id, row.data);
  }

  /** Applies `entries` to the current table and records them as change `seq` (inside the caller's transaction). */
  #record(seq: number, action: CatalogueAction, actorId: string, summary: string, entries: CatalogueEntryChange[], undoes: number | null): CatalogueChange {
    const s = this.#statements;
    let position = (s.lastPosition.get() as { last: number }).last;
    for (const { id, before, after } of entries) {
      if (after === null) s.deleteEntry.run(id);
      else if (before === null) s.insertEntry.run(id, ++position, entryJson(after));
      else s.updateEntry.run(entryJson(after), id);
    }
    const at = this.#clock();
    s.insertChange.run({ seq, at: at.getTime(), actorId, action, summary, entries: entryChangesJson(entries), undoes });
    // The change as written: its entries were validated and made canonical by planWrite / planUndo.
    return { seq, at, actorId, action, summary, entries, undoes, undoneBy: null };
  }
}
