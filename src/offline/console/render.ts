/**
 * Block Kit as lines of terminal text, for the offline console. Pure: blocks in, lines and the numbered
 * controls (buttons, menus) out; nothing here talks to the app or the stand-in.
 *
 * headers are underlined, sections and fields read as mrkdwn (see ./mrkdwn-text.ts), context lines are
 * dimmed, dividers drawn, and every interactive element outside an input block gets a number: `[1] Details
 * [2] Order print copy`. Input blocks show their label and current value (the console prompts for them).
 */
import { mrkdwnToText, shortUrl, type Style } from './mrkdwn-text.js';
import { isObject, type Json } from '../standin/elements.js';


/** Something a person can press or pick from, numbered for the console. */
export interface Control {
  number: number;
  blockId: string;
  actionId: string;
  /** The element as the app sent it (button, overflow, select…). */
  element: Json;
  /** Its label as shown, without the number. */
  label: string;
  /** For an element beside a section's text (an accessory): the first line of that text, to tell like buttons apart. */
  beside?: string;
}

export interface Rendered {
  lines: string[];
  controls: Control[];
}

export interface RenderOptions {
  style: Style;
  /** Number of the first control (default 1), so that numbers can run on across several surfaces. */
  firstNumber?: number;
  /** Position of the first block among all the surface's blocks (default 0), for the block_ids Slack assigns. */
  firstIndex?: number;
  /** The view's `state.values`, for the current value of input blocks. */
  state?: Record<string, Record<string, Json>>;
  /** Errors from a `response_action: "errors"` acknowledgement, by block_id, shown under their input. */
  errors?: Record<string, string>;
}

const RULE = '─'.repeat(40);
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A text object (plain_text or mrkdwn) as terminal text; '' when absent. */
export function textObject(value: unknown, style: Style): string {
  if (!isObject(value) || typeof value.text !== 'string') return '';
  return value.type === 'mrkdwn' ? mrkdwnToText(value.text, style) : value.text;
}

/** The block_id Slack would report for the block at `index` (the stand-in's naming when the app gave none). */
export function blockIdOf(block: Json, index: number): string {
  return typeof block.block_id === 'string' ? block.block_id : `standin-block-${index}`;
}

/** Renders `blocks` as lines, numbering the controls from `options.firstNumber`. */
export function renderBlocks(blocks: unknown, options: RenderOptions): Rendered {
  const lines: string[] = [];
  const controls: Control[] = [];
  let next = options.firstNumber ?? 1;
  const control = (block: Json, index: number, element: unknown, beside?: string): string | undefined => {
    if (!isObject(element) || typeof element.action_id !== 'string') return undefined;
    const label = elementLabel(element, options.style);
    controls.push({ number: next, blockId: blockIdOf(block, index), actionId: element.action_id, element, label, ...(beside ? { beside } : {}) });
    next += 1;
    return `[${next - 1}] ${label}`;
  };
  asArray(blocks).forEach((block, i) => {
    if (!isObject(block)) return;
    lines.push(...renderBlock(block, (options.firstIndex ?? 0) + i, options, control));
  });
  return { lines, controls };
}

type ControlFn = (block: Json, index: number, element: unknown, beside?: string) => string | undefined;

function renderBlock(block: Json, index: number, options: RenderOptions, control: ControlFn): string[] {
  const { style } = options;
  switch (block.type) {
    case 'header': {
      const text = textObject(block.text, style);
      return ['', style.bold(text), '═'.repeat(Math.min(Math.max(text.length, 3), 60))];
    }
    case 'section': {
      const lines = textObject(block.text, style).split('\n').filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
      lines.push(...asArray(block.fields).flatMap((f) => fieldLines(textObject(f, style), f)));
      const accessory = block.accessory;
      if (isObject(accessory) && accessory.type === 'image') lines.push(`(image: ${String(accessory.alt_text ?? '')})`);
      else {
        const shown = control(block, index, accessory, lines[0]?.replace(ANSI_ESCAPE, ''));
        if (shown !== undefined) lines.push(`  ${shown}`);
      }
      return lines;
    }
    case 'context': {
      const parts = asArray(block.elements).map((e) => (isObject(e) && e.type === 'image' ? `(${String(e.alt_text ?? 'image')})` : textObject(e, style)));
      return parts.join(' · ').split('\n').map((l) => style.dim(l));
    }
    case 'divider':
      return [style.dim(RULE)];
    case 'actions': {
      const shown = asArray(block.elements)
        .map((e) => control(block, index, e))
        .filter((s): s is string => s !== undefined);
      return shown.length > 0 ? [shown.join('  ')] : [];
    }
    case 'image':
      return [`(image: ${String(block.alt_text ?? textObject(block.title, style))})`];
    case 'input':
      return inputLines(block, index, options);
    case 'rich_text':
      return richTextLines(block, style);
    default:
      return [style.dim(`(a ${String(block.type)} block, not shown here)`)];
  }
}

/** A field: "*Year*\n2020" reads "Year: 2020"; longer fields keep their lines, indented after the first. */
function fieldLines(text: string, field: unknown): string[] {
  const raw = isObject(field) && typeof field.text === 'string' ? field.text : '';
  const [first = '', ...rest] = text.split('\n');
  const labelOnly = isObject(field) && field.type === 'mrkdwn' && /^\*[^*\n]+\*$/.test(raw.split('\n')[0] ?? '');
  if (labelOnly && rest.length === 1) return [`${first}: ${rest[0] ?? ''}`];
  return [first, ...rest.map((l) => `  ${l}`)];
}

/** The label of an interactive element as shown in the console. */
export function elementLabel(element: Json, style: Style): string {
  const chosen = isObject(element.initial_option) ? textObject(element.initial_option.text, style) : '';
  const text = textObject(element.text, style) || chosen || textObject(element.placeholder, style);
  switch (element.type) {
    case 'button': {
      const url = typeof element.url === 'string' ? ` (opens ${shortUrl(element.url)})` : '';
      const mark = element.style === 'primary' ? style.bold(text) : element.style === 'danger' ? `${text} (!)` : text;
      return `${mark}${url}`;
    }
    case 'overflow':
      return '⋯ more';
    default:
      return `${text || String(element.type)} ▾`;
  }
}

/** An input block's label, hint, current value and error, as the overview of a modal shows it. */
function inputLines(block: Json, index: number, options: RenderOptions): string[] {
  const { style } = options;
  const element = isObject(block.element) ? block.element : {};
  const blockId = blockIdOf(block, index);
  const entry = typeof element.action_id === 'string' ? options.state?.[blockId]?.[element.action_id] : undefined;
  const label = `${textObject(block.label, style)}${block.optional === true ? ' (optional)' : ''}`;
  const [first = '', ...more] = describeValue(entry, style).split('\n');
  const lines = [`▸ ${style.bold(label)}: ${first || style.dim('(empty)')}`, ...more.map((l) => `    ${l}`)];
  const hint = textObject(block.hint, style);
  if (hint !== '') lines.push(style.dim(`  ${hint}`));
  const error = options.errors?.[blockId];
  if (error !== undefined) lines.push(`  ! ${error}`);
  return lines;
}

/** A state entry (`view.state.values[block][action]`) as text: the typed value or the chosen options' texts. */
export function describeValue(entry: Json | undefined, style: Style): string {
  if (entry === undefined) return '';
  if (typeof entry.value === 'string') return entry.value;
  if (isObject(entry.selected_option)) return textObject(entry.selected_option.text, style);
  if (Array.isArray(entry.selected_options)) return entry.selected_options.map((o) => (isObject(o) ? textObject(o.text, style) : '')).join(', ');
  for (const key of ['selected_date', 'selected_time', 'selected_user', 'selected_conversation', 'selected_channel']) {
    if (typeof entry[key] === 'string') return entry[key];
  }
  return '';
}

/** rich_text: its sections, lists, quotes and preformatted text, as plain lines. */
function richTextLines(block: Json, style: Style): string[] {
  const inline = (elements: unknown): string =>
    asArray(elements)
      .map((e) => {
        if (!isObject(e)) return '';
        if (e.type === 'text') return typeof e.text === 'string' ? (isObject(e.style) && e.style.bold === true ? style.bold(e.text) : e.text) : '';
        if (e.type === 'link') return typeof e.text === 'string' && e.text !== e.url ? `${e.text} (${String(e.url)})` : String(e.url ?? '');
        if (e.type === 'emoji') return `:${String(e.name)}:`;
        if (e.type === 'user') return `@${String(e.user_id)}`;
        if (e.type === 'channel') return `#${String(e.channel_id)}`;
        return '';
      })
      .join('');
  return asArray(block.elements).flatMap((e) => {
    if (!isObject(e)) return [];
    if (e.type === 'rich_text_list') return asArray(e.elements).map((item) => `• ${isObject(item) ? inline(item.elements) : ''}`);
    if (e.type === 'rich_text_quote') return inline(e.elements).split('\n').map((l) => `> ${l}`);
    return inline(e.elements).split('\n');
  });
}
