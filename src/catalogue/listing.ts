/**
 * Reads a publications listing page ("Handbooks and Manuals") as received: entries of a title (possibly
 * wrapped over several lines), a metadata line `YEAR/NNN pages [ISBN x] [E-ISBN y] Languages Available
 * for PDF download` (possibly split over lines, with or without blank lines around it) and a summary of
 * paragraphs and `- ` lists. Every line that looks like a year/pages line is read as one or refused. Markdown
 * remnants are stripped and everything from "HOW TO PURCHASE" on is ignored. The page is kept as it
 * says; anomalies come back as warnings with line numbers, and malformed input is refused.
 */
import { errorMessage, warningMessage, type ErrorFinding, type ListingWarningFinding, type WarningFinding } from './import-findings.js';
import { LANGUAGES, languageByName, type LanguageInfo } from './languages.js';
import { isbnSchema, type Publication, type ReviewFlag, type SummaryBlock } from './schema.js';
import { summaryText } from './summary.js';
import { detectTextLanguage } from './text-language.js';
import { STOP_WORDS, foldText, foldedWords, normaliseTitle } from './text.js';

/** The fields of a publication that come from a listing page. */
export type ListedFields = Pick<
  Publication,
  'title' | 'year' | 'pages' | 'isbn' | 'eisbn' | 'languages' | 'summary' | 'summaryLanguage' | 'pdf'
>;

/** One entry of a listing page, with where it was found. */
export interface ListingEntry extends ListedFields {
  lines: { title: number; metadata: number };
}

/**
 * Something a person should check; the import goes ahead. Its `code` and `params` say what (see
 * ./import-findings.ts); `message` words it in English.
 */
export type ImportWarning<F extends WarningFinding = WarningFinding> = F & {
  line: number;
  message: string;
  /** The entry fields the warning casts doubt on (entries named by title), recorded in the catalogue as `needsReview`. */
  flags?: ({ title: string } & Omit<ReviewFlag, 'message'>)[];
};

/** A warning about a listing page. */
export type ListingWarning = ImportWarning<ListingWarningFinding>;

/** The warning `finding` at `line`, worded in English, with the flags it raises. */
export function importWarning<F extends WarningFinding>(line: number, finding: F, flags?: ImportWarning['flags']): ImportWarning<F> {
  const warning: ImportWarning<F> = { ...finding, line, message: warningMessage(finding) };
  if (flags) warning.flags = flags;
  return warning;
}

/**
 * Input that cannot be read (a listing page or an address table); nothing is imported. `finding` says
 * why (a code and its params, see ./import-findings.ts); `message` words it in English after the line.
 */
export class ImportError extends Error {
  constructor(
    /** Which input is malformed. */
    readonly input: 'listing' | 'address table',
    readonly line: number,
    readonly finding: ErrorFinding,
  ) {
    super(`line ${line}: ${errorMessage(finding)}`);
    this.name = 'ImportError';
  }
}

export interface ParsedListing {
  entries: ListingEntry[];
  warnings: ListingWarning[];
}

interface Line {
  n: number;
  text: string;
}
/** Consecutive non-blank lines. */
type Paragraph = Line[];
/** Part of a paragraph read as one thing: an entry's metadata, or text (a title or summary paragraph). */
type Piece = Line[];

const PURCHASE_SECTION = /^(?:how to purchase\b|order form\b)/i;
/**
 * The year and page count that open an entry's metadata ("2020/164 pages …"), matched loosely (a number,
 * any punctuation, one word, "pages") so that a malformed one such as "2020 - 14 pages" is still taken for
 * metadata and refused with what is wrong, instead of being read as summary text.
 */
const YEAR_AND_PAGES = /^(\d+)\s*([^\s\w]*)\s*(\S*?)\s*pages?\b\s*(.*)$/i;
/** A year whose page count follows on the next line ("2021/", then "120 pages …"). */
const YEAR_ALONE = /^\d{4}\s*\/$/;
const ISBN_FIELD = /^(E-?ISBN|ISBN)\s*:?\s*(\S+)\s*/i;
const PDF_NOTE = /\bavailable for pdf download\b\.?/i;
const LIST_MARKER = /^(?:(?:-\s|•)\s*)+/;
/** Between the names of a language list: commas, "and", "&", "/", or just spaces ("English French"). */
const LANGUAGE_SEPARATOR = /\s*(?:[,;/&]|\band\b)\s*|\s+/i;
const MAX_TITLE_LENGTH = 300;

/** Parses a listing page. Throws ImportError (with the line number) when it cannot be read. */
export function parseListing(text: string): ParsedListing {
  const all = text.split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, text: cleanLine(raw) }));
  const purchase = all.findIndex((l) => PURCHASE_SECTION.test(l.text));
  const pieces = paragraphs(purchase === -1 ? all : all.slice(0, purchase)).flatMap(splitAtMetadata);
  const metadataAt = pieces.flatMap((p, i) => (startsMetadata(p[0]) ? [i] : []));
  if (metadataAt.length === 0) {
    throw new ImportError('listing', 1, { code: 'not-a-listing', params: { lines: all.length } });
  }

  const warnings: ListingWarning[] = [];
  const entries = metadataAt.map((m, k): ListingEntry => {
    const metadataPiece = pieces[m] as Piece;
    const titlePiece = pieces[m - 1];
    const metaLine = (metadataPiece[0] as Line).n;
    if (!titlePiece || metadataAt.includes(m - 1)) {
      throw new ImportError('listing', metaLine, { code: 'title-missing', params: {} });
    }
    // Text that follows metadata in the same paragraph is that entry's summary; where the title ends it is unknowable.
    const before = pieces[m - 2];
    if (before && (before.at(-1) as Line).n + 1 === (titlePiece[0] as Line).n) {
      throw new ImportError('listing', (titlePiece[0] as Line).n, {
        code: 'summary-runs-into-title',
        params: { summaryLine: (before[0] as Line).n, metadataLine: metaLine },
      });
    }
    const title = readTitle(titlePiece, metaLine);
    const meta = readMetadata(metadataPiece, title, warnings);
    const next = metadataAt[k + 1];
    const summary = summaryBlocks(pieces.slice(m + 1, next === undefined ? pieces.length : next - 1));
    const fallbackLanguage = meta.languages[0] as string;
    return {
      title,
      year: meta.year,
      pages: meta.pages,
      isbn: meta.isbn,
      eisbn: meta.eisbn,
      languages: meta.languages,
      summary,
      summaryLanguage: detectTextLanguage(summaryText(summary), fallbackLanguage),
      pdf: meta.pdf,
      lines: { title: (titlePiece[0] as Line).n, metadata: metaLine },
    };
  });

  const unique = dropRepeatedTitles(entries, warnings);
  warnings.push(...findAnomalies(unique));
  warnings.sort((a, b) => a.line - b.line);
  return { entries: unique, warnings };
}

/** Strips `**bold**` markers, turns `\bullet` into a bullet and collapses whitespace. */
function cleanLine(raw: string): string {
  return raw
    .replace(/\*\*/g, '')
    .replace(/\\bullet\b\s*/g, '• ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Runs of non-blank lines. */
function paragraphs(lines: readonly Line[]): Paragraph[] {
  const result: Paragraph[] = [];
  let current: Paragraph = [];
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) result.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Whether a line opens an entry's metadata, or looks as if it should. */
function startsMetadata(line: Line | undefined): boolean {
  return line !== undefined && (YEAR_AND_PAGES.test(line.text) || YEAR_ALONE.test(line.text));
}

/**
 * Splits a paragraph where an entry's metadata begins and ends, so that a title, its metadata and its
 * summary written with no blank lines between them are still told apart. Metadata runs from the line
 * that opens it to the "Available for PDF download" note, or else to the end of the paragraph.
 */
function splitAtMetadata(para: Paragraph): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  while (start < para.length) {
    let end = start + 1;
    if (startsMetadata(para[start])) {
      const pdfNote = para.findIndex((l, i) => i >= start && PDF_NOTE.test(l.text));
      end = pdfNote === -1 ? para.length : pdfNote + 1;
    } else {
      while (end < para.length && !startsMetadata(para[end])) end++;
    }
    pieces.push(para.slice(start, end));
    start = end;
  }
  return pieces;
}

function readTitle(piece: Piece, metaLine: number): string {
  const first = (piece[0] as Line).n;
  const title = piece.map((l) => l.text).join(' ');
  if (piece.some((l) => LIST_MARKER.test(l.text)) || title.length > MAX_TITLE_LENGTH || /\.$/.test(title)) {
    throw new ImportError('listing', first, { code: 'title-reads-like-summary', params: { metadataLine: metaLine } });
  }
  return title;
}

interface Metadata {
  year: number;
  pages: number;
  isbn: string | null;
  eisbn: string | null;
  languages: string[];
  pdf: boolean;
}

function readMetadata(piece: Piece, title: string, warnings: ListingWarning[]): Metadata {
  const first = (piece[0] as Line).n;
  const lineOf = (fragment: string) => piece.find((l) => l.text.includes(fragment))?.n ?? first;
  const joined = piece.map((l) => l.text).join(' ');

  const { year, pages, afterPages } = readYearAndPages(joined, first);
  let rest = afterPages;
  const isbns: { isbn: string | null; eisbn: string | null } = { isbn: null, eisbn: null };
  for (let field = ISBN_FIELD.exec(rest); field; field = ISBN_FIELD.exec(rest)) {
    const [whole, label = '', value = ''] = field;
    const key = /^e/i.test(label) ? 'eisbn' : 'isbn';
    const line = lineOf(value);
    if (isbns[key] !== null) throw new ImportError('listing', line, { code: 'isbn-twice', params: { label } });
    const checked = isbnSchema.safeParse(value);
    if (!checked.success) {
      // The schema checks the hyphenated form (a regex), then the digit count (a refinement).
      const code = checked.error.issues[0]?.code === 'custom' ? 'isbn-not-13-digits' : 'isbn-not-hyphenated';
      throw new ImportError('listing', line, { code, params: { label, isbn: value } });
    }
    if (!hasValidCheckDigit(value)) {
      warnings.push(importWarning(line, { code: 'isbn-check-digit', params: { label, isbn: value } }, [{ title, field: key, code: 'isbn-check-digit' }]));
    }
    isbns[key] = value;
    rest = rest.slice(whole.length);
  }

  const pdf = PDF_NOTE.test(rest);
  const names = rest
    .replace(PDF_NOTE, ' ')
    .split(LANGUAGE_SEPARATOR)
    .filter((s) => s.length > 0);
  if (names.length === 0) {
    throw new ImportError('listing', first, { code: 'no-languages', params: { text: joined } });
  }
  const languages: string[] = [];
  for (const name of names) {
    const line = lineOf(name);
    const language = readLanguage(name, line, title, warnings);
    if (languages.includes(language.code)) {
      warnings.push(importWarning(line, { code: 'language-twice', params: { language: language.code } }));
    } else {
      languages.push(language.code);
    }
  }
  return { year, pages, ...isbns, languages, pdf };
}

/** The year and page count that open metadata, refused with what is wrong when they do not read as "YEAR/NNN pages". */
function readYearAndPages(text: string, line: number): { year: number; pages: number; afterPages: string } {
  const match = YEAR_AND_PAGES.exec(text);
  if (!match) throw new ImportError('listing', line, { code: 'pages-missing', params: { text } });
  const [, yearText = '', separator = '', pagesText = '', afterPages = ''] = match;
  if (pagesText === '') throw new ImportError('listing', line, { code: 'year-missing', params: { text } });
  if (!/^\d{4}$/.test(yearText)) throw new ImportError('listing', line, { code: 'year-not-four-digits', params: { text, year: yearText } });
  if (separator !== '/') throw new ImportError('listing', line, { code: 'year-pages-separator', params: { text, separator } });
  if (!/^\d+$/.test(pagesText)) throw new ImportError('listing', line, { code: 'pages-not-number', params: { text, pages: pagesText } });
  const year = Number(yearText);
  const pages = Number(pagesText);
  if (year < 1950 || year > 2100) throw new ImportError('listing', line, { code: 'year-implausible', params: { year } });
  if (pages < 1) throw new ImportError('listing', line, { code: 'pages-not-positive', params: { pages } });
  return { year, pages, afterPages };
}

/** A language by its name, or by a near miss of its English name ("Armenia" → Armenian) with a warning. */
function readLanguage(name: string, line: number, title: string, warnings: ListingWarning[]): LanguageInfo {
  const exact = languageByName(name);
  if (exact) return exact;
  const folded = foldText(name);
  const near = LANGUAGES.find((l) =>
    [l.name, ...l.aliases].some((alias) => {
      const a = foldText(alias);
      return (folded.length >= 4 && (a.startsWith(folded) || folded.startsWith(a))) || editDistance(a, folded) <= 1;
    }),
  );
  if (!near) {
    throw new ImportError('listing', line, { code: 'unknown-language', params: { name } });
  }
  warnings.push(
    importWarning(line, { code: 'language-name-guessed', params: { name, language: near.code } }, [
      { title, field: 'languages', value: near.code, code: 'language-name-guessed' },
    ]),
  );
  return near;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function hasValidCheckDigit(isbn: string): boolean {
  const digits = isbn.replace(/-/g, '').split('').map(Number);
  const sum = digits.slice(0, 12).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** Paragraphs and lists: consecutive list lines form one list, other lines one paragraph. */
function summaryBlocks(paras: readonly Paragraph[]): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  for (const para of paras) {
    let text: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (text.length > 0) blocks.push({ kind: 'paragraph', text: text.join(' ') });
      if (items.length > 0) blocks.push({ kind: 'list', items });
      text = [];
      items = [];
    };
    for (const line of para) {
      const isItem = LIST_MARKER.test(line.text);
      if (isItem ? text.length > 0 : items.length > 0) flush();
      const content = line.text.replace(LIST_MARKER, '');
      if (isItem) {
        if (content !== '') items.push(content);
      } else {
        text.push(content);
      }
    }
    flush();
  }
  return blocks;
}


/** Keeps the first of entries with the same title, warning about each repeat. */
function dropRepeatedTitles(entries: readonly ListingEntry[], warnings: ListingWarning[]): ListingEntry[] {
  const firstByTitle = new Map<string, ListingEntry>();
  return entries.filter((entry) => {
    const key = normaliseTitle(entry.title);
    const first = firstByTitle.get(key);
    if (!first) {
      firstByTitle.set(key, entry);
      return true;
    }
    warnings.push(importWarning(entry.lines.title, { code: 'title-repeated', params: { title: entry.title, firstLine: first.lines.title } }));
    return false;
  });
}

/** Entries with no summary, ISBNs given for two titles, and page counts that look copied. */
function findAnomalies(entries: readonly ListingEntry[]): ListingWarning[] {
  const warnings: ListingWarning[] = [];
  const byIsbn = new Map<string, ListingEntry>();
  entries.forEach((entry, i) => {
    if (entry.summary.length === 0) {
      warnings.push(importWarning(entry.lines.title, { code: 'no-summary', params: { title: entry.title } }));
    }
    for (const isbn of [entry.isbn, entry.eisbn]) {
      if (isbn === null) continue;
      const other = byIsbn.get(isbn);
      if (other && other !== entry) {
        // Which of the two is wrong is unknown: both titles' ISBNs are flagged.
        const flags = [entry, other].map((e) => ({ title: e.title, field: isbnField(e, isbn), code: 'isbn-shared' }));
        const params = { isbn, otherTitle: other.title, otherLine: other.lines.metadata };
        warnings.push(importWarning(entry.lines.metadata, { code: 'isbn-shared', params }, flags));
      } else {
        byIsbn.set(isbn, entry);
      }
    }
    const previous = entries[i - 1];
    const source =
      entries.find((other) => other !== entry && other.pages === entry.pages && refersTo(entry, other)) ??
      (previous?.pages === entry.pages ? previous : undefined);
    if (source) {
      const relation = source === previous && !refersTo(entry, source) ? 'previous' : 'referenced';
      const params = { title: entry.title, pages: entry.pages, sourceTitle: source.title, sourceLine: source.lines.metadata, source: relation } as const;
      warnings.push(importWarning(entry.lines.metadata, { code: 'pages-maybe-copied', params }, [{ title: entry.title, field: 'pages', code: 'pages-maybe-copied' }]));
    }
  });
  return warnings;
}

function isbnField(entry: ListingEntry, isbn: string): 'isbn' | 'eisbn' {
  return entry.isbn === isbn ? 'isbn' : 'eisbn';
}

/** Share of a title's meaningful words a summary must contain to count as referring to it. */
const REFERENCE_THRESHOLD = 0.6;

/** Whether `entry`'s summary names `other` (most of the words of its title appear in the summary). */
function refersTo(entry: ListingEntry, other: ListingEntry): boolean {
  const titleWords = new Set(foldedWords(other.title).filter((w) => w.length > 2 && !STOP_WORDS.has(w)));
  if (titleWords.size < 3) return false;
  const summaryWords = new Set(foldedWords(summaryText(entry.summary)));
  const found = [...titleWords].filter((w) => summaryWords.has(w)).length;
  return found / titleWords.size >= REFERENCE_THRESHOLD;
}
