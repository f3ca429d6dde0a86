import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/translator.js';
import type { NoticeTrouble, OutboxSummary } from '../../../src/orders/outbox-queue.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { outboxStatusBlocks } from '../../../src/slack/blocks/outbox-status.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { textOf } from '../block-query.js';
import { manyPublications } from '../publications.js';

const en = translator('en');
const fr = translator('fr');
const QUIET: OutboxSummary = { waiting: 0, retrying: 0, failed: 0, retryingExamples: [], failedExamples: [] };

function trouble(i: number, error: string, nextAttemptAt?: Date): NoticeTrouble {
  return { reference: `PUB-2026-${String(i).padStart(6, '0')}`, kind: 'order_notice', error, attempts: 3, ...(nextAttemptAt ? { nextAttemptAt } : {}) };
}

describe('outboxStatusBlocks', () => {
  it('says nothing when every notice went out, unless asked to say so', () => {
    expect(outboxStatusBlocks(QUIET, { whenIdle: false }, en)).toEqual([]);
    expect(textOf(outboxStatusBlocks(QUIET, { whenIdle: true }, en))).toBe(':white_check_mark: *Order notices:* all delivered.');
  });

  it('counts waiting, retrying and failed notices, naming the retried ones with their last error and the failed ones', () => {
    const summary: OutboxSummary = {
      waiting: 4,
      retrying: 7,
      failed: 1,
      retryingExamples: [trouble(1, 'not_in_channel', new Date('2026-03-04T10:42:00Z')), trouble(2, '<!channel> & co')],
      failedExamples: [trouble(3, 'invalid_blocks')],
    };
    const text = textOf(outboxStatusBlocks(summary, { whenIdle: false }, en));
    expect(text).toContain(':warning: *Order notices:* 4 waiting · 7 being retried · 1 could not be delivered');
    expect(text).toContain('• PUB-2026-000001 (order notice): not_in_channel, 3 attempts so far, next at 10:42 UTC');
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).toContain('• … and 5 more');
    expect(text).toContain('• PUB-2026-000003 (order notice): invalid_blocks, set aside');
    expect(text).toContain(en('outbox.troubleHint'));
    expect(text).toContain(en('outbox.retryHint'));
    const french = textOf(outboxStatusBlocks(summary, { whenIdle: false }, fr));
    expect(french).toContain('• PUB-2026-000001 (notification de commande)\u00a0: not_in_channel, 3 tentatives jusqu’ici, prochaine à 10:42 UTC');
    expect(french).toContain('• … et 5 de plus');
  });

  it('stays within Block Kit limits on an admin’s App Home, however long the errors', () => {
    const long = 'x'.repeat(300);
    const summary: OutboxSummary = {
      waiting: 3000,
      retrying: 500,
      failed: 200,
      retryingExamples: Array.from({ length: 5 }, (_, i) => trouble(i, long, new Date())),
      failedExamples: Array.from({ length: 5 }, (_, i) => trouble(i, long)),
    };
    for (const t of [en, fr]) expect(checkBlockKitLimits('home', homeView(manyPublications(50), [], t, { adminOutbox: summary }))).toEqual([]);
  });
});
