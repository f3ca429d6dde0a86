/** A result shared in a channel for everyone, saying who shared it. */
import type { Publication } from '../../catalogue/schema.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';
import { actions, context, section, type SlackMessage } from './kit.js';
import { metaLine, publicationButtons, shortSummary, titleLine, TITLE_MAX } from './publication.js';

/** The shared message; `sharerId` is the Slack user id from the click's payload, shown as a mention. */
export function sharedMessage(p: Publication, sharerId: string): SlackMessage {
  const summary = shortSummary(p);
  const lines = [titleLine(p), metaLine(p)];
  if (summary) lines.push(escapeMrkdwn(summary));
  const sharer = `<@${escapeMrkdwn(sharerId)}>`;
  return {
    text: `${sharer} shared “${escapeMrkdwn(truncate(p.title, TITLE_MAX))}”`,
    blocks: [section(lines.join('\n')), context(`Shared by ${sharer}`), actions(publicationButtons(p, { share: false }))],
  };
}
