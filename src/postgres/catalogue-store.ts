/**
 * The live catalogue in PostgreSQL (DATABASE_URL), shared by every replica: the tables of migration 3.
 * See ../catalogue/catalogue-store.ts for the contract. A write or an undo takes the catalogue's advisory
 * lock (for the transaction) before it reads the version, so two replicas take turns and cannot both make
 * version N+1; `seq` being the primary key would refuse the second anyway. Reading needs no lock: one
 * statement reads the version and the entries from one snapshot. Each change is notified to the other
 * replicas on commit (./catalogue-notifications.ts).
 */
import type pg from 'pg';
import { changeFromRow, entryChangesJson, parseStoredEntry, planUndo, planWrite, undoSummary, type StoredChangeRow } from '../catalogue/catalogue-changes.js';
import {
  CatalogueConflictError,
  type CatalogueAction,
  type CatalogueChange,
  type CatalogueEntryChange,
  type CatalogueSnapshot,
  type CatalogueStore,
  type CatalogueWrite,
} from '../catalogue/catalogue-store.js';
import { canonicalPublication } from '../catalogue/format.js';
import type { Publication } from '../catalogue/schema.js';
import { notifyCatalogueChange } from './catalogue-notifications.js';
import { inTransaction } from './pool.js';

/** The first key of the advisory lock that serialises catalogue writes (the second is the schema's hash). */
const CATALOGUE_LOCK = 0x0bd3_0002;

/** The live catalogue on a migrated pool that belongs to the storage (see openStorage in ../storage.ts). */
export class PostgresCatalogueStore implements CatalogueStore {
  constructor(
    /** The database, without user or password (see describeDatabase). */
    readonly description: string,
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async load(): Promise<CatalogueSnapshot> {
    const { rows } = await this.pool.query<{ version: number; entries: { id: string; data: unknown }[] }>(
      `SELECT (SELECT COALESCE(MAX(seq), 0) FROM catalogue_changes) AS version,
         COALESCE((SELECT json_agg(json_build_object('id', id, 'data', data) ORDER BY position) FROM catalogue_entries), '[]') AS entries`,
    );
    const { version, entries } = rows[0]!;
    return { version, publications: entries.map((entry) => parseStoredEntry(entry.id, entry.data)) };
  }

  async version(): Promise<number> {
    return versionOf(this.pool);
  }

  async write(change: CatalogueWrite): Promise<CatalogueChange> {
    return inTransaction(this.pool, async (client) => {
      await lock(client);
      const version = await versionOf(client);
      if (version !== change.baseVersion) throw new CatalogueConflictError(change.baseVersion, version);
      const current = await entriesById(client, change.publications.map((p) => p.id));
      const entries = planWrite(change, (id) => current.get(id));
      return this.#record(client, version + 1, change.action, change.actorId, change.summary, entries, null);
    });
  }

  async undo(actorId: string): Promise<CatalogueChange | undefined> {
    return inTransaction(this.pool, async (client) => {
      await lock(client);
      const { rows } = await client.query<StoredChangeRow>(
        `SELECT * FROM catalogue_changes WHERE action NOT IN ('seed', 'undo') AND undone_by IS NULL ORDER BY seq DESC LIMIT 1`,
      );
      if (!rows[0]) return undefined;
      const target = changeFromRow(rows[0]);
      const current = await entriesById(client, target.entries.map((e) => e.id));
      const entries = planUndo(target, (id) => current.get(id));
      const undo = await this.#record(client, (await versionOf(client)) + 1, 'undo', actorId, undoSummary(target), entries, target.seq);
      await client.query('UPDATE catalogue_changes SET undone_by = $1 WHERE seq = $2', [undo.seq, target.seq]);
      return undo;
    });
  }

  async history(limit: number): Promise<CatalogueChange[]> {
    const { rows } = await this.pool.query<StoredChangeRow>('SELECT * FROM catalogue_changes ORDER BY seq DESC LIMIT $1', [limit]);
    return rows.map(changeFromRow);
  }

  /**
   * Applies `entries` to the current table and records them as change `seq` (inside the caller's
   * transaction), telling the other replicas once it commits.
   */
  async #record(
    client: pg.PoolClient,
    seq: number,
    action: CatalogueAction,
    actorId: string,
    summary: string,
    entries: CatalogueEntryChange[],
    undoes: number | null,
  ): Promise<CatalogueChange> {
    const rows = (which: (e: CatalogueEntryChange) => boolean) =>
      JSON.stringify(entries.filter(which).map((e) => ({ id: e.id, data: e.after && canonicalPublication(e.after) })));
    await client.query('DELETE FROM catalogue_entries WHERE id = ANY($1)', [entries.filter((e) => e.after === null).map((e) => e.id)]);
    await client.query(
      `UPDATE catalogue_entries e SET data = u.data FROM jsonb_to_recordset($1::jsonb) AS u(id text, data jsonb) WHERE e.id = u.id`,
      [rows((e) => e.before !== null && e.after !== null)],
    );
    await client.query(
      `INSERT INTO catalogue_entries (id, position, data)
       SELECT u.item->>'id', (SELECT COALESCE(MAX(position), 0) FROM catalogue_entries) + u.n, u.item->'data'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS u(item, n)`,
      [rows((e) => e.before === null && e.after !== null)],
    );
    const at = this.clock();
    await client.query(
      `INSERT INTO catalogue_changes (seq, at, actor_id, action, summary, entries, undoes) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [seq, at, actorId, action, summary, entryChangesJson(entries), undoes],
    );
    await notifyCatalogueChange(client, seq);
    // The change as written: its entries were validated and made canonical by planWrite / planUndo.
    return { seq, at, actorId, action, summary, entries, undoes, undoneBy: null };
  }

  /** Nothing of its own to close: the pool is the storage's, ended once with the order store. */
  async close(): Promise<void> {}
}

async function lock(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [CATALOGUE_LOCK]);
}

async function versionOf(db: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await db.query<{ version: number }>('SELECT COALESCE(MAX(seq), 0) AS version FROM catalogue_changes');
  return rows[0]!.version;
}

async function entriesById(client: pg.PoolClient, ids: string[]): Promise<Map<string, Publication>> {
  const { rows } = await client.query<{ id: string; data: unknown }>('SELECT id, data FROM catalogue_entries WHERE id = ANY($1)', [ids]);
  return new Map(rows.map((row) => [row.id, parseStoredEntry(row.id, row.data)]));
}
