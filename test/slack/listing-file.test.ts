import { describe, expect, it } from 'vitest';
import { isSlackFileUrl } from '../../src/slack/listing-file.js';

describe('isSlackFileUrl', () => {
  const api = 'https://slack.com/api/';

  it('sends the bot token only to Slack’s file hosts over HTTPS, or to the Web API’s own host (the stand-in)', () => {
    expect(isSlackFileUrl(new URL('https://files.slack.com/files-pri/T1-F1/download/a.txt'), api)).toBe(true);
    expect(isSlackFileUrl(new URL('http://127.0.0.1:4000/files-pri/T1-F1/download/a.txt'), 'http://127.0.0.1:4000/api/')).toBe(true);
    for (const address of ['http://files.slack.com/x', 'https://slack.com.evil.example/x', 'https://evil.example/files.slack.com', 'http://127.0.0.1:4001/x']) {
      expect(isSlackFileUrl(new URL(address), 'http://127.0.0.1:4000/api/'), address).toBe(false);
    }
  });
});
