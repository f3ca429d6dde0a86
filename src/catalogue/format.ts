/**
 * The catalogue file's one canonical form: fixed key order, 2-space JSON, trailing newline, so that the
 * same data always gives the same bytes and re-importing an unchanged page changes nothing.
 */
import { CURRENCIES, type Publication, type ReviewFlag, type SummaryBlock } from './schema.js';

/** The catalogue file's text: fixed key order, 2-space indentation, trailing newline. */
export function serialiseCatalogue(publications: readonly Publication[]): string {
  return `${JSON.stringify({ publications: publications.map(canonicalPublication) }, null, 2)}\n`;
}

/** A publication with its keys in the file's order, language-keyed addresses in edition order, prices in currency order. */
export function canonicalPublication(p: Publication): Publication {
  const urls = Object.fromEntries(
    Object.keys(p.urls)
      .sort((a, b) => rank(p.languages, a) - rank(p.languages, b) || a.localeCompare(b))
      .map((lang) => [lang, p.urls[lang] as string]),
  );
  const prices = Object.fromEntries(CURRENCIES.filter((c) => p.prices[c] !== undefined).map((c) => [c, p.prices[c]]));
  return {
    id: p.id,
    title: p.title,
    year: p.year,
    pages: p.pages,
    isbn: p.isbn,
    eisbn: p.eisbn,
    languages: [...p.languages],
    summary: p.summary.map(canonicalBlock),
    summaryLanguage: p.summaryLanguage,
    pdf: p.pdf,
    urls,
    keywords: [...p.keywords],
    prices,
    notes: p.notes,
    ...(p.needsReview?.length ? { needsReview: p.needsReview.map(canonicalFlag) } : {}),
  };
}

function canonicalFlag(flag: ReviewFlag): ReviewFlag {
  return { field: flag.field, ...(flag.value === undefined ? {} : { value: flag.value }), code: flag.code, message: flag.message };
}

function canonicalBlock(block: SummaryBlock): SummaryBlock {
  return block.kind === 'paragraph' ? { kind: 'paragraph', text: block.text } : { kind: 'list', items: [...block.items] };
}

function rank(languages: readonly string[], lang: string): number {
  const i = languages.indexOf(lang);
  return i === -1 ? languages.length : i;
}
