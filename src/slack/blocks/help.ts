/** `/handbooks help`: how to ask, the filters, examples, what can be said in words and the subcommands. */
import type { Translator } from '../../i18n/translator.js';
import { context, header, section, type SlackMessage } from './kit.js';

/** Questions that show what the bot understands, in the reader's language; used by help, App Home and "nothing found". */
export function exampleQueries(t: Translator): string[] {
  return [t('examples.training'), t('examples.psychosocial'), t('examples.recent'), t('examples.all')];
}

/** The help message. */
export function helpMessage(t: Translator): SlackMessage {
  return {
    text: t('help.notification'),
    blocks: [
      header(t('help.header')),
      section(t('help.howToAsk')),
      section(t('help.filters')),
      section(`${t('help.examples')}\n${exampleQueries(t).map((q) => `• \`/handbooks ${q}\``).join('\n')}`),
      section(t('help.sayIt')),
      section(t('help.commands')),
      context(t('help.language')),
    ],
  };
}
