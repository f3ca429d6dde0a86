/** A result shared in a channel for everyone, saying who shared it. */
import type { Publication } from '../../catalogue/schema.js';
import type { Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';
import { actions, context, section, type SlackMessage } from './kit.js';
import { metaLine, publicationButtons, shortSummary, summaryLanguageNote, titleLine, TITLE_MAX } from './publication.js';

/** The shared message; `sharerId` is the Slack user id from the click's payload, shown as a mention. */
export function sharedMessage(p: Publication, sharerId: string, t: Translator): SlackMessage {
  const summary = shortSummary(p);
  const lines = [titleLine(p, [], t), metaLine(p, t)];
  if (summary) lines.push(summaryLanguageNote(p, t) + escapeMrkdwn(summary));
  const sharer = `<@${escapeMrkdwn(sharerId)}>`;
  return {
    text: t('share.notification', { sharer, title: escapeMrkdwn(truncate(p.title, TITLE_MAX)) }),
    blocks: [section(lines.join('\n')), context(t('share.by', { sharer })), actions(publicationButtons(p, { share: false }, t))],
  };
}
