/**
 * Link previews: a link to a title's page that the catalogue records unfurls as the title's card — its title,
 * year · pages · languages (each fact an import doubted marked "to be confirmed"), which edition's page the
 * link is, and the buttons **Order print copy** and **Details**. Links the catalogue does not know get no card.
 */
import { editionPage } from '../../catalogue/links.js';
import { findPublicationPage, type PageTarget } from '../../catalogue/page-lookup.js';
import { needsReview } from '../../catalogue/review.js';
import type { Publication } from '../../catalogue/schema.js';
import type { Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { encodeOrderStart } from './order-start.js';
import { detailsButton, editionName, metaLine, pageLanguageNote, TITLE_MAX } from './publication.js';

/** One link's preview, as chat.unfurl takes it. */
export interface LinkPreview {
  blocks: Block[];
}

/** The card of the title whose page `target` is. */
export function linkPreview({ publication: p, edition }: PageTarget, t: Translator): LinkPreview {
  const page = editionPage(p, edition);
  const certain = page !== undefined && page.otherLanguage === undefined && !page.toConfirm && !needsReview(p, 'languages', edition);
  const blocks: Block[] = [section(`*${escapeMrkdwn(truncate(p.title, TITLE_MAX))}*\n${metaLine(p, t)}`)];
  // Which edition the page is matters only where there is a choice, or where the page itself is in doubt.
  if (p.languages.length > 1 || !certain) {
    blocks.push(context(t('linkPreview.edition', { language: editionName(p, edition, t) }) + (page ? pageLanguageNote(page, t) : '')));
  }
  blocks.push(actions([orderButton(p, certain ? edition : undefined, t), detailsButton(p, t)]));
  return { blocks };
}

/** Order print copy, opening the order dialog with the title and, when the page is surely that edition's, the edition chosen. */
function orderButton(p: Publication, edition: string | undefined, t: Translator) {
  const value = encodeOrderStart({ locale: t.locale, publicationId: p.id, ...(edition !== undefined ? { language: edition } : {}) });
  return button({ text: t('button.orderCopy'), actionId: ACTION.orderStart, value, style: 'primary' });
}

/**
 * The previews for the links of one message, keyed by each link exactly as posted, for the links to pages
 * the catalogue (`publications`, the current one) records; links it does not know are left out.
 */
export function linkPreviews(links: readonly string[], publications: readonly Publication[], t: Translator): Record<string, LinkPreview> {
  const previews: Record<string, LinkPreview> = {};
  for (const link of links) {
    const target = findPublicationPage(publications, link);
    if (target) previews[link] = linkPreview(target, t);
  }
  return previews;
}
