/**
 * Benchmark section "relevance": the engine and plain MiniSearch (its defaults, over title and summary)
 * scored on the relevance set in test/search/relevance.json.
 */
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCatalogue } from '../catalogue/load.js';
import type { Publication } from '../catalogue/schema.js';
import { summaryText } from '../catalogue/summary.js';
import { createSearchEngine } from '../search/engine.js';
import { evaluateRelevance, formatRelevanceReports, loadRelevanceSet, type RelevanceReport } from '../search/evaluate.js';
import type { BenchSection } from './measure.js';

export const RELEVANCE_SET_PATH = fileURLToPath(new URL('../../test/search/relevance.json', import.meta.url));

/** The engine as a ranking function: every hit of a query, best first. */
export function engineRanker(publications: readonly Publication[]): (query: string) => Publication[] {
  const engine = createSearchEngine(publications);
  return (query) => engine.search(query, { limit: Number.POSITIVE_INFINITY }).hits.map((h) => h.publication);
}

/** MiniSearch with nothing but its defaults over title and summary, the reference to beat. */
export function baselineRanker(publications: readonly Publication[]): (query: string) => Publication[] {
  const byId = new Map(publications.map((p) => [p.id, p]));
  const index = new MiniSearch<Publication>({
    fields: ['title', 'summary'],
    extractField: (p, field) => (field === 'summary' ? summaryText(p.summary) : p[field as 'id' | 'title']),
  });
  index.addAll(publications);
  return (query) => index.search(query).map((r) => byId.get(r.id as string)!);
}

/** Scores engine and baseline on the relevance set and prints the figures and the engine's shortfalls. */
export function runRelevanceBench(file = RELEVANCE_SET_PATH): Record<string, RelevanceReport> {
  const cases = loadRelevanceSet(file);
  const publications = loadCatalogue();
  const reports = {
    engine: evaluateRelevance(cases, engineRanker(publications)),
    baseline: evaluateRelevance(cases, baselineRanker(publications)),
  };
  console.log(formatRelevanceReports(reports, cases.length));
  for (const f of reports.engine.failures) console.log(`  engine: "${f.query}": ${f.problem}`);
  return reports;
}

export const relevanceBench: BenchSection = {
  name: 'relevance',
  description: 'top-1, top-3 and MRR of the engine and of plain MiniSearch on test/search/relevance.json',
  run: () => {
    runRelevanceBench();
  },
};
