/**
 * Publication page addresses from a markdown table (`| title (short) | language | address | how sure |`,
 * as in known-urls.md), matched to catalogue entries by their short titles. Only addresses marked
 * "seen" are recorded; nothing is ever made up.
 */
import type { AddressWarningFinding } from './import-findings.js';
import { ImportError, importWarning, type ImportWarning } from './listing.js';
import { languageByCode } from './languages.js';
import type { Publication } from './schema.js';
import { STOP_WORDS, foldText, foldedWords, normaliseTitle } from './text.js';

/** One row of an address table. */
export interface AddressRow {
  line: number;
  /** Short title: words of the title in order; "…" marks a gap, a parenthesis a qualifier found anywhere after; acronyms allowed ("GBV"). */
  title: string;
  language: string;
  url: string;
  /** The "how sure" column, e.g. "seen (French edition)". */
  certainty: string;
}

const SEPARATOR_ROW = /^\|?\s*:?-{3,}/;

/** Reads the rows of the address table. Throws ImportError on a row that is not four columns or a file with no rows. */
export function parseAddressTable(markdown: string): AddressRow[] {
  const rows: AddressRow[] = [];
  let headerSeen = false;
  markdown.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (!text.startsWith('|') || SEPARATOR_ROW.test(text)) return;
    const cells = text.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    const [title, language, url, certainty] = cells;
    if (cells.length !== 4 || !title || !language || !url || certainty === undefined) {
      throw new ImportError('address table', i + 1, { code: 'address-columns', params: { count: cells.length } });
    }
    rows.push({ line: i + 1, title, language: language.toLowerCase(), url, certainty });
  });
  if (rows.length === 0) throw new ImportError('address table', 1, { code: 'address-no-table', params: {} });
  return rows;
}

/**
 * Records each row's address on the one entry its short title matches. An address in a language the
 * title is listed in goes under that language. A page in another site language for a title listed
 * in a single language (e.g. the French page of an English-only title) serves that one edition: it
 * is recorded under the title's language if no address is recorded there yet, with a warning.
 * Rows that match no entry or several, or that are not marked "seen", are skipped with a warning.
 */
export function applyAddresses(
  publications: readonly Publication[],
  rows: readonly AddressRow[],
): { publications: Publication[]; warnings: ImportWarning<AddressWarningFinding>[] } {
  const result = publications.map((p) => ({ ...p, urls: { ...p.urls } }));
  const warnings: ImportWarning<AddressWarningFinding>[] = [];
  const warn = (row: AddressRow, finding: AddressWarningFinding, flags?: ImportWarning['flags']) => warnings.push(importWarning(row.line, finding, flags));

  const matched: { row: AddressRow; publication: Publication }[] = [];
  for (const row of rows) {
    const problem = rowProblem(row);
    if (problem) {
      warn(row, problem);
      continue;
    }
    const candidates = matchingEntries(row.title, result);
    const [only] = candidates;
    if (candidates.length === 1 && only) matched.push({ row, publication: only });
    else if (candidates.length === 0) warn(row, { code: 'address-no-match', params: { title: row.title } });
    else warn(row, { code: 'address-several-matches', params: { title: row.title, ids: candidates.map((p) => p.id) } });
  }

  const setByRow = new Map<string, AddressRow>();
  for (const { row, publication } of matched.filter((m) => m.publication.languages.includes(m.row.language))) {
    const key = `${publication.id} ${row.language}`;
    const earlier = setByRow.get(key);
    if (earlier) warn(row, { code: 'address-replaced', params: { title: row.title, language: row.language, earlierLine: earlier.line } });
    setByRow.set(key, row);
    publication.urls[row.language] = row.url;
  }
  for (const { row, publication } of matched.filter((m) => !m.publication.languages.includes(m.row.language))) {
    const { title, languages: listed } = publication;
    const [edition] = listed;
    if (listed.length !== 1 || !edition) {
      warn(row, { code: 'address-not-listed-language', params: { title, language: row.language, listed } });
      continue;
    }
    const recorded = publication.urls[edition];
    if (recorded !== undefined && recorded !== row.url) {
      warn(row, { code: 'address-edition-taken', params: { title, language: row.language, listed, edition } });
      continue;
    }
    publication.urls[edition] = row.url;
    warn(row, { code: 'url-other-language', params: { title, language: row.language, listed, edition } }, [
      { title, field: 'urls', value: edition, code: 'url-other-language' },
    ]);
  }
  return { publications: result, warnings };
}

/** Why a row is skipped before its title is matched; undefined when it is not. */
function rowProblem(row: AddressRow): AddressWarningFinding | undefined {
  if (!languageByCode(row.language)) return { code: 'address-language-unknown', params: { language: row.language } };
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(row.url) || !URL.canParse(row.url)) return { code: 'address-not-web', params: { url: row.url } };
  if (!/^seen\b/i.test(row.certainty)) return { code: 'address-not-seen', params: { certainty: row.certainty } };
  return undefined;
}

/** Entries whose title the short title matches; an exact title wins over partial matches. */
function matchingEntries(shortTitle: string, publications: readonly Publication[]): Publication[] {
  const matches = publications.filter((p) => matchesShortTitle(shortTitle, p.title));
  const exact = matches.filter((p) => normaliseTitle(p.title) === normaliseTitle(shortTitle));
  return exact.length === 1 ? exact : matches;
}

/**
 * Whether a short title stands for `title`: each segment (split at "…" and parentheses) appears as a run
 * of consecutive words of the title, segments in order; an acronym matches the initials of a run of
 * words, with or without the stop words ("GBV" → gender-based violence, "VEA" → violence, exploitation and abuse).
 */
export function matchesShortTitle(shortTitle: string, title: string): boolean {
  const words = foldedWords(title);
  const segments = shortTitle
    .split(/…|\.\.\.|[()]/)
    .map((s) => s.split(/[^\p{L}\p{N}']+/u).filter((t) => t.length > 0))
    .filter((tokens) => tokens.length > 0);
  if (segments.length === 0) return false;
  let from = 0;
  for (const tokens of segments) {
    let end: number | undefined;
    for (let start = from; start < words.length && end === undefined; start++) end = matchRun(tokens, words, start);
    if (end === undefined) return false;
    from = end;
  }
  return true;
}

/** Where a run of `tokens` starting at `words[start]` ends, or undefined if it does not match there. */
function matchRun(tokens: readonly string[], words: readonly string[], start: number): number | undefined {
  const [token, ...rest] = tokens;
  if (token === undefined) return start;
  const folded = foldedWords(token).join('');
  if (words[start] === folded) {
    const end = matchRun(rest, words, start + 1);
    if (end !== undefined) return end;
  }
  if (!isAcronym(token)) return undefined;
  for (let length = 1; length <= folded.length * 2 && start + length <= words.length; length++) {
    const run = words.slice(start, start + length);
    if (initials(run) === folded || initials(run.filter((w) => !STOP_WORDS.has(w))) === folded) {
      const end = matchRun(rest, words, start + length);
      if (end !== undefined) return end;
    }
  }
  return undefined;
}

/** "GBV", "TiP", "VEA": two to six letters, at least two of them capitals. */
function isAcronym(token: string): boolean {
  return /^\p{L}{2,6}$/u.test(token) && (token.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function initials(words: readonly string[]): string {
  return words.map((w) => foldText(w)[0] ?? '').join('');
}
