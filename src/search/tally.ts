/**
 * Per-title accumulators of one query: the summed score of the terms found in each title, how many query
 * words it matched and how many of those are content words. Typed arrays indexed by document number, with
 * the list of titles touched so that reading and clearing cost what the query found, not the catalogue.
 */
import type { Postings } from './postings.js';

export class Tally {
  /** Summed term scores per title. */
  readonly score: Float64Array;
  /** Query words matched per title. */
  readonly words: Uint16Array;
  /** Content words (not document-type words) matched per title. */
  readonly content: Uint16Array;
  /** Words of the field matched per title: content words that are not everyday words (see beginWord). */
  readonly fieldWords: Uint16Array;
  /** The titles with a score, in the order first found; `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount = 0;
  /** The word that last counted each title, so that a word counts once however many of its terms match. */
  private readonly countedBy: Int32Array;
  private word = 0;
  private wordIsContent = false;
  private wordIsOfField = false;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.words = new Uint16Array(size);
    this.content = new Uint16Array(size);
    this.fieldWords = new Uint16Array(size);
    this.touched = new Int32Array(size);
    this.countedBy = new Int32Array(size);
  }

  /** Starts counting the matches of another query word: a content word or not, a word of the field or not. */
  beginWord(content: boolean, ofField = false): void {
    if (this.word === 0x7fffffff) {
      this.countedBy.fill(0);
      this.word = 0;
    }
    this.word++;
    this.wordIsContent = content;
    this.wordIsOfField = ofField;
  }

  /** Adds a title's score for the current word. */
  add(doc: number, score: number): void {
    if (this.countedBy[doc] !== this.word) {
      this.countedBy[doc] = this.word;
      if (this.words[doc] === 0) this.touched[this.touchedCount++] = doc;
      this.words[doc]!++;
      if (this.wordIsContent) this.content[doc]!++;
      if (this.wordIsOfField) this.fieldWords[doc]!++;
    }
    this.score[doc]! += score;
  }

  /** Adds a term's postings for the current word, each score times `weight`. */
  addPostings({ docs, scores }: Postings, weight = 1): void {
    for (let i = 0; i < docs.length; i++) this.add(docs[i]!, weight * scores[i]!);
  }

  /** Clears the titles touched, for the next query. */
  clear(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = this.touched[i]!;
      this.score[doc] = 0;
      this.words[doc] = 0;
      this.content[doc] = 0;
      this.fieldWords[doc] = 0;
    }
    this.touchedCount = 0;
  }
}
