/**
 * Buttons: Details opens a modal, Share in channel posts the result for everyone, More results / More
 * titles / a "did you mean" suggestion show the next page. Whatever Slack refuses is told to the user.
 * (`order_start` belongs to the order dialog: ./order-dialog.ts.)
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION } from '../blocks/action-ids.js';
import { detailsModal } from '../blocks/details.js';
import type { SlackMessage } from '../blocks/kit.js';
import { decodePage } from '../blocks/paging.js';
import { sharedMessage } from '../blocks/share.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import { canShareIn, listPage, searchPage } from './answers.js';
import { slackErrorCode, tellClicker, TITLE_GONE } from './reply.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Slack errors that mean the bot is not a member of the conversation it was asked to post in. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

const NOT_A_MEMBER_HELP =
  "I can't post in this conversation because I'm not a member of it. Invite me with `/invite @handbooks`, " +
  'then click *Share in channel* again. (In a direct or group message between people I cannot post at all.)';

const STALE_BUTTON = 'This button no longer works. Please ask again.';

/** Registers the button listeners. */
export function registerActions(router: ListenerRouter, deps: SlackDeps): void {
  router.action<BlockAction<ButtonAction>>(ACTION.details, async (args) => {
    await args.ack();
    const publication = deps.engine.get(args.action.value ?? '');
    if (!publication) return tellClicker(args, TITLE_GONE);
    try {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: detailsModal(publication) });
    } catch (error) {
      await tellClicker(args, `I couldn't open the details: Slack answered "${slackErrorCode(error)}". Please click *Details* again.`);
    }
  });

  router.action<BlockAction<ButtonAction>>(ACTION.share, async (args) => {
    await args.ack();
    const publication = deps.engine.get(args.action.value ?? '');
    if (!publication) return tellClicker(args, TITLE_GONE);
    const channel = args.body.channel?.id;
    if (channel === undefined) return tellClicker(args, 'There is no channel to share this in. Use *Share in channel* under a result in a channel.');
    try {
      await args.client.chat.postMessage({ channel, ...sharedMessage(publication, args.body.user.id) });
    } catch (error) {
      const code = slackErrorCode(error);
      await tellClicker(args, NOT_A_MEMBER.has(code) ? NOT_A_MEMBER_HELP : `I couldn't share it: Slack answered "${code}". Please try again in a moment.`);
    }
  });

  const searchPaging = new RegExp(`^(?:${ACTION.searchMore}|${ACTION.searchSuggestionPrefix}\\d+)$`);
  router.action<BlockAction<ButtonAction>>(searchPaging, async (args) => {
    await args.ack();
    await showPage(args, (query, offset, share) => searchPage(deps.engine, query, offset, share));
  });

  router.action<BlockAction<ButtonAction>>(ACTION.listMore, async (args) => {
    await args.ack();
    await showPage(args, (filter, offset, share) => listPage(deps.engine, filter, offset, share));
  });
}

/**
 * Shows the page a paging button asks for: in place of an ephemeral answer (slash command), or as a new
 * message below a visible one (a thread answer to a mention, a DM).
 */
async function showPage(args: ButtonArgs, build: (query: string, offset: number, share: boolean) => SlackMessage): Promise<void> {
  const page = decodePage(args.action.value);
  if (!page) return tellClicker(args, STALE_BUTTON);
  const channel = args.body.channel?.id;
  const message = build(page.query, page.offset, canShareIn(channel));
  const source = args.body.message;
  if (args.body.container.is_ephemeral === true || channel === undefined || source === undefined) {
    await args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
    return;
  }
  const thread = typeof source.thread_ts === 'string' ? { thread_ts: source.thread_ts } : {};
  try {
    await args.client.chat.postMessage({ channel, ...thread, ...message });
  } catch (error) {
    await tellClicker(args, `I couldn't show more: Slack answered "${slackErrorCode(error)}". Please try again in a moment.`);
  }
}
