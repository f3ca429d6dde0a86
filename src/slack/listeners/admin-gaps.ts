/**
 * `/handbooks admin gaps [days]` (catalogue admins; routed by ./admin-commands.ts): the searches that found
 * nothing or little in the last 30 days (or the 1 to 90 given), the most frequent with their counts in the
 * answer, and all of them as a CSV file sent to the admin in their direct message with the bot.
 */
import { gapsToCsv } from '../../usage/gaps-csv.js';
import { DEFAULT_REPORT_DAYS, isReportPeriod, RETENTION_DAYS, utcDay } from '../../usage/days.js';
import { gapReportMessage } from '../blocks/gaps.js';
import type { SlackMessage } from '../blocks/kit.js';
import { plainEcho } from '../mrkdwn.js';
import type { AdminCommandContext, AdminSubcommand } from './admin-commands.js';
import { sendFileInDm } from './dm-file.js';
import { slackErrorCode } from './reply.js';

/** The period `args` asks for: DEFAULT_REPORT_DAYS when empty, else a whole number of days from 1 to RETENTION_DAYS; undefined when it is not one. */
function gapReportDays(args: string): number | undefined {
  const text = args.trim();
  if (text === '') return DEFAULT_REPORT_DAYS;
  const days = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  return isReportPeriod(days) ? days : undefined;
}

async function runGaps(ctx: AdminCommandContext): Promise<void> {
  const { t } = ctx;
  const reply = (message: SlackMessage | { text: string }) => ctx.respond({ response_type: 'ephemeral', ...message });
  const usage = ctx.deps.searchUsage?.store;
  if (!usage) return void (await reply({ text: t('gaps.notAvailable') }));
  const days = gapReportDays(ctx.args);
  if (days === undefined) return void (await reply({ text: t('gaps.badDays', { max: RETENTION_DAYS, value: plainEcho(ctx.args.trim()) }) }));
  const [totals, gaps] = await Promise.all([usage.totals(days), usage.gaps(days)]);
  let note: string | undefined;
  if (gaps.length > 0) {
    const now = new Date();
    try {
      await sendFileInDm(ctx.client, ctx.userId, {
        content: gapsToCsv(gaps),
        filename: `search-gaps-${utcDay(now)}-${days}d.csv`,
        title: t('gaps.csvTitle', { date: t.date(now) }),
        comment: t('gaps.csvComment', { count: days }),
      });
      note = t('gaps.csvSent', { count: gaps.length });
    } catch (error) {
      note = t('gaps.csvFailed', { code: slackErrorCode(error) });
    }
  }
  await reply(gapReportMessage({ days, totals, gaps }, note, t));
}

/** `/handbooks admin gaps`. */
export const gapsSubcommand: AdminSubcommand = { word: 'gaps', describe: 'admin.gaps', run: runGaps };
