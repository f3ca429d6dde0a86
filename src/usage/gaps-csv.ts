/**
 * The search gaps as CSV for catalogue admins (`/handbooks admin gaps`), in the orders export's format
 * (RFC 4180, CRLF, cells guarded against spreadsheet formulas: ../orders/csv.ts): one row per query text.
 * Column names are the same in every language.
 */
import { csvDocument } from '../orders/csv.js';
import type { SearchGap } from './search-usage.js';

/** The header row, in order. */
export const GAP_CSV_COLUMNS = ['query', 'searches', 'found_nothing', 'found_in_part', 'last_searched'] as const;

/** The gaps, in the order given, as one CSV document with a header row. */
export function gapsToCsv(gaps: readonly SearchGap[]): string {
  return csvDocument([
    [...GAP_CSV_COLUMNS],
    ...gaps.map((g) => [g.query, String(g.searches), String(g.nothingFound), String(g.foundInPart), g.lastDay]),
  ]);
}
