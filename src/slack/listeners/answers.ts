/**
 * What the bot answers to text, wherever it was typed (slash command, mention, DM): help, a page of the
 * list, or a page of search results. Only translates between the search engine and the Block Kit builders.
 * Subcommands are understood in English, French and Spanish (`list`, `liste`, `lista`…).
 */
import type { Locale } from '../../i18n/locales.js';
import { queryLanguage } from '../../i18n/query-language.js';
import type { Translator } from '../../i18n/translator.js';
import type { SearchEngine } from '../../search/types.js';
import { helpMessage } from '../blocks/help.js';
import { newestFirst } from '../blocks/home.js';
import type { SlackMessage } from '../blocks/kit.js';
import { catalogueList, LIST_PAGE_SIZE } from '../blocks/list.js';
import { RESULTS_PAGE_SIZE, searchAnswer } from '../blocks/results.js';

/** What a piece of text asks for. `order`/`orders` are only read as such by the slash command. */
export type TextRequest =
  | { kind: 'help' }
  | { kind: 'list'; filter: string }
  | { kind: 'order'; rest: string }
  | { kind: 'orders'; rest: string }
  | { kind: 'search'; query: string };

/** The subcommands by the word that starts them, in each language, with the language that word is in. */
const SUBCOMMANDS: Readonly<Record<string, { kind: 'help' | 'list' | 'order' | 'orders'; locale?: Locale }>> = {
  help: { kind: 'help' },
  aide: { kind: 'help', locale: 'fr' },
  ayuda: { kind: 'help', locale: 'es' },
  list: { kind: 'list' },
  liste: { kind: 'list', locale: 'fr' },
  lista: { kind: 'list', locale: 'es' },
  order: { kind: 'order' },
  commander: { kind: 'order', locale: 'fr' },
  pedir: { kind: 'order', locale: 'es' },
  orders: { kind: 'orders' },
  commandes: { kind: 'orders', locale: 'fr' },
  pedidos: { kind: 'orders', locale: 'es' },
};

/** Reads text as a subcommand (help, list, order, orders, in any of the three languages) or a search; empty text asks for help. */
export function parseRequest(text: string): TextRequest {
  const trimmed = text.trim();
  const [first = '', ...others] = trimmed.split(/\s+/);
  const rest = others.join(' ');
  if (first === '') return { kind: 'help' };
  switch (SUBCOMMANDS[first.toLowerCase()]?.kind) {
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

/** The language `text` asks in: the language it is clearly written in, else that of a French or Spanish subcommand. */
export function requestLanguage(text: string): Locale | undefined {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return queryLanguage(text) ?? (Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first]?.locale : undefined);
}

/** Whether results posted in this conversation get "Share in channel": not in direct messages (D…). */
export function canShareIn(channelId: string | undefined): boolean {
  return channelId !== undefined && !channelId.startsWith('D');
}

/** One page of search results for `query`, starting at `offset`. */
export function searchPage(engine: SearchEngine, query: string, offset: number, share: boolean, t: Translator): SlackMessage {
  const response = engine.search(query, { limit: RESULTS_PAGE_SIZE, offset });
  return searchAnswer({ response, offset, share }, t);
}

/** One page of the list: the whole catalogue newest first, or the titles `filter` selects ("spanish", "2019"). */
export function listPage(engine: SearchEngine, filter: string, offset: number, share: boolean, t: Translator): SlackMessage {
  if (filter.trim() === '') {
    const all = [...engine.publications].sort(newestFirst);
    return catalogueList({ publications: all.slice(offset, offset + LIST_PAGE_SIZE), total: all.length, offset, filterText: '' }, t);
  }
  const response = engine.search(filter, { limit: LIST_PAGE_SIZE, offset });
  if (response.hits.length === 0) return searchAnswer({ response, offset, share }, t);
  return catalogueList(
    {
      publications: response.hits.map((h) => h.publication),
      total: response.total,
      offset,
      filterText: filter,
      understood: response.query,
    },
    t,
  );
}

/** The answer to help, list and search requests typed as text (order requests are handled by their surface). */
export function answerText(engine: SearchEngine, request: Exclude<TextRequest, { kind: 'order' | 'orders' }>, share: boolean, t: Translator): SlackMessage {
  switch (request.kind) {
    case 'help':
      return helpMessage(t);
    case 'list':
      return listPage(engine, request.filter, 0, share, t);
    case 'search':
      return searchPage(engine, request.query, 0, share, t);
  }
}
