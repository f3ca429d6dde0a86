/**
 * The Details modal: the whole summary with its lists, every language edition with its link (or "no link
 * recorded"), ISBN and E-ISBN, pages and year, the PDF's link or, where none is recorded, where to look for it
 * and the Order print copy button, the print prices where recorded, and for a catalogue admin the Edit entry
 * button. Long texts are split over several sections.
 */
import type { types } from '@slack/bolt';
import { editionPage, publicationPage } from '../../catalogue/links.js';
import type { Publication } from '../../catalogue/schema.js';
import { capitalise, type Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, LIMITS } from '../mrkdwn.js';
import { CALLBACK } from './action-ids.js';
import { editEntryButton } from './edit-entry.js';
import { actions, divider, fieldsSection, header, packLines, plainText, section, type Block } from './kit.js';
import { editionName, factText, mrkdwnLink, orderCopyButton, pageLanguageNote, pdfWithoutLinkHint, pricesText } from './publication.js';

/**
 * The details modal for views.open; the reader's edition comes first. `editable`: the reader is a catalogue
 * admin who may change the catalogue, and gets the Edit entry button.
 */
export function detailsModal(p: Publication, { editable }: { editable: boolean }, t: Translator): types.ModalView {
  const blocks: Block[] = [header(p.title)];
  if (p.title.length > LIMITS.headerText) blocks.push(...packLines([`*${escapeMrkdwn(p.title)}*`], LIMITS.sectionText).map((text) => section(text)));
  const none = t('details.noneRecorded');
  const prices = pricesText(p, t);
  blocks.push(
    fieldsSection([
      `*${t('details.year')}*\n${p.year}`,
      `*${t('details.pages')}*\n${factText(p, 'pages', t.number(p.pages), t)}`,
      `*ISBN*\n${p.isbn === null ? none : factText(p, 'isbn', p.isbn, t)}`,
      `*E-ISBN*\n${p.eisbn === null ? none : factText(p, 'eisbn', p.eisbn, t)}`,
      `*${t('details.pdf')}*\n${pdfText(p, t)}`,
      `*${t('details.summaryLanguage')}*\n${capitalise(t.language(p.summaryLanguage), t.locale)}`,
      ...(prices === undefined ? [] : [`*${t('details.prices')}*\n${prices}`]),
    ]),
  );
  const pdfHint = pdfWithoutLinkHint(p, t);
  if (pdfHint !== undefined) blocks.push(section(pdfHint, orderCopyButton(p, t)));
  if (editable) blocks.push(actions([editEntryButton(p, t)]));
  const languages = [...p.languages.filter((l) => l === t.locale), ...p.languages.filter((l) => l !== t.locale)];
  const editions = languages.map((lang) => {
    const page = editionPage(p, lang);
    const link = page ? mrkdwnLink(page.url, t('details.publicationPage')) + pageLanguageNote(page, t) : t('publication.noLink');
    return t('details.edition', { language: capitalise(editionName(p, lang, t), t.locale), link });
  });
  if (!p.languages.includes(t.locale)) editions.push(`_${capitalise(t('publication.noEdition', { language: t.language(t.locale) }), t.locale)}_`);
  blocks.push(divider(), ...packLines([`*${t('details.editions')}*`, ...editions], LIMITS.sectionText).map((text) => section(text)));

  const summary = p.summary.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [b.items.map((i) => `• ${i}`).join('\n')]));
  blocks.push(divider());
  const summarySections =
    summary.length === 0 ? [`*${t('details.summary')}*\n${t('details.noSummary')}`] : packParagraphs([`*${t('details.summary')}*`, ...summary.map(escapeMrkdwn)]);
  const room = LIMITS.blocksPerView - blocks.length;
  if (summarySections.length > room) {
    blocks.push(...summarySections.slice(0, room - 1).map((text) => section(text)), section(t('details.summaryContinues')));
  } else {
    blocks.push(...summarySections.map((text) => section(text)));
  }
  return {
    type: 'modal',
    callback_id: CALLBACK.detailsModal,
    title: plainText(t('modal.details'), LIMITS.modalTitle),
    close: plainText(t('modal.close'), LIMITS.modalButton),
    blocks,
  };
}

/** The PDF field: "available for download" linked to the reader's page, "no link recorded" (the hint follows) or "not available". */
function pdfText(p: Publication, t: Translator): string {
  if (!p.pdf) return t('details.pdfMissing');
  const page = publicationPage(p, [t.locale]);
  return page ? mrkdwnLink(page.url, t('details.pdfAvailable')) + pageLanguageNote(page, t) : t('publication.noLink');
}

/** Paragraphs kept apart by a blank line, packed into section-sized texts. */
function packParagraphs(paragraphs: readonly string[]): string[] {
  return packLines(paragraphs.flatMap((p, i) => (i === 0 ? [p] : ['', ...p.split('\n')])), LIMITS.sectionText).map((t) => t.trim());
}
