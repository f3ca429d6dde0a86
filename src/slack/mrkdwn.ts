/**
 * Slack mrkdwn safety in one place: escaping what users typed, and truncating text to Block Kit's
 * documented limits with "…" rather than letting Slack reject the payload.
 */

const MRKDWN_SPECIAL = /[&<>]/;

/** Escapes `&`, `<` and `>` so that user text can never become a mention, a channel ping or a link. */
export function escapeMrkdwn(text: string): string {
  // Most text has none of the three: one test instead of three replacements.
  if (!MRKDWN_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's formatting marks, each with the look-alike that Slack does not read as formatting. */
const FORMATTING_LOOKALIKES: Readonly<Record<string, string>> = { '*': '∗', _: '‗', '~': '∼', '`': 'ˋ' };

/**
 * What a person typed, for echoing inside mrkdwn exactly as plain text: escaped like {@link escapeMrkdwn},
 * with line breaks as spaces, and with `*`, `_`, `~` and backticks replaced by look-alikes so that Slack
 * can neither ping, link nor format any of it.
 */
export function plainEcho(text: string): string {
  return escapeMrkdwn(text.replace(/\s+/g, ' ').replace(/[*_~`]/g, (mark) => FORMATTING_LOOKALIKES[mark] ?? mark));
}

/**
 * The last place at or before `at` where `text` can be cut without breaking a surrogate pair, an escape
 * such as `&amp;`, or a link or mention (`<url|label>`, `<@U123>`): before any of them that `at` falls in.
 */
export function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  if (cut < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(cut))) cut -= 1;
  const head = text.slice(0, cut);
  const openLink = head.lastIndexOf('<');
  if (openLink >= 0 && head.indexOf('>', openLink) < 0) return openLink;
  const entity = head.search(/&[a-z]{0,3}$/);
  return entity >= 0 ? entity : cut;
}

/**
 * Cuts `text` to at most `max` characters, ending with "…" when it was cut, never inside a surrogate pair,
 * an escape or a link (see safeCut).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, Math.max(0, max - 1)))}…`;
}

/** Block Kit limits (Slack's reference; see README). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  optionText: 75,
  optionValue: 75,
  optionsPerSelect: 100,
  actionsElements: 25,
  contextElements: 10,
  contextText: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  blockId: 255,
  actionId: 255,
  callbackId: 255,
  messageText: 40_000,
  messageBlockText: 12_000,
  /** A message under a modal field (`response_action: 'errors'`): Slack documents no limit; kept short. */
  viewErrorText: 2000,
} as const;
