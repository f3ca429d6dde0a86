/**
 * The Details modal: the whole summary with its lists, every language edition with its link (or "no link
 * recorded"), ISBN and E-ISBN, pages and year. Long texts are split over several sections.
 */
import type { types } from '@slack/bolt';
import { languageName } from '../../catalogue/languages.js';
import type { Publication } from '../../catalogue/schema.js';
import { escapeMrkdwn, LIMITS } from '../mrkdwn.js';
import { CALLBACK } from './action-ids.js';
import { divider, fieldsSection, header, packLines, plainText, section, type Block } from './kit.js';
import { mrkdwnLink } from './publication.js';

/** The details modal for views.open. */
export function detailsModal(p: Publication): types.ModalView {
  const blocks: Block[] = [header(p.title)];
  if (p.title.length > LIMITS.headerText) blocks.push(...packLines([`*${escapeMrkdwn(p.title)}*`], LIMITS.sectionText).map((t) => section(t)));
  blocks.push(
    fieldsSection([
      `*Year*\n${p.year}`,
      `*Pages*\n${p.pages}`,
      `*ISBN*\n${p.isbn ?? 'none recorded'}`,
      `*E-ISBN*\n${p.eisbn ?? 'none recorded'}`,
      `*PDF*\n${p.pdf ? 'available for download' : 'not available'}`,
      `*Summary language*\n${languageName(p.summaryLanguage)}`,
    ]),
  );
  const editions = p.languages.map((lang) => {
    const url = p.urls[lang];
    return `• *${languageName(lang)}*: ${url ? mrkdwnLink(url, 'publication page') : 'no link recorded'}`;
  });
  blocks.push(divider(), ...packLines([`*Language editions*`, ...editions], LIMITS.sectionText).map((t) => section(t)));

  const summary = p.summary.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [b.items.map((i) => `• ${i}`).join('\n')]));
  blocks.push(divider());
  const summarySections = summary.length === 0 ? ['*Summary*\nNo summary recorded.'] : packParagraphs(['*Summary*', ...summary.map(escapeMrkdwn)]);
  const room = LIMITS.blocksPerView - blocks.length;
  if (summarySections.length > room) {
    blocks.push(...summarySections.slice(0, room - 1).map((t) => section(t)), section('_The summary continues on the publication page._'));
  } else {
    blocks.push(...summarySections.map((t) => section(t)));
  }
  return {
    type: 'modal',
    callback_id: CALLBACK.detailsModal,
    title: plainText('Publication details', LIMITS.modalTitle),
    close: plainText('Close', LIMITS.modalButton),
    blocks,
  };
}

/** Paragraphs kept apart by a blank line, packed into section-sized texts. */
function packParagraphs(paragraphs: readonly string[]): string[] {
  return packLines(paragraphs.flatMap((p, i) => (i === 0 ? [p] : ['', ...p.split('\n')])), LIMITS.sectionText).map((t) => t.trim());
}
