/**
 * Checks a Block Kit payload against Slack's documented limits (see LIMITS in ./mrkdwn.ts) and lists every
 * violation, so tests and the local stand-in for Slack can refuse what real Slack would reject.
 *
 * `checkBlockKitLimits('message', { text, blocks })` for chat.* and response_url payloads;
 * `checkBlockKitLimits('modal' | 'home', view)` for views.*; `checkBlockKitLimits('options', ack)` for the
 * answer to a block_suggestion (`{ options }` or `{ option_groups }`); `checkBlockKitLimits('errors', ack)`
 * for a view submission's `response_action: 'errors'` acknowledgement. An empty list means the payload is
 * within limits.
 */
import { LIMITS } from './mrkdwn.js';

export type SurfaceKind = 'message' | 'modal' | 'home' | 'options' | 'errors';

export interface LimitViolation {
  /** Where in the payload, e.g. `blocks[3].accessory.text`. */
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : isObject(v) && typeof v.text === 'string' ? v.text : undefined;

/** Lists every Block Kit limit `payload` breaks for the given surface. */
export function checkBlockKitLimits(kind: SurfaceKind, payload: unknown): LimitViolation[] {
  const v: LimitViolation[] = [];
  const report = (path: string, message: string) => v.push({ path, message });
  const maxLength = (path: string, value: unknown, max: number) => {
    const text = textOf(value);
    if (text !== undefined && text.length > max) report(path, `is ${text.length} characters, over the limit of ${max}`);
  };
  if (!isObject(payload)) return [{ path: '', message: 'payload is not an object' }];

  const blockIds = new Set<string>();
  let blockTextTotal = 0;
  const countText = (value: unknown) => {
    blockTextTotal += textOf(value)?.length ?? 0;
  };

  const checkOption = (path: string, option: unknown) => {
    if (!isObject(option)) return;
    maxLength(`${path}.text`, option.text, LIMITS.optionText);
    maxLength(`${path}.value`, option.value, LIMITS.optionValue);
    maxLength(`${path}.description`, option.description, LIMITS.optionText);
  };

  /** A select's `options` or `option_groups` (in an element, or answering a block_suggestion); `prefix` ends with "." or is empty. */
  const checkOptionList = (prefix: string, list: Json) => {
    const options = asArray(list.options);
    if (options.length > LIMITS.optionsPerSelect) report(`${prefix}options`, `has ${options.length} options, over the limit of ${LIMITS.optionsPerSelect}`);
    options.forEach((o, i) => checkOption(`${prefix}options[${i}]`, o));
    const groups = asArray(list.option_groups);
    if (groups.length > LIMITS.optionsPerSelect) report(`${prefix}option_groups`, `has ${groups.length} groups, over the limit of ${LIMITS.optionsPerSelect}`);
    groups.forEach((g, gi) => {
      if (!isObject(g)) return;
      maxLength(`${prefix}option_groups[${gi}].label`, g.label, LIMITS.optionText);
      asArray(g.options).forEach((o, i) => checkOption(`${prefix}option_groups[${gi}].options[${i}]`, o));
    });
  };

  if (kind === 'options') {
    checkOptionList('', payload);
    return v;
  }
  if (kind === 'errors') {
    if (payload.response_action !== 'errors' || !isObject(payload.errors)) return [{ path: 'errors', message: 'is not response_action "errors" with messages by block_id' }];
    for (const [blockId, message] of Object.entries(payload.errors)) {
      if (typeof message !== 'string') report(`errors.${blockId}`, 'is not a string');
      else maxLength(`errors.${blockId}`, message, LIMITS.viewErrorText);
    }
    return v;
  }

  const checkElement = (path: string, el: unknown) => {
    if (!isObject(el)) return;
    maxLength(`${path}.action_id`, el.action_id, LIMITS.actionId);
    maxLength(`${path}.placeholder`, el.placeholder, LIMITS.placeholder);
    switch (el.type) {
      case 'button':
        maxLength(`${path}.text`, el.text, LIMITS.buttonText);
        maxLength(`${path}.value`, el.value, LIMITS.buttonValue);
        maxLength(`${path}.url`, el.url, LIMITS.buttonUrl);
        countText(el.text);
        break;
      case 'plain_text_input':
        if (typeof el.max_length === 'number' && el.max_length > 3000) report(`${path}.max_length`, 'is over 3000');
        break;
      case 'radio_buttons':
      case 'checkboxes':
        if (asArray(el.options).length > 10) report(`${path}.options`, `has ${asArray(el.options).length} options, over the limit of 10`);
        break;
      case 'overflow':
        if (asArray(el.options).length > 5) report(`${path}.options`, `has ${asArray(el.options).length} options, over the limit of 5`);
        break;
    }
    checkOptionList(`${path}.`, el);
    asArray(el.initial_options).forEach((o, i) => checkOption(`${path}.initial_options[${i}]`, o));
    if (el.initial_option !== undefined) checkOption(`${path}.initial_option`, el.initial_option);
  };

  const blocks = asArray(payload.blocks);
  const maxBlocks = kind === 'message' ? LIMITS.blocksPerMessage : LIMITS.blocksPerView;
  if (blocks.length > maxBlocks) report('blocks', `has ${blocks.length} blocks, over the limit of ${maxBlocks}`);

  blocks.forEach((block, i) => {
    const path = `blocks[${i}]`;
    if (!isObject(block)) return report(path, 'is not an object');
    if (typeof block.block_id === 'string') {
      maxLength(`${path}.block_id`, block.block_id, LIMITS.blockId);
      if (blockIds.has(block.block_id)) report(`${path}.block_id`, `repeats block_id "${block.block_id.slice(0, 40)}"`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'section': {
        maxLength(`${path}.text`, block.text, LIMITS.sectionText);
        countText(block.text);
        const fields = asArray(block.fields);
        if (fields.length > LIMITS.sectionFields) report(`${path}.fields`, `has ${fields.length} fields, over the limit of ${LIMITS.sectionFields}`);
        fields.forEach((f, j) => {
          maxLength(`${path}.fields[${j}]`, f, LIMITS.sectionFieldText);
          countText(f);
        });
        if (block.text === undefined && fields.length === 0) report(path, 'section has neither text nor fields');
        checkElement(`${path}.accessory`, block.accessory);
        break;
      }
      case 'header':
        if (!isObject(block.text) || block.text.type !== 'plain_text') report(`${path}.text`, 'header text must be plain_text');
        maxLength(`${path}.text`, block.text, LIMITS.headerText);
        countText(block.text);
        break;
      case 'actions': {
        const elements = asArray(block.elements);
        if (elements.length > LIMITS.actionsElements) report(`${path}.elements`, `has ${elements.length} elements, over the limit of ${LIMITS.actionsElements}`);
        elements.forEach((el, j) => checkElement(`${path}.elements[${j}]`, el));
        break;
      }
      case 'context': {
        const elements = asArray(block.elements);
        if (elements.length > LIMITS.contextElements) report(`${path}.elements`, `has ${elements.length} elements, over the limit of ${LIMITS.contextElements}`);
        elements.forEach((el, j) => {
          maxLength(`${path}.elements[${j}]`, el, LIMITS.contextText);
          countText(el);
        });
        break;
      }
      case 'input':
        maxLength(`${path}.label`, block.label, LIMITS.inputLabel);
        maxLength(`${path}.hint`, block.hint, LIMITS.inputHint);
        checkElement(`${path}.element`, block.element);
        if (kind === 'message') report(path, 'input blocks belong in modals, not messages');
        break;
    }
  });

  if (kind === 'message') {
    maxLength('text', payload.text, LIMITS.messageText);
    if (blockTextTotal > LIMITS.messageBlockText) {
      report('blocks', `hold ${blockTextTotal} characters of text, over about ${LIMITS.messageBlockText} (msg_blocks_too_long)`);
    }
  } else {
    if (payload.type !== kind) report('type', `must be "${kind}"`);
    maxLength('private_metadata', payload.private_metadata, LIMITS.privateMetadata);
    maxLength('callback_id', payload.callback_id, LIMITS.callbackId);
  }
  if (kind === 'modal') {
    if (!isObject(payload.title)) report('title', 'is required');
    maxLength('title', payload.title, LIMITS.modalTitle);
    maxLength('submit', payload.submit, LIMITS.modalButton);
    maxLength('close', payload.close, LIMITS.modalButton);
    if (blocks.some((b) => isObject(b) && b.type === 'input') && payload.submit === undefined) {
      report('submit', 'is required when the modal has an input block');
    }
  }
  return v;
}
