/** The answer to a search: what was understood, a page of results with their buttons, and More results. */
import type { Translator } from '../../i18n/translator.js';
import type { SearchResponse } from '../../search/types.js';
import { plainEcho, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { exampleQueries } from './help.js';
import { actions, button, context, divider, section, type Block, type Button, type SlackMessage } from './kit.js';
import { encodePage, moreBlock } from './paging.js';
import { highlight, metaLine, pdfWithoutLinkHint, publicationButtons, shortSummary, summaryLanguageNote, titleLine } from './publication.js';
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
export function searchAnswer({ response, offset, share }: SearchAnswerInput, t: Translator): SlackMessage {
  if (response.hits.length === 0) return nothingFound(response, offset, t);
  const { query, hits, total } = response;
  const wanted = query.filters.languages ?? [];
  const first = offset + 1;
  const last = offset + hits.length;
  const blocks: Block[] = [
    section(query.filterOnly ? describeListing(query, t) : describeUnderstood(query, t)),
    context(total === hits.length ? t('results.count', { count: total }) : t('results.range', { first, last, total })),
  ];
  for (const hit of hits) {
    const p = hit.publication;
    const summary = shortSummary(p);
    const lines = [titleLine(p, wanted, t), metaLine(p, t)];
    if (summary !== undefined) lines.push(summaryLanguageNote(p, t) + highlight(summary, hit.matchedTerms));
    const pdfHint = pdfWithoutLinkHint(p, t);
    if (pdfHint !== undefined) lines.push(pdfHint);
    blocks.push(divider(), section(lines.join('\n')), actions(publicationButtons(p, { share }, t)));
  }
  if (last < total) {
    blocks.push(moreBlock({ actionId: ACTION.searchMore, kind: 'results', query: query.text, offset: last, remaining: total - last }, t));
  }
  return { text: t('results.notification', { count: total, query: plainEcho(truncate(query.text.trim(), 200)) }), blocks };
}

/** Nothing (more) to show: says what was searched, offers the engine's suggestions and some examples. */
function nothingFound(response: SearchResponse, offset: number, t: Translator): SlackMessage {
  const { query, suggestions, total } = response;
  // Quoted as typed, never formatted; no full stop after the quote, which may end in "?" already.
  const typed = plainEcho(truncate(query.text.trim(), 500));
  if (total > 0) {
    return { text: t('results.noMore'), blocks: [section(t('results.lastPage', { query: typed, total }))] };
  }
  const lines = [t('results.nothingFound', { query: typed })];
  if (hasInterpretation(query)) lines.push(describeUnderstood(query, t));
  if (describeFilters(query.filters, t)) lines.push(t('results.dropFilters'));
  const blocks: Block[] = [section(lines.join('\n'))];
  const suggestionButtons = suggestions
    .slice(0, MAX_SUGGESTIONS)
    .map((s, i) => suggestionButton(s, i))
    .filter((b): b is Button => b !== undefined);
  if (suggestionButtons.length > 0) blocks.push(section(t('results.didYouMean')), actions(suggestionButtons));
  blocks.push(section(t('results.tryExamples', { examples: exampleQueries(t).map((q) => `• ${q}`).join('\n') })));
  return { text: t('results.nothingNotification', { query: typed }), blocks };
}

function suggestionButton(suggestion: string, index: number): Button | undefined {
  const value = encodePage({ query: suggestion, offset: 0 });
  return value === undefined ? undefined : button({ text: suggestion, actionId: `${ACTION.searchSuggestionPrefix}${index}`, value });
}
