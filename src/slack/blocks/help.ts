/** `/handbooks help`: how to ask, the filters, examples, what can be said in words and the subcommands. */
import { header, section, type SlackMessage } from './kit.js';

/** Questions that show what the bot understands; used by help, App Home and "nothing found". */
export const EXAMPLE_QUERIES: readonly string[] = [
  'trafficking in persons training',
  'psychosocial support in Spanish',
  'GBV since 2019',
  'all titles in French',
];

/** How to reach the bot, as one mrkdwn paragraph (also on App Home). */
export const HOW_TO_ASK =
  'Ask in plain words what you are looking for: type `/handbooks` and your question, mention me in a channel ' +
  '(I answer in a thread) or send me a direct message.';

/** The help message. */
export function helpMessage(): SlackMessage {
  return {
    text: 'How to search the handbooks and manuals',
    blocks: [
      header('Handbooks and manuals: how to ask'),
      section(HOW_TO_ASK),
      section(
        '*Filters* (write them in your question)\n' +
          '• a language edition: _in French_, _in Spanish_, _en español_\n' +
          '• a year or a range: _from 2019_, _since 2018_, _before 2015_, _2018–2020_\n' +
          '• the newest first: _latest_, _most recent_; a title by its ISBN: _978-92-9068-811-2_\n' +
          'Misspelled words are corrected and acronyms such as GBV are expanded; the answer says how your question was read.',
      ),
      section(`*Examples*\n${EXAMPLE_QUERIES.map((q) => `• \`/handbooks ${q}\``).join('\n')}`),
      section(
        '*Just say it* (in English, French or Spanish; in a message to me, a mention or after `/handbooks`)\n' +
          '• _where is my order?_ or _status of PUB-2026-000123_: your orders and their status\n' +
          '• _how do I order?_: the steps and the order form\n' +
          '• _order 5 copies of the Reintegration Handbook in Arabic_: the order form with that title, the copies and the edition filled in\n' +
          '• _hello_, _thanks_: I answer those too',
      ),
      section(
        '*Commands*\n' +
          '• `/handbooks help`: this help\n' +
          '• `/handbooks list`: every title, newest first; `/handbooks list spanish` or `/handbooks list 2019` narrows it\n' +
          '• `/handbooks order [title]`: order printed copies (of that title)\n' +
          '• `/handbooks orders`: your orders and their status\n' +
          'Anything else after `/handbooks` is searched.',
      ),
    ],
  };
}
