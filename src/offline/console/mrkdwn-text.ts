/**
 * Slack mrkdwn as terminal text: *bold*, _italic_ and ~strike~ through a {@link Style} (ANSI escapes on a
 * terminal, nothing otherwise), links as "label (address)", mentions as @name / #channel, code kept in
 * backticks, and the escapes &lt; &gt; &amp; turned back into the characters they stand for.
 */

/** How emphasis is shown: ANSI escapes on a terminal, or plain text (markers dropped). */
export interface Style {
  bold(text: string): string;
  italic(text: string): string;
  strike(text: string): string;
  dim(text: string): string;
}

/** No escapes: emphasis markers are simply dropped. */
export const PLAIN_STYLE: Style = { bold: (t) => t, italic: (t) => t, strike: (t) => t, dim: (t) => t };

/** ANSI SGR escapes, each closed with its own reset so that they nest. */
export const ANSI_STYLE: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  italic: (t) => `\x1b[3m${t}\x1b[23m`,
  strike: (t) => `\x1b[9m${t}\x1b[29m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

/** Longest address shown in full; longer ones (a prepared mailto: with its body) are cut with "…". */
export const MAX_SHOWN_URL = 200;

/** Turns the escapes Slack requires (&lt; &gt; &amp;) back into characters. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Placeholders keep links and code out of the emphasis rules; they count as ordinary (non-space) characters.
const OPEN = '\u0001';
const CLOSE = '\u0002';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/** A span of `marker` that opens after a non-word character and closes before one, on one line. */
function emphasisSpan(marker: string): RegExp {
  const m = marker === '*' ? '\\*' : marker;
  return new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?![\\p{L}\\p{N}${m}])`, 'gu');
}

/** Emphasis spans and how each is shown. */
const EMPHASIS: [span: RegExp, apply: (style: Style, text: string) => string][] = [
  [emphasisSpan('*'), (s, t) => s.bold(t)],
  [emphasisSpan('_'), (s, t) => s.italic(t)],
  [emphasisSpan('~'), (s, t) => s.strike(t)],
];

/** `mrkdwn` as it reads in a terminal, emphasis shown with `style`. */
export function mrkdwnToText(mrkdwn: string, style: Style): string {
  const kept: string[] = [];
  const keep = (text: string) => `${OPEN}${kept.push(text) - 1}${CLOSE}`;
  let text = mrkdwn
    .replace(/```\n?([\s\S]*?)\n?```/g, (_m, code: string) => keep(unescapeMrkdwn(code)))
    .replace(/`([^`\n]+)`/g, (_m, code: string) => keep(`\`${unescapeMrkdwn(code)}\``))
    .replace(/<([^<>\n]+)>/g, (_m, inner: string) => keep(angleEntity(inner)));
  for (const [span, apply] of EMPHASIS) {
    text = text.replace(span, (_m, before: string, inner: string) => `${before}${apply(style, inner)}`);
  }
  return unescapeMrkdwn(text).replace(PLACEHOLDER, (_m, i: string) => kept[Number(i)] ?? '');
}

/** What one `<…>` entity reads as: a link, a user or channel mention, a special mention or a date. */
function angleEntity(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : unescapeMrkdwn(inner.slice(bar + 1));
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0] ?? '';
    return label ?? `@${special}`;
  }
  const url = shortUrl(unescapeMrkdwn(target));
  return label === undefined || label === url ? url : `${label} (${url})`;
}

/** An address as shown: in full up to MAX_SHOWN_URL characters, else cut with "…". */
export function shortUrl(url: string): string {
  return url.length <= MAX_SHOWN_URL ? url : `${url.slice(0, MAX_SHOWN_URL - 1)}…`;
}
