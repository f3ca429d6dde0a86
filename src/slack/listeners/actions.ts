/**
 * Buttons: Details opens a modal, Share in channel posts the result for everyone, More results / More
 * titles / a "did you mean" suggestion show the next page. Whatever Slack refuses is told to the user.
 * (`order_start` belongs to the order dialog: ./order-dialog.ts.)
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Translator } from '../../i18n/translator.js';
import { ACTION } from '../blocks/action-ids.js';
import { detailsModal } from '../blocks/details.js';
import type { SlackMessage } from '../blocks/kit.js';
import { decodePage } from '../blocks/paging.js';
import { readPublicationValue } from '../blocks/publication.js';
import { sharedMessage } from '../blocks/share.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import { translatorFor } from '../user-languages.js';
import { catalogueAccess } from './admin-commands.js';
import { canShareIn, listPage, requestLanguage, searchPage } from './answers.js';
import { slackErrorCode, tellClicker } from './reply.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Slack errors that mean the bot is not a member of the conversation it was asked to post in. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** Registers the button listeners. */
export function registerActions(router: ListenerRouter, deps: SlackDeps): void {
  router.action<BlockAction<ButtonAction>>(ACTION.details, async (args) => {
    await args.ack();
    const { id, locale } = readPublicationValue(args.action.value);
    const t = translatorFor(args.context, locale);
    const publication = deps.engine.get(id);
    if (!publication) return tellClicker(args, t('common.titleGone'));
    try {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: detailsModal(publication, { editable: canEdit(deps, args.body.user.id) }, t) });
    } catch (error) {
      await tellClicker(args, t('actions.detailsFailed', { code: slackErrorCode(error) }));
    }
  });

  router.action<BlockAction<ButtonAction>>(ACTION.share, async (args) => {
    await args.ack();
    const { id, locale } = readPublicationValue(args.action.value);
    const t = translatorFor(args.context, locale);
    const publication = deps.engine.get(id);
    if (!publication) return tellClicker(args, t('common.titleGone'));
    const channel = args.body.channel?.id;
    if (channel === undefined) return tellClicker(args, t('actions.noChannel'));
    try {
      await args.client.chat.postMessage({ channel, ...sharedMessage(publication, args.body.user.id, t) });
    } catch (error) {
      const code = slackErrorCode(error);
      await tellClicker(args, NOT_A_MEMBER.has(code) ? t('actions.notAMember') : t('actions.shareFailed', { code }));
    }
  });

  const searchPaging = new RegExp(`^(?:${ACTION.searchMore}|${ACTION.searchSuggestionPrefix}\\d+)$`);
  router.action<BlockAction<ButtonAction>>(searchPaging, async (args) => {
    await args.ack();
    await showPage(args, (query, offset, share, t) => searchPage(deps.engine, query, offset, share, t));
  });

  router.action<BlockAction<ButtonAction>>(ACTION.listMore, async (args) => {
    await args.ack();
    await showPage(args, (filter, offset, share, t) => listPage(deps.engine, filter, offset, share, t));
  });
}

/** Whether `userId` gets the Edit entry button: a catalogue admin, where the catalogue can be changed from Slack. */
function canEdit(deps: SlackDeps, userId: string): boolean {
  return catalogueAccess(deps, userId).ok;
}

/**
 * Shows the page a paging button asks for: in place of an ephemeral answer (slash command), or as a new
 * message below a visible one (a thread answer to a mention, a DM).
 */
async function showPage(args: ButtonArgs, build: (query: string, offset: number, share: boolean, t: Translator) => SlackMessage): Promise<void> {
  const page = decodePage(args.action.value);
  if (!page) return tellClicker(args, translatorFor(args.context)('common.staleButton'));
  const t = translatorFor(args.context, requestLanguage(page.query));
  const channel = args.body.channel?.id;
  const message = build(page.query, page.offset, canShareIn(channel), t);
  const source = args.body.message;
  if (args.body.container.is_ephemeral === true || channel === undefined || source === undefined) {
    await args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
    return;
  }
  const thread = typeof source.thread_ts === 'string' ? { thread_ts: source.thread_ts } : {};
  try {
    await args.client.chat.postMessage({ channel, ...thread, ...message });
  } catch (error) {
    await tellClicker(args, t('actions.moreFailed', { code: slackErrorCode(error) }));
  }
}
