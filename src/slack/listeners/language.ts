/**
 * App Home's choice of the language of the bot's answers: the choice is kept (language preferences) and
 * the Home tab is published again in that language. "Automatic" forgets the choice.
 */
import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import { isLocale } from '../../i18n/locales.js';
import { ACTION } from '../blocks/action-ids.js';
import type { SlackDeps } from '../deps.js';
import type { ListenerRouter } from '../router.js';
import type { UserLanguages } from '../user-languages.js';
import { refreshHome } from './home.js';

/** Registers the language select of App Home. */
export function registerLanguageChoice(router: ListenerRouter, deps: SlackDeps, languages: UserLanguages): void {
  router.action<BlockAction<StaticSelectAction>>(ACTION.language, async ({ ack, action, body, client, logger }) => {
    await ack();
    const value = action.selected_option?.value;
    const userId = body.user.id;
    await languages.choose(userId, isLocale(value) ? value : undefined);
    await refreshHome(client, deps, userId, await languages.of(client, userId), logger);
  });
}
