/**
 * Small Block Kit constructors that keep every piece inside Slack's limits (LIMITS), truncating with "…"
 * rather than producing a payload Slack would reject. Builders compose these; none of them escapes text:
 * callers pass mrkdwn that is already safe (see escapeMrkdwn).
 */
import type { types } from '@slack/bolt';
import { LIMITS, safeCut, truncate } from '../mrkdwn.js';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** A message as the Slack layer sends it: blocks plus the plain `text` shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A message of one mrkdwn paragraph. */
export function textMessage(mrkdwn: string): SlackMessage {
  return { text: mrkdwn, blocks: [section(mrkdwn)] };
}

/** Plain text, cut to `max` characters. */
export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** A section of mrkdwn text (cut to the section limit), with an optional accessory such as a button. */
export function section(mrkdwn: string, accessory?: Button): types.SectionBlock {
  const block: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A section of up to ten mrkdwn fields, each cut to the field limit. */
export function fieldsSection(fields: readonly string[]): types.SectionBlock {
  return {
    type: 'section',
    fields: fields.slice(0, LIMITS.sectionFields).map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionFieldText) })),
  };
}

/** A header (plain text only, cut to the header limit). */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plainText(text, LIMITS.headerText) };
}

/** A context line of small mrkdwn text. */
export function context(mrkdwn: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.contextText) }] };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
}

/** A button; its value must already fit LIMITS.buttonValue (values carry ids and queries that cannot be cut). */
export function button({ text, actionId, value, style }: ButtonSpec): Button {
  const b: Button = { type: 'button', text: plainText(text, LIMITS.buttonText), action_id: actionId };
  if (value !== undefined) {
    if (value.length > LIMITS.buttonValue) throw new RangeError(`button value of ${value.length} characters is over ${LIMITS.buttonValue}`);
    b.value = value;
  }
  if (style) b.style = style;
  return b;
}

/** An option of a select, radio buttons or checkboxes, its text and description cut to the option limit. */
export function option(text: string, value: string, description?: string): types.PlainTextOption {
  return { text: plainText(text, LIMITS.optionText), value, ...(description ? { description: plainText(description, LIMITS.optionText) } : {}) };
}

/** An input block of a modal: its label (and hint) cut to their limits; optional, with a hint, or dispatching its changes when asked. */
export function input(
  blockId: string,
  label: string,
  element: types.InputBlock['element'],
  options: { optional?: boolean; hint?: string; dispatch?: boolean } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(label, LIMITS.inputLabel),
    element,
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plainText(options.hint, LIMITS.inputHint) } : {}),
    ...(options.dispatch ? { dispatch_action: true } : {}),
  };
}

/** An actions block holding up to the element limit of buttons. */
export function actions(buttons: readonly Button[]): types.ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, LIMITS.actionsElements) };
}

/**
 * Packs lines into as few texts of at most `max` characters as possible, joined by newlines; a line longer
 * than `max` is split between words (or, for one enormous word, anywhere), never inside a link or an escape.
 */
export function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitLong(l, max))) {
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current += `\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitLong(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    // Between words where possible, never inside a link, an escape or a surrogate pair (see safeCut).
    let cut = safeCut(rest, rest.lastIndexOf(' ', max));
    if (cut <= 0) cut = safeCut(rest, max);
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}
