/**
 * What an import found in a listing page (../../catalogue/import-findings.ts), worded by its code in the
 * reader's language: the dry run's warnings and why a page cannot be read. Titles and values from the page
 * are echoed as plain text; languages are named in the reader's language. A code without wording here (an
 * address-table finding, which only the command line shows) falls back to the English message.
 */
import { errorMessage, type ListingErrorFinding, type ListingWarningFinding } from '../../catalogue/import-findings.js';
import type { ImportError, ImportWarning } from '../../catalogue/listing.js';
import type { Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, plainEcho, truncate } from '../mrkdwn.js';

/** Characters of a title, or of a metadata line, echoed in a finding. */
const TITLE_ECHO_MAX = 200;
/** Characters of a shorter value (a word read as a language, an ISBN, a year) echoed in a finding. */
const VALUE_ECHO_MAX = 60;

/** Text from the page, shown exactly as written and never as formatting, a mention or a link. */
const echo = (text: string, max = TITLE_ECHO_MAX) => plainEcho(truncate(text, max));

type Wording<F extends { code: string; params: object }> = { [C in F['code']]: (params: Extract<F, { code: C }>['params'], t: Translator) => string };

const WARNINGS: Wording<ListingWarningFinding> = {
  'isbn-check-digit': ({ label, isbn }, t) => t('importWarning.isbnCheckDigit', { label: echo(label, VALUE_ECHO_MAX), isbn: echo(isbn, VALUE_ECHO_MAX) }),
  'language-twice': ({ language }, t) => t('importWarning.languageTwice', { language: t.language(language) }),
  'language-name-guessed': ({ name, language }, t) =>
    t('importWarning.languageNameGuessed', { name: echo(name, VALUE_ECHO_MAX), language: t.language(language), code: language }),
  'title-repeated': ({ title, firstLine }, t) => t('importWarning.titleRepeated', { title: echo(title), firstLine: String(firstLine) }),
  'no-summary': ({ title }, t) => t('importWarning.noSummary', { title: echo(title) }),
  'isbn-shared': ({ isbn, otherTitle, otherLine }, t) =>
    t('importWarning.isbnShared', { isbn: echo(isbn, VALUE_ECHO_MAX), otherTitle: echo(otherTitle), otherLine: String(otherLine) }),
  'pages-maybe-copied': ({ title, pages, sourceTitle, sourceLine, source }, t) =>
    t(source === 'previous' ? 'importWarning.pagesCopiedFromPrevious' : 'importWarning.pagesCopiedFromReferenced', {
      title: echo(title),
      pages,
      sourceTitle: echo(sourceTitle),
      sourceLine: String(sourceLine),
    }),
  'language-dropped': ({ title, language, url }, t) => t('importWarning.languageDropped', { title: echo(title), language: t.language(language), url: escapeMrkdwn(url) }),
};

const ERRORS: Wording<ListingErrorFinding> = {
  'not-a-listing': ({ lines }, t) => t('importError.notAListing', { count: lines }),
  'title-missing': (_, t) => t('importError.titleMissing'),
  'summary-runs-into-title': ({ summaryLine, metadataLine }, t) =>
    t('importError.summaryRunsIntoTitle', { summaryLine: String(summaryLine), metadataLine: String(metadataLine) }),
  'title-reads-like-summary': ({ metadataLine }, t) => t('importError.titleReadsLikeSummary', { metadataLine: String(metadataLine) }),
  'isbn-twice': ({ label }, t) => t('importError.isbnTwice', { label: echo(label, VALUE_ECHO_MAX) }),
  'isbn-not-hyphenated': ({ label, isbn }, t) => t('importError.isbnNotHyphenated', { label: echo(label, VALUE_ECHO_MAX), isbn: echo(isbn, VALUE_ECHO_MAX) }),
  'isbn-not-13-digits': ({ label, isbn }, t) => t('importError.isbnNot13Digits', { label: echo(label, VALUE_ECHO_MAX), isbn: echo(isbn, VALUE_ECHO_MAX) }),
  'no-languages': ({ text }, t) => t('importError.noLanguages', { text: echo(text) }),
  'pages-missing': ({ text }, t) => yearAndPages(text, t('importError.pagesMissing'), t),
  'year-missing': ({ text }, t) => yearAndPages(text, t('importError.yearMissing'), t),
  'year-not-four-digits': ({ text, year }, t) => yearAndPages(text, t('importError.yearNotFourDigits', { year: echo(year, VALUE_ECHO_MAX) }), t),
  'year-pages-separator': ({ text, separator }, t) =>
    yearAndPages(text, separator === '' ? t('importError.separatorMissing') : t('importError.separatorWrong', { separator: echo(separator, VALUE_ECHO_MAX) }), t),
  'pages-not-number': ({ text, pages }, t) => yearAndPages(text, t('importError.pagesNotNumber', { pages: echo(pages, VALUE_ECHO_MAX) }), t),
  'year-implausible': ({ year }, t) => t('importError.yearImplausible', { year: String(year) }),
  'pages-not-positive': ({ pages }, t) => t('importError.pagesNotPositive', { pages }),
  'unknown-language': ({ name }, t) => t('importError.unknownLanguage', { name: echo(name, VALUE_ECHO_MAX) }),
};

function yearAndPages(text: string, problem: string, t: Translator): string {
  return t('importError.yearAndPages', { text: echo(text), problem });
}

/** Words `finding` with `wording` when it has one for its code; undefined for a code it does not know. */
function worded<F extends { code: string; params: object }>(wording: Wording<F>, finding: { code: string; params: object }, t: Translator): string | undefined {
  if (!Object.hasOwn(wording, finding.code)) return undefined;
  const word = wording[finding.code as F['code']] as (params: object, t: Translator) => string;
  return word(finding.params, t);
}

/** A warning of the dry run (without its line), in the reader's language; mrkdwn, everything from the page escaped. */
export function importWarningText(warning: ImportWarning, t: Translator): string {
  return worded(WARNINGS, warning, t) ?? escapeMrkdwn(warning.message);
}

/** Why a listing page cannot be read (without the line), in the reader's language; mrkdwn, everything from the page escaped. */
export function importErrorText(error: ImportError, t: Translator): string {
  return worded(ERRORS, error.finding, t) ?? plainEcho(errorMessage(error.finding));
}
