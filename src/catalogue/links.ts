/** Which recorded publication page to point a reader to. */
import type { Publication } from './schema.js';

/**
 * The publication page to link: the first of the `wanted` languages that has one recorded, else English,
 * else the first edition that has one (addresses exist only for a title's editions); undefined when none is recorded.
 */
export function publicationUrl(p: Publication, wanted: readonly string[] = []): string | undefined {
  for (const lang of [...wanted, 'en', ...p.languages]) {
    const url = p.urls[lang];
    if (url) return url;
  }
  return undefined;
}
