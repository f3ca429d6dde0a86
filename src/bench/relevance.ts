/**
 * Benchmark section "relevance": the engine and plain MiniSearch (its defaults, over title and summary)
 * scored on the relevance sets in test/search/: the training part (relevance.json, the original set, and
 * relevance-everyday.json, everyday phrasing written without seeing the engine), which the engine may be
 * tuned on, and the held-out part (relevance-heldout.json), which is only ever scored. Each query is read
 * as the bot reads Slack text (slackToPlainText) before it is searched.
 */
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCatalogue } from '../catalogue/load.js';
import type { Publication } from '../catalogue/schema.js';
import { summaryText } from '../catalogue/summary.js';
import { createSearchEngine } from '../search/engine.js';
import { evaluateRelevance, formatRelevanceReports, loadRelevanceSet, type RelevanceCase, type RelevanceReport } from '../search/evaluate.js';
import { slackToPlainText } from '../slack/plain-text.js';
import type { BenchSection } from './measure.js';

const setPath = (name: string): string => fileURLToPath(new URL(`../../test/search/${name}`, import.meta.url));
/** The training part of the relevance set: its queries and their failures may be read and tuned on. */
export const TRAINING_SET_PATHS: readonly string[] = [setPath('relevance.json'), setPath('relevance-everyday.json')];
/** The held-out part: scored only; its queries are never printed, so that nothing is tuned on them. */
export const HELDOUT_SET_PATH = setPath('relevance-heldout.json');

/** The relevance set's two parts, read and validated. */
export function loadRelevanceParts(): { training: RelevanceCase[]; heldOut: RelevanceCase[] } {
  return { training: TRAINING_SET_PATHS.flatMap(loadRelevanceSet), heldOut: loadRelevanceSet(HELDOUT_SET_PATH) };
}

/** A ranking function that reads each query as the bot reads Slack text: mentions, links and formatting to plain words. */
export function readingSlackText(rank: (query: string) => Publication[]): (query: string) => Publication[] {
  return (query) => rank(slackToPlainText(query));
}

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

/** The engine's and the baseline's figures on some cases, queries read as Slack text. */
export function scoreRelevance(cases: readonly RelevanceCase[], publications: readonly Publication[]): Record<'engine' | 'baseline', RelevanceReport> {
  return {
    engine: evaluateRelevance(cases, readingSlackText(engineRanker(publications))),
    baseline: evaluateRelevance(cases, readingSlackText(baselineRanker(publications))),
  };
}

/**
 * Scores engine and baseline on the training part, the held-out part and both, and prints the figures and
 * the engine's shortfalls on the training part only (the held-out part's queries are never shown).
 */
export function runRelevanceBench(): void {
  const { training, heldOut } = loadRelevanceParts();
  const publications = loadCatalogue();
  const trained = scoreRelevance(training, publications);
  console.log(formatRelevanceReports(trained, training.length, 'training part'));
  for (const f of trained.engine.failures) console.log(`  engine: "${f.query}": ${f.problem}`);
  console.log(`\n${formatRelevanceReports(scoreRelevance(heldOut, publications), heldOut.length, 'held-out part (scored only)')}`);
  console.log(`\n${formatRelevanceReports(scoreRelevance([...training, ...heldOut], publications), training.length + heldOut.length, 'whole set')}`);
}

export const relevanceBench: BenchSection = {
  name: 'relevance',
  description: 'top-1, top-3 and MRR of the engine and of plain MiniSearch on test/search/relevance*.json (training and held-out parts)',
  run: () => {
    runRelevanceBench();
  },
};
