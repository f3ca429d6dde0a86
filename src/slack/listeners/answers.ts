/**
 * What the bot answers to text, wherever it was typed (slash command, mention, DM): help, a page of the
 * list, a page of search results, or the answer to what the words ask for (a greeting, thanks, the
 * person's orders, how to order, an order request: src/conversation/intent.ts). Only translates between
 * the search engine, the intent reader and the Block Kit builders. Subcommands and what the words ask for
 * are understood in English, French and Spanish (`list`, `liste`, `lista`, `merci`, `¿dónde está mi pedido?`…).
 */
import { intentLanguage, readIntent, type Intent } from '../../conversation/intent.js';
import { emojiAsWords } from '../../conversation/tokens.js';
import type { Locale } from '../../i18n/locales.js';
import { queryLanguage } from '../../i18n/query-language.js';
import type { Translator } from '../../i18n/translator.js';
import type { SearchEngine, SearchResponse } from '../../search/types.js';
import { greetingMessage, howToOrderMessage, orderRequestMessage, thanksMessage } from '../blocks/conversation.js';
import { helpMessage } from '../blocks/help.js';
import { newestFirst } from '../blocks/home.js';
import { textMessage, type SlackMessage } from '../blocks/kit.js';
import { catalogueList, LIST_PAGE_SIZE } from '../blocks/list.js';
import { orderPreselection } from '../blocks/order-options.js';
import { RESULTS_PAGE_SIZE, searchAnswer } from '../blocks/results.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlainText } from '../plain-text.js';
import { ownOrdersAnswer } from './order-commands.js';

/** What a piece of text asks for. `order`/`orders` are only read as such by the slash command. */
export type TextRequest =
  | { kind: 'help' }
  | { kind: 'list'; filter: string }
  | { kind: 'order'; rest: string }
  | { kind: 'orders'; rest: string }
  | { kind: 'admin'; rest: string }
  | { kind: 'search'; query: string };

/** The subcommands by the word that starts them, in each language, with the language that word is in. */
const SUBCOMMANDS: Readonly<Record<string, { kind: 'help' | 'list' | 'order' | 'orders' | 'admin'; locale?: Locale }>> = {
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
  admin: { kind: 'admin' },
};

/** Reads text as a subcommand (help, list, order, orders in any of the three languages, admin) or a search; empty text asks for help. */
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
    case 'admin':
      return { kind: 'admin', rest };
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

/** Told of a search someone asked for, with what the engine answered (metrics, search usage); paging on is not a new search. */
export type OnSearch = (response: SearchResponse) => void;

/** One page of search results for `query` (Slack text, read as plain words), starting at `offset`. */
export function searchPage(engine: SearchEngine, query: string, offset: number, share: boolean, t: Translator, onSearch?: OnSearch): SlackMessage {
  const response = engine.search(slackToPlainText(query), { limit: RESULTS_PAGE_SIZE, offset });
  onSearch?.(response);
  return searchAnswer({ response, offset, share }, t);
}

/** One page of the list: the whole catalogue newest first, or the titles `filter` (Slack text) selects ("spanish", "2019"). */
export function listPage(engine: SearchEngine, slackFilter: string, offset: number, share: boolean, t: Translator, onSearch?: OnSearch): SlackMessage {
  const filter = slackToPlainText(slackFilter);
  if (filter === '') {
    const all = [...engine.publications].sort(newestFirst);
    return catalogueList({ publications: all.slice(offset, offset + LIST_PAGE_SIZE), total: all.length, offset, filterText: '' }, t);
  }
  const response = engine.search(filter, { limit: LIST_PAGE_SIZE, offset });
  onSearch?.(response);
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

/** What text typed to the bot asks for: the `list` subcommand, or what its words mean (an intent or a search). */
export type ConversationRequest = Intent | { kind: 'list'; filter: string };

/**
 * Reads Slack text typed in a DM, a mention (without the bot's own mention) or after `/handbooks`: its plain
 * words (Slack markup taken out) for the intent reader ("list my orders" is a question about orders), else
 * `list …` as the subcommand, else a search. A search keeps the Slack text, which searchPage reads (and
 * paging buttons carry) as typed.
 */
export function readConversation(slackText: string): ConversationRequest {
  // Slack sends emoji as codes, which plain text leaves out: thanks and hello emoji are read as those words first.
  const intent = readIntent(slackToPlainText(emojiAsWords(slackText)));
  if (intent.kind !== 'search') return intent;
  const request = parseRequest(slackText);
  return request.kind === 'list' ? request : { kind: 'search', query: slackText.trim() };
}

/**
 * The language a conversation request asks in: the language its text is clearly written in, else that of
 * a French or Spanish subcommand, else — for what people say rather than search for — the language of its
 * words ("merci", "gracias", "mes commandes").
 */
export function conversationLanguage(slackText: string, request: ConversationRequest): Locale | undefined {
  const language = requestLanguage(slackText);
  if (language !== undefined || request.kind === 'search' || request.kind === 'list') return language;
  return intentLanguage(slackToPlainText(slackText));
}

/** An answer, and whether it is for the asker's eyes only (their orders, what they want to order). */
export interface ConversationAnswer {
  message: SlackMessage;
  personal: boolean;
}

/**
 * The answer to `request` from `userId`, in the language of `t`; `share` offers "Share in channel" under
 * results. An order request gets a button that opens the order dialog filled in (the slash command, which
 * can open it at once, does so instead: see ./commands.ts).
 */
export async function conversationAnswer(
  deps: SlackDeps,
  request: ConversationRequest,
  asker: { userId: string; share: boolean },
  t: Translator,
): Promise<ConversationAnswer> {
  const shared = (message: SlackMessage): ConversationAnswer => ({ message, personal: false });
  switch (request.kind) {
    case 'greeting':
      return shared(greetingMessage(t));
    case 'thanks':
      return shared(thanksMessage(t));
    case 'help':
      return shared(helpMessage(t));
    case 'howToOrder':
      return shared(deps.orders ? howToOrderMessage(t) : textMessage(t('orders.notAvailable')));
    case 'myOrders':
      return { message: await ownOrdersAnswer(deps, asker.userId, request.reference, t), personal: true };
    case 'order':
      return {
        message: deps.orders
          ? orderRequestMessage(request.request, orderPreselection(deps.engine, request.request.titleWords, request.request.language), t)
          : textMessage(t('orders.notAvailable')),
        personal: true,
      };
    case 'list':
      return shared(listPage(deps.engine, request.filter, 0, asker.share, t, deps.onSearch));
    case 'search':
      return shared(searchPage(deps.engine, request.query, 0, asker.share, t, deps.onSearch));
  }
}
