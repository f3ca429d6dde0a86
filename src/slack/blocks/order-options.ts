/**
 * The options of the dialog's searchable publication select (an external_select, so it scales past the
 * 100 options a static select can hold): titles containing what was typed first, then what the search
 * engine finds for it (topics, keywords, misspellings), at most 100; the newest titles when nothing is typed.
 */
import type { types } from '@slack/bolt';
import type { Publication } from '../../catalogue/schema.js';
import type { SearchEngine } from '../../search/types.js';
import { LIMITS, truncate } from '../mrkdwn.js';
import { newestFirst } from './home.js';
import { plainText } from './kit.js';
import { languageNames } from './publication.js';

/** Lower case without accents, for matching what was typed against titles. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** One title as an option: "Title (2019)" and its editions as the description. */
export function publicationOption(p: Publication): types.PlainTextOption {
  const year = ` (${p.year})`;
  return {
    text: plainText(`${truncate(p.title, LIMITS.optionText - year.length)}${year}`, LIMITS.optionText),
    value: p.id,
    description: plainText(languageNames(p), LIMITS.optionText),
  };
}

/** The publications offered for `typed`, best first, at most `max`. */
export function matchingPublications(engine: SearchEngine, typed: string, max: number = LIMITS.optionsPerSelect): Publication[] {
  const query = typed.trim();
  if (query === '') return [...engine.publications].sort(newestFirst).slice(0, max);
  const words = fold(query).split(/\s+/);
  const byTitle = engine.publications.filter((p) => {
    const title = fold(p.title);
    return words.every((w) => title.includes(w));
  });
  const found = new Map(byTitle.map((p) => [p.id, p]));
  for (const hit of engine.search(query, { limit: max }).hits) found.set(hit.publication.id, hit.publication);
  return [...found.values()].slice(0, max);
}

/** The options payload answering a block_suggestion for the publication select. */
export function publicationOptions(engine: SearchEngine, typed: string): { options: types.PlainTextOption[] } {
  return { options: matchingPublications(engine, typed).map(publicationOption) };
}
