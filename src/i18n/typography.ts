/** French typography applied to a catalogue, so that its source can be written with ordinary spaces. */
import type { Messages } from './messages/en.js';

const NO_BREAK_SPACE = '\u00a0';
const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * French spacing: a no-break space before a colon and inside « », a narrow no-break space before ; ? !
 * (so that the sign never starts a line). A colon is only touched before a space or the end of the text,
 * which leaves Slack's `:emoji:` codes alone.
 */
function frenchSpacing(text: string): string {
  return text
    .replace(/ :(?=[\s*_]|$)/g, `${NO_BREAK_SPACE}:`)
    .replace(/ ([;?!])(?=[\s*_»)]|$)/g, `${NARROW_NO_BREAK_SPACE}$1`)
    .replace(/« /g, `«${NO_BREAK_SPACE}`)
    .replace(/ »/g, `${NO_BREAK_SPACE}»`);
}

/** A catalogue with frenchSpacing applied to every text. */
export function withFrenchSpacing(messages: Messages): Messages {
  const spaced = Object.entries(messages).map(([key, message]) => [
    key,
    typeof message === 'string' ? frenchSpacing(message) : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, frenchSpacing(text)])),
  ]);
  return Object.fromEntries(spaced) as Messages;
}
