/** Which recorded publication page to point a reader to, and in which site language that page is. */
import { languageByCode } from './languages.js';
import { needsReview } from './review.js';
import type { Publication } from './schema.js';

/** The publications site's search page, where a reader finds a PDF whose link is not recorded. */
export const PUBLICATIONS_SEARCH_URL = 'https://publications.iom.int/search';

/** A recorded publication page. */
export interface PublicationPage {
  url: string;
  /** The site language of the page when it is another than the edition it is recorded for (an English title's `/es/` page). */
  otherLanguage?: string;
  /** True when an import doubted this address (e.g. another site language's page recorded for the edition). */
  toConfirm?: true;
}

/** The site language a page's path starts with (`https://publications.iom.int/es/books/…` → 'es'); undefined when none. */
export function siteLanguage(url: string): string | undefined {
  const code = /^https?:\/\/[^/]+\/([a-z]{2})(?:[/?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return code !== undefined && languageByCode(code) ? code : undefined;
}

/** The page recorded for the `edition` of a title, with its other site language if it has one; undefined when none is recorded. */
export function editionPage(p: Publication, edition: string): PublicationPage | undefined {
  const url = p.urls[edition];
  if (!url) return undefined;
  const site = siteLanguage(url);
  return {
    url,
    ...(site !== undefined && site !== edition ? { otherLanguage: site } : {}),
    ...(needsReview(p, 'urls', edition) ? { toConfirm: true as const } : {}),
  };
}

/**
 * The publication page to link: the first of the `wanted` languages that has one recorded, else English,
 * else the first edition that has one (addresses exist only for a title's editions); undefined when none is recorded.
 */
export function publicationPage(p: Publication, wanted: readonly string[] = []): PublicationPage | undefined {
  for (const lang of [...wanted, 'en', ...p.languages]) {
    const page = editionPage(p, lang);
    if (page) return page;
  }
  return undefined;
}
