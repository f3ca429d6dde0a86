import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { RELEVANCE_SET_PATH, baselineRanker, engineRanker } from '../../src/bench/relevance.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { evaluateRelevance, formatRelevanceReports, loadRelevanceSet } from '../../src/search/evaluate.js';

const cases = loadRelevanceSet(RELEVANCE_SET_PATH);
const publications = loadCatalogue();

describe('relevance set', () => {
  it('covers every kind of query staff ask, with known titles', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const kind of ['keywords', 'question', 'typo', 'spanish', 'french', 'acronym', 'language', 'year', 'filter-only', 'unrelated']) {
      expect(kinds, kind).toContain(kind);
    }
    const ids = new Set(publications.map((p) => p.id));
    for (const c of cases) for (const id of c.expected) expect(ids, `${c.query}: ${id}`).toContain(id);
  });

  it('is answered well: top-1 ≥ 0.95, top-3 ≥ 0.98, filters respected, nothing for unrelated questions', () => {
    const engine = evaluateRelevance(cases, engineRanker(publications));
    const baseline = evaluateRelevance(cases, baselineRanker(publications));
    console.log(formatRelevanceReports({ engine, baseline }, cases.length));
    for (const f of engine.failures) console.log(`  "${f.query}": ${f.problem}`);
    expect(engine.top1).toBeGreaterThanOrEqual(0.95);
    expect(engine.top3).toBeGreaterThanOrEqual(0.98);
    expect(engine.filterViolations).toBe(0);
    expect(engine.unrelatedWithResults).toBe(0);
    expect(engine.incompleteListings).toBe(0);
    expect(engine.mrr).toBeGreaterThan(baseline.mrr);
  });

  it('reads the filters each query states', () => {
    const search = createSearchEngine(publications);
    for (const c of cases.filter((c) => c.filters)) {
      const { query } = search.search(c.query);
      expect(query.filters, c.query).toEqual(c.filters);
      expect(query.filterOnly, c.query).toBe(c.kind === 'filter-only');
    }
  });
});
