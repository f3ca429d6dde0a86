/**
 * Events: an @mention is answered in a thread, a direct message in the DM — each read as what its words ask
 * for (./answers.ts), a file shared in the DM as a listing page to import (./catalogue-import.ts) — and
 * opening App Home publishes the Home view with the user's recent orders. Bots, edits and Slack retries are
 * filtered by the app's global middleware (see ../app.ts).
 */
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import { translatorFor, userLanguageOf } from '../user-languages.js';
import { canShareIn, conversationAnswer, conversationLanguage, readConversation } from './answers.js';
import { receiveListingUpload, sharedFileIds } from './catalogue-import.js';
import { homeViewFor } from './home.js';

/** The text of a mention without the mention of the bot itself. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (botUserId === undefined) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Registers app_mention, message.im and app_home_opened. Mentions are answered in a thread, and what is for
 * the asker alone (their orders, what they want to order) ephemerally there; DMs in the DM.
 */
export function registerEvents(router: ListenerRouter, deps: SlackDeps): void {
  router.event('app_mention', async ({ event, client, context }) => {
    if (event.user === undefined) return;
    const text = stripBotMention(event.text, context.botUserId);
    const request = readConversation(text);
    const t = translatorFor(context, conversationLanguage(text, request));
    const { message, personal } = await conversationAnswer(deps, request, { userId: event.user, share: canShareIn(event.channel) }, t);
    const thread_ts = event.thread_ts ?? event.ts;
    if (personal) await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts, ...message });
    else await client.chat.postMessage({ channel: event.channel, thread_ts, ...message });
  });

  router.event('message', async ({ event, client, context, logger }) => {
    if (event.channel_type !== 'im' || !('user' in event) || typeof event.user !== 'string') return;
    const fileIds = sharedFileIds(event);
    if (fileIds.length > 0) {
      return receiveListingUpload(deps, { userId: event.user, channel: event.channel, fileIds, client, logger, t: translatorFor(context) });
    }
    if (!('text' in event) || typeof event.text !== 'string') return;
    const text = stripBotMention(event.text, context.botUserId);
    const request = readConversation(text);
    // An order request is answered with a button that opens the dialog filled in: a DM has no trigger_id to open it at once.
    const { message } = await conversationAnswer(deps, request, { userId: event.user, share: false }, translatorFor(context, conversationLanguage(text, request)));
    const thread = 'thread_ts' in event && typeof event.thread_ts === 'string' ? { thread_ts: event.thread_ts } : {};
    await client.chat.postMessage({ channel: event.channel, ...thread, ...message });
  });

  router.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: await homeViewFor(deps, event.user, userLanguageOf(context)) });
  });
}
