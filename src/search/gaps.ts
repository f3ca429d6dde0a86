/**
 * What counts as a gap in the catalogue, read from what the engine answered, and the text a gap is counted
 * by. Pure: the Slack layer hands over each search people asked for, the search-usage store counts it.
 *
 * A search's outcome:
 * - `none`: nothing was found (`total` 0), whether or not the engine offered suggestions — suggestions are
 *   what the person may have meant, not what they asked for;
 * - `weak`: titles were found, but only after the engine left out content words that no title contains
 *   (`unmatchedWords`: "trafficking in Klingon" found trafficking titles, nothing in Klingon), or an ISBN
 *   asked for belongs to no title (`identifiers` without an `edition`);
 * - `found`: anything else.
 */
import { fold } from './normalise.js';
import type { SearchResponse } from './types.js';

/** How well a search was answered (see the module comment). */
export type SearchOutcome = 'found' | 'weak' | 'none';

/** The outcome of a search from the engine's response (see the module comment for what each means). */
export function searchOutcome(response: SearchResponse): SearchOutcome {
  if (response.total === 0) return 'none';
  const { unmatchedWords, identifiers } = response.query;
  if ((unmatchedWords?.length ?? 0) > 0 || identifiers?.some((i) => i.edition === undefined)) return 'weak';
  return 'found';
}

/** Longest query text kept; longer texts are cut at a word boundary (a gap is a few words, not a letter). */
export const GAP_QUERY_MAX = 200;

/** Web addresses (a link's address, which Slack markup removal keeps when a link has no label). */
const URL = /\b(?:https?:\/\/|www\.)([^\s/?#]+)\S*/giu;
/** E-mail addresses (a mailto: link, or typed). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/**
 * Slack ids typed or pasted as plain text (U0123ABCD for a person, C…/G…/D… for conversations, W… for an
 * enterprise user, T… for a workspace): a capital and eight or more capitals and digits, with a digit.
 */
const SLACK_ID = /\b[UWCGDT](?=[A-Z0-9]*\d)[A-Z0-9]{8,}\b/g;

/**
 * The text a search is counted by: the query as the engine read it (Slack markup already removed, so
 * mentions of people and channels are gone), lower-cased, accents folded and whitespace collapsed, so that
 * "Atención  Psicosocial" and "atencion psicosocial" count together. Nothing in it may point at a person or
 * a conversation: a web address is reduced to its host, e-mail addresses and Slack ids are dropped. At most
 * GAP_QUERY_MAX characters; '' when nothing is left.
 */
export function gapQueryText(queryText: string): string {
  const text = fold(queryText.replace(URL, (_m, host: string) => ` ${host} `).replace(EMAIL, ' ').replace(SLACK_ID, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= GAP_QUERY_MAX) return text;
  const cut = text.lastIndexOf(' ', GAP_QUERY_MAX);
  return text.slice(0, cut > 0 ? cut : GAP_QUERY_MAX);
}
