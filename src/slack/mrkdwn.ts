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

/** Cuts `text` to at most `max` characters (code points kept whole), ending with "…" when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // do not leave half a surrogate pair or a dangling escape such as "&am"
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
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
