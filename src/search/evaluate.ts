/**
 * Relevance measurement: a set of queries written as staff ask them, each with the titles a librarian
 * would accept as the top answer, scored as top-1, top-3 and mean reciprocal rank. Works for any ranking
 * function, so the engine and a plain-MiniSearch baseline are measured on the same set.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Publication } from '../catalogue/schema.js';
import { passesFilters } from './engine.js';

export const relevanceCaseSchema = z
  .object({
    query: z.string().min(1),
    /** What the query exercises: keywords, question, typo, spanish, french, acronym, language, year, filter-only, unrelated. */
    kind: z.string().min(1),
    /** Ids a librarian accepts as the top answer; empty for an unrelated question, which must find nothing. */
    expected: z.array(z.string()),
    /** Filters the query states; every result must pass them. */
    filters: z
      .object({
        languages: z.array(z.string()).optional(),
        everyLanguage: z.literal(true).optional(),
        yearFrom: z.number().int().optional(),
        yearTo: z.number().int().optional(),
      })
      .strict()
      .optional(),
    /** The query asks for a listing: the results must be exactly the expected titles. */
    listsAll: z.boolean().optional(),
  })
  .strict();
export type RelevanceCase = z.infer<typeof relevanceCaseSchema>;

/** Reads and validates a relevance set file (`{ "cases": [...] }`). */
export function loadRelevanceSet(file: string): RelevanceCase[] {
  return z.object({ cases: z.array(relevanceCaseSchema).min(1) }).parse(JSON.parse(readFileSync(file, 'utf8'))).cases;
}

/** One way a ranking fell short on a case. */
export interface RelevanceFailure {
  query: string;
  problem: string;
}

export interface RelevanceReport {
  /** Cases with an expected answer (the base of the three figures). */
  answerable: number;
  top1: number;
  top3: number;
  mrr: number;
  /** Cases where some result does not pass the query's stated filters. */
  filterViolations: number;
  /** Unrelated questions that found something. */
  unrelatedWithResults: number;
  /** Listing queries whose results are not exactly the expected titles. */
  incompleteListings: number;
  /** Every shortfall, for reading: misses below rank 3, filter violations, junk, incomplete listings. */
  failures: RelevanceFailure[];
}

/** Scores a ranking function (all results of a query, best first) on a relevance set. */
export function evaluateRelevance(cases: readonly RelevanceCase[], rankAll: (query: string) => readonly Publication[]): RelevanceReport {
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let reciprocalRanks = 0;
  let filterViolations = 0;
  let unrelatedWithResults = 0;
  let incompleteListings = 0;
  const failures: RelevanceFailure[] = [];

  for (const c of cases) {
    const results = rankAll(c.query);
    const ids = results.map((p) => p.id);
    if (c.expected.length === 0) {
      if (ids.length > 0) {
        unrelatedWithResults++;
        failures.push({ query: c.query, problem: `unrelated question found ${ids.slice(0, 3).join(', ')}` });
      }
      continue;
    }
    answerable++;
    const rank = ids.findIndex((id) => c.expected.includes(id)) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) reciprocalRanks += 1 / rank;
    if (rank !== 1) failures.push({ query: c.query, problem: rank === 0 ? `no expected title found (got ${ids.slice(0, 3).join(', ') || 'nothing'})` : `first expected title at rank ${rank} (top: ${ids[0]})` });
    const filters = c.filters;
    const outside = filters ? results.filter((p) => !passesFilters(p, filters)) : [];
    if (outside.length > 0) {
      filterViolations++;
      failures.push({ query: c.query, problem: `${outside.length} results outside the filters, e.g. ${outside[0]!.id}` });
    }
    if (c.listsAll && (ids.length !== c.expected.length || !c.expected.every((id) => ids.includes(id)))) {
      incompleteListings++;
      failures.push({ query: c.query, problem: `listing has ${ids.length} titles, expected exactly ${c.expected.length}` });
    }
  }
  const ratio = (n: number): number => (answerable === 0 ? 0 : n / answerable);
  return {
    answerable,
    top1: ratio(top1),
    top3: ratio(top3),
    mrr: ratio(reciprocalRanks),
    filterViolations,
    unrelatedWithResults,
    incompleteListings,
    failures,
  };
}

/** The figures of several rankings side by side, one line per figure, headed by what was scored. */
export function formatRelevanceReports(reports: Record<string, RelevanceReport>, cases: number, part = 'the set'): string {
  const names = Object.keys(reports);
  const row = (label: string, value: (r: RelevanceReport) => string): string =>
    `${label.padEnd(28)}${names.map((n) => value(reports[n]!).padStart(12)).join('')}`;
  return [
    `Relevance on ${part}: ${cases} queries`,
    ' '.repeat(28) + names.map((n) => n.padStart(12)).join(''),
    row('top-1', (r) => r.top1.toFixed(3)),
    row('top-3', (r) => r.top3.toFixed(3)),
    row('MRR', (r) => r.mrr.toFixed(3)),
    row('filter violations', (r) => String(r.filterViolations)),
    row('unrelated with results', (r) => String(r.unrelatedWithResults)),
    row('incomplete listings', (r) => String(r.incompleteListings)),
  ].join('\n');
}
