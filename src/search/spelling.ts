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

function addTo(buckets: Map<string, string[]>, key: string, word: string): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(word);
  else buckets.set(key, [word]);
}

/** Corrects words against a vocabulary of folded words with their document frequencies. */
export class Speller {
  /** The vocabulary by length and first letter, and by length and second letter. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly bySecond = new Map<string, string[]>();
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
      // Typos seldom touch both of the first two letters: only words sharing one of them are compared.
      const [first, second] = [word.charAt(0), word.charAt(1)];
      const compare = (candidate: string): void => {
        const distance = editDistance(word, candidate, limit);
        if (distance <= limit) consider(candidate, distance);
      };
      for (let length = word.length - limit; length <= word.length + limit; length++) {
        for (const candidate of this.byFirst.get(bucketKey(length, first)) ?? []) compare(candidate);
        for (const candidate of this.bySecond.get(bucketKey(length, second)) ?? []) if (candidate.charAt(0) !== first) compare(candidate);
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
