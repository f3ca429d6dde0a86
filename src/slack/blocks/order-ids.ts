/**
 * The action_ids, block_ids and callback_ids of the order dialog and the order messages, in one place, so
 * the builders, the listeners and the code reading a view's state agree on them. (The button that starts
 * an order is ACTION.orderStart in ./action-ids.ts.)
 */
import type { OrderStep } from '../order-draft.js';

export const ORDER_ACTION = {
  /** The searchable select that adds a publication (external_select, options from the app). */
  addPublication: 'order_add_publication',
  /** Removes a line from the draft. Value: the line's key. */
  removeLine: 'order_remove_line',
  /** Quantity input of a line. */
  quantity: 'quantity',
  /** Language edition select of a line. */
  language: 'language',
  /** Goes back one step of the dialog. */
  back: 'order_back',
  /** Prefix of the status buttons' action_ids (`order_set_status_processing`, …). Value: `<reference> <status>`. */
  setStatus: 'order_set_status',
  /** Shows an order's delivery and contact details to an admin. Value: the reference. */
  showDelivery: 'order_show_delivery',
  /** The link button that opens the prepared e-mail (Slack still sends an action, which is acknowledged). */
  emailForm: 'order_email_form',
  /** The reason input of the cancel modal. */
  reason: 'reason',
} as const;

export const ORDER_CALLBACK = {
  /** Prefix of the dialog's step views: `order_step_items`, `order_step_delivery`, … */
  stepPrefix: 'order_step_',
  /** The confirmation shown once the order is stored. */
  done: 'order_done',
  /** The modal asking why an order is cancelled. */
  cancel: 'order_cancel',
} as const;

/** The callback_id of a dialog step's view. */
export function stepCallbackId(step: OrderStep): string {
  return `${ORDER_CALLBACK.stepPrefix}${step}`;
}

/** block_ids; line blocks carry the line's key so that typed values stay with their line when lines are removed. */
export const ORDER_BLOCK = {
  /** The add-a-publication input; its id changes with each line added, so the select starts empty again. */
  add: (nextKey: number) => `order_add_${nextKey}`,
  line: (key: number) => `order_line_${key}`,
  quantity: (key: number) => `order_qty_${key}`,
  language: (key: number) => `order_lang_${key}`,
  /** Delivery and payment inputs: `order_name`, `order_country`, `order_currency`, … */
  field: (field: string) => `order_${field}`,
  nav: 'order_nav',
  reason: 'order_reason',
} as const;
