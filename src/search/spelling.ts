/**
 * Spelling correction against the words the catalogue actually uses. Only words missing from the index
 * are corrected, so the cost of approximate matching is paid once per unknown query word instead of on
 * every term of every query (MiniSearch's own fuzzy search over a 100,000-entry index costs ~1 s).
 */

/** Allowed edits for a word of this length: none up to 4 letters, 1 up to 7, then 2. */
export function maxEdits(length: number): number {
  if (length <= 4) return 0;
  return length <= 7 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus transposition of neighbours, so "pyschosocial" is
 * one edit from "psychosocial"); returns `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows[0]!.length < width) rows = [0, 1, 2].map(() => new Int32Array(width * 2));
  let [prevPrev, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}

/** Rows reused across calls of editDistance (grown as needed), so a scan of the vocabulary allocates nothing. */
let rows: Int32Array[] = [0, 1, 2].map(() => new Int32Array(32));

/** A correction candidate: a catalogue word and how far it is from what was typed. */
export interface Correction {
  word: string;
  distance: number;
}

/** The word with doubled letters made single and "ck" read as "k": how it sounds more than how it is spelt. */
function squeeze(word: string): string {
  return word.replace(/(.)\1+/g, '$1').replace(/ck/g, 'k');
}

/** Words of one length that share a letter at one position, keyed so: "8:r". */
const bucketKey = (length: number, letter: string): string => `${length}:${letter}`;

/** Words of a bucket with the letters of each (see `letterBits`). */
interface Bucket {
  words: string[];
  letters: number[];
}

function addTo(buckets: Map<string, Bucket>, key: string, word: string): void {
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = { words: [], letters: [] }));
  bucket.words.push(word);
  bucket.letters.push(letterBits(word));
}

/** The letters a word uses, one bit each (a–z; other letters share the remaining six bits). */
export function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    bits |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return bits;
}

/**
 * A lower bound on the edit distance of two words from their letters: an edit changes at most one letter
 * of a word, so each letter one word uses and the other does not costs an edit.
 */
export function editsAtLeast(letters: number, otherLetters: number): number {
  return Math.max(bitCount(letters & ~otherLetters), bitCount(otherLetters & ~letters));
}

function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Corrects words against a vocabulary of folded words with their document frequencies. */
export class Speller {
  /** The vocabulary by length and first letter, and by length and second letter. */
  private readonly byFirst = new Map<string, Bucket>();
  private readonly bySecond = new Map<string, Bucket>();
  private readonly sorted: string[];

  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    for (const word of frequency.keys()) {
      addTo(this.byFirst, bucketKey(word.length, word.charAt(0)), word);
      addTo(this.bySecond, bucketKey(word.length, word.charAt(1)), word);
    }
    this.sorted = [...frequency.keys()].sort();
  }

  /**
   * The catalogue word closest to `word` within `limit` edits, or a completion of it when it is the start
   * of a catalogue word of 4 letters or more (counted as one edit). Ties go to the word that is closer once
   * doubled letters are ignored ("trafiking" is "trafficking", not "training"), then to the more frequent,
   * then to the first in alphabetical order.
   */
  correct(word: string, limit = maxEdits(word.length)): Correction | undefined {
    let best: Correction | undefined;
    let bestRank: [number, number] = [Infinity, 0];
    const squeezed = squeeze(word);
    const consider = (candidate: string, distance: number): void => {
      if (best && distance > best.distance) return;
      const rank: [number, number] = [editDistance(squeezed, squeeze(candidate), limit), this.frequency.get(candidate) ?? 0];
      if (
        !best ||
        distance < best.distance ||
        rank[0] < bestRank[0] ||
        (rank[0] === bestRank[0] && (rank[1] > bestRank[1] || (rank[1] === bestRank[1] && candidate < best.word)))
      ) {
        best = { word: candidate, distance };
        bestRank = rank;
      }
    };
    if (limit > 0) {
      // Typos seldom touch both of the first two letters: only words sharing one of them are compared, and
      // only those whose letters could be within reach.
      const [first, second] = [word.charAt(0), word.charAt(1)];
      const letters = letterBits(word);
      const compareBucket = (bucket: Bucket | undefined, skipFirst: boolean): void => {
        if (!bucket) return;
        for (let i = 0; i < bucket.words.length; i++) {
          const candidate = bucket.words[i]!;
          if (editsAtLeast(letters, bucket.letters[i]!) > limit || (skipFirst && candidate.charAt(0) === first)) continue;
          const distance = editDistance(word, candidate, limit);
          if (distance <= limit) consider(candidate, distance);
        }
      };
      for (let length = word.length - limit; length <= word.length + limit; length++) {
        compareBucket(this.byFirst.get(bucketKey(length, first)), false);
        compareBucket(this.bySecond.get(bucketKey(length, second)), true);
      }
    }
    if (word.length >= 4 && (!best || best.distance > 1)) {
      for (let i = lowerBound(this.sorted, word); i < this.sorted.length && this.sorted[i]!.startsWith(word); i++) {
        if (this.sorted[i] !== word) consider(this.sorted[i]!, 1);
      }
    }
    return best;
  }
}

/** Index of the first element of a sorted array that is not below `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
