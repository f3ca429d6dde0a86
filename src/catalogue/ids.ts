/**
 * Stable ids for publications: a short readable slug made from the title when a title is first
 * imported, and never recomputed afterwards.
 */
import { STOP_WORDS, foldedWords } from './text.js';

const MAX_WORDS = 5;
const MAX_LENGTH = 48;

/** Where a main title ends and its subtitle begins: a colon, or a dash with a space on at least one side. */
const SUBTITLE_SEPARATOR = /\s*:\s|\s[-–—]\s*|[-–—]\s/;

/**
 * A slug for `title` that is not in `taken`: the main title (before any subtitle) without stop words,
 * at most five words and 48 characters, with "-2", "-3"… added on a clash.
 * "Reintegration Handbook - Practical guidance on …" → "reintegration-handbook".
 */
export function makeId(title: string, taken: ReadonlySet<string>): string {
  const mainTitle = title.split(SUBTITLE_SEPARATOR)[0] ?? title;
  const ascii = (text: string) => foldedWords(text).map((w) => w.replace(/[^a-z0-9]/g, '')).filter((w) => w.length > 0);
  const words = ascii(mainTitle).filter((w) => !STOP_WORDS.has(w));
  const chosen = words.length > 0 ? words : ascii(title);
  let base = '';
  for (const word of chosen.slice(0, MAX_WORDS)) {
    const next = base ? `${base}-${word}` : word;
    if (base && next.length > MAX_LENGTH) break;
    base = next.slice(0, MAX_LENGTH);
  }
  if (!base) base = 'publication';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
