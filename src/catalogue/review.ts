/** What the importer doubts about an entry (`needsReview`), asked field by field so that no flagged value is stated as fact. */
import type { Publication, ReviewField } from './schema.js';

/**
 * Whether an import flagged `field` of `p`; with `value` (a language code for `languages` and `urls`),
 * whether it flagged that value: a flag naming no value covers the whole field.
 */
export function needsReview(p: Publication, field: ReviewField, value?: string): boolean {
  return (p.needsReview ?? []).some((f) => f.field === field && (f.value === undefined || value === undefined || f.value === value));
}

/** The title's language editions that no import doubts (those that may be counted as fact). */
export function confirmedLanguages(p: Publication): string[] {
  return p.languages.filter((lang) => !needsReview(p, 'languages', lang));
}
