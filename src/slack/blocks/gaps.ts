/**
 * The gap report (`/handbooks admin gaps`): the searches of a period, and the query texts that found
 * nothing or little, most frequent first, with their counts. Query texts are what people typed (normalised),
 * so they are echoed as plain text, never as mrkdwn.
 */
import type { Translator } from '../../i18n/translator.js';
import type { SearchGap, SearchTotals } from '../../usage/search-usage.js';
import { LIMITS, plainEcho } from '../mrkdwn.js';
import { context, packLines, section, type SlackMessage } from './kit.js';

/** Query texts listed in the message; the CSV has them all. */
export const GAPS_SHOWN = 20;

/** What the report shows: the period in days, its searches, and its gaps, most frequent first. */
export interface GapReport {
  days: number;
  totals: SearchTotals;
  gaps: readonly SearchGap[];
}

/** The report as a message: the period's counts, the GAPS_SHOWN most frequent gaps, `note` (the CSV sent or not), and what is kept. */
export function gapReportMessage(report: GapReport, note: string | undefined, t: Translator): SlackMessage {
  const summary = t('gaps.summary', {
    count: report.days,
    searches: report.totals.searches,
    nothingFound: report.totals.nothingFound,
    foundInPart: report.totals.foundInPart,
  });
  const shown = report.gaps.slice(0, GAPS_SHOWN);
  const lines = shown.map((g, i) =>
    t('gaps.line', {
      rank: i + 1,
      query: t('common.quoted', { text: plainEcho(g.query) }),
      searches: g.searches,
      nothingFound: g.nothingFound,
      foundInPart: g.foundInPart,
    }),
  );
  const more = report.gaps.length - shown.length;
  if (more > 0) lines.push(t('gaps.more', { count: more }));
  const listing = shown.length === 0 ? [section(t('gaps.none'))] : packLines([t('gaps.top'), ...lines], LIMITS.sectionText).map((text) => section(text));
  return {
    text: summary,
    blocks: [section(summary), ...listing, ...(note === undefined ? [] : [section(note)]), context(t('gaps.privacy'))],
  };
}
