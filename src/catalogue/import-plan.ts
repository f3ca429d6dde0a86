/**
 * What importing a listing page into the current catalogue would change — the dry run a catalogue admin
 * sees before applying it — and the write that applies it. Pure: the listing's text in, the plan out.
 */
import type { CatalogueWrite } from './catalogue-store.js';
import { importCatalogue, type ImportResult } from './importer.js';
import type { ListingWarning } from './listing.js';
import type { Publication } from './schema.js';

/** An import worked out against one version of the catalogue. */
export interface ImportPlan {
  /** The catalogue version the plan was made against. */
  baseVersion: number;
  /** Titles the import adds, updates, finds as they are, and titles the page does not list (kept as they are). */
  added: Publication[];
  updated: Publication[];
  unchanged: Publication[];
  notListed: Publication[];
  /** The listing page's warnings, by line. */
  warnings: ListingWarning[];
}

/**
 * Works out importing `listingText` into `publications` (the catalogue at `baseVersion`).
 * Throws ImportError (with the line) when the page cannot be read.
 */
export function planImport(publications: readonly Publication[], baseVersion: number, listingText: string): ImportPlan {
  const result: ImportResult = importCatalogue(publications, listingText);
  const byId = new Map(result.publications.map((p) => [p.id, p]));
  const entries = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  return {
    baseVersion,
    added: entries(result.added),
    updated: entries(result.updated),
    unchanged: entries(result.unchanged),
    notListed: entries(result.notListed),
    warnings: result.warnings.listing,
  };
}

/** True when applying the plan would change the catalogue. */
export function planChanges(plan: ImportPlan): boolean {
  return plan.added.length + plan.updated.length > 0;
}

/** The write that applies `plan` for `actorId`: the added and updated entries, against the plan's version. */
export function importWrite(plan: ImportPlan, actorId: string): CatalogueWrite {
  return {
    action: 'import',
    actorId,
    summary: `Imported listing page: ${plan.added.length} added, ${plan.updated.length} updated`,
    publications: [...plan.updated, ...plan.added],
    baseVersion: plan.baseVersion,
  };
}
