/**
 * The live catalogue's engine, whose MiniSearch index is updated in place after each change (IndexCache),
 * answers as an engine built afresh over the same catalogue: on the real catalogue and a synthetic one,
 * through edits, an import and undos (an entry removed) made on a real SQLite store, and another instance's
 * refresh, every response to the relevance sets' and the bench's queries is compared whole.
 *
 * Scores may differ in their last bits: MiniSearch keeps each field's average length as documents come
 * and go, so after an update it is not summed in the order of a fresh build. They must agree to 1e-9 of
 * their size (they differ by about 1e-15 in practice); everything else must be equal, order of hits included.
 */
import { describe, expect, it } from 'vitest';
import { loadRelevanceParts } from '../../src/bench/relevance.js';
import { BENCH_QUERIES } from '../../src/bench/search.js';
import { syntheticCatalogue } from '../../src/bench/synthetic.js';
import type { CatalogueWrite } from '../../src/catalogue/catalogue-store.js';
import type { LiveCatalogue } from '../../src/catalogue/live.js';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { createSearchEngine } from '../../src/search/engine.js';
import type { SearchEngine, SearchResponse } from '../../src/search/types.js';
import { openTestCatalogue } from '../support/live-catalogue.js';

/** Relative difference allowed between a score of the updated index and the fresh one's. */
const SCORE_TOLERANCE = 1e-9;

const { training, heldOut } = loadRelevanceParts();
// The held-out queries are never printed: a difference is reported by the query's number.
const QUERIES = [...training, ...heldOut].map((c) => c.query).concat(Object.values(BENCH_QUERIES).flat());

/** The response with scores left out (compared apart, within the tolerance) and publications by id. */
function comparable(response: SearchResponse) {
  return { ...response, hits: response.hits.map((h) => ({ id: h.publication.id, matchedTerms: h.matchedTerms })) };
}

/** Expects the engine to answer every query as an engine built afresh over its publications. */
function expectAnswersAsFresh(engine: SearchEngine, step: string): void {
  const fresh = createSearchEngine(engine.publications);
  QUERIES.forEach((query, n) => {
    const [updated, expected] = [engine.search(query, { limit: 50 }), fresh.search(query, { limit: 50 })];
    const label = `${step}, query #${n}`;
    expect(comparable(updated), label).toEqual(comparable(expected));
    updated.hits.forEach((hit, i) => {
      const score = expected.hits[i]!.score;
      expect(Math.abs(hit.score - score), `${label}, hit ${i}`).toBeLessThanOrEqual(SCORE_TOLERANCE * Math.abs(score));
    });
  });
}

const edit = (catalogue: LiveCatalogue, publications: Publication[]): CatalogueWrite => ({
  action: 'edit',
  actorId: 'U0ADMIN',
  summary: 'edited',
  publications,
  baseVersion: catalogue.version,
});

/** Runs changes through a live catalogue on `publications`, comparing its answers with a fresh engine's after each. */
async function expectUpdatesAnswerAsFresh(publications: readonly Publication[]): Promise<void> {
  const { catalogue, file } = await openTestCatalogue(publications);
  const other = (await openTestCatalogue(publications, file)).catalogue;
  expectAnswersAsFresh(catalogue.engine, 'seeded');
  const entries = catalogue.publications;
  const at = (n: number): Publication => entries[(n * 7) % entries.length]!;
  // Several entries take words of others: term counts, field lengths and averages all change.
  const edited = [0, 1, 2, 3, 4].map((n) => ({ ...at(n), title: `${at(n).title} ${at(n + 5).title}`, keywords: [...at(n + 6).keywords, 'psychosocial'] }));
  await catalogue.apply(edit(catalogue, edited));
  expectAnswersAsFresh(catalogue.engine, 'edited');
  const imported = [5, 6, 7].map((n, i) => ({ ...at(n), id: `imported-${i}`, summary: at(n + 1).summary, year: 2026 }));
  await catalogue.apply({ action: 'import', actorId: 'U0ADMIN', summary: 'imported', publications: imported, baseVersion: catalogue.version });
  expectAnswersAsFresh(catalogue.engine, 'imported');
  await catalogue.undo('U0ADMIN');
  expectAnswersAsFresh(catalogue.engine, 'import undone');
  await catalogue.undo('U0ADMIN');
  expectAnswersAsFresh(catalogue.engine, 'edit undone');
  expect(catalogue.publications.map((p) => p.id)).toEqual(entries.map((p) => p.id));
  await catalogue.apply(edit(catalogue, [{ ...at(2), year: 2001, keywords: [] }, { ...at(8), summary: at(9).summary }]));
  expectAnswersAsFresh(catalogue.engine, 'edited again');
  expect(await other.refresh()).toBe(true);
  expectAnswersAsFresh(other.engine, "another instance's refresh");
}

describe('the live catalogue index, updated in place', () => {
  it('answers as a fresh build on the real catalogue, through edits, an import and undos', async () => {
    await expectUpdatesAnswerAsFresh(loadCatalogue());
  });

  it('answers as a fresh build on a synthetic catalogue of 300 titles', async () => {
    await expectUpdatesAnswerAsFresh(syntheticCatalogue(loadCatalogue(), 300));
  }, 120_000);
});
