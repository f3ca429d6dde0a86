import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../src/slack/dedupe.js';
import { isIgnorableEvent } from '../../src/slack/ignore-bots.js';

describe('RecentIds', () => {
  it('reports an id seen again within its lifetime, and forgets it afterwards', () => {
    let now = 0;
    const ids = new RecentIds(1000, 10, () => now);
    expect(ids.seen('Ev1')).toBe(false);
    now = 999;
    expect(ids.seen('Ev1')).toBe(true);
    now = 1000;
    expect(ids.seen('Ev1')).toBe(false);
  });

  it('keeps at most maxSize ids, dropping the oldest', () => {
    const ids = new RecentIds(60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) ids.seen(id);
    expect(ids.size).toBe(3);
    expect(ids.seen('d')).toBe(true);
    expect(ids.seen('a')).toBe(false);
  });
});

describe('isIgnorableEvent', () => {
  it('keeps a person writing, including file shares and thread broadcasts', () => {
    expect(isIgnorableEvent({ type: 'message' })).toBe(false);
    expect(isIgnorableEvent({ type: 'app_mention' })).toBe(false);
    expect(isIgnorableEvent({ type: 'message', subtype: 'file_share' })).toBe(false);
    expect(isIgnorableEvent({ type: 'message', subtype: 'thread_broadcast' })).toBe(false);
    expect(isIgnorableEvent({ type: 'app_home_opened' })).toBe(false);
  });

  it('drops bots, edits, deletions and other subtypes', () => {
    expect(isIgnorableEvent({ type: 'message', subtype: 'bot_message', bot_id: 'B1' })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', bot_id: 'B2' })).toBe(true);
    expect(isIgnorableEvent({ type: 'app_mention', bot_id: 'B2' })).toBe(true);
    expect(isIgnorableEvent({ type: 'app_mention', edited: { user: 'U1', ts: '1.2' } })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', subtype: 'message_changed' })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', subtype: 'message_deleted' })).toBe(true);
    expect(isIgnorableEvent({ type: 'message', subtype: 'channel_join' })).toBe(true);
  });
});
