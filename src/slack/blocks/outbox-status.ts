/**
 * What order admins are told about the notices of the outbox (in `/handbooks orders` and on App Home):
 * how many wait, are being retried (with the last error) or failed for good, and what to do about it.
 * Every text is in OUTBOX_STATUS_TEXT, kept together for translation.
 */
import type { NoticeTrouble, OutboxKind, OutboxSummary } from '../../orders/outbox-queue.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import { plural, section, type Block } from './kit.js';

/** The texts of this module, in one place. */
export const OUTBOX_STATUS_TEXT = {
  allDelivered: ':white_check_mark: *Order notices:* all delivered.',
  counts: (waiting: number, retrying: number, failed: number) =>
    `*Order notices:* ${waiting} waiting · ${retrying} being retried · ${failed} could not be delivered`,
  kinds: { order_notice: 'order notice', order_confirmation: 'confirmation', status_notice: 'status update' } satisfies Record<OutboxKind, string>,
  retrying: (reference: string, kind: string, error: string, attempts: number, next: string) =>
    `• ${reference} (${kind}): ${error}, ${plural(attempts, 'attempt')} so far, next at ${next} UTC`,
  failed: (reference: string, kind: string, error: string) => `• ${reference} (${kind}): ${error}, set aside`,
  more: (count: number) => `• … and ${count} more`,
  unknownError: 'unknown error',
  retryHint: 'Run `/handbooks orders retry` after fixing the cause of the notices set aside.',
  troubleHint: 'Retries go on by themselves; `not_in_channel` means the bot must be invited to the orders channel.',
} as const;

/** True when some notice waits, is retried or failed. */
export function hasOutboxBacklog(summary: OutboxSummary): boolean {
  return summary.waiting + summary.retrying + summary.failed > 0;
}

/** One line per example, then how many more there are. */
function troubleLines(examples: readonly NoticeTrouble[], total: number, line: (t: NoticeTrouble) => string): string[] {
  const lines = examples.map(line);
  if (total > examples.length) lines.push(OUTBOX_STATUS_TEXT.more(total - examples.length));
  return lines;
}

/** "10:42", the UTC time of `date`. */
function clockTime(date: Date): string {
  return date.toISOString().slice(11, 16);
}

/**
 * The outbox as admins see it: a count line, the notices being retried with their last error and the
 * failed ones, and what to do. `whenIdle` is shown when nothing waits (App Home), or nothing at all.
 */
export function outboxStatusBlocks(summary: OutboxSummary, options: { whenIdle: boolean }): Block[] {
  if (!hasOutboxBacklog(summary)) return options.whenIdle ? [section(OUTBOX_STATUS_TEXT.allDelivered)] : [];
  const t = OUTBOX_STATUS_TEXT;
  const error = (n: NoticeTrouble) => escapeMrkdwn(n.error ?? t.unknownError);
  const lines = [
    `${summary.retrying + summary.failed > 0 ? ':warning: ' : ''}${t.counts(summary.waiting, summary.retrying, summary.failed)}`,
    ...troubleLines(summary.retryingExamples, summary.retrying, (n) =>
      t.retrying(n.reference, t.kinds[n.kind], error(n), n.attempts, n.nextAttemptAt ? clockTime(n.nextAttemptAt) : '?'),
    ),
    ...troubleLines(summary.failedExamples, summary.failed, (n) => t.failed(n.reference, t.kinds[n.kind], error(n))),
  ];
  if (summary.retrying > 0) lines.push(t.troubleHint);
  if (summary.failed > 0) lines.push(t.retryHint);
  return [section(truncate(lines.join('\n'), LIMITS.sectionText))];
}
