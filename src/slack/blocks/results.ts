/** The answer to a search: what was understood, a page of results with their buttons, and More results. */
import type { SearchResponse } from '../../search/types.js';
import { plainEcho, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { EXAMPLE_QUERIES } from './help.js';
import { actions, button, context, divider, plural, section, type Block, type Button, type SlackMessage } from './kit.js';
import { encodePage, moreBlock } from './paging.js';
import { highlight, metaLine, publicationButtons, shortSummary, titleLine } from './publication.js';
import { describeFilters, describeListing, describeUnderstood, hasInterpretation } from './understood.js';

/** Results per page: five keep a message well inside 50 blocks and Slack's block-text budget. */
export const RESULTS_PAGE_SIZE = 5;
/** "Did you mean" buttons shown at most. */
const MAX_SUGGESTIONS = 5;

export interface SearchAnswerInput {
  /** The engine's answer for this page. */
  response: SearchResponse;
  /** Where this page starts among all hits. */
  offset: number;
  /** Whether results get a "Share in channel" button (not in a DM with the bot). */
  share: boolean;
}

/** The message answering a search: results when there are some, otherwise a helpful "nothing found". */
export function searchAnswer({ response, offset, share }: SearchAnswerInput): SlackMessage {
  if (response.hits.length === 0) return nothingFound(response, offset);
  const { query, hits, total } = response;
  const wanted = query.filters.languages ?? [];
  const first = offset + 1;
  const last = offset + hits.length;
  const blocks: Block[] = [
    section(query.filterOnly ? describeListing(query) : describeUnderstood(query)),
    context(total === hits.length ? plural(total, 'result') : `Results ${first}–${last} of ${total}`),
  ];
  for (const hit of hits) {
    const p = hit.publication;
    const summary = shortSummary(p);
    const lines = [titleLine(p, wanted), metaLine(p)];
    if (summary !== undefined) lines.push(highlight(summary, hit.matchedTerms));
    blocks.push(divider(), section(lines.join('\n')), actions(publicationButtons(p, { share })));
  }
  if (last < total) {
    blocks.push(moreBlock({ actionId: ACTION.searchMore, noun: 'result', query: query.text, offset: last, remaining: total - last }));
  }
  return { text: `${plural(total, 'result')} for “${plainEcho(truncate(query.text.trim(), 200))}”`, blocks };
}

/** Nothing (more) to show: says what was searched, offers the engine's suggestions and some examples. */
function nothingFound(response: SearchResponse, offset: number): SlackMessage {
  const { query, suggestions, total } = response;
  // Quoted as typed, never formatted; no full stop after the quote, which may end in "?" already.
  const typed = plainEcho(truncate(query.text.trim(), 500));
  if (total > 0) {
    return { text: 'No more results', blocks: [section(`That was the last page of results for “${typed}” (${total} in all).`)] };
  }
  const lines = [`I found nothing for “${typed}”`];
  if (hasInterpretation(query)) lines.push(describeUnderstood(query));
  if (describeFilters(query.filters)) lines.push('Try again without the language or year.');
  const blocks: Block[] = [section(lines.join('\n'))];
  const suggestionButtons = suggestions
    .slice(0, MAX_SUGGESTIONS)
    .map((s, i) => suggestionButton(s, i))
    .filter((b): b is Button => b !== undefined);
  if (suggestionButtons.length > 0) blocks.push(section('Did you mean:'), actions(suggestionButtons));
  blocks.push(
    section(
      `Try for example:\n${EXAMPLE_QUERIES.map((q) => `• ${q}`).join('\n')}\n\`/handbooks list\` shows every title, \`/handbooks help\` explains how to ask.`,
    ),
  );
  return { text: `Nothing found for “${typed}”`, blocks };
}

function suggestionButton(suggestion: string, index: number): Button | undefined {
  const value = encodePage({ query: suggestion, offset: 0 });
  return value === undefined ? undefined : button({ text: suggestion, actionId: `${ACTION.searchSuggestionPrefix}${index}`, value });
}
