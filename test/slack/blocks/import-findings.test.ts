/**
 * What the importer finds reaches a French or Spanish admin in their language: every warning code (raised
 * by running the importer on pages with quirks) and every malformed-page error, with its params filled in,
 * what came from the page echoed as plain text, and no English wording left; an unknown code falls back to
 * the English message. The review list words every flag the importer raises.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAddresses, parseAddressTable } from '../../../src/catalogue/addresses.js';
import type { ListingErrorCode, ListingWarningCode } from '../../../src/catalogue/import-findings.js';
import { planImport, type ImportPlan } from '../../../src/catalogue/import-plan.js';
import { importCatalogue } from '../../../src/catalogue/importer.js';
import { ImportError, importWarning, parseListing, type ListingWarning } from '../../../src/catalogue/listing.js';
import { reviewItems } from '../../../src/catalogue/review-list.js';
import type { Publication } from '../../../src/catalogue/schema.js';
import { translator } from '../../../src/i18n/translator.js';
import { importDryRunMessage } from '../../../src/slack/blocks/catalogue-import.js';
import { importErrorText, importWarningText } from '../../../src/slack/blocks/import-findings.js';
import { problemText } from '../../../src/slack/blocks/review-list.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { plainEcho } from '../../../src/slack/mrkdwn.js';
import { textOf } from '../block-query.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/catalogue/${name}`, import.meta.url), 'utf8');
const TRANSLATED = ['fr', 'es'] as const;

/** A page with the quirks quirks.txt lacks: a wrong check digit, a language listed twice, and a title whose echo must stay plain. */
const MORE_QUIRKS = [
  'Reintegration <!here> *Handbook*',
  '',
  '2019/304 pages ISBN 978-92-9068-811-3 English, Spanish, English Available for PDF download',
  '',
  'A handbook on reintegration assistance.',
  '',
].join('\n');

/** The catalogue MORE_QUIRKS is imported into: the title was listed in French too, with an address, which the page drops. */
function catalogueWithFrench(): Publication[] {
  const [entry] = importCatalogue([], MORE_QUIRKS.replace('English, Spanish, English', 'English, French')).publications;
  return [{ ...(entry as Publication), urls: { fr: 'https://publications.iom.int/fr/books/reintegration' } }];
}

/** Every warning the importer raises on the quirks pages: the Slack dry runs of both. */
function quirkPlans(): ImportPlan[] {
  return [planImport([], 1, fixture('quirks.txt')), planImport(catalogueWithFrench(), 2, MORE_QUIRKS)];
}

/** Every listing warning code; the type makes this fail to compile when a code is added and not listed. */
const WARNING_CODES: Record<ListingWarningCode, true> = {
  'isbn-check-digit': true,
  'language-twice': true,
  'language-name-guessed': true,
  'title-repeated': true,
  'no-summary': true,
  'isbn-shared': true,
  'pages-maybe-copied': true,
  'language-dropped': true,
};

/** A page that cannot be read, for each error code. */
const MALFORMED: Record<ListingErrorCode, string> = {
  'not-a-listing': 'Handbooks and Manuals\n\nNothing here yet.\n',
  'title-missing': '2020/10 pages English\n',
  'summary-runs-into-title': 'A Title\n\n2020/10 pages English Available for PDF download\nA summary.\nThe Next Title\n\n2021/12 pages English\n',
  'title-reads-like-summary': 'This is a summary, not a title.\n\n2020/10 pages English\n',
  'isbn-twice': 'A Title\n\n2020/10 pages ISBN 978-92-9068-811-2 ISBN 978-92-9068-811-2 English\n',
  'isbn-not-hyphenated': 'A Title\n\n2020/10 pages ISBN 9789290688112 English\n',
  'isbn-not-13-digits': 'A Title\n\n2020/10 pages ISBN 978-92-9068-8112-2 English\n',
  'no-languages': 'A Title\n\n2020/10 pages Available for PDF download\n',
  'pages-missing': 'A Title\n\n2021/\nEnglish\n',
  'year-missing': 'A Title\n\n10 pages English\n',
  'year-not-four-digits': 'A Title\n\n20/10 pages English\n',
  'year-pages-separator': 'A Title\n\n2020 - 10 pages English\n',
  'pages-not-number': 'A Title\n\n2020/ten pages English\n',
  'year-implausible': 'A Title\n\n1900/10 pages English\n',
  'pages-not-positive': 'A Title\n\n2020/0 pages English\n',
  'unknown-language': 'A Title\n\n2020/10 pages <!channel>*Klingon*\n',
};

function importErrorOf(text: string): ImportError {
  try {
    parseListing(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the page was read');
}

/** Runs of three words of `english` (its values taken out) that `text` (its values taken out) still has. */
function englishLeft(text: string, english: string, values: readonly string[]): string[] {
  const words = (s: string) => {
    const longestFirst = [...values].sort((a, b) => b.length - a.length);
    const stripped = longestFirst.reduce((rest, value) => rest.split(value).join(' '), s.replace(/`[^`]*`/g, ' '));
    return stripped.toLowerCase().match(/\p{L}{2,}/gu) ?? [];
  };
  const trigrams = (ws: string[]) => ws.slice(2).map((w, i) => `${ws[i]} ${ws[i + 1]} ${w}`);
  const theirs = new Set(trigrams(words(english)));
  return trigrams(words(text)).filter((g) => theirs.has(g));
}

/** The strings of a finding's params, as given and as echoed: what came from the page, the same in any language. */
const paramValues = (params: object) =>
  Object.values(params)
    .flatMap((v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : []))
    .flatMap((v) => [v, plainEcho(v)]);

describe('the importer’s warnings', () => {
  const plans = quirkPlans();
  const warnings = plans.flatMap((p) => p.warnings);

  it('include every warning code on the quirks pages', () => {
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(Object.keys(WARNING_CODES)));
  });

  it.each(TRANSLATED)('are worded in %s with every param filled in and no English left', (locale) => {
    const t = translator(locale);
    for (const warning of warnings) {
      const text = importWarningText(warning, t);
      expect(text, warning.code).not.toMatch(/[{}]/);
      expect(englishLeft(text, warning.message, paramValues(warning.params)), `${warning.code} in ${locale}: ${text}`).toEqual([]);
    }
  });

  it.each(TRANSLATED)('name languages in %s and echo the page’s text as plain text', (locale) => {
    const t = translator(locale);
    const byCode = (code: string) => importWarningText(warnings.find((w) => w.code === code) as ListingWarning, t);
    expect(byCode('language-name-guessed')).toContain(`${t.language('it')} (it)`);
    expect(byCode('language-twice')).toContain(t.language('en'));
    expect(byCode('language-dropped')).toContain(t.language('fr'));
    expect(byCode('language-dropped')).toContain('https://publications.iom.int/fr/books/reintegration');
    const echoed = byCode('isbn-check-digit') + byCode('title-repeated') + byCode('no-summary');
    expect(echoed).toContain('978-92-9068-811-3');
    for (const w of warnings.filter((w) => 'title' in w.params && w.params.title.includes('<!here>'))) {
      const text = importWarningText(w, t);
      expect(text).toContain('Reintegration &lt;!here&gt; ∗Handbook∗');
      expect(text).not.toContain('<!here>');
    }
  });

  it.each(TRANSLATED)('leave no English in the %s dry run, which stays within Block Kit limits', (locale) => {
    const t = translator(locale);
    for (const plan of plans) {
      const message = importDryRunMessage(plan, { id: 'F0001', name: 'quirks.txt' }, t);
      expect(checkBlockKitLimits('message', message)).toEqual([]);
      const titles = [...plan.added, ...plan.updated, ...plan.unchanged].map((p) => p.title);
      const text = textOf(message.blocks);
      for (const warning of plan.warnings) {
        expect(englishLeft(text, warning.message, [...titles, ...paramValues(warning.params)]), warning.code).toEqual([]);
      }
    }
  });

  it('fall back to the English message, escaped, for a code the Slack layer does not word', () => {
    const unknown = { line: 3, code: 'some-new-doubt', params: {}, message: 'the <!here> page is *odd*' } as unknown as ListingWarning;
    expect(importWarningText(unknown, translator('fr'))).toBe('the &lt;!here&gt; page is *odd*');
    const [addressWarning] = applyAddresses([], parseAddressTable('| title | language | address | how sure |\n|---|---|---|---|\n| Nothing | en | https://example.org/x | seen |\n')).warnings;
    expect(importWarningText(addressWarning!, translator('es'))).toBe('"Nothing" matches no title in the catalogue; row skipped');
  });

  it('keep their English message, which the command line prints and the catalogue stores', () => {
    const warning = importWarning(5, { code: 'no-summary', params: { title: 'A Title' } });
    expect(warning).toEqual({ line: 5, code: 'no-summary', params: { title: 'A Title' }, message: '"A Title" has no summary' });
  });
});

describe('a page that cannot be read', () => {
  it.each(Object.entries(MALFORMED))('raises %s', (code, text) => {
    expect(importErrorOf(text).finding.code).toBe(code);
  });

  it.each(TRANSLATED)('is explained in %s with every param filled in and no English left', (locale) => {
    const t = translator(locale);
    for (const text of Object.values(MALFORMED)) {
      const error = importErrorOf(text);
      const worded = importErrorText(error, t);
      expect(worded, error.finding.code).not.toMatch(/[{}]/);
      const english = error.message.replace(/^line \d+: /, '');
      expect(englishLeft(worded, english, paramValues(error.finding.params)), `${error.finding.code} in ${locale}: ${worded}`).toEqual([]);
    }
  });

  it('echoes what the page says as plain text', () => {
    const worded = importErrorText(importErrorOf(MALFORMED['unknown-language']), translator('es'));
    expect(worded).toContain('«&lt;!channel&gt;∗Klingon∗»');
  });
});

describe('the review list', () => {
  it.each(TRANSLATED)('words in %s every flag the importer raises', (locale) => {
    const t = translator(locale);
    const table = [
      '| title | language | address | how sure |',
      '|---|---|---|---|',
      '| A Title With No Summary | fr | https://publications.iom.int/fr/books/no-summary | seen |',
      '| Reintegration | es | https://example.org/reintegration-es | seen |',
    ].join('\n');
    const quirks = importCatalogue([], fixture('quirks.txt'), table).publications;
    const more = importCatalogue([], MORE_QUIRKS.replace('English, Spanish, English', 'English'), table).publications;
    const items = reviewItems([...quirks, ...more]);
    const flags = items.flatMap((i) => i.problems.flatMap((p) => (p.kind === 'flag' ? [{ publication: i.publication, problem: p }] : [])));
    expect(new Set(flags.map((f) => f.problem.flag.code))).toEqual(new Set(['isbn-check-digit', 'isbn-shared', 'language-name-guessed', 'pages-maybe-copied', 'url-other-language']));
    const fallback = problemText(flags[0]!.publication, { kind: 'flag', flag: { field: 'pages', code: 'x', message: '' } }, t).replace(/\s*$/, '');
    for (const { publication, problem } of flags) {
      const text = problemText(publication, problem, t);
      expect(text.startsWith(fallback), `${problem.flag.code}: ${text}`).toBe(false);
      expect(englishLeft(text, problem.flag.message, [publication.title]), problem.flag.code).toEqual([]);
    }
  });
});
