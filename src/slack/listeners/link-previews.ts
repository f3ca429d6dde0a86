/**
 * Link previews: when someone posts a link to a publication page (`link_shared`, sent for the manifest's
 * unfurl domains), the links the current catalogue records are unfurled as the title's card (chat.unfurl),
 * in the language of the person who posted them. Links it does not know are left to Slack; when none is
 * known, chat.unfurl is not called at all.
 */
import { linkPreviews } from '../blocks/link-preview.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import { translatorFor } from '../user-languages.js';
import { slackErrorCode } from './reply.js';

/** Which message's links chat.unfurl previews. */
type UnfurlTarget = { unfurl_id: string; source: 'composer' | 'conversations_history' } | { channel: string; ts: string };

/** Registers `link_shared`. */
export function registerLinkPreviews(router: ListenerRouter, deps: SlackDeps): void {
  router.event('link_shared', async ({ event, client, context, logger }) => {
    const unfurls = linkPreviews(event.links.map((l) => l.url), deps.engine.publications, translatorFor(context));
    if (Object.keys(unfurls).length === 0) return;
    // unfurl_id and source name links in the composer as well as in posted messages; older events carry only channel and ts.
    const { unfurl_id, source } = event;
    const target: UnfurlTarget =
      unfurl_id !== undefined && (source === 'composer' || source === 'conversations_history') ? { unfurl_id, source } : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...target, unfurls });
    } catch (error) {
      // The message stands without its preview; nothing for the person to do about it.
      logger.warn(`Could not unfurl ${Object.keys(unfurls).length} link(s) to publication pages: ${slackErrorCode(error)}`);
    }
  });
}
