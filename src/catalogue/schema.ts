/**
 * The catalogue's data model. `catalogue/publications.json` is validated against these schemas when it
 * loads; imported fields come from listing pages, hand-added fields (keywords, prices, notes) from a
 * librarian and are kept by every re-import.
 */
import { z } from 'zod';
import { LANGUAGE_CODES } from './languages.js';

export const CURRENCIES = ['CHF', 'EUR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const languageCodeSchema = z
  .string()
  .refine((c) => LANGUAGE_CODES.includes(c), { message: `must be an ISO 639-1 code among: ${LANGUAGE_CODES.join(', ')}` });

/** A hyphenated ISBN-13 (print or electronic), e.g. 978-92-9068-811-2. */
export const isbnSchema = z
  .string()
  .regex(/^97[89](-\d+){3}-\d$/, 'must be a hyphenated ISBN-13 such as 978-92-9068-811-2')
  .refine((s) => s.replace(/-/g, '').length === 13, 'must have 13 digits');

/** One block of a summary as the listing page gives it: a paragraph, or a bulleted list. */
export const summaryBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string().min(1) }),
  z.object({ kind: z.literal('list'), items: z.array(z.string().min(1)).min(1) }),
]);
export type SummaryBlock = z.infer<typeof summaryBlockSchema>;

/** The fields an import can flag for a person to check. */
export const REVIEW_FIELDS = ['languages', 'isbn', 'eisbn', 'pages', 'urls'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/**
 * Something the importer doubts about one field of an entry: the field, the one value concerned where the
 * field holds several (a language code for `languages` and `urls`), a machine code and the importer's
 * message. The bot never states a flagged value as fact.
 */
export const reviewFlagSchema = z
  .object({
    field: z.enum(REVIEW_FIELDS),
    value: z.string().min(1).optional(),
    code: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'must be a lower-case code such as isbn-shared'),
    message: z.string().min(1),
  })
  .strict();
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;

/**
 * Longest publication id: ids travel as values of select options and buttons, and an option value holds
 * at most 75 characters (the importer makes ids of at most 48).
 */
export const PUBLICATION_ID_MAX = 75;

export const publicationSchema = z
  .object({
    /** Stable slug derived from the title at first import; never changes afterwards. */
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as reintegration-handbook')
      .max(PUBLICATION_ID_MAX, `must be at most ${PUBLICATION_ID_MAX} characters (it is used as a select option's value)`),
    title: z.string().min(1),
    year: z.number().int().min(1950).max(2100),
    pages: z.number().int().positive(),
    isbn: isbnSchema.nullable(),
    eisbn: isbnSchema.nullable(),
    /** Language editions, as ISO 639-1 codes, in the order the listing gives them. */
    languages: z.array(languageCodeSchema).min(1),
    /** The summary exactly as given, its lists kept as lists. Empty when the listing has none. */
    summary: z.array(summaryBlockSchema),
    /** The language the summary is written in. */
    summaryLanguage: languageCodeSchema,
    /** Publication page address per language edition, only where one is recorded; never invented. */
    urls: z.record(z.string(), z.url()),
    /** True where the listing says "Available for PDF download". */
    pdf: z.boolean(),
    // ---- added by hand; the importer never overwrites these ----
    /** English subject keywords a librarian adds to help search. */
    keywords: z.array(z.string().min(1)).default([]),
    /** Print price per currency, where one is recorded. The catalogue has none today. */
    prices: z.partialRecord(z.enum(CURRENCIES), z.number().nonnegative()).default({}),
    notes: z.string().nullable().default(null),
    // ---- written by the importer ----
    /** What the last import doubted about this entry (see importer.ts for when flags are set and cleared). */
    needsReview: z.array(reviewFlagSchema).min(1).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const lang of Object.keys(p.urls)) {
      if (!p.languages.includes(lang)) {
        ctx.addIssue({ code: 'custom', path: ['urls', lang], message: `address given for ${lang}, which is not one of this title's languages` });
      }
    }
    if (new Set(p.languages).size !== p.languages.length) {
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'lists a language twice' });
    }
    p.needsReview?.forEach((flag, i) => {
      if ((flag.field === 'languages' || flag.field === 'urls') && flag.value !== undefined && !p.languages.includes(flag.value)) {
        ctx.addIssue({ code: 'custom', path: ['needsReview', i, 'value'], message: `flags ${flag.value}, which is not one of this title's languages` });
      }
    });
  });
export type Publication = z.infer<typeof publicationSchema>;

export const catalogueFileSchema = z
  .object({
    publications: z.array(publicationSchema),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.publications.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['publications', i, 'id'], message: `duplicate id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
