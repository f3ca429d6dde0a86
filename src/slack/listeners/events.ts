/**
 * Events: an @mention is answered in a thread, a direct message in the DM (one asking to order gets a
 * button that opens the order dialog), and opening App Home publishes the Home view with the user's
 * recent orders. Bots, edits and Slack retries are filtered by the app's global middleware (see ../app.ts).
 */
import { orderPromptMessage } from '../blocks/order-messages.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import { asksToOrder } from '../order-intent.js';
import { answerText, canShareIn, parseRequest, type TextRequest } from './answers.js';
import { homeViewFor } from './home.js';

/** The text of a mention without the mention of the bot itself. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (botUserId === undefined) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** In mentions and DMs only help, list and searches are understood; `order…` words are searched. */
function conversationRequest(text: string): Exclude<TextRequest, { kind: 'order' | 'orders' }> {
  const request = parseRequest(text);
  return request.kind === 'order' || request.kind === 'orders' ? { kind: 'search', query: text.trim() } : request;
}

/** Registers app_mention, message.im and app_home_opened. */
export function registerEvents(router: ListenerRouter, deps: SlackDeps): void {
  router.event('app_mention', async ({ event, client, context }) => {
    const text = stripBotMention(event.text, context.botUserId);
    const answer = answerText(deps.engine, conversationRequest(text), canShareIn(event.channel), deps.onSearch);
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...answer });
  });

  router.event('message', async ({ event, client, context }) => {
    if (event.channel_type !== 'im' || !('text' in event) || typeof event.text !== 'string') return;
    const text = stripBotMention(event.text, context.botUserId);
    // A dialog needs a click to open, so a request to order is answered with a button that opens it.
    const answer = asksToOrder(text) ? orderPromptMessage() : answerText(deps.engine, conversationRequest(text), false, deps.onSearch);
    const thread = 'thread_ts' in event && typeof event.thread_ts === 'string' ? { thread_ts: event.thread_ts } : {};
    await client.chat.postMessage({ channel: event.channel, ...thread, ...answer });
  });

  router.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: await homeViewFor(deps, event.user) });
  });
}
