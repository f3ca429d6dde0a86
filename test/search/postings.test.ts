import { describe, expect, it } from 'vitest';
import { KeptIndex, TermIndex, holds } from '../../src/search/postings.js';

const documents = [
  { id: 'a', fields: { title: ['migrat', 'guid'], summary: ['migrat', 'migrat', 'traffick', 'victim'] } },
  { id: 'b', fields: { title: ['traffick'], summary: ['victim', 'support', 'migrat'] } },
  { id: 'c', fields: { title: ['reintegr'], summary: [] } },
  { id: 'd', fields: { title: ['migrat'], summary: ['support', 'support'] } },
];
const boost = { title: 3, summary: 1 };

describe('TermIndex', () => {
  const lookedUp = new TermIndex(documents, boost, { precomputeMinTitles: Number.POSITIVE_INFINITY });
  const precomputed = new TermIndex(documents, boost, { precomputeMinTitles: 1 });

  it('counts the titles holding each term and lists the terms', () => {
    expect(lookedUp.titles('migrat')).toBe(3);
    expect(lookedUp.titles('victim')).toBe(2);
    expect(lookedUp.titles('nope')).toBe(0);
    expect(lookedUp.terms()).toEqual(['guid', 'migrat', 'reintegr', 'support', 'traffick', 'victim']);
  });

  it('gives each term its titles in document order, scored with the field boosts', () => {
    const migrat = lookedUp.postings('migrat');
    expect([...migrat.docs]).toEqual([0, 1, 3]);
    // In the boosted title of "a" and "d": those outscore "b", which has it only in its summary.
    expect(migrat.scores[0]).toBeGreaterThan(migrat.scores[1]!);
    expect(migrat.scores[2]).toBeGreaterThan(migrat.scores[1]!);
    expect(lookedUp.postings('nope').docs).toHaveLength(0);
  });

  it('gives the same postings whether a term was looked up when the index was built or when asked', () => {
    for (const term of lookedUp.terms()) expect(precomputed.postings(term), term).toEqual(lookedUp.postings(term));
  });

  it('tells whether postings hold a document', () => {
    const victim = lookedUp.postings('victim');
    expect([0, 1, 2, 3].map((doc) => holds(victim, doc))).toEqual([true, true, false, false]);
  });

  it('updates a kept index in place to the documents of each build, answering as an index built afresh', () => {
    const kept = new KeptIndex<'title' | 'summary'>(['title', 'summary']);
    new TermIndex(documents, boost, { index: kept });
    const edited = { id: 'b', fields: { title: ['traffick', 'guid'], summary: ['victim'] } };
    const added = { id: 'e', fields: { title: ['migrat'], summary: ['return'] } };
    const next = [documents[0]!, edited, documents[3]!, added];
    const updated = new TermIndex(next, boost, { index: kept });
    const fresh = new TermIndex(next, boost);
    expect(updated.terms()).toEqual(fresh.terms());
    expect(updated.terms()).not.toContain('reintegr');
    for (const term of fresh.terms()) {
      expect(updated.titles(term), term).toBe(fresh.titles(term));
      const [a, b] = [updated.postings(term), fresh.postings(term)];
      expect([...a.docs], term).toEqual([...b.docs]);
      a.scores.forEach((score, i) => expect(score, term).toBeCloseTo(b.scores[i]!, 12));
    }
  });

  it('refuses to answer from a kept index that a later build has updated', () => {
    const kept = new KeptIndex<'title' | 'summary'>(['title', 'summary']);
    const old = new TermIndex(documents, boost, { index: kept, precomputeMinTitles: Number.POSITIVE_INFINITY });
    new TermIndex(documents.slice(1), boost, { index: kept });
    expect(() => old.postings('victim')).toThrow(/updated by a later build/);
    expect(() => old.titles('victim')).toThrow(/updated by a later build/);
  });
});
