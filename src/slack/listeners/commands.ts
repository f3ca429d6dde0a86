/**
 * The `/handbooks` slash command. `help`, `list …`, searches and what the words ask for ("thanks", "where is
 * my order?") are answered here, ephemerally, in the acknowledgement; `order …` and an order request in
 * words ("can I order 5 copies of …") open the order dialog (./order-dialog.ts) and `orders` goes to the
 * order subcommands (./order-commands.ts) and `admin` to the catalogue admins' subcommands (./admin-commands.ts),
 * each acknowledged at once and answered through response_url.
 */
import type { AllMiddlewareArgs, RespondFn } from '@slack/bolt';
import { readOrderWords } from '../../conversation/order-request.js';
import type { Translator } from '../../i18n/translator.js';
import type { SlackMessage } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlainText } from '../plain-text.js';
import type { ListenerRouter } from '../router.js';
import { translatorFor } from '../user-languages.js';
import { canShareIn, conversationAnswer, conversationLanguage, parseRequest, readConversation, requestLanguage } from './answers.js';
import { runAdminCommand } from './admin-commands.js';
import { listOwnOrders } from './order-commands.js';
import { startOrderFromCommand } from './order-dialog.js';

export const COMMAND = '/handbooks';

/** What the order and admin entry points get from a `/handbooks order|orders|admin` command. */
export interface OrderCommandContext {
  /** Text after the subcommand, as typed. */
  rest: string;
  userId: string;
  channelId: string;
  /** Opens a modal (views.open) within 3 s of the command. */
  triggerId: string;
  respond: RespondFn;
  client: AllMiddlewareArgs['client'];
  logger: AllMiddlewareArgs['logger'];
  deps: SlackDeps;
  /** The language of the answer: the person's, or the one the command was typed in. */
  t: Translator;
}

/** Registers `/handbooks`. */
export function registerCommands(router: ListenerRouter, deps: SlackDeps): void {
  router.command(COMMAND, async ({ command, ack, respond, client, logger, context }) => {
    const request = parseRequest(command.text);
    const orderContext = (rest: string, t: Translator): OrderCommandContext => ({
      rest,
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      respond,
      client,
      logger,
      deps,
      t,
    });
    if (request.kind === 'order' || request.kind === 'orders' || request.kind === 'admin') {
      await ack();
      const ctx = orderContext(request.rest, translatorFor(context, requestLanguage(command.text)));
      if (request.kind === 'admin') await runAdminCommand(ctx);
      else await (request.kind === 'order' ? startOrderFromCommand(ctx, readOrderWords(slackToPlainText(request.rest))) : listOwnOrders(ctx));
      return;
    }
    // Help, list, searches and what the words ask for are answered in the acknowledgement itself (Slack's
    // immediate response): the answer is ready in about a millisecond, and reaches the person without a
    // second request through response_url. Should building it fail, the command is still acknowledged and
    // the error handler tells the person through response_url. An order request in words opens the order
    // dialog at once, as `/handbooks order …` does: a command has the trigger_id a DM lacks.
    let answer: SlackMessage;
    try {
      const conversation = readConversation(command.text);
      const t = translatorFor(context, conversationLanguage(command.text, conversation));
      if (conversation.kind === 'order') {
        await ack();
        await startOrderFromCommand(orderContext(command.text, t), conversation.request);
        return;
      }
      answer = (await conversationAnswer(deps, conversation, { userId: command.user_id, share: canShareIn(command.channel_id) }, t)).message;
    } catch (error) {
      await ack();
      throw error;
    }
    await ack({ response_type: 'ephemeral', ...answer });
  });
}
