/**
 * The term index: a MiniSearch index over analysed fields, asked one index term at a time for the titles
 * holding the term and the term's BM25+ score in each (field boosts applied). The engine combines these
 * per-term scores into query words itself, in typed arrays.
 *
 * A term held by many titles ("migrat" is in two thirds of a large catalogue) is costly to look up
 * through MiniSearch (about a microsecond per title, and a result object each); such terms are looked up
 * once, when the index is built, and kept as compact arrays.
 */
import MiniSearch from 'minisearch';

/** The titles holding one index term, by document number ascending, with the term's score in each. */
export interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

/** A document as indexed: its id and, per field, its index terms in order. */
export interface IndexedDocument<F extends string> {
  id: string;
  fields: Record<F, readonly string[]>;
}

/** By default, terms held by at least this many titles are looked up when the index is built. */
export const PRECOMPUTED_MIN_TITLES = 300;

const NO_POSTINGS: Postings = { docs: new Int32Array(0), scores: new Float64Array(0) };

/** Index terms of a catalogue with their postings; documents are numbered in the order given. */
export class TermIndex<F extends string> {
  private readonly miniSearch: MiniSearch<IndexedDocument<F>>;
  private readonly numbers = new Map<string, number>();
  private readonly frequency = new Map<string, number>();
  private readonly precomputed = new Map<string, Postings>();

  /**
   * Indexes the documents' fields with the given boosts; terms held by at least `precomputeMinTitles`
   * titles are looked up now.
   */
  constructor(documents: readonly IndexedDocument<F>[], boost: Record<F, number>, precomputeMinTitles = PRECOMPUTED_MIN_TITLES) {
    const fields = Object.keys(boost) as F[];
    /** Per term, the titles counted and the last of them, so that a title counts once however often it has the term. */
    const counts = new Map<string, { titles: number; last: number }>();
    documents.forEach((document, n) => {
      this.numbers.set(document.id, n);
      for (const field of fields) {
        for (const term of document.fields[field]) {
          const count = counts.get(term);
          if (!count) counts.set(term, { titles: 1, last: n });
          else if (count.last !== n) {
            count.titles++;
            count.last = n;
          }
        }
      }
    });
    for (const [term, { titles }] of counts) this.frequency.set(term, titles);
    this.miniSearch = new MiniSearch<IndexedDocument<F>>({
      fields,
      idField: 'id',
      // MiniSearch indexes text: the terms go in joined by spaces and come out split again.
      extractField: (document, field) => (field === 'id' ? document.id : document.fields[field as F].join(' ')),
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, boost },
    });
    this.miniSearch.addAll(documents);
    for (const [term, titles] of this.frequency) if (titles >= precomputeMinTitles) this.precomputed.set(term, this.lookUp(term));
  }

  /** How many titles hold the term, in any field (0 for a term not in the index). */
  titles(term: string): number {
    return this.frequency.get(term) ?? 0;
  }

  /** Every index term, sorted. */
  terms(): string[] {
    return [...this.frequency.keys()].sort();
  }

  /** The titles holding the term, with its score in each. */
  postings(term: string): Postings {
    return this.precomputed.get(term) ?? (this.frequency.has(term) ? this.lookUp(term) : NO_POSTINGS);
  }

  private lookUp(term: string): Postings {
    const found: { doc: number; score: number }[] = [];
    // Collecting in the filter and keeping nothing spares MiniSearch sorting the results.
    this.miniSearch.search(term, {
      filter: ({ id, score }) => {
        found.push({ doc: this.numbers.get(id as string)!, score });
        return false;
      },
    });
    found.sort((a, b) => a.doc - b.doc);
    return { docs: Int32Array.from(found, (f) => f.doc), scores: Float64Array.from(found, (f) => f.score) };
  }
}

/** True when the postings (or any ascending list of document numbers) hold the document (binary search). */
export function holds(postings: { readonly docs: ArrayLike<number> }, doc: number): boolean {
  let lo = 0;
  let hi = postings.docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings.docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return postings.docs[lo] === doc;
}
