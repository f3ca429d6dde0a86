import { describe, expect, it } from 'vitest';
import { measureDispatch } from '../../src/bench/dispatch.js';
import { measureSlackApps } from '../../src/bench/slack.js';
import { createSearchEngine } from '../../src/search/engine.js';

describe('bench section slack', () => {
  it.each([false, true])('sends signed commands to the real and the bare app and both answer every one without error (isolated: %s)', async (isolated) => {
    const results = await measureSlackApps({ commands: 20, concurrency: 5, rounds: 1, warmup: 5, isolated });
    expect(results.map((r) => r.app).sort()).toEqual(['bare', 'real']);
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.ackMs).toHaveLength(20);
      expect(r.answerMs).toHaveLength(20);
    }
  }, 60_000);

  it('measures Bolt dispatch for each app', async () => {
    const figures = await measureDispatch(createSearchEngine([]), { warmUp: 10, measured: 10 });
    for (const us of Object.values(figures)) expect(us).toBeGreaterThan(0);
  });
});
