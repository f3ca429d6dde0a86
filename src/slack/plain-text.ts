/**
 * Slack message text → what the person meant, as plain words. Slack sends mentions, links and special
 * mentions as `<…>` tokens, `&`, `<` and `>` as HTML entities, and keeps the person's formatting marks
 * (`*bold*`, `_italic_`, `~strike~`, backticks, `>` quotes, list bullets). Understanding (intents, search)
 * works on the words, so this runs before it.
 */

/** `<…>` tokens: user and channel mentions, special mentions, dates and links, with an optional `|label`. */
const ANGLE_TOKEN = /<([^<>|\s]+)(?:\|([^<>]*))?>/g;
/** Emoji codes such as `:pray:` or `:+1::skin-tone-2:`, standing alone. */
const EMOJI = /(^|\s)(?::[a-z0-9_+'-]+:)+(?=\s|$|[.,!?;])/gi;
/**
 * Formatting marks Slack reads in pairs (`*bold*`, `_italic_`, `~strike~`): an opening mark at the start or
 * after a non-word character, followed by a non-space, and a closing one after a non-space, before the end
 * or a non-word character, on the same line. Marks inside words (snake_case, 5*3) are not formatting.
 */
const PAIRED_MARKS: readonly RegExp[] = ['\\*', '_', '~'].map(
  (m) => new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}+(?=[^\\s${m}])([^\\n]*?[^\\s${m}])${m}+(?=$|[^\\p{L}\\p{N}${m}])`, 'gmu'),
);
/** At the start of a line: quotes (`>`, `>>>`) and list bullets (•, ◦, ▪, -, *, 1., 1)). */
const LINE_PREFIX = /^\s*(?:>>>|>)?\s*(?:(?:[•◦▪‣●○∙·\-–*]|\d{1,3}[.)])\s+)?/;

/**
 * Turns Slack message text into plain text: mentions of people, `@here`/`@channel`/`@everyone`, user
 * groups and channels are dropped (they address people, they do not say what is wanted); a link becomes
 * its label, or its address when it has none (so a publication page can still be matched); a date
 * becomes its fallback text; emoji codes are dropped; formatting marks, code spans and fences, quote marks
 * and list bullets are removed, keeping their words; `&amp;`, `&lt;` and `&gt;` become `&`, `<` and `>`.
 * Whitespace, line breaks included, becomes single spaces. Plain text passes through unchanged.
 */
export function slackToPlainText(text: string): string {
  const lines = text
    .replace(/```([\s\S]*?)```/g, (_m, code: string) => ` ${code} `)
    .replace(ANGLE_TOKEN, (_m, target: string, label: string | undefined) => angleToken(target, label))
    .split(/\r?\n/)
    .map((line) => decodeEntities(line).replace(LINE_PREFIX, ''));
  let plain = lines.join('\n').replace(/`([^`\n]*)`/g, '$1').replace(/`/g, ' ');
  for (const pair of PAIRED_MARKS) plain = plain.replace(pair, '$1$2');
  return plain.replace(EMOJI, '$1').replace(/\s+/g, ' ').trim();
}

/** What one `<target|label>` token stands for in plain words. */
function angleToken(target: string, label: string | undefined): string {
  const sigil = target.charAt(0);
  // People, channels, user groups and @here/@channel/@everyone address someone: no words to understand.
  if (sigil === '@' || sigil === '#') return ' ';
  if (sigil === '!') return target.startsWith('!date^') && label ? ` ${label} ` : ' ';
  // A link: its label when it has one, else its address without the mailto: or tel: scheme.
  if (label !== undefined && label.trim() !== '') return ` ${label} `;
  return ` ${target.replace(/^(?:mailto|tel):/i, '')} `;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
