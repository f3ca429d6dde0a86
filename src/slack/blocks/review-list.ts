/**
 * `/handbooks admin review`: the entries that need review (../../catalogue/review-list.ts), each with what
 * is wrong in plain words and an **Edit entry** button, as many as fit one message.
 */
import { siteLanguage } from '../../catalogue/links.js';
import type { ReviewItem, ReviewProblem } from '../../catalogue/review-list.js';
import type { Publication } from '../../catalogue/schema.js';
import type { Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import { editEntryButton } from './edit-entry.js';
import { context, header, section, type Block, type SlackMessage } from './kit.js';
import { TITLE_MAX } from './publication.js';

/** Entries shown at most (one section each, under the message's 50 blocks). */
export const REVIEW_ITEMS_MAX = 40;
/** Characters of block text kept for the header, the intro and "N more" (the rest goes to entries). */
const RESERVED_CHARS = 1000;

/** The review list: a section per entry (title, what is wrong, Edit entry), then how many more there are. */
export function reviewListMessage(items: readonly ReviewItem[], t: Translator): SlackMessage {
  if (items.length === 0) return { text: t('review.none'), blocks: [section(t('review.none'))] };
  const intro = t('review.intro', { count: items.length });
  const blocks: Block[] = [header(t('review.header')), context(intro)];
  let budget = LIMITS.messageBlockText - RESERVED_CHARS;
  let shown = 0;
  for (const item of items.slice(0, REVIEW_ITEMS_MAX)) {
    const block = itemSection(item, t);
    const size = block.text?.text.length ?? 0;
    if (size > budget) break;
    blocks.push(block);
    budget -= size;
    shown += 1;
  }
  if (shown < items.length) blocks.push(context(t('review.more', { count: items.length - shown })));
  return { text: `${t('review.header')}: ${intro}`, blocks };
}

function itemSection({ publication, problems }: ReviewItem, t: Translator) {
  const lines = problems.map((problem) => `• ${problemText(publication, problem, t)}`);
  const text = [`*${escapeMrkdwn(truncate(publication.title, TITLE_MAX))}*`, ...lines].join('\n');
  return section(text, editEntryButton(publication, t));
}

/** What is wrong, in the reader's language. */
export function problemText(p: Publication, problem: ReviewProblem, t: Translator): string {
  if (problem.kind === 'link-missing') {
    return t('review.linkMissing', { count: problem.editions.length, languages: t.list(problem.editions.map((lang) => t.language(lang))) });
  }
  const { flag } = problem;
  const isbnLabel = flag.field === 'eisbn' ? 'E-ISBN' : 'ISBN';
  const isbn = (flag.field === 'eisbn' ? p.eisbn : p.isbn) ?? '';
  const language = t.language(flag.value ?? '');
  switch (flag.code) {
    case 'isbn-shared':
      return t('review.isbnShared', { label: isbnLabel, isbn });
    case 'isbn-check-digit':
      return t('review.isbnCheckDigit', { label: isbnLabel, isbn });
    case 'language-name-guessed':
      if (flag.value !== undefined) return t('review.languageGuessed', { language });
      break;
    case 'pages-maybe-copied':
      return t('review.pagesCopied', { pages: p.pages });
    case 'url-other-language': {
      if (flag.value === undefined) break;
      const site = siteLanguage(p.urls[flag.value] ?? '');
      return site === undefined ? t('review.urlOtherLanguagePage', { language }) : t('review.urlOtherLanguage', { language, site: t.language(site) });
    }
  }
  return t('review.otherFlag', { message: escapeMrkdwn(truncate(flag.message, 500)) });
}
