/**
 * The Publications Unit's review list: the entries a person should look at, each with what is wrong — what
 * an import doubted (`needsReview`, see ./review.ts) and the editions whose listing announces a PDF for
 * which no link is recorded (see ./links.ts). Pure: the Slack layer words and shows it.
 */
import type { Publication, ReviewFlag } from './schema.js';

/** One thing wrong with an entry: a flag an import raised, or the editions whose PDF link is missing. */
export type ReviewProblem = { kind: 'flag'; flag: ReviewFlag } | { kind: 'link-missing'; editions: string[] };

/** An entry that needs review, with everything wrong with it. */
export interface ReviewItem {
  publication: Publication;
  problems: ReviewProblem[];
}

/** The editions of `p` whose listing announces a PDF (`pdf: true`) but that have no link recorded, in listing order. */
export function editionsWithoutLink(p: Publication): string[] {
  return p.pdf ? p.languages.filter((lang) => !p.urls[lang]) : [];
}

/** The entries of `publications` that need review, in catalogue order: flagged ones and those with a missing PDF link. */
export function reviewItems(publications: readonly Publication[]): ReviewItem[] {
  return publications.flatMap((publication) => {
    const missing = editionsWithoutLink(publication);
    const problems: ReviewProblem[] = [
      ...(publication.needsReview ?? []).map((flag) => ({ kind: 'flag' as const, flag })),
      ...(missing.length > 0 ? [{ kind: 'link-missing' as const, editions: missing }] : []),
    ];
    return problems.length === 0 ? [] : [{ publication, problems }];
  });
}
