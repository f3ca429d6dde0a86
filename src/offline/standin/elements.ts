/**
 * Reading Block Kit the way Slack's client does: finding an interactive element by its action_id, and
 * turning what a person picked or typed into the `actions[]` entry and the `view.state.values` entry
 * Slack would send.
 */

export type Json = Record<string, unknown>;

/** What a person entered in one element: text, a chosen option's value, several values, or Slack's raw state object. */
export type FieldValue = string | string[] | Json;

export interface FoundElement {
  blockId: string;
  element: Json;
  /** The element sits in an input block (its value travels in view.state, not in an action, unless dispatch_action). */
  inInput: boolean;
  dispatchAction: boolean;
}

/** True for a JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every interactive element in `blocks`, with the block it belongs to. */
export function interactiveElements(blocks: unknown): FoundElement[] {
  const found: FoundElement[] = [];
  asArray(blocks).forEach((block, i) => {
    if (!isObject(block)) return;
    const blockId = typeof block.block_id === 'string' ? block.block_id : `standin-block-${i}`;
    const add = (el: unknown, inInput = false) => {
      if (isObject(el) && typeof el.action_id === 'string') {
        found.push({ blockId, element: el, inInput, dispatchAction: block.dispatch_action === true });
      }
    };
    if (block.type === 'actions') asArray(block.elements).forEach((el) => add(el));
    if (block.type === 'section') add(block.accessory);
    if (block.type === 'input') add(block.element, true);
  });
  return found;
}

/**
 * The element with `actionId` in `blocks` (in block `blockId` when given: an action_id may repeat across
 * blocks); throws with the action_ids that do exist when there is none.
 */
export function findElement(blocks: unknown, actionId: string, blockId?: string): FoundElement {
  const all = interactiveElements(blocks);
  const hit = all.find((f) => f.element.action_id === actionId && (blockId === undefined || f.blockId === blockId));
  if (hit === undefined) {
    const where = blockId === undefined ? '' : ` in block "${blockId}"`;
    throw new Error(`No element with action_id "${actionId}"${where}; present: ${all.map((f) => f.element.action_id).join(', ') || 'none'}`);
  }
  return hit;
}

/** The options an element offers, flattening option groups. */
export function optionsOf(element: Json): Json[] {
  const direct = asArray(element.options).filter(isObject);
  const grouped = asArray(element.option_groups).flatMap((g) => (isObject(g) ? asArray(g.options).filter(isObject) : []));
  return [...direct, ...grouped];
}

function pickOption(element: Json, value: string): Json {
  if (element.type === 'external_select' || element.type === 'multi_external_select') {
    return { text: { type: 'plain_text', text: value }, value };
  }
  const option = optionsOf(element).find((o) => o.value === value);
  if (option === undefined) {
    const values = optionsOf(element).map((o) => String(o.value));
    throw new Error(`Element "${String(element.action_id)}" has no option with value "${value}"; values: ${values.join(', ')}`);
  }
  return option;
}

/** The `view.state.values[block][action]` entry for `value` entered in `element`. */
export function stateEntry(element: Json, value: FieldValue): Json {
  const type = String(element.type);
  if (isObject(value)) return { type, ...value };
  const many = Array.isArray(value) ? value : [value];
  const one = many[0] ?? '';
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: pickOption(element, one) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: many.map((v) => pickOption(element, v)) };
    case 'users_select':
      return { type, selected_user: one };
    case 'multi_users_select':
      return { type, selected_users: many };
    case 'conversations_select':
      return { type, selected_conversation: one };
    case 'channels_select':
      return { type, selected_channel: one };
    case 'datepicker':
      return { type, selected_date: one };
    case 'timepicker':
      return { type, selected_time: one };
    default:
      return { type, value: one };
  }
}

/** The state an element starts with (its initial value, or nothing chosen), as Slack reports untouched inputs. */
export function initialStateEntry(element: Json): Json {
  const type = String(element.type);
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: element.initial_option ?? null };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: element.initial_options ?? [] };
    case 'users_select':
      return { type, selected_user: element.initial_user ?? null };
    case 'conversations_select':
      return { type, selected_conversation: element.initial_conversation ?? null };
    case 'channels_select':
      return { type, selected_channel: element.initial_channel ?? null };
    case 'datepicker':
      return { type, selected_date: element.initial_date ?? null };
    case 'timepicker':
      return { type, selected_time: element.initial_time ?? null };
    default:
      return { type, value: element.initial_value ?? null };
  }
}

/** The `actions[]` entry Slack sends when `element` is clicked or changed to `value`. */
export function actionEntry(found: FoundElement, value: FieldValue | undefined, actionTs: string): Json {
  const { element, blockId } = found;
  const base = { action_id: element.action_id, block_id: blockId, type: element.type, action_ts: actionTs };
  if (element.type === 'button') {
    return { ...base, text: element.text, value: typeof value === 'string' ? value : element.value, ...(element.style ? { style: element.style } : {}) };
  }
  if (element.type === 'overflow') {
    if (typeof value !== 'string') throw new Error('An overflow menu needs the value of the chosen option');
    return { ...base, selected_option: pickOption(element, value) };
  }
  if (value === undefined) throw new Error(`Element "${String(element.action_id)}" (${String(element.type)}) needs a value`);
  const { type: _type, ...state } = stateEntry(element, value);
  return { ...base, ...state };
}
