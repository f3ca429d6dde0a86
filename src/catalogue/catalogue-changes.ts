/**
 * What both catalogue stores (SQLite, PostgreSQL) decide the same way around their transactions: which
 * entries a write changes, which change an undo takes back and what it restores, and the validation of
 * what is read back (a corrupt stored entry is refused, naming it). Pure; the stores only add storage.
 */
import type { CatalogueAction, CatalogueChange, CatalogueEntryChange, CatalogueWrite } from './catalogue-store.js';
import { canonicalPublication } from './format.js';
import { publicationSchema, type Publication } from './schema.js';

/** A stored entry or change that does not validate: the catalogue is not loaded rather than half-loaded. */
export class CorruptCatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptCatalogueError';
  }
}

/** An undo refused because an entry the change touched is no longer as that change left it. */
export class CatalogueUndoError extends Error {
  constructor(
    readonly seq: number,
    readonly entryId: string,
  ) {
    super(`change ${seq} cannot be undone: entry "${entryId}" was changed since`);
    this.name = 'CatalogueUndoError';
  }
}

/** The entry's stored form: the canonical publication as JSON (same data, same text). */
export function entryJson(publication: Publication): string {
  return JSON.stringify(canonicalPublication(publication));
}

/** The stored entry `id` as a validated publication; CorruptCatalogueError naming the entry when it is not one. */
export function parseStoredEntry(id: string, data: unknown): Publication {
  const value = typeof data === 'string' ? parseJson(data, `entry "${id}"`) : data;
  const result = publicationSchema.safeParse(value);
  if (!result.success) {
    throw new CorruptCatalogueError(`the stored catalogue entry "${id}" is not valid: ${describeIssues(result.error.issues)}`);
  }
  if (result.data.id !== id) throw new CorruptCatalogueError(`the stored catalogue entry "${id}" holds the entry "${result.data.id}"`);
  return result.data;
}

/** A row of `catalogue_changes` as either store reads it (`at`: milliseconds in SQLite, a Date from PostgreSQL; `entries`: JSON text or parsed). */
export interface StoredChangeRow {
  seq: number;
  at: number | Date;
  actor_id: string;
  action: CatalogueAction;
  summary: string;
  entries: unknown;
  undoes: number | null;
  undone_by: number | null;
}

/** The change a stored row holds, its entries validated. */
export function changeFromRow(row: StoredChangeRow): CatalogueChange {
  return {
    seq: row.seq,
    at: row.at instanceof Date ? row.at : new Date(row.at),
    actorId: row.actor_id,
    action: row.action,
    summary: row.summary,
    entries: parseStoredEntryChanges(row.seq, row.entries),
    undoes: row.undoes,
    undoneBy: row.undone_by,
  };
}

/** The entries of stored change `seq` (JSON text or parsed), each side validated. */
export function parseStoredEntryChanges(seq: number, data: unknown): CatalogueEntryChange[] {
  const value = typeof data === 'string' ? parseJson(data, `change ${seq}`) : data;
  if (!Array.isArray(value)) throw new CorruptCatalogueError(`the stored catalogue change ${seq} has no list of entries`);
  return value.map((item: { id?: unknown; before?: unknown; after?: unknown }) => {
    const id = typeof item?.id === 'string' ? item.id : '';
    if (id === '') throw new CorruptCatalogueError(`the stored catalogue change ${seq} has an entry without an id`);
    const side = (entry: unknown) => {
      if (entry === null || entry === undefined) return null;
      try {
        return parseStoredEntry(id, entry);
      } catch (error) {
        throw new CorruptCatalogueError(`in change ${seq}, ${(error as Error).message}`);
      }
    };
    return { id, before: side(item.before), after: side(item.after) };
  });
}

/**
 * The entries a write changes: each of its publications (validated, ids unique) whose stored form differs
 * from the current entry's, or that is new. Entries left as they are are not part of the change. A seed
 * is only ever the first change (base version 0).
 */
export function planWrite(write: CatalogueWrite, current: (id: string) => Publication | undefined): CatalogueEntryChange[] {
  if (write.action === 'seed' && write.baseVersion !== 0) throw new TypeError('catalogue write: a seed can only be the first change (base version 0)');
  const { publications } = write;
  const seen = new Set<string>();
  const changes: CatalogueEntryChange[] = [];
  publications.forEach((candidate, i) => {
    const result = publicationSchema.safeParse(candidate);
    if (!result.success) {
      const label = typeof candidate?.id === 'string' ? `"${candidate.id}"` : `at ${i}`;
      throw new TypeError(`catalogue write: entry ${label} is not valid: ${describeIssues(result.error.issues)}`);
    }
    const after = canonicalPublication(result.data);
    if (seen.has(after.id)) throw new TypeError(`catalogue write: entry "${after.id}" is given twice`);
    seen.add(after.id);
    const before = current(after.id) ?? null;
    if (before === null || entryJson(before) !== entryJson(after)) changes.push({ id: after.id, before, after });
  });
  return changes;
}

/**
 * The entries an undo of `change` (the latest change that is neither the seed nor an undo and was not
 * undone, so that repeated undos go further back) writes: each touched entry back as it was before (removed where the
 * change added it). Refuses (CatalogueUndoError) when an entry is not as the change left it.
 */
export function planUndo(change: CatalogueChange, current: (id: string) => Publication | undefined): CatalogueEntryChange[] {
  return change.entries.map(({ id, before, after }) => {
    const now = current(id) ?? null;
    if ((now === null) !== (after === null) || (now !== null && after !== null && entryJson(now) !== entryJson(after))) {
      throw new CatalogueUndoError(change.seq, id);
    }
    return { id, before: now, after: before };
  });
}

/** The JSON text of a change's entries as stored, each side in its canonical form. */
export function entryChangesJson(entries: readonly CatalogueEntryChange[]): string {
  return JSON.stringify(
    entries.map(({ id, before, after }) => ({ id, before: before && canonicalPublication(before), after: after && canonicalPublication(after) })),
  );
}

/** The summary line of the undo of `change`. */
export function undoSummary(change: CatalogueChange): string {
  return `Undid change ${change.seq}: ${change.summary}`;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptCatalogueError(`the stored catalogue ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`).join('; ');
}
