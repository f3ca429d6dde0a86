/**
 * The term index: a MiniSearch index over analysed fields, asked one index term at a time for the titles
 * holding the term and the term's BM25+ score in each (field boosts applied). The engine combines these
 * per-term scores into query words itself, in typed arrays.
 *
 * The MiniSearch index lives in a KeptIndex, which a catalogue that changes (../catalogue/live.ts) keeps
 * from one build to the next: a build brings it up to date in place, with MiniSearch's own `remove` (of the
 * exact document indexed) and `add`, rather than indexing every title again. Building MiniSearch's radix
 * tree over 1,000 titles takes about half a second, too much of the wait between a catalogue admin's Apply
 * and the answer; an edit's `remove` and `add` take a few milliseconds. `discard` (and `replace`, which
 * uses it) is not used: it leaves the discarded document's terms counted until vacuuming, so scores would
 * differ from a fresh build's.
 *
 * A term held by many titles ("migrat" is in two thirds of a large catalogue) is costly to look up
 * through MiniSearch (about a microsecond per title, and a result object each); such terms' postings are
 * kept as compact arrays once looked up, for as long as the TermIndex lives. They are not worked out when
 * the index is built: BM25 statistics change with any document, so they would be worked out again after
 * every change of a live catalogue, most of them for no query.
 */
import MiniSearch from 'minisearch';

/** The titles holding one index term, by document number ascending, with the term's score in each. */
export interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

/** A document as indexed: its id and, per field, its index terms in order. */
export interface IndexedDocument<F extends string> {
  readonly id: string;
  readonly fields: Readonly<Record<F, readonly string[]>>;
}

/** By default, terms held by at least this many titles keep their postings once looked up. */
export const KEPT_POSTINGS_MIN_TITLES = 300;

const NO_POSTINGS: Postings = { docs: new Int32Array(0), scores: new Float64Array(0) };

/** A document as MiniSearch indexes it: per field, its index terms joined by spaces. */
interface TextDocument<F extends string> {
  readonly id: string;
  readonly text: Readonly<Record<F, string>>;
}

/**
 * A MiniSearch index of documents kept up to date in place (see `update`), with how many documents hold
 * each term. Documents are told apart by object: an unchanged document must be given as the same object
 * from one update to the next, and a changed one as a new object (with the same id). The index keeps each
 * document given, and as it gave it to MiniSearch (its fields' text), which `remove` needs.
 */
export class KeptIndex<F extends string> {
  readonly #miniSearch: MiniSearch<TextDocument<F>>;
  /** The documents indexed, by id: the object given, and the document as added (MiniSearch's `remove` needs it as it was). */
  readonly #indexed = new Map<string, { document: IndexedDocument<F>; added: TextDocument<F> }>();
  /** Per term, how many indexed documents hold it (in any field). */
  readonly #titles = new Map<string, number>();
  #sortedTerms: string[] | null = [];
  #version = 0;

  constructor(readonly fields: readonly F[]) {
    this.#miniSearch = new MiniSearch<TextDocument<F>>({
      fields: [...fields],
      idField: 'id',
      // MiniSearch indexes text: the terms go in joined by spaces and come out split again.
      extractField: (document, field) => (field === 'id' ? document.id : document.text[field as F]),
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
    });
  }

  /** Counts the updates: a TermIndex answers only while the index is as it was built (see TermIndex). */
  get version(): number {
    return this.#version;
  }

  /**
   * Brings the index to exactly `documents` (ids unique, as in a catalogue): removes the documents no longer
   * given (or given as another object), then adds the new ones in the order given. A fresh index adds them
   * all, in order.
   */
  update(documents: readonly IndexedDocument<F>[]): void {
    const given = new Map(documents.map((document) => [document.id, document]));
    if (given.size !== documents.length) throw new Error('KeptIndex: two documents have the same id');
    this.#version++;
    for (const [id, { document, added }] of this.#indexed) {
      if (given.get(id) === document) continue;
      this.#miniSearch.remove(added);
      this.#indexed.delete(id);
      this.#count(document, -1);
    }
    for (const document of documents) {
      if (this.#indexed.has(document.id)) continue;
      const added = { id: document.id, text: {} as Record<F, string> };
      for (const field of this.fields) added.text[field] = document.fields[field].join(' ');
      this.#miniSearch.add(added);
      this.#indexed.set(document.id, { document, added });
      this.#count(document, 1);
    }
  }

  /** How many indexed documents hold the term, in any field (0 for a term not in the index). */
  titles(term: string): number {
    return this.#titles.get(term) ?? 0;
  }

  /** Every index term, sorted. */
  terms(): readonly string[] {
    return (this.#sortedTerms ??= [...this.#titles.keys()].sort());
  }

  /** Calls `found` with the id and score (boosted BM25+ over the fields) of each document holding the term. */
  search(term: string, boost: Readonly<Record<F, number>>, found: (id: string, score: number) => void): void {
    // Collecting in the filter and keeping nothing spares MiniSearch sorting the results.
    this.#miniSearch.search(term, {
      boost,
      filter: ({ id, score }) => {
        found(id as string, score);
        return false;
      },
    });
  }

  /** Adds `change` (1 or -1) to the count of each term the document holds. */
  #count(document: IndexedDocument<F>, change: number): void {
    const terms = new Set<string>();
    for (const field of this.fields) for (const term of document.fields[field]) if (term) terms.add(term);
    for (const term of terms) {
      const titles = (this.#titles.get(term) ?? 0) + change;
      if (titles === 0 || titles === change) this.#sortedTerms = null;
      if (titles === 0) this.#titles.delete(term);
      else this.#titles.set(term, titles);
    }
  }
}

/**
 * Index terms of a catalogue with their postings; documents are numbered in the order given.
 *
 * Built over a KeptIndex shared with earlier builds, it updates that index to its documents, after which
 * the earlier TermIndexes over it must no longer be used: they throw if asked. Builds are synchronous, so
 * whoever replaces an engine by a newer one (../catalogue/live.ts) does so before any query can reach the
 * old one.
 */
export class TermIndex<F extends string> {
  readonly #index: KeptIndex<F>;
  readonly #version: number;
  readonly #boost: Readonly<Record<F, number>>;
  /** Each document's number, by id. */
  readonly #numbers = new Map<string, number>();
  readonly #keepMinTitles: number;
  /** Postings of terms held by many titles, once looked up. */
  readonly #kept = new Map<string, Postings>();

  /**
   * Indexes the documents' fields with the given boosts, in `options.index` (brought up to date in place)
   * or in an index of its own; terms held by at least `options.keepMinTitles` titles keep their postings
   * once looked up.
   */
  constructor(
    documents: readonly IndexedDocument<F>[],
    boost: Readonly<Record<F, number>>,
    options: { index?: KeptIndex<F>; keepMinTitles?: number } = {},
  ) {
    const fields = Object.keys(boost) as F[];
    this.#index = options.index ?? new KeptIndex(fields);
    const [indexed, boosted] = [[...this.#index.fields].sort().join(', '), [...fields].sort().join(', ')];
    if (indexed !== boosted) throw new Error(`TermIndex: the index has fields ${indexed}, not ${boosted}`);
    this.#boost = boost;
    documents.forEach((document, n) => this.#numbers.set(document.id, n));
    this.#index.update(documents);
    this.#version = this.#index.version;
    this.#keepMinTitles = options.keepMinTitles ?? KEPT_POSTINGS_MIN_TITLES;
  }

  /** How many titles hold the term, in any field (0 for a term not in the index). */
  titles(term: string): number {
    return this.#current().titles(term);
  }

  /** Every index term, sorted. */
  terms(): readonly string[] {
    return this.#current().terms();
  }

  /** The titles holding the term, with its score in each. */
  postings(term: string): Postings {
    const kept = this.#kept.get(term);
    if (kept) return kept;
    const titles = this.#current().titles(term);
    if (titles === 0) return NO_POSTINGS;
    const postings = this.#lookUp(term, titles);
    if (titles >= this.#keepMinTitles) this.#kept.set(term, postings);
    return postings;
  }

  /** The index, if no later TermIndex has updated it since this one was built. */
  #current(): KeptIndex<F> {
    if (this.#index.version !== this.#version) throw new Error('TermIndex: its index was updated by a later build; use the engine built last');
    return this.#index;
  }

  /** The term's postings, looked up through MiniSearch (`titles` of them), in document order. */
  #lookUp(term: string, titles: number): Postings {
    const docs = new Int32Array(titles);
    const scores = new Float64Array(titles);
    let n = 0;
    this.#current().search(term, this.#boost, (id, score) => {
      docs[n] = this.#numbers.get(id)!;
      scores[n++] = score;
    });
    const order = Int32Array.from(docs.keys()).sort((a, b) => docs[a]! - docs[b]!);
    return { docs: Int32Array.from(order, (i) => docs[i]!), scores: Float64Array.from(order, (i) => scores[i]!) };
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
