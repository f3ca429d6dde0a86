/**
 * Reads a publications listing page ("Handbooks and Manuals") as received: entries of a title (possibly
 * wrapped over several lines), a metadata line `YEAR/NNN pages [ISBN x] [E-ISBN y] Languages Available
 * for PDF download` (possibly split over lines) and a summary of paragraphs and `- ` lists. Markdown
 * remnants are stripped and everything from "HOW TO PURCHASE" on is ignored. The page is kept as it
 * says; anomalies come back as warnings with line numbers, and malformed input is refused.
 */
import { LANGUAGES, languageByName, type LanguageInfo } from './languages.js';
import { isbnSchema, type Publication, type SummaryBlock } from './schema.js';
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

/** Something a person should check; the import goes ahead. */
export interface ImportWarning {
  line: number;
  message: string;
}

/** Input that cannot be read (a listing page or an address table); nothing is imported. */
export class ImportError extends Error {
  constructor(
    /** Which input is malformed. */
    readonly input: 'listing' | 'address table',
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'ImportError';
  }
}

export interface ParsedListing {
  entries: ListingEntry[];
  warnings: ImportWarning[];
}

interface Line {
  n: number;
  text: string;
}
type Paragraph = Line[];

const PURCHASE_SECTION = /^(?:how to purchase\b|order form\b)/i;
/** A line that starts an entry's metadata: "2020/164 pages …" (or a page count with its year missing). */
const METADATA_START = /^(?:\d{4}\s*\/|\d+\s*pages?\b)/i;
const YEAR_AND_PAGES = /^(\d{4})\s*\/\s*(\d+)\s*pages?\b\s*(.*)$/i;
const ISBN_FIELD = /^(E-?ISBN|ISBN)\s*:?\s*(\S+)\s*/i;
const PDF_NOTE = /\bavailable for pdf download\b\.?/i;
const LIST_MARKER = /^(?:(?:-\s|•)\s*)+/;
const LANGUAGE_SEPARATOR = /\s*(?:,|;|\/|&|\band\b)\s*/i;
const EXAMPLE_METADATA = '"2020/164 pages English, Spanish Available for PDF download"';
const MAX_TITLE_LENGTH = 300;

/** Parses a listing page. Throws ImportError (with the line number) when it cannot be read. */
export function parseListing(text: string): ParsedListing {
  const all = text.split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, text: cleanLine(raw) }));
  const purchase = all.findIndex((l) => PURCHASE_SECTION.test(l.text));
  const paras = paragraphs(purchase === -1 ? all : all.slice(0, purchase));
  const metadataAt = paras.flatMap((p, i) => (METADATA_START.test(p[0]?.text ?? '') ? [i] : []));
  if (metadataAt.length === 0) {
    throw new ImportError('listing', 
      1,
      `not a listing page: no entry found in ${all.length} lines (an entry is a title followed by a line such as ${EXAMPLE_METADATA})`,
    );
  }

  const warnings: ImportWarning[] = [];
  const entries = metadataAt.map((m, k): ListingEntry => {
    const metadataPara = paras[m] as Paragraph;
    const titlePara = paras[m - 1];
    const metaLine = (metadataPara[0] as Line).n;
    if (!titlePara || metadataAt.includes(m - 1)) {
      throw new ImportError('listing', metaLine, 'year/pages line with no title before it');
    }
    const title = readTitle(titlePara, metaLine);
    const meta = readMetadata(metadataPara, warnings);
    const next = metadataAt[k + 1];
    const summaryParas = [...(meta.rest.length > 0 ? [meta.rest] : []), ...paras.slice(m + 1, next === undefined ? paras.length : next - 1)];
    const summary = summaryBlocks(summaryParas);
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
      lines: { title: (titlePara[0] as Line).n, metadata: metaLine },
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

function readTitle(para: Paragraph, metaLine: number): string {
  const first = (para[0] as Line).n;
  const title = para.map((l) => l.text).join(' ');
  if (para.some((l) => LIST_MARKER.test(l.text)) || title.length > MAX_TITLE_LENGTH || /\.$/.test(title)) {
    throw new ImportError('listing', 
      first,
      `expected the title of the entry whose year/pages line is line ${metaLine}, found text that reads like a summary (is the title missing?)`,
    );
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
  /** Lines of the same paragraph after the metadata (summary text that follows without a blank line). */
  rest: Line[];
}

function readMetadata(para: Paragraph, warnings: ImportWarning[]): Metadata {
  const pdfAt = para.findIndex((l) => PDF_NOTE.test(l.text));
  const metaLines = pdfAt === -1 ? para : para.slice(0, pdfAt + 1);
  const first = (para[0] as Line).n;
  const lineOf = (fragment: string) => metaLines.find((l) => l.text.includes(fragment))?.n ?? first;
  const joined = metaLines.map((l) => l.text).join(' ');

  const match = YEAR_AND_PAGES.exec(joined);
  if (!match) {
    throw new ImportError('listing', first, `cannot read the year and page count in "${joined}"; expected a line such as ${EXAMPLE_METADATA}`);
  }
  const year = Number(match[1]);
  const pages = Number(match[2]);
  if (year < 1950 || year > 2100) throw new ImportError('listing', first, `year ${year} is not a plausible publication year`);
  if (pages < 1) throw new ImportError('listing', first, `page count ${pages} must be positive`);

  let rest = match[3] ?? '';
  const isbns: { isbn: string | null; eisbn: string | null } = { isbn: null, eisbn: null };
  for (let field = ISBN_FIELD.exec(rest); field; field = ISBN_FIELD.exec(rest)) {
    const [whole, label = '', value = ''] = field;
    const key = /^e/i.test(label) ? 'eisbn' : 'isbn';
    const line = lineOf(value);
    if (isbns[key] !== null) throw new ImportError('listing', line, `${label} given twice`);
    const checked = isbnSchema.safeParse(value);
    if (!checked.success) {
      throw new ImportError('listing', line, `${label} "${value}" ${checked.error.issues[0]?.message ?? 'is not valid'}`);
    }
    if (!hasValidCheckDigit(value)) {
      warnings.push({ line, message: `${label} ${value} has a wrong check digit; kept as given` });
    }
    isbns[key] = value;
    rest = rest.slice(whole.length);
  }

  const pdf = PDF_NOTE.test(rest);
  const names = rest
    .replace(PDF_NOTE, ' ')
    .split(LANGUAGE_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) {
    throw new ImportError('listing', first, `no languages given in "${joined}"; expected a line such as ${EXAMPLE_METADATA}`);
  }
  const languages: string[] = [];
  for (const name of names) {
    const line = lineOf(name);
    const language = readLanguage(name, line, warnings);
    if (languages.includes(language.code)) {
      warnings.push({ line, message: `${language.name} is listed twice; kept once` });
    } else {
      languages.push(language.code);
    }
  }
  return { year, pages, ...isbns, languages, pdf, rest: para.slice(metaLines.length) };
}

/** A language by its name, or by a near miss of its English name ("Armenia" → Armenian) with a warning. */
function readLanguage(name: string, line: number, warnings: ImportWarning[]): LanguageInfo {
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
    throw new ImportError('listing', line, `unknown language "${name}"; if it is a language, add it to src/catalogue/languages.ts`);
  }
  warnings.push({ line, message: `the page says "${name}", which is not a language name; read as ${near.name} (${near.code})` });
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

/** The plain text of a summary. */
export function summaryText(summary: readonly SummaryBlock[]): string {
  return summary.map((b) => (b.kind === 'paragraph' ? b.text : b.items.join('\n'))).join('\n\n');
}

/** Keeps the first of entries with the same title, warning about each repeat. */
function dropRepeatedTitles(entries: readonly ListingEntry[], warnings: ImportWarning[]): ListingEntry[] {
  const firstByTitle = new Map<string, ListingEntry>();
  return entries.filter((entry) => {
    const key = normaliseTitle(entry.title);
    const first = firstByTitle.get(key);
    if (!first) {
      firstByTitle.set(key, entry);
      return true;
    }
    warnings.push({
      line: entry.lines.title,
      message: `"${entry.title}" appears again (first at line ${first.lines.title}); this repeat is ignored`,
    });
    return false;
  });
}

/** Entries with no summary, ISBNs given for two titles, and page counts that look copied. */
function findAnomalies(entries: readonly ListingEntry[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const byIsbn = new Map<string, ListingEntry>();
  entries.forEach((entry, i) => {
    if (entry.summary.length === 0) {
      warnings.push({ line: entry.lines.title, message: `"${entry.title}" has no summary` });
    }
    for (const isbn of [entry.isbn, entry.eisbn]) {
      if (isbn === null) continue;
      const other = byIsbn.get(isbn);
      if (other && other !== entry) {
        warnings.push({
          line: entry.lines.metadata,
          message: `ISBN ${isbn} is also given for "${other.title}" (line ${other.lines.metadata}); one of them is probably wrong`,
        });
      } else {
        byIsbn.set(isbn, entry);
      }
    }
    const previous = entries[i - 1];
    const source =
      entries.find((other) => other !== entry && other.pages === entry.pages && refersTo(entry, other)) ??
      (previous?.pages === entry.pages ? previous : undefined);
    if (source) {
      const relation = source === previous && !refersTo(entry, source) ? 'the title listed just before it' : 'a title its summary refers to';
      warnings.push({
        line: entry.lines.metadata,
        message: `"${entry.title}" has ${entry.pages} pages, the same as "${source.title}" (line ${source.lines.metadata}), ${relation}; the page count may have been copied — kept as given, please check`,
      });
    }
  });
  return warnings;
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
