/**
 * From a link to the publication page it is: which title of the catalogue, and which of its language
 * editions, a posted address points to. Addresses are compared as people vary them when they copy a link:
 * `http` or `https`, with or without `www.`, the host in any case, with or without a trailing slash, and
 * whatever query string (`?utm_source=…`) or fragment follows. The path is compared as recorded.
 */
import type { Publication } from './schema.js';

/** A title and the language edition whose recorded page a link points to. */
export interface PageTarget {
  publication: Publication;
  /** The language code under which the page is recorded in the title's `urls`. */
  edition: string;
}

/**
 * The form of an address that variants of one page share (`publications.iom.int/books/x`); undefined for
 * what is not an http(s) address.
 */
export function pageKey(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.host.replace(/^www\./, '');
  return `${host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The keys of each title's recorded pages with their edition, worked out once per entry (entries are never changed in place). */
const pageKeys = new WeakMap<Publication, readonly [key: string, edition: string][]>();

function keysOf(p: Publication): readonly [string, string][] {
  let keys = pageKeys.get(p);
  if (keys === undefined) {
    keys = Object.entries(p.urls).flatMap(([edition, url]) => {
      const key = pageKey(url);
      return key === undefined ? [] : [[key, edition] as [string, string]];
    });
    pageKeys.set(p, keys);
  }
  return keys;
}

/**
 * The title and edition whose recorded page `address` is, looked up in `publications` (pass the current
 * catalogue: nothing is kept between calls but each entry's own keys); the first in catalogue order when
 * several record the same page; undefined when none does.
 */
export function findPublicationPage(publications: readonly Publication[], address: string): PageTarget | undefined {
  const key = pageKey(address);
  if (key === undefined) return undefined;
  for (const publication of publications) {
    const found = keysOf(publication).find(([k]) => k === key);
    if (found) return { publication, edition: found[1] };
  }
  return undefined;
}
