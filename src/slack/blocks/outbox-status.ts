/**
 * What order admins are told about the notices of the outbox (in `/handbooks orders` and on App Home):
 * how many wait, are being retried (with the last error) or failed for good, and what to do about it, in
 * the admin's language.
 */
import { utcClockTime, type Translator } from '../../i18n/translator.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { NoticeTrouble, OutboxKind, OutboxSummary } from '../../orders/outbox-queue.js';
import { escapeMrkdwn, LIMITS, truncate } from '../mrkdwn.js';
import { section, type Block } from './kit.js';

/** The name of each kind of notice. */
const KIND_KEYS: Readonly<Record<OutboxKind, MessageKey>> = {
  order_notice: 'outbox.kindOrderNotice',
  order_confirmation: 'outbox.kindConfirmation',
  status_notice: 'outbox.kindStatusNotice',
};

/** True when some notice waits, is retried or failed. */
export function hasOutboxBacklog(summary: OutboxSummary): boolean {
  return summary.waiting + summary.retrying + summary.failed > 0;
}

/** One line per example, then how many more there are. */
function troubleLines(examples: readonly NoticeTrouble[], total: number, line: (n: NoticeTrouble) => string, t: Translator): string[] {
  const lines = examples.map(line);
  if (total > examples.length) lines.push(t('outbox.more', { count: total - examples.length }));
  return lines;
}

/**
 * The outbox as admins see it: a count line, the notices being retried with their last error and the
 * failed ones, and what to do. `whenIdle` is shown when nothing waits (App Home), or nothing at all.
 */
export function outboxStatusBlocks(summary: OutboxSummary, options: { whenIdle: boolean }, t: Translator): Block[] {
  if (!hasOutboxBacklog(summary)) return options.whenIdle ? [section(t('outbox.allDelivered'))] : [];
  const error = (n: NoticeTrouble) => escapeMrkdwn(n.error ?? t('outbox.unknownError'));
  const kind = (n: NoticeTrouble) => t(KIND_KEYS[n.kind]);
  const counts = t('outbox.counts', { waiting: summary.waiting, retrying: summary.retrying, failed: summary.failed });
  const lines = [
    `${summary.retrying + summary.failed > 0 ? ':warning: ' : ''}${counts}`,
    ...troubleLines(
      summary.retryingExamples,
      summary.retrying,
      (n) =>
        t('outbox.retrying', {
          reference: n.reference,
          kind: kind(n),
          error: error(n),
          count: n.attempts,
          time: n.nextAttemptAt ? utcClockTime(n.nextAttemptAt) : '?',
        }),
      t,
    ),
    ...troubleLines(summary.failedExamples, summary.failed, (n) => t('outbox.failed', { reference: n.reference, kind: kind(n), error: error(n) }), t),
  ];
  if (summary.retrying > 0) lines.push(t('outbox.troubleHint'));
  if (summary.failed > 0) lines.push(t('outbox.retryHint'));
  return [section(truncate(lines.join('\n'), LIMITS.sectionText))];
}
