/**
 * The term index: per index term, the titles holding it in each field with how often, asked one term at a
 * time for the titles holding it and the term's BM25+ score in each (field boosts applied). The engine
 * combines these per-term scores into query words itself, in typed arrays.
 *
 * The scores are MiniSearch's (7.x, default BM25+ parameters), computed as MiniSearch computes them,
 * operation for operation, so that they are the same numbers; building the index directly rather than
 * through MiniSearch's radix tree takes a fraction of the time, which lets the live catalogue re-index
 * on every change. A term held by many titles ("migrat" is in two thirds of a large catalogue) is looked
 * up once, when the index is built, and kept as compact arrays.
 */

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

/** MiniSearch's BM25+ parameters: term frequency saturation, length normalisation, and the floor of a match. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * One field of the index: its boost, each document's length (its distinct terms) and the average, and per
 * term number the documents holding the term (ascending) with how often each does, stored end to end:
 * term n's are at `starts[n]` up to `starts[n + 1]`.
 */
interface FieldIndex {
  boost: number;
  lengths: Int32Array;
  averageLength: number;
  starts: Int32Array;
  docs: Int32Array;
  counts: Int32Array;
}

/** Index terms of a catalogue with their postings; documents are numbered in the order given. */
export class TermIndex<F extends string> {
  /** Each index term's number, which indexes the arrays below. */
  private readonly termNumbers = new Map<string, number>();
  /** Per term number, how many titles hold it. */
  private readonly frequency: Int32Array;
  private readonly precomputed = new Map<string, Postings>();
  /** Per field, in boost order. */
  private readonly fields: FieldIndex[];
  private readonly documentCount: number;

  /**
   * Indexes the documents' fields with the given boosts; terms held by at least `precomputeMinTitles`
   * titles are looked up now.
   */
  constructor(documents: readonly IndexedDocument<F>[], boost: Record<F, number>, precomputeMinTitles = PRECOMPUTED_MIN_TITLES) {
    const names = Object.keys(boost) as F[];
    this.documentCount = documents.length;
    // First pass: per field, each document's distinct term numbers with their counts, end to end.
    const held = names.map(() => new GrowableInts());
    const lengths = names.map(() => new Int32Array(documents.length));
    const averages = names.map(() => 0);
    /** Per term number, its count in the field at hand (0 once recorded), and the last document that held it. */
    const inField = new GrowableInts();
    const lastDoc = new GrowableInts();
    const frequency = new GrowableInts();
    const touched: number[] = [];
    for (let doc = 0; doc < documents.length; doc++) {
      const fields = documents[doc]!.fields;
      for (let f = 0; f < names.length; f++) {
        const terms = fields[names[f]!];
        for (const term of terms) {
          let n = this.termNumbers.get(term);
          if (n === undefined) {
            this.termNumbers.set(term, (n = this.termNumbers.size));
            inField.push(0);
            lastDoc.push(-1);
            frequency.push(0);
          }
          if (inField.values[n] === 0) touched.push(n);
          inField.values[n]!++;
        }
        // As MiniSearch: an empty field still counts one (empty) token, and the average is kept as it goes.
        const length = terms.length === 0 ? 1 : touched.length;
        lengths[f]![doc] = length;
        averages[f] = (averages[f]! * doc + length) / (doc + 1);
        held[f]!.push(touched.length);
        for (const n of touched) {
          held[f]!.push(n);
          held[f]!.push(inField.values[n]!);
          inField.values[n] = 0;
          if (lastDoc.values[n] !== doc) {
            lastDoc.values[n] = doc;
            frequency.values[n]!++;
          }
        }
        touched.length = 0;
      }
    }
    // Second pass: per field, the postings of each term, laid out by term number.
    const termCount = this.termNumbers.size;
    this.frequency = frequency.values.slice(0, termCount);
    this.fields = names.map((name, f) => {
      const pairs = held[f]!;
      const starts = new Int32Array(termCount + 1);
      for (let doc = 0, i = 0; doc < documents.length; doc++) {
        const distinct = pairs.values[i++]!;
        for (let j = 0; j < distinct; j++, i += 2) {
          starts[pairs.values[i]! + 1]!++;
        }
      }
      for (let n = 0; n < termCount; n++) starts[n + 1]! += starts[n]!;
      const docs = new Int32Array(starts[termCount]!);
      const counts = new Int32Array(starts[termCount]!);
      const next = starts.slice(0, termCount);
      for (let doc = 0, i = 0; doc < documents.length; doc++) {
        const distinct = pairs.values[i++]!;
        for (let j = 0; j < distinct; j++, i += 2) {
          const at = next[pairs.values[i]!]!++;
          docs[at] = doc;
          counts[at] = pairs.values[i + 1]!;
        }
      }
      // MiniSearch treats a boost of 0 as none given (1).
      return { boost: boost[name] || 1, lengths: lengths[f]!, averageLength: averages[f]!, starts, docs, counts };
    });
    for (const [term, n] of this.termNumbers) if (this.frequency[n]! >= precomputeMinTitles) this.precomputed.set(term, this.lookUp(n));
  }

  /** How many titles hold the term, in any field (0 for a term not in the index). */
  titles(term: string): number {
    const n = this.termNumbers.get(term);
    return n === undefined ? 0 : this.frequency[n]!;
  }

  /** Every index term, sorted. */
  terms(): string[] {
    return [...this.termNumbers.keys()].sort();
  }

  /** The titles holding the term, with its score in each. */
  postings(term: string): Postings {
    const n = this.termNumbers.get(term);
    return n === undefined ? NO_POSTINGS : (this.precomputed.get(term) ?? this.lookUp(n));
  }

  /** The term's score per title: per field in boost order, the boosted BM25+ score, summed as MiniSearch sums them. */
  private lookUp(n: number): Postings {
    const scores = new Map<number, number>();
    for (const { boost, lengths, averageLength, starts, docs, counts } of this.fields) {
      const matching = starts[n + 1]! - starts[n]!;
      for (let i = starts[n]!; i < starts[n + 1]!; i++) {
        const doc = docs[i]!;
        const score = boost * bm25Score(counts[i]!, matching, this.documentCount, lengths[doc]!, averageLength);
        const sum = scores.get(doc);
        scores.set(doc, sum === undefined ? score : sum + score);
      }
    }
    const found = Int32Array.from(scores.keys()).sort();
    return { docs: found, scores: Float64Array.from(found, (doc) => scores.get(doc)!) };
  }
}

/** A list of whole numbers that grows as they are pushed, kept in a typed array (doubled when full). */
class GrowableInts {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** MiniSearch's BM25+ score of a term in one field of one document, in its order of operations. */
function bm25Score(termFrequency: number, matching: number, total: number, fieldLength: number, averageLength: number): number {
  const { k, b, d } = BM25;
  const inverseDocumentFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return inverseDocumentFrequency * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageLength)));
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
