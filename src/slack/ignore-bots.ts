/**
 * The bot answers people only: the app's global middleware (../app.ts) keeps message and mention events
 * written by any bot (this one included), edits, deletions and other message subtypes (joins, topic
 * changes…) from every listener. Bolt's own ignoreSelf covers only this bot; this covers the rest.
 *
 * What stays with the event listeners: telling a DM (`channel_type: "im"`) from a channel message, and
 * answering mentions in a thread.
 */

/** Message subtypes that are still a person writing to the bot. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

export interface MessageLikeEvent {
  type?: string;
  subtype?: string;
  bot_id?: string;
  bot_profile?: unknown;
  edited?: unknown;
}

/** True for message/app_mention events that are not a person's new message. */
export function isIgnorableEvent(event: MessageLikeEvent | undefined): boolean {
  if (event === undefined || (event.type !== 'message' && event.type !== 'app_mention')) return false;
  if (event.bot_id !== undefined || event.bot_profile !== undefined) return true;
  if (event.edited !== undefined) return true;
  return event.subtype !== undefined && !PERSON_SUBTYPES.has(event.subtype);
}
