/**
 * What an import finds in its input, as a machine code with the values its wording needs: warnings (the
 * import goes ahead) and errors (the input cannot be read; nothing is imported). Each is worded here in
 * English, for the command line and for the `needsReview` messages the catalogue stores (so this wording
 * must not drift: a changed message would change the stored flags); the Slack layer words the same
 * findings by code in the reader's language (src/slack/blocks/import-findings.ts). Language values are ISO 639-1
 * codes; line numbers are those of the input.
 */
import { languageName } from './languages.js';

/**
 * A warning about the listing page (or the catalogue it is merged into): what the Slack dry run shows.
 * `label` is an ISBN field's label as the listing writes it ("ISBN", "E-ISBN").
 */
export type ListingWarningFinding =
  | { code: 'isbn-check-digit'; params: { label: string; isbn: string } }
  | { code: 'language-twice'; params: { language: string } }
  | { code: 'language-name-guessed'; params: { name: string; language: string } }
  | { code: 'title-repeated'; params: { title: string; firstLine: number } }
  | { code: 'no-summary'; params: { title: string } }
  | { code: 'isbn-shared'; params: { isbn: string; otherTitle: string; otherLine: number } }
  | {
      code: 'pages-maybe-copied';
      /** `source` is the title listed just before (`previous`) or one the summary refers to (`referenced`). */
      params: { title: string; pages: number; sourceTitle: string; sourceLine: number; source: 'previous' | 'referenced' };
    }
  | { code: 'language-dropped'; params: { title: string; language: string; url: string } };

/** A warning about a row of an address table (command line only). */
export type AddressWarningFinding =
  | { code: 'address-language-unknown'; params: { language: string } }
  | { code: 'address-not-web'; params: { url: string } }
  | { code: 'address-not-seen'; params: { certainty: string } }
  | { code: 'address-no-match'; params: { title: string } }
  | { code: 'address-several-matches'; params: { title: string; ids: readonly string[] } }
  | { code: 'address-replaced'; params: { title: string; language: string; earlierLine: number } }
  | { code: 'address-not-listed-language'; params: { title: string; language: string; listed: readonly string[] } }
  | { code: 'address-edition-taken'; params: { title: string; language: string; listed: readonly string[]; edition: string } }
  | { code: 'url-other-language'; params: { title: string; language: string; listed: readonly string[]; edition: string } };

export type WarningFinding = ListingWarningFinding | AddressWarningFinding;

/** Why a listing page cannot be read. `text` is the metadata as read (its lines joined). */
export type ListingErrorFinding =
  | { code: 'not-a-listing'; params: { lines: number } }
  | { code: 'title-missing'; params: Record<string, never> }
  | { code: 'summary-runs-into-title'; params: { summaryLine: number; metadataLine: number } }
  | { code: 'title-reads-like-summary'; params: { metadataLine: number } }
  | { code: 'isbn-twice'; params: { label: string } }
  | { code: 'isbn-not-hyphenated'; params: { label: string; isbn: string } }
  | { code: 'isbn-not-13-digits'; params: { label: string; isbn: string } }
  | { code: 'no-languages'; params: { text: string } }
  | { code: 'pages-missing'; params: { text: string } }
  | { code: 'year-missing'; params: { text: string } }
  | { code: 'year-not-four-digits'; params: { text: string; year: string } }
  | { code: 'year-pages-separator'; params: { text: string; separator: string } }
  | { code: 'pages-not-number'; params: { text: string; pages: string } }
  | { code: 'year-implausible'; params: { year: number } }
  | { code: 'pages-not-positive'; params: { pages: number } }
  | { code: 'unknown-language'; params: { name: string } };

/** Why an address table cannot be read (command line only). */
export type AddressErrorFinding = { code: 'address-columns'; params: { count: number } } | { code: 'address-no-table'; params: Record<string, never> };

export type ErrorFinding = ListingErrorFinding | AddressErrorFinding;

export type ListingWarningCode = ListingWarningFinding['code'];
export type ListingErrorCode = ListingErrorFinding['code'];

/** A metadata line as the listing should give it, quoted in messages. */
const EXAMPLE_METADATA = '"2020/164 pages English, Spanish Available for PDF download"';

/** The English wording of a warning. */
export function warningMessage(finding: WarningFinding): string {
  switch (finding.code) {
    case 'isbn-check-digit':
      return `${finding.params.label} ${finding.params.isbn} has a wrong check digit; kept as given`;
    case 'language-twice':
      return `${languageName(finding.params.language)} is listed twice; kept once`;
    case 'language-name-guessed': {
      const { name, language } = finding.params;
      return `the page says "${name}", which is not a language name; read as ${languageName(language)} (${language})`;
    }
    case 'title-repeated':
      return `"${finding.params.title}" appears again (first at line ${finding.params.firstLine}); this repeat is ignored`;
    case 'no-summary':
      return `"${finding.params.title}" has no summary`;
    case 'isbn-shared': {
      const { isbn, otherTitle, otherLine } = finding.params;
      return `ISBN ${isbn} is also given for "${otherTitle}" (line ${otherLine}); one of them is probably wrong`;
    }
    case 'pages-maybe-copied': {
      const { title, pages, sourceTitle, sourceLine, source } = finding.params;
      const relation = source === 'previous' ? 'the title listed just before it' : 'a title its summary refers to';
      return `"${title}" has ${pages} pages, the same as "${sourceTitle}" (line ${sourceLine}), ${relation}; the page count may have been copied — kept as given, please check`;
    }
    case 'language-dropped': {
      const { title, language, url } = finding.params;
      return `"${title}" is no longer listed in ${languageName(language)}; its ${language} address ${url} is dropped`;
    }
    case 'address-language-unknown':
      return `"${finding.params.language}" is not a known ISO 639-1 language code; row skipped`;
    case 'address-not-web':
      return `"${finding.params.url}" is not a web address; row skipped`;
    case 'address-not-seen':
      return `the address is marked "${finding.params.certainty}", not "seen"; row skipped`;
    case 'address-no-match':
      return `"${finding.params.title}" matches no title in the catalogue; row skipped`;
    case 'address-several-matches':
      return `"${finding.params.title}" matches ${finding.params.ids.length} titles (${finding.params.ids.join(', ')}); row skipped`;
    case 'address-replaced': {
      const { title, language, earlierLine } = finding.params;
      return `a ${language} address for "${title}" is already given at line ${earlierLine}; this one replaces it`;
    }
    case 'address-not-listed-language': {
      const { title, language, listed } = finding.params;
      return `"${title}" is not listed in ${languageName(language)} (only ${languageNames(listed)}), and the page cannot be tied to one edition; row skipped`;
    }
    case 'address-edition-taken': {
      const { title, language, listed, edition } = finding.params;
      return `"${title}" is listed only in ${languageNames(listed)}; its ${language} page is not recorded, since an ${edition} address is already recorded`;
    }
    case 'url-other-language': {
      const { title, language, listed, edition } = finding.params;
      return `"${title}" is listed only in ${languageNames(listed)}; its ${language} page is recorded as the address of the ${edition} edition`;
    }
  }
}

/** The English wording of an error (without its line). */
export function errorMessage(finding: ErrorFinding): string {
  const unreadable = (text: string, problem: string) => `cannot read the year and page count in "${text}": ${problem}; expected a line such as ${EXAMPLE_METADATA}`;
  switch (finding.code) {
    case 'not-a-listing':
      return `not a listing page: no entry found in ${finding.params.lines} lines (an entry is a title followed by a line such as ${EXAMPLE_METADATA})`;
    case 'title-missing':
      return 'year/pages line with no title before it';
    case 'summary-runs-into-title': {
      const { summaryLine, metadataLine } = finding.params;
      return `the summary of the entry whose year/pages line is line ${summaryLine} runs into the title of the next entry (year/pages line ${metadataLine}) with no blank line between them; put a blank line before that title`;
    }
    case 'title-reads-like-summary':
      return `expected the title of the entry whose year/pages line is line ${finding.params.metadataLine}, found text that reads like a summary (is the title missing?)`;
    case 'isbn-twice':
      return `${finding.params.label} given twice`;
    case 'isbn-not-hyphenated':
      return `${finding.params.label} "${finding.params.isbn}" must be a hyphenated ISBN-13 such as 978-92-9068-811-2`;
    case 'isbn-not-13-digits':
      return `${finding.params.label} "${finding.params.isbn}" must have 13 digits`;
    case 'no-languages':
      return `no languages given in "${finding.params.text}"; expected a line such as ${EXAMPLE_METADATA}`;
    case 'pages-missing':
      return unreadable(finding.params.text, 'no page count ("NNN pages") after the year');
    case 'year-missing':
      return unreadable(finding.params.text, 'no year before the page count');
    case 'year-not-four-digits':
      return unreadable(finding.params.text, `"${finding.params.year}" is not a four-digit year`);
    case 'year-pages-separator': {
      const { text, separator } = finding.params;
      return unreadable(text, `the year and the page count must be separated by "/"${separator === '' ? '' : `, not "${separator}"`}`);
    }
    case 'pages-not-number':
      return unreadable(finding.params.text, `page count "${finding.params.pages}" is not a number`);
    case 'year-implausible':
      return `year ${finding.params.year} is not a plausible publication year`;
    case 'pages-not-positive':
      return `page count ${finding.params.pages} must be positive`;
    case 'unknown-language':
      return `unknown language "${finding.params.name}"; if it is a language, add it to src/catalogue/languages.ts`;
    case 'address-columns':
      return `expected four columns (title | language | address | how sure), found ${finding.params.count}`;
    case 'address-no-table':
      return 'no address table found (a markdown table: title (short) | language | address | how sure)';
  }
}

function languageNames(codes: readonly string[]): string {
  return codes.map(languageName).join(', ');
}
