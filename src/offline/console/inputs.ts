/**
 * A modal's input blocks as the console asks for them: which fields there are, what kind of answer each
 * takes, its options numbered (option groups kept as headings), and how a typed line becomes the state
 * Slack's client would keep for it — including the checks Slack's client makes before anything is sent
 * (required fields, lengths, numbers, e-mail addresses, dates). Pure: no input or output here.
 */
import { blockIdOf, textObject } from './render.js';
import type { Style } from './mrkdwn-text.js';
import { isObject, type Json } from '../standin/elements.js';


const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** How a field is answered. */
export type FieldKind =
  | 'text' // one line
  | 'multiline' // several lines, ended by a line with a single "."
  | 'choice' // one option of a list (static select, radio buttons)
  | 'choices' // several options of a list (multi-select, checkboxes)
  | 'search' // one option found by typing (external select: the app's options handler)
  | 'searches' // several options found by typing
  | 'pick' // a date, a time, a user or a conversation, typed
  | 'unsupported';

/** One input block of a view. */
export interface InputField {
  blockId: string;
  actionId: string;
  element: Json;
  kind: FieldKind;
  label: string;
  hint: string;
  optional: boolean;
  /** Slack sends a block_actions request as soon as it changes (the app may update the view). */
  dispatchAction: boolean;
}

/** An option numbered for the console. */
export interface Choice {
  number: number;
  /** The option's text as shown. */
  text: string;
  /** The option object as the app sent it (kept whole in the state, as Slack does). */
  option: Json;
  /** The heading of its option group, if any. */
  group?: string;
}

/** A typed answer: the state entry to keep (without `type`), or why it cannot be taken. */
export type Answer = { ok: true; state: Json } | { ok: false; error: string };

/** The state key each picker keeps its value in. */
const PICK_KEYS: Record<string, string> = {
  datepicker: 'selected_date',
  timepicker: 'selected_time',
  users_select: 'selected_user',
  conversations_select: 'selected_conversation',
  channels_select: 'selected_channel',
};

/** What kind of answer `element` takes. */
export function fieldKind(element: Json): FieldKind {
  switch (element.type) {
    case 'plain_text_input':
      return element.multiline === true ? 'multiline' : 'text';
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return 'text';
    case 'static_select':
    case 'radio_buttons':
      return 'choice';
    case 'multi_static_select':
    case 'checkboxes':
      return 'choices';
    case 'external_select':
      return 'search';
    case 'multi_external_select':
      return 'searches';
    default:
      return typeof element.type === 'string' && Object.hasOwn(PICK_KEYS, element.type) ? 'pick' : 'unsupported';
  }
}

/** The input blocks of a view, in order. */
export function inputFields(blocks: unknown, style: Style): InputField[] {
  return asArray(blocks).flatMap((block, index) => {
    if (!isObject(block) || block.type !== 'input' || !isObject(block.element) || typeof block.element.action_id !== 'string') return [];
    const element = block.element;
    return [
      {
        blockId: blockIdOf(block, index),
        actionId: String(element.action_id),
        element,
        kind: fieldKind(element),
        label: textObject(block.label, style),
        hint: textObject(block.hint, style),
        optional: block.optional === true,
        dispatchAction: block.dispatch_action === true,
      },
    ];
  });
}

/** Options (or option groups) of an element or of an options handler's answer, numbered from 1. */
export function numberedChoices(source: Json, style: Style): Choice[] {
  const choices: Choice[] = [];
  const add = (option: unknown, group?: string) => {
    if (!isObject(option)) return;
    choices.push({ number: choices.length + 1, text: textObject(option.text, style), option, ...(group !== undefined ? { group } : {}) });
  };
  asArray(source.options).forEach((o) => add(o));
  for (const g of asArray(source.option_groups)) if (isObject(g)) asArray(g.options).forEach((o) => add(o, textObject(g.label, style)));
  return choices;
}

/** The choices as lines: "  3. French", with a heading line before each option group. */
export function choiceLines(choices: readonly Choice[]): string[] {
  const lines: string[] = [];
  let group: string | undefined;
  for (const c of choices) {
    if (c.group !== undefined && c.group !== group) lines.push(`  ${c.group}:`);
    group = c.group;
    lines.push(`  ${c.group !== undefined ? '  ' : ''}${c.number}. ${c.text}`);
  }
  return lines;
}

/**
 * The choices a typed line names: numbers ("2", or "1, 3" when `many`) of the options in `shown` (the list
 * last put in front of the person, all of `choices` by default), an option's exact text or value (any
 * case), or the start of the text or of a word of exactly one option of `choices`. When a piece of the line
 * names no single option, `part` is that piece and `matches` the options it fits (several, or none), so the
 * console can show them.
 */
export function pickChoices(
  line: string,
  choices: readonly Choice[],
  many: boolean,
  shown: readonly Choice[] = choices,
): { picked: Choice[] } | { matches: Choice[]; part: string } {
  const parts = many ? line.split(/\s*,\s*|\s+(?=\d)/).filter((p) => p !== '') : [line.trim()];
  const picked: Choice[] = [];
  for (const part of parts) {
    const one = pickOne(part, choices, shown);
    if (!('choice' in one)) return { matches: one.matches, part: part.trim() };
    picked.push(one.choice);
  }
  return { picked };
}

function pickOne(part: string, choices: readonly Choice[], shown: readonly Choice[]): { choice: Choice } | { matches: Choice[] } {
  const wanted = part.trim().toLowerCase();
  if (/^\d+$/.test(wanted)) {
    const byNumber = shown.find((c) => c.number === Number(wanted));
    return byNumber ? { choice: byNumber } : { matches: [] };
  }
  const exact = choices.find((c) => c.text.toLowerCase() === wanted || String(c.option.value).toLowerCase() === wanted);
  if (exact) return { choice: exact };
  const starting = choices.filter((c) => startsAWord(c.text.toLowerCase(), wanted));
  return starting.length === 1 && starting[0] ? { choice: starting[0] } : { matches: starting };
}

/** Some of the options, numbered again from 1 (a filtered list reads 1, 2, 3, and its numbers pick from it). */
export function renumbered(choices: readonly Choice[]): Choice[] {
  return choices.map((c, i) => ({ ...c, number: i + 1 }));
}

/** Whether `wanted` starts `text` or one of its words ("switz" in "Switzerland", "transfer" in "Bank transfer"). */
function startsAWord(text: string, wanted: string): boolean {
  return text.startsWith(wanted) || text.split(/[\s(),/-]+/).some((word) => word !== '' && word.startsWith(wanted));
}

/** The state entry (without `type`) for chosen options: one for a select or radio buttons, a list otherwise. */
export function choiceState(field: InputField, picked: readonly Choice[]): Json {
  const many = field.kind === 'choices' || field.kind === 'searches';
  return many ? { selected_options: picked.map((c) => c.option) } : { selected_option: picked[0]?.option ?? null };
}

/** The state entry for a field left empty (the person cleared it). */
export function emptyState(field: InputField): Json {
  switch (field.kind) {
    case 'choice':
    case 'search':
      return { selected_option: null };
    case 'choices':
    case 'searches':
      return { selected_options: [] };
    case 'pick':
      return { [PICK_KEYS[String(field.element.type)] ?? 'value']: null };
    default:
      return { value: null };
  }
}

/** Typed text for a text, multi-line or picker field, checked as Slack's client checks it before submitting. */
export function typedAnswer(field: InputField, text: string): Answer {
  const { element } = field;
  const problem = typedProblem(element, text);
  if (problem !== undefined) return { ok: false, error: problem };
  if (field.kind === 'pick') return { ok: true, state: { [PICK_KEYS[String(element.type)] ?? 'value']: text } };
  return { ok: true, state: { value: text } };
}

function typedProblem(element: Json, text: string): string | undefined {
  const num = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));
  switch (element.type) {
    case 'plain_text_input': {
      const min = num(element.min_length);
      const max = num(element.max_length);
      if (min !== undefined && text.length < min) return `Use at least ${min} characters.`;
      if (max !== undefined && text.length > max) return `Use ${max} characters or fewer.`;
      return undefined;
    }
    case 'number_input': {
      const decimals = element.is_decimal_allowed === true;
      if (!(decimals ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(text)) return decimals ? 'Enter a number.' : 'Enter a whole number.';
      const value = Number(text);
      const min = num(element.min_value);
      const max = num(element.max_value);
      if (min !== undefined && value < min) return `Enter a number of at least ${min}.`;
      if (max !== undefined && value > max) return `Enter a number of at most ${max}.`;
      return undefined;
    }
    case 'email_text_input':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? undefined : 'Enter an e-mail address, such as name@example.org.';
    case 'url_text_input':
      return URL.canParse(text) ? undefined : 'Enter an address, such as https://www.iom.int.';
    case 'datepicker':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? undefined : 'Enter a date as YYYY-MM-DD.';
    case 'timepicker':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(text) ? undefined : 'Enter a time as HH:MM.';
    default:
      return undefined;
  }
}

/** Whether a state entry holds nothing (what Slack's client refuses for a required field). */
export function isEmptyEntry(entry: Json | undefined): boolean {
  if (entry === undefined) return true;
  return Object.entries(entry).every(([key, v]) => key === 'type' || v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}

/** Slack's client message under a required field left empty. */
export const REQUIRED_MESSAGE = 'Please complete this required field.';

/** Errors Slack's client would show before sending a submission: required fields left empty, by block_id. */
export function missingRequired(fields: readonly InputField[], state: Record<string, Record<string, Json>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) if (!f.optional && f.kind !== 'unsupported' && isEmptyEntry(state[f.blockId]?.[f.actionId])) errors[f.blockId] = REQUIRED_MESSAGE;
  return errors;
}
