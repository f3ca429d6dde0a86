/**
 * What the bot answers to text, wherever it was typed (slash command, mention, DM): help, a page of the
 * list, or a page of search results. Only translates between the search engine and the Block Kit builders.
 */
import type { SearchEngine } from '../../search/types.js';
import { helpMessage } from '../blocks/help.js';
import { newestFirst } from '../blocks/home.js';
import type { SlackMessage } from '../blocks/kit.js';
import { catalogueList, LIST_PAGE_SIZE } from '../blocks/list.js';
import { RESULTS_PAGE_SIZE, searchAnswer } from '../blocks/results.js';
import { slackToPlainText } from '../plain-text.js';

/** What a piece of text asks for. `order`/`orders` are only read as such by the slash command. */
export type TextRequest =
  | { kind: 'help' }
  | { kind: 'list'; filter: string }
  | { kind: 'order'; rest: string }
  | { kind: 'orders'; rest: string }
  | { kind: 'search'; query: string };

/** Reads text as a subcommand (help, list, order, orders) or a search; empty text asks for help. */
export function parseRequest(text: string): TextRequest {
  const trimmed = text.trim();
  const [first = '', ...others] = trimmed.split(/\s+/);
  const rest = others.join(' ');
  switch (first.toLowerCase()) {
    case '':
      return { kind: 'help' };
    case 'help':
      return rest === '' ? { kind: 'help' } : { kind: 'search', query: trimmed };
    case 'list':
      return { kind: 'list', filter: rest };
    case 'order':
      return { kind: 'order', rest };
    case 'orders':
      return { kind: 'orders', rest };
    default:
      return { kind: 'search', query: trimmed };
  }
}

/** Whether results posted in this conversation get "Share in channel": not in direct messages (D…). */
export function canShareIn(channelId: string | undefined): boolean {
  return channelId !== undefined && !channelId.startsWith('D');
}

/** One page of search results for `query` (Slack text, read as plain words), starting at `offset`. */
export function searchPage(engine: SearchEngine, query: string, offset: number, share: boolean): SlackMessage {
  const response = engine.search(slackToPlainText(query), { limit: RESULTS_PAGE_SIZE, offset });
  return searchAnswer({ response, offset, share });
}

/** One page of the list: the whole catalogue newest first, or the titles `filter` (Slack text) selects ("spanish", "2019"). */
export function listPage(engine: SearchEngine, slackFilter: string, offset: number, share: boolean): SlackMessage {
  const filter = slackToPlainText(slackFilter);
  if (filter === '') {
    const all = [...engine.publications].sort(newestFirst);
    return catalogueList({ publications: all.slice(offset, offset + LIST_PAGE_SIZE), total: all.length, offset, filterText: '' });
  }
  const response = engine.search(filter, { limit: LIST_PAGE_SIZE, offset });
  if (response.hits.length === 0) return searchAnswer({ response, offset, share });
  return catalogueList({
    publications: response.hits.map((h) => h.publication),
    total: response.total,
    offset,
    filterText: filter,
    understood: response.query,
  });
}

/** The answer to help, list and search requests typed as text (order requests are handled by their surface). */
export function answerText(engine: SearchEngine, request: Exclude<TextRequest, { kind: 'order' | 'orders' }>, share: boolean): SlackMessage {
  switch (request.kind) {
    case 'help':
      return helpMessage();
    case 'list':
      return listPage(engine, request.filter, 0, share);
    case 'search':
      return searchPage(engine, request.query, 0, share);
  }
}
