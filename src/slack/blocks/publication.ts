/**
 * How a publication reads in Slack, shared by every builder: its link, its meta line, a short summary
 * with the matched words in bold, and its buttons.
 */
import { needsReview } from '../../catalogue/review.js';
import { CURRENCIES, type Currency, type Publication, type ReviewField } from '../../catalogue/schema.js';
import { toMinorUnits } from '../../orders/pricing.js';
import { publicationPage, PUBLICATIONS_SEARCH_URL, type PublicationPage } from '../../catalogue/links.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translator.js';
import { wordMatches } from '../../search/normalise.js';
import { RecentValues } from '../../search/recent.js';
import { summaryText } from '../../catalogue/summary.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { button, type Button } from './kit.js';

/** Longest title shown in a list or result line; the details modal shows it whole. */
export const TITLE_MAX = 250;
/** Length of the short summary under a result. */
export const EXCERPT_MAX = 300;

/** A mrkdwn link whose label is escaped and whose address cannot end the link early. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/**
 * " (page in Spanish)" after a link to another site language's page than its edition's, " (to be confirmed)"
 * after an address an import doubted (both within one parenthesis); empty otherwise.
 */
export function pageLanguageNote(page: PublicationPage, t: Translator): string {
  const notes = [
    ...(page.otherLanguage === undefined ? [] : [t('publication.pageIn', { language: t.language(page.otherLanguage) })]),
    ...(page.toConfirm ? [t('publication.toConfirm')] : []),
  ];
  return notes.length === 0 ? '' : ` (${notes.join(', ')})`;
}

/**
 * A fact as the reader sees it: `text` as is, or followed by "(to be confirmed)" when an import flagged
 * `field` of `p` (for `value` when given). Plain text, so it fits mrkdwn and plain-text fields alike.
 */
export function factText(p: Publication, field: ReviewField, text: string, t: Translator, value?: string): string {
  return needsReview(p, field, value) ? `${text} (${t('publication.toConfirm')})` : text;
}

/** An edition's language name, marked "to be confirmed" when an import doubted that language. */
export function editionName(p: Publication, lang: string, t: Translator): string {
  return factText(p, 'languages', t.language(lang), t, lang);
}

/**
 * The title in bold, linked to its page in the first of the `wanted` languages that has one, then the
 * reader's, then English (see publicationPage), or followed by "no link recorded".
 */
export function titleLine(p: Publication, wanted: readonly string[], t: Translator): string {
  const title = truncate(p.title, TITLE_MAX);
  const page = publicationPage(p, [...wanted, t.locale]);
  if (!page) return `*${escapeMrkdwn(title)}* (${t('publication.noLink')})`;
  return `*${mrkdwnLink(page.url, title)}*${pageLanguageNote(page, t)}`;
}

/**
 * Where to find a PDF the listing announces but whose link is not recorded: the publications site's search
 * page with the exact title to look for, or a printed copy; undefined when there is a link or no PDF.
 */
export function pdfWithoutLinkHint(p: Publication, t: Translator): string | undefined {
  if (!p.pdf || publicationPage(p)) return undefined;
  return t('publication.pdfWithoutLink', { title: escapeMrkdwn(p.title), site: mrkdwnLink(PUBLICATIONS_SEARCH_URL, 'publications.iom.int/search') });
}

/** A catalogue price as the reader writes money ("CHF 12.50", "12,50 CHF"). */
export function priceText(amount: number, currency: Currency, t: Translator): string {
  return t.money(toMinorUnits(amount), currency);
}

/** The print prices recorded for `p`, "CHF 12.50 · EUR 11.00"; undefined when none is. */
export function pricesText(p: Publication, t: Translator): string | undefined {
  const recorded = CURRENCIES.flatMap((c) => {
    const price = p.prices[c];
    return price === undefined ? [] : [priceText(price, c, t)];
  });
  return recorded.length === 0 ? undefined : recorded.join(' · ');
}

/** Names of the editions, the reader's own first: "English, French, Spanish", "français, anglais". */
export function languageNames(p: Publication, t: Translator): string {
  const own = p.languages.filter((l) => l === t.locale);
  return [...own, ...p.languages.filter((l) => l !== t.locale)].map((l) => editionName(p, l, t)).join(', ');
}

/**
 * The editions as a result shows them: their names, the reader's first, and, for a title without an edition
 * in the reader's language, a note saying so ("only in English", "no edition in French").
 */
function editionsText(p: Publication, t: Translator): string {
  if (p.languages.includes(t.locale)) return languageNames(p, t);
  const [only] = p.languages;
  if (p.languages.length === 1 && only !== undefined) return `_${t('publication.onlyIn', { language: editionName(p, only, t) })}_`;
  return `${languageNames(p, t)} · _${t('publication.noEdition', { language: t.language(t.locale) })}_`;
}

/**
 * "2020 · 164 pages · English, Spanish · ISBN 978-… · E-ISBN 978-…" (ISBNs only where recorded), each fact
 * an import doubted marked "to be confirmed".
 */
export function metaLine(p: Publication, t: Translator): string {
  const parts = [String(p.year), factText(p, 'pages', t('publication.pages', { count: p.pages }), t), editionsText(p, t)];
  if (p.isbn) parts.push(factText(p, 'isbn', `ISBN ${p.isbn}`, t));
  if (p.eisbn) parts.push(factText(p, 'eisbn', `E-ISBN ${p.eisbn}`, t));
  return parts.join(' · ');
}

/** The summary's language, in italics before it, when the reader's is another: "_Summary in Spanish:_ ". */
export function summaryLanguageNote(p: Publication, t: Translator): string {
  return p.summaryLanguage === t.locale ? '' : `_${t('publication.summaryIn', { language: t.language(p.summaryLanguage) })}_ `;
}

/** The first `max` characters of `text`, white space collapsed, cut between words and ending with "…" when cut. */
export function excerpt(text: string, max: number = EXCERPT_MAX): string {
  // Collapse only as much as can show: twice `max` is plenty unless the text is mostly white space.
  let clean = text.slice(0, 2 * max).replace(/\s+/g, ' ').trim();
  if (clean.length <= max && text.length > 2 * max) clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max);
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > max / 2 ? head.slice(0, lastSpace) : head.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.(–—-]+$/u, '')}…`;
}

/** Short summaries already cut, per publication: every answer listing a title shows the same one. */
const shortSummaries = new WeakMap<Publication, string | undefined>();

/** The publication's summary as one run of text cut to EXCERPT_MAX (see excerpt); undefined when it has none. */
export function shortSummary(p: Publication): string | undefined {
  if (shortSummaries.has(p)) return shortSummaries.get(p);
  const summary = summaryText(p.summary, 'inline');
  const short = summary ? excerpt(summary) : undefined;
  shortSummaries.set(p, short);
  return short;
}

/**
 * Escapes `text` for mrkdwn and puts every occurrence of the words `terms` (whole words, any case) in bold,
 * neighbouring matches as one span ("*gender-based violence*"). A word is a run of letters and digits, as
 * the search engine reports matched words. Matching is done on the raw text and each piece escaped on its
 * own, so a term can never land inside an escape.
 */
export function highlight(text: string, terms: readonly string[]): string {
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  // spans of matched words; neighbours separated only by spaces or hyphens become one bold span
  const spans: [number, number][] = [];
  if (wanted.size > 0) {
    for (const { start, end, lower } of highlightedTexts.get(text, wordSpans)) {
      if (!wanted.has(lower)) continue;
      const previous = spans[spans.length - 1];
      if (previous && /^[\s-]+$/.test(text.slice(previous[1], start))) previous[1] = end;
      else spans.push([start, end]);
    }
  }
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += `${escapeMrkdwn(text.slice(last, start))}*${escapeMrkdwn(text.slice(start, end))}*`;
    last = end;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/** A word of a text to highlight: where it starts and ends, and the word in lower case. */
interface WordSpan {
  start: number;
  end: number;
  lower: string;
}

/** The words of texts highlighted lately: each title's excerpt is highlighted in answer after answer. */
const highlightedTexts = new RecentValues<string, WordSpan[]>(1000);

/** The words of `text` with their places. */
function wordSpans(text: string): WordSpan[] {
  return Array.from(wordMatches(text), ({ 0: word, index }) => ({ start: index, end: index + word.length, lower: word.toLowerCase() }));
}

/**
 * The value of a publication's buttons: its id, after the language of the answer they are on
 * (`fr:reintegration-handbook`), so that Details and the order dialog answer in that language.
 */
export function publicationValue(p: Publication, t: Translator): string {
  return `${t.locale}:${p.id}`;
}

/** Reads a value made by publicationValue; a bare id (buttons sent before languages) has no language. */
export function readPublicationValue(value: string | undefined): { id: string; locale?: Locale } {
  const match = /^(\w{2}):(.+)$/.exec(value ?? '');
  const locale = match?.[1];
  return match?.[2] !== undefined && isLocale(locale) ? { id: match[2], locale } : { id: value ?? '' };
}

/** The Details button of a publication. */
export function detailsButton(p: Publication, t: Translator): Button {
  return button({ text: t('button.details'), actionId: ACTION.details, value: publicationValue(p, t) });
}

/** The Order print copy button of a publication. */
export function orderCopyButton(p: Publication, t: Translator): Button {
  return button({ text: t('button.orderCopy'), actionId: ACTION.orderStart, value: publicationValue(p, t) });
}

/** The buttons under a publication: Details, Order print copy and, where sharing makes sense, Share in channel. */
export function publicationButtons(p: Publication, { share }: { share: boolean }, t: Translator): Button[] {
  const buttons = [detailsButton(p, t), orderCopyButton(p, t)];
  if (share) buttons.push(button({ text: t('button.share'), actionId: ACTION.share, value: publicationValue(p, t) }));
  return buttons;
}
