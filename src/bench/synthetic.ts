/**
 * Synthetic catalogues for load tests: entries of realistic length (titles of 6–14 words, summaries of
 * 120–180 words) drawn from a Zipf-like vocabulary whose head is the real catalogue's own words (so real
 * queries hit realistically many entries) and whose long tail is made-up words. Deterministic per seed.
 */
import type { Publication } from '../catalogue/schema.js';
import { summaryText } from '../catalogue/summary.js';
import { tokenise } from '../search/normalise.js';

/** Small fast deterministic generator (mulberry32), values in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ba be bi bo bu ca ce ci co da de di do fa fe fi ga ge go la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi tra tre pro pre con dis ment tion ing al ic ous ive'.split(' ');
const TAIL_WORDS = 40_000;
const LANGUAGE_MIX = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'fr', 'es', 'es'] as const;
const EDITIONS = ['en', 'fr', 'es', 'ar', 'it', 'hy', 'pt', 'ru'];

/** Words ranked by frequency: the real catalogue's, most frequent first, then a made-up long tail. */
function rankedVocabulary(real: readonly Publication[], next: () => number): string[] {
  const counts = new Map<string, number>();
  for (const p of real) {
    for (const word of tokenise(`${p.title} ${summaryText(p.summary)}`)) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const head = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const seen = new Set(head);
  const tail: string[] = [];
  while (tail.length < TAIL_WORDS) {
    const syllables = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      tail.push(word);
    }
  }
  return [...head, ...tail];
}

/** A sampler of word ranks with probability proportional to 1 / rank. */
function zipfSampler(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1);
  return () => {
    const target = next() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** `count` synthetic publications built from the real catalogue's vocabulary, the same for the same seed. */
export function syntheticCatalogue(real: readonly Publication[], count: number, seed = 42): Publication[] {
  const next = random(seed);
  const vocabulary = rankedVocabulary(real, next);
  const rank = zipfSampler(vocabulary.length, next);
  const between = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const words = (n: number, skipCommon: number): string => {
    const out: string[] = [];
    while (out.length < n) {
      const r = rank();
      if (r >= skipCommon) out.push(vocabulary[r]!);
    }
    return out.join(' ');
  };

  return Array.from({ length: count }, (_, i): Publication => {
    const summaryLanguage = LANGUAGE_MIX[Math.floor(next() * LANGUAGE_MIX.length)]!;
    const languages = [...new Set([summaryLanguage, ...EDITIONS.filter(() => next() < 0.15)])];
    const title = words(between(6, 14), 30);
    return {
      id: `synthetic-${i + 1}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      year: between(2005, 2024),
      pages: between(20, 500),
      isbn: null,
      eisbn: null,
      languages,
      summary: [{ kind: 'paragraph', text: words(between(120, 180), 0) }],
      summaryLanguage,
      urls: {},
      pdf: true,
      keywords: next() < 0.3 ? words(between(2, 5), 30).split(' ') : [],
      prices: {},
      notes: null,
    };
  });
}
