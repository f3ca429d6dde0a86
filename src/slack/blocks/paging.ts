/**
 * What a paging button carries: the query and where the next page starts, as `offset:query` — compact,
 * no escaping needed, and within the 2000 characters of a button value for any query that fits.
 */
import type { Translator } from '../../i18n/translator.js';
import { LIMITS } from '../mrkdwn.js';
import { actions, button, context, type Block } from './kit.js';

export interface PageRequest {
  /** The text to search or list by, as typed. */
  query: string;
  /** Hits to skip. */
  offset: number;
}

/** The button value for a page, or undefined when the query is too long to fit in one. */
export function encodePage({ query, offset }: PageRequest): string | undefined {
  const value = `${offset}:${query}`;
  return value.length <= LIMITS.buttonValue ? value : undefined;
}

/** Reads a value made by encodePage; undefined when it is not one. */
export function decodePage(value: string | undefined): PageRequest | undefined {
  const match = /^(\d{1,6}):([\s\S]*)$/.exec(value ?? '');
  if (!match) return undefined;
  return { offset: Number(match[1]), query: match[2] ?? '' };
}

/**
 * The block under a page while more remain: a button carrying the next page, or, for a query too long to
 * fit in a button value, a line saying so. `kind` says what is paged: search results or list titles.
 */
export function moreBlock(spec: { actionId: string; kind: 'results' | 'titles'; query: string; offset: number; remaining: number }, t: Translator): Block {
  const { actionId, kind, query, offset, remaining } = spec;
  const value = encodePage({ query, offset });
  if (value === undefined) return context(t(kind === 'results' ? 'paging.tooLongResults' : 'paging.tooLongTitles', { count: remaining }));
  return actions([button({ text: t(kind === 'results' ? 'paging.moreResults' : 'paging.moreTitles', { count: remaining }), actionId, value })]);
}
