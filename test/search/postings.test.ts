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
  const lookedUp = new TermIndex(documents, boost, { keepMinTitles: Number.POSITIVE_INFINITY });
  const keeping = new TermIndex(documents, boost, { keepMinTitles: 1 });

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

  it('gives the same postings whether they were kept from an earlier look-up or not', () => {
    for (const term of lookedUp.terms()) {
      const first = keeping.postings(term);
      expect(first, term).toEqual(lookedUp.postings(term));
      expect(keeping.postings(term), term).toBe(first);
    }
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
    expect(new TermIndex(next, boost, { index: kept }).terms()).not.toContain('reintegr');
    // Then back to the first documents, the very objects indexed before.
    for (const build of [next, documents]) {
      const updated = new TermIndex(build, boost, { index: kept });
      const fresh = new TermIndex(build, boost);
      expect(updated.terms()).toEqual(fresh.terms());
      for (const term of fresh.terms()) {
        expect(updated.titles(term), term).toBe(fresh.titles(term));
        const [a, b] = [updated.postings(term), fresh.postings(term)];
        expect([...a.docs], term).toEqual([...b.docs]);
        a.scores.forEach((score, i) => expect(score, term).toBeCloseTo(b.scores[i]!, 12));
      }
    }
  });

  it('refuses two documents of the same id, leaving the index as it was', () => {
    const kept = new KeptIndex<'title' | 'summary'>(['title', 'summary']);
    const index = new TermIndex(documents, boost, { index: kept });
    expect(() => kept.update([...documents, { ...documents[0]!, fields: { title: [], summary: [] } }])).toThrow(/same id/);
    expect(index.titles('migrat')).toBe(3);
  });

  it('refuses to answer from a kept index that a later build has updated', () => {
    const kept = new KeptIndex<'title' | 'summary'>(['title', 'summary']);
    const old = new TermIndex(documents, boost, { index: kept, keepMinTitles: Number.POSITIVE_INFINITY });
    new TermIndex(documents.slice(1), boost, { index: kept });
    expect(() => old.postings('victim')).toThrow(/updated by a later build/);
    expect(() => old.titles('victim')).toThrow(/updated by a later build/);
  });
});
