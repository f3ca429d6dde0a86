/**
 * Imports a listing page (and optionally an address table) into an existing catalogue: adds new
 * titles, updates listed fields of known ones (matched by normalised title, not ISBN, which can be
 * shared), and keeps ids, addresses and hand-added fields (keywords, prices, notes). Pure: no files.
 */
import { applyAddresses, parseAddressTable } from './addresses.js';
import { makeId } from './ids.js';
import type { AddressWarningFinding } from './import-findings.js';
import { importWarning, parseListing, type ImportWarning, type ListedFields, type ListingEntry, type ListingWarning } from './listing.js';
import { canonicalPublication } from './format.js';
import type { Publication, ReviewFlag } from './schema.js';
import { normaliseTitle } from './text.js';

export interface MergeResult {
  publications: Publication[];
  warnings: ListingWarning[];
}

/**
 * Adds or updates `entries` in `existing`. Known titles keep their place and their id, addresses and
 * hand-added fields; new titles are appended with a fresh id. Titles not in `entries` are kept as they are.
 */
export function mergeListing(existing: readonly Publication[], entries: readonly ListingEntry[]): MergeResult {
  const warnings: ListingWarning[] = [];
  const publications = [...existing];
  const indexByTitle = new Map(existing.map((p, i) => [normaliseTitle(p.title), i]));
  const taken = new Set(existing.map((p) => p.id));
  for (const entry of entries) {
    const listed = listedFields(entry);
    const at = indexByTitle.get(normaliseTitle(entry.title));
    const known = at === undefined ? undefined : publications[at];
    if (at === undefined || !known) {
      const id = makeId(entry.title, taken);
      taken.add(id);
      publications.push({ id, ...listed, urls: {}, keywords: [], prices: {}, notes: null });
      continue;
    }
    const urls = Object.fromEntries(Object.entries(known.urls).filter(([lang]) => listed.languages.includes(lang)));
    for (const [lang, url] of Object.entries(known.urls)) {
      if (!(lang in urls)) {
        warnings.push(importWarning(entry.lines.metadata, { code: 'language-dropped', params: { title: entry.title, language: lang, url } }));
      }
    }
    publications[at] = { ...known, ...listed, urls };
  }
  return { publications, warnings };
}

function listedFields(entry: ListingEntry): ListedFields {
  const { title, year, pages, isbn, eisbn, languages, summary, summaryLanguage, pdf } = entry;
  return { title, year, pages, isbn, eisbn, languages, summary, summaryLanguage, pdf };
}

export interface ImportResult {
  publications: Publication[];
  /** Ids of publications new to the catalogue, changed by this import, or already as imported. */
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Ids of publications in the catalogue that this listing page does not mention (kept as they are). */
  notListed: string[];
  /** Warnings about the listing page and the address table, with line numbers in each. */
  warnings: { listing: ListingWarning[]; addresses: ImportWarning<AddressWarningFinding>[] };
}

/**
 * Imports the text of a listing page, and of an address table when given, into `existing`.
 * Throws ImportError (with a line number) when either text is malformed.
 */
export function importCatalogue(existing: readonly Publication[], listingText: string, addressTableText?: string): ImportResult {
  const listing = parseListing(listingText);
  const rows = addressTableText === undefined ? [] : parseAddressTable(addressTableText);
  const merged = mergeListing(existing, listing.entries);
  const withAddresses = applyAddresses(merged.publications, rows);
  const listedTitles = new Set(listing.entries.map((e) => normaliseTitle(e.title)));
  const publications = recordFlags(withAddresses.publications, [...listing.warnings, ...withAddresses.warnings], {
    listedTitles,
    addressesImported: addressTableText !== undefined,
  });

  const before = new Map(existing.map((p) => [p.id, JSON.stringify(canonicalPublication(p))]));
  const result: ImportResult = {
    publications,
    added: [],
    updated: [],
    unchanged: [],
    notListed: [],
    warnings: { listing: [...listing.warnings, ...merged.warnings].sort((a, b) => a.line - b.line), addresses: withAddresses.warnings },
  };
  for (const p of result.publications) {
    const previous = before.get(p.id);
    if (previous === undefined) result.added.push(p.id);
    else if (previous !== JSON.stringify(canonicalPublication(p))) result.updated.push(p.id);
    else if (listedTitles.has(normaliseTitle(p.title))) result.unchanged.push(p.id);
    else result.notListed.push(p.id);
  }
  return result;
}

/**
 * Writes each entry's `needsReview` from the warnings of this import. The rule: flags follow the data
 * they doubt. An entry's listed-field flags (languages, ISBNs, pages) are exactly those this import's
 * listing raises about it, and its address flags (`urls`) exactly those this import's address table
 * raises; flags are kept only for what this import did not read (entries the page does not list;
 * addresses when no table is given). So re-importing the same page changes nothing, a warning that no
 * longer arises clears its flag, and a flag a person removed by hand comes back only if the import
 * raises the warning again.
 */
function recordFlags(
  publications: readonly Publication[],
  warnings: readonly ImportWarning[],
  read: { listedTitles: ReadonlySet<string>; addressesImported: boolean },
): Publication[] {
  const raised = new Map<string, ReviewFlag[]>();
  for (const warning of warnings) {
    for (const { title, ...flag } of warning.flags ?? []) {
      const key = normaliseTitle(title);
      const list = raised.get(key) ?? [];
      if (!list.some((f) => f.field === flag.field && f.value === flag.value && f.code === flag.code)) list.push({ ...flag, message: warning.message });
      raised.set(key, list);
    }
  }
  return publications.map((p) => {
    const key = normaliseTitle(p.title);
    const rereadField = (field: ReviewFlag['field']) => (field === 'urls' ? read.addressesImported : read.listedTitles.has(key));
    const kept = (p.needsReview ?? []).filter((f) => !rereadField(f.field));
    const flags = [...kept, ...(raised.get(key) ?? [])];
    const { needsReview: _previous, ...rest } = p;
    return flags.length === 0 ? rest : { ...rest, needsReview: flags };
  });
}
