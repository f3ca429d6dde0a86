import { describe, expect, it } from 'vitest';
import { measureSlackApps } from '../../src/bench/slack.js';

describe('bench section slack', () => {
  it('sends signed commands to the real and the bare app and both answer every one without error', async () => {
    const results = await measureSlackApps({ commands: 20, concurrency: 5, rounds: 1, warmup: 5 });
    expect(results.map((r) => r.app).sort()).toEqual(['bare', 'real']);
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.ackMs).toHaveLength(20);
      expect(r.answerMs).toHaveLength(20);
    }
  });
});
