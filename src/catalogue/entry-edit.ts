/**
 * Editing one catalogue entry by hand (a catalogue admin's "Edit entry"): the values as typed — a link per
 * language edition, a print price per currency, keywords, notes, and which `needsReview` flags to clear —
 * read into a new entry that the catalogue schema accepts, or errors keyed by field; and what changed
 * between two versions of an entry, for the confirmation and the catalogue's history. Pure.
 *
 * Error keys: `urls.<language>`, `prices.<currency>`, `keywords`, `notes`, and `entry` for a problem of
 * the entry as a whole (its other fields no longer valid). Each key carries one error, the first found.
 */
import { createHash } from 'node:crypto';
import { CURRENCIES, publicationSchema, type Currency, type Publication, type ReviewFlag } from './schema.js';

/** Longest values accepted (the modal's inputs say the same through their max_length). */
export const EDIT_LIMITS = { url: 1000, keywords: 1000, keyword: 100, notes: 2000 } as const;

/** Highest print price accepted, in major units: a higher one is a typing slip (an ISBN pasted, a missing separator). */
export const MAX_PRICE = 100_000;

/** The values of the Edit entry form, as typed. Empty texts mean "none". */
export interface EntryEditInput {
  /** The page address per language edition of the title; an edition left out or empty has no link. */
  urls: Readonly<Record<string, string | undefined>>;
  /** The print price per currency ("12.50", "12,50"); a currency left out or empty has no price. */
  prices: Readonly<Partial<Record<Currency, string>>>;
  /** Keywords separated by commas. */
  keywords: string;
  notes: string;
  /** The flags to clear, by reviewFlagKey. */
  clearFlags: readonly string[];
}

/** What is wrong with a value. */
export type EntryEditErrorCode =
  | 'urlInvalid' // not a web address at all
  | 'urlNotWeb' // an address, but not http(s)
  | 'priceNotNumber'
  | 'priceNegative'
  | 'priceDecimals' // more than two decimals
  | 'priceAmbiguous' // "1,250": a thousands separator or a decimal comma?
  | 'priceTooHigh'
  | 'keywordEmpty' // two commas in a row, or a comma at an end
  | 'tooLong'
  | 'invalid'; // refused by the catalogue schema for another reason (`message` says which)

export interface EntryEditError {
  code: EntryEditErrorCode;
  /** For `tooLong`: the longest accepted. */
  max?: number;
  /** For `invalid`: the schema's message (English). */
  message?: string;
}

export type EntryEditErrors = Readonly<Record<string, EntryEditError>>;

/** One change an edit makes to an entry. */
export type EntryChange =
  | { field: 'url'; language: string; from: string | null; to: string | null }
  | { field: 'price'; currency: Currency; from: number | null; to: number | null }
  | { field: 'keywords'; from: readonly string[]; to: readonly string[] }
  | { field: 'notes'; from: string | null; to: string | null }
  | { field: 'flagCleared'; flag: ReviewFlag };

export type EntryEditResult = { ok: true; entry: Publication; changes: EntryChange[] } | { ok: false; errors: EntryEditErrors };

/** A short stable key for a needsReview flag (its field, value and code), such as a checkbox's value can hold. */
export function reviewFlagKey(flag: ReviewFlag): string {
  return createHash('sha256')
    .update(`${flag.field}\n${flag.value ?? ''}\n${flag.code}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * The entry `current` with the values of `input` in place of its links, prices, keywords and notes, and
 * without the flags `input` clears, validated by the catalogue schema; or the errors, by field. Every other
 * field is kept as it is.
 */
export function editEntry(current: Publication, input: EntryEditInput): EntryEditResult {
  const errors: Record<string, EntryEditError> = {};

  const urls: Record<string, string> = {};
  for (const language of current.languages) {
    const read = readUrl(input.urls[language] ?? '');
    if ('code' in read) errors[`urls.${language}`] = read;
    else if (read.url !== null) urls[language] = read.url;
  }

  const prices: Partial<Record<Currency, number>> = {};
  for (const currency of CURRENCIES) {
    const read = parsePrice(input.prices[currency] ?? '', currency);
    if ('code' in read) errors[`prices.${currency}`] = read;
    else if (read.amount !== null) prices[currency] = read.amount;
  }

  const keywords = readKeywords(input.keywords);
  if ('code' in keywords) errors.keywords = keywords;

  const notes = input.notes.trim();
  if (notes.length > EDIT_LIMITS.notes) errors.notes = { code: 'tooLong', max: EDIT_LIMITS.notes };

  if (Object.keys(errors).length > 0 || 'code' in keywords) return { ok: false, errors };

  const cleared = new Set(input.clearFlags);
  const flags = (current.needsReview ?? []).filter((f) => !cleared.has(reviewFlagKey(f)));
  const { needsReview: _flags, ...rest } = current;
  const parsed = publicationSchema.safeParse({
    ...rest,
    urls,
    prices,
    keywords: keywords.keywords,
    notes: notes === '' ? null : notes,
    ...(flags.length > 0 ? { needsReview: flags } : {}),
  });
  if (!parsed.success) {
    const schemaErrors: Record<string, EntryEditError> = {};
    for (const issue of parsed.error.issues) {
      schemaErrors[errorKey(issue.path)] ??= { code: 'invalid', message: issue.message };
    }
    return { ok: false, errors: schemaErrors };
  }
  return { ok: true, entry: parsed.data, changes: entryChanges(current, parsed.data) };
}

/** The field key a schema issue's path falls under (see the module's doc). */
function errorKey(path: readonly PropertyKey[]): string {
  const [field, item] = path;
  if ((field === 'urls' || field === 'prices') && typeof item === 'string') return `${field}.${item}`;
  if (field === 'keywords' || field === 'notes') return field;
  return 'entry';
}

/** A page address as typed: trimmed, empty for none; a web address (http or https, with a host name) or an error. */
export function readUrl(text: string): { url: string | null } | EntryEditError {
  const typed = text.trim();
  if (typed === '') return { url: null };
  if (typed.length > EDIT_LIMITS.url) return { code: 'tooLong', max: EDIT_LIMITS.url };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { code: 'urlInvalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { code: 'urlNotWeb' };
  if (/\s/.test(typed) || !url.hostname.includes('.')) return { code: 'urlInvalid' };
  return { url: typed };
}

/** Symbols a price may be written with, besides its currency's code. */
const CURRENCY_SYMBOLS: Readonly<Record<Currency, readonly string[]>> = { CHF: ['fr.', 'sfr'], EUR: ['€'], USD: ['$', 'us$'] };

/**
 * A price as people write it, read in major units: "12.50", "12,50", "12.–", "1'250", "1 250,00",
 * "1,250.00", "CHF 12.50" (its own currency's code or symbol allowed at either end). With one mark, once,
 * it is the decimal mark when one or two digits follow; "1,250" (three digits) is refused as ambiguous. A
 * mark repeated ("1.250.000") separates thousands; with both marks, the last is the decimal mark. Empty
 * for none.
 */
export function parsePrice(text: string, currency: Currency): { amount: number | null } | EntryEditError {
  let typed = text.trim().toLowerCase();
  if (typed === '') return { amount: null };
  for (const mark of [currency.toLowerCase(), ...CURRENCY_SYMBOLS[currency]]) {
    if (typed.startsWith(mark)) typed = typed.slice(mark.length);
    else if (typed.endsWith(mark)) typed = typed.slice(0, -mark.length);
  }
  typed = typed
    .trim()
    .replace(/[.,][-–]+$/, '') // "12.–", "12,-": a whole amount
    .replace(/[\s'’]/g, ''); // thousands separated by spaces or apostrophes
  if (/^[-−–]\s*\d/.test(typed)) return { code: 'priceNegative' };
  const amount = readDecimal(typed);
  if (typeof amount === 'string') return { code: amount };
  if (amount > MAX_PRICE) return { code: 'priceTooHigh', max: MAX_PRICE };
  return { amount };
}

/** Digits with marks ("1.234,50", "12.5", "1.250.000") as a number, or what is wrong with them. */
function readDecimal(typed: string): number | 'priceNotNumber' | 'priceDecimals' | 'priceAmbiguous' {
  if (!/^\d[\d.,]*$/.test(typed)) return 'priceNotNumber';
  const marks = typed.replace(/\d/g, '');
  if (marks === '') return Number(typed);
  const decimalMark = marks.at(-1) === ',' ? ',' : '.';
  const groupMark = decimalMark === '.' ? ',' : '.';
  const grouped = (digits: string, mark: string) => new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`).test(digits);
  if (marks.length > 1 && !marks.includes(groupMark)) {
    // one mark repeated: thousands only
    return grouped(typed, decimalMark) ? Number(typed.replaceAll(decimalMark, '')) : 'priceNotNumber';
  }
  const at = typed.lastIndexOf(decimalMark);
  const whole = typed.slice(0, at);
  const decimals = typed.slice(at + 1);
  if (whole.includes(decimalMark) || (whole.includes(groupMark) && !grouped(whole, groupMark))) return 'priceNotNumber';
  if (marks.length === 1 && decimals.length === 3) return 'priceAmbiguous';
  if (decimals.length > 2) return 'priceDecimals';
  return Number(`${whole.replaceAll(groupMark, '')}.${decimals || '0'}`);
}

/** Keywords separated by commas (or line breaks), trimmed, repeats dropped; an empty one is an error. */
export function readKeywords(text: string): { keywords: string[] } | EntryEditError {
  const typed = text.trim();
  if (typed === '') return { keywords: [] };
  if (typed.length > EDIT_LIMITS.keywords) return { code: 'tooLong', max: EDIT_LIMITS.keywords };
  const keywords: string[] = [];
  for (const piece of typed.split(/[,\n]/)) {
    const keyword = piece.trim().replace(/\s+/g, ' ');
    if (keyword === '') return { code: 'keywordEmpty' };
    if (keyword.length > EDIT_LIMITS.keyword) return { code: 'tooLong', max: EDIT_LIMITS.keyword };
    if (!keywords.some((k) => k.toLowerCase() === keyword.toLowerCase())) keywords.push(keyword);
  }
  return { keywords };
}

/** What differs between two versions of an entry in the fields Edit entry changes, in the form's order. */
export function entryChanges(before: Publication, after: Publication): EntryChange[] {
  const changes: EntryChange[] = [];
  for (const language of after.languages) {
    const from = before.urls[language] ?? null;
    const to = after.urls[language] ?? null;
    if (from !== to) changes.push({ field: 'url', language, from, to });
  }
  for (const currency of CURRENCIES) {
    const from = before.prices[currency] ?? null;
    const to = after.prices[currency] ?? null;
    if (from !== to) changes.push({ field: 'price', currency, from, to });
  }
  if (before.keywords.join('\n') !== after.keywords.join('\n')) changes.push({ field: 'keywords', from: before.keywords, to: after.keywords });
  if (before.notes !== after.notes) changes.push({ field: 'notes', from: before.notes, to: after.notes });
  const kept = new Set((after.needsReview ?? []).map(reviewFlagKey));
  for (const flag of before.needsReview ?? []) {
    if (!kept.has(reviewFlagKey(flag))) changes.push({ field: 'flagCleared', flag });
  }
  return changes;
}

/** The history's one-line summary of an edit (English, as the history is kept): `Edited "Title": link (fr), price (CHF), flag cleared (isbn)`. */
export function editSummary(title: string, changes: readonly EntryChange[]): string {
  const parts = changes.map((c) => {
    switch (c.field) {
      case 'url':
        return `link (${c.language})`;
      case 'price':
        return `price (${c.currency})`;
      case 'flagCleared':
        return `flag cleared (${c.flag.field})`;
      default:
        return c.field;
    }
  });
  return `Edited "${title}": ${parts.join(', ')}`;
}
