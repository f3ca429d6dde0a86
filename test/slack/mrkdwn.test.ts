import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, plainEcho } from '../../src/slack/mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes the three characters that make mentions, pings and links', () => {
    expect(escapeMrkdwn('<!channel> R&D <https://x|y>')).toBe('&lt;!channel&gt; R&amp;D &lt;https://x|y&gt;');
    expect(escapeMrkdwn('plain')).toBe('plain');
  });
});

describe('plainEcho', () => {
  it('shows typed text as it is, with nothing Slack would format, link or ping', () => {
    expect(plainEcho('*bold* _it_ ~s~ `code` <!here> & more\nlines')).toBe('∗bold∗ ‗it‗ ∼s∼ ˋcodeˋ &lt;!here&gt; &amp; more lines');
    expect(plainEcho('trafficking in French?')).toBe('trafficking in French?');
  });
});
