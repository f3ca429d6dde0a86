import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, parseListing, type ListingEntry } from '../../src/catalogue/listing.js';

const REAL_LISTING = readFileSync(new URL('../fixtures/catalogue/handbooks-and-manuals.txt', import.meta.url), 'utf8');
const QUIRKS = readFileSync(new URL('../fixtures/catalogue/quirks.txt', import.meta.url), 'utf8');

function entry(entries: readonly ListingEntry[], titleStart: string): ListingEntry {
  const found = entries.find((e) => e.title.startsWith(titleStart));
  if (!found) throw new Error(`no entry starting "${titleStart}"`);
  return found;
}

function refusal(text: string): ImportError {
  try {
    parseListing(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the listing was accepted');
}

describe('parseListing on the real listing page', () => {
  const { entries, warnings } = parseListing(REAL_LISTING);

  it('reads all 22 titles and nothing from the purchase section', () => {
    expect(entries).toHaveLength(22);
    expect(entries[0]?.title).toBe('Building the Capacity of Municipalities in Socioeconomic Inclusion of Vulnerable Migrants');
    expect(entries.at(-1)?.title).toBe('Institutional Framework for Addressing Gender-Based Violence in Crises');
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/ORDER FORM|HOW TO PURCHASE|Publications Unit|Amount due/);
  });

  it('joins a title wrapped over seven lines and reads metadata split over three', () => {
    const e = entry(entries, 'Investigating Human Trafficking');
    expect(e.title).toBe(
      "Investigating Human Trafficking Cases Using a Victim-centred Approach: A Trainer's Manual on Combating Trafficking in Persons for Capacity-building of Law Enforcement Officers in Antigua and Barbuda, Belize, Jamaica, and Trinidad and Tobago",
    );
    expect([e.year, e.pages, e.languages, e.pdf]).toEqual([2018, 114, ['en'], true]);
    expect(e.lines).toEqual({ title: 192, metadata: 200 });
  });

  it('reads years, pages, ISBNs and languages', () => {
    const handbook = entry(entries, 'Reintegration Handbook');
    expect(handbook).toMatchObject({ year: 2019, pages: 304, isbn: '978-92-9068-811-2', eisbn: null, languages: ['en', 'fr', 'es', 'ar'] });
    expect(entry(entries, 'Project Development Manual')).toMatchObject({
      isbn: '978-92-9068-795-5',
      eisbn: '978-92-9068-796-2',
      languages: ['en', 'it'],
    });
    expect(entry(entries, 'Guide for Reintegration')).toMatchObject({ isbn: null, eisbn: '978-92-9068-838-9', languages: ['en', 'hy'] });
    expect(entry(entries, 'IOM Guidance on Response Planning')).toMatchObject({ pages: 40, languages: ['en'] });
    expect(entry(entries, 'Guidelines for the Harmonization').title).toBe(
      'Guidelines for the Harmonization of Migration Data Management in the ECOWAS Region',
    );
    expect(entry(entries, 'The safety of your trip').languages).toEqual(['hy']);
    expect(entries.every((e) => e.pdf)).toBe(true);
  });

  it('keeps summary lists as lists, without bullet remnants', () => {
    const manual = entry(entries, 'Project Development Manual');
    expect(manual.summary.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'list']);
    const list = manual.summary[2];
    expect(list?.kind === 'list' && list.items).toEqual([
      'Module 1 How to develop a project',
      'Module 2 The budget: quantifying the project cost and managing the financial resources',
      'Module 3 With whom should I join forces to achieve change? Building the partnership',
      'Module 4 Implementing the project',
      'Module 5 Communicating the project: why it is important and how you should proceed',
      'Module 6 Evaluation: an opportunity for improvement',
    ]);
    const gbv = entry(entries, 'Institutional Framework');
    expect(gbv.summary.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(JSON.stringify(entries)).not.toMatch(/\\\\bullet|\*\*/);
  });

  it('detects the language each summary is written in', () => {
    expect(entry(entries, 'Ventanillas').summaryLanguage).toBe('es');
    expect(entry(entries, 'Guía para la Atención').summaryLanguage).toBe('es');
    expect(entry(entries, 'Modules de formation').summaryLanguage).toBe('fr');
    expect(entry(entries, 'The safety of your trip').summaryLanguage).toBe('en');
    expect(entries.filter((e) => e.summaryLanguage === 'en')).toHaveLength(19);
  });

  it('warns about "Armenia", the shared ISBN and the copied page count, and nothing else', () => {
    expect(warnings).toEqual([
      {
        line: 93,
        code: 'pages-maybe-copied',
        params: { title: 'IOM Guidance on Referral Mechanisms', pages: 298, sourceTitle: expect.stringMatching(/^IOM Handbook on Protection/), sourceLine: 74, source: 'referenced' },
        message: expect.stringMatching(/"IOM Guidance on Referral Mechanisms" has 298 pages, the same as "IOM Handbook on Protection.*\(line 74\)/),
        flags: [{ title: 'IOM Guidance on Referral Mechanisms', field: 'pages', code: 'pages-maybe-copied' }],
      },
      {
        line: 159,
        code: 'language-name-guessed',
        params: { name: 'Armenia', language: 'hy' },
        message: expect.stringMatching(/the page says "Armenia".*Armenian \(hy\)/),
        flags: [{ title: 'The safety of your trip: Tips for Safe Migration', field: 'languages', value: 'hy', code: 'language-name-guessed' }],
      },
      {
        line: 224,
        code: 'isbn-shared',
        params: { isbn: '978-9968-542-71-5', otherTitle: 'Migration and the 2030 Agenda: A Guide for Practitioners', otherLine: 212 },
        message: expect.stringMatching(/ISBN 978-9968-542-71-5 is also given for "Migration and the 2030 Agenda.*\(line 212\)/),
        flags: [
          { title: expect.stringMatching(/^Guía/), field: 'isbn', code: 'isbn-shared' },
          { title: 'Migration and the 2030 Agenda: A Guide for Practitioners', field: 'isbn', code: 'isbn-shared' },
        ],
      },
    ]);
    expect(entry(entries, 'IOM Guidance on Referral Mechanisms').pages).toBe(298);
  });
});

describe('parseListing on a page with every quirk', () => {
  const { entries, warnings } = parseListing(QUIRKS);

  it('reads wrapped titles and split metadata, drops the repeated title and ignores the purchase section', () => {
    expect(entries.map((e) => e.title)).toEqual([
      'A Very Long Handbook Title That Was Wrapped Over Three Lines by the Web Page Export',
      'Manuel de terrain pour les équipes',
      'A Title With No Summary',
      'Guía de campo para los equipos',
    ]);
    expect(entries[0]).toMatchObject({ year: 2021, pages: 120, isbn: '978-92-9068-811-2', languages: ['en', 'it'], pdf: true });
    expect(entries[2]).toMatchObject({ pdf: false, summary: [], summaryLanguage: 'en' });
  });

  it('keeps paragraphs and lists, strips markdown and whitespace-only lines', () => {
    expect(entries[0]?.summary).toEqual([
      { kind: 'paragraph', text: 'This handbook is for the staff of the field offices and it explains the steps.' },
      { kind: 'paragraph', text: 'The steps are:' },
      { kind: 'list', items: ['Step one', 'Step two'] },
    ]);
  });

  it('detects French and Spanish summaries', () => {
    expect(entries.map((e) => e.summaryLanguage)).toEqual(['en', 'fr', 'en', 'es']);
  });

  it('reports each anomaly on its line', () => {
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [11, expect.stringContaining('the page says "Italia"')],
      [22, expect.stringContaining('ISBN 978-92-9068-811-2 is also given for "A Very Long Handbook')],
      [22, expect.stringContaining('has 120 pages, the same as "A Very Long Handbook Title That Was Wrapped Over Three Lines by the Web Page Export" (line 9), the title listed just before it')],
      [26, '"A Title With No Summary" has no summary'],
      [36, expect.stringContaining('appears again (first at line 5); this repeat is ignored')],
    ]);
  });

  it('reads a title, its metadata and its summary written with no blank lines between them', () => {
    const { entries: [only, ...others], warnings: none } = parseListing(
      'A Title\n2020/12 pages English Available for PDF download\nThe summary, on the next line.\n',
    );
    expect(others).toEqual([]);
    expect(none).toEqual([]);
    expect(only).toMatchObject({
      title: 'A Title',
      year: 2020,
      pages: 12,
      languages: ['en'],
      summary: [{ kind: 'paragraph', text: 'The summary, on the next line.' }],
      lines: { title: 1, metadata: 2 },
    });
  });

  it('reads languages separated by spaces as well as by commas, "and", "&" and "/"', () => {
    const { entries: [listed], warnings: armenia } = parseListing(
      'A Title\n\n2020/12 pages English French, Spanish and Arabic & Italian / Armenia Available for PDF download\n\nA summary.\n',
    );
    expect(listed?.languages).toEqual(['en', 'fr', 'es', 'ar', 'it', 'hy']);
    expect(armenia).toEqual([
      { line: 3, code: 'language-name-guessed', params: { name: 'Armenia', language: 'hy' }, message: expect.stringContaining('the page says "Armenia"'), flags: [{ title: 'A Title', field: 'languages', value: 'hy', code: 'language-name-guessed' }] },
    ]);
  });

  it('warns about an ISBN with a wrong check digit', () => {
    const { warnings: checkDigit } = parseListing('A Title\n\n2020/10 pages ISBN 978-92-9068-811-3 English\n\nA summary of the title.\n');
    expect(checkDigit).toEqual([
      {
        line: 3,
        code: 'isbn-check-digit',
        params: { label: 'ISBN', isbn: '978-92-9068-811-3' },
        message: 'ISBN 978-92-9068-811-3 has a wrong check digit; kept as given',
        flags: [{ title: 'A Title', field: 'isbn', code: 'isbn-check-digit' }],
      },
    ]);
  });
});

describe('parseListing refuses malformed input with the line number', () => {
  it.each([
    ['text that is not a listing', 'Dear colleagues,\n\nplease find the report attached.\n', 1, /not a listing page: no entry found in 4 lines/],
    ['an empty page', '', 1, /not a listing page/],
    ['a metadata line with no title before it', '2020/10 pages English\n\nSummary text.\n', 1, /year\/pages line with no title before it/],
    [
      'two metadata lines in a row',
      'A Title\n\n2020/10 pages English\n\n2020/12 pages French\n',
      5,
      /year\/pages line with no title before it/,
    ],
    [
      'a missing title (the previous summary would be taken for one)',
      'A Title\n\n2020/10 pages English\n\nThis summary ends with a full stop.\n\n2020/12 pages French\n',
      5,
      /found text that reads like a summary \(is the title missing\?\)/,
    ],
    [
      'a title, metadata and summary run into the next title with no blank line',
      'A Title\n2020/10 pages English Available for PDF download\nThe summary.\nNext Title\n2020/12 pages French\n',
      3,
      /the summary of the entry whose year\/pages line is line 2 runs into the title of the next entry \(year\/pages line 5\)/,
    ],
    ['a page count that cannot be read', 'A Title\n\n2020/ten pages English\n', 3, /cannot read the year and page count in "2020\/ten pages English": page count "ten" is not a number/],
    ['a page count without a year', 'A Title\n\n98 pages English\n', 3, /cannot read the year and page count in "98 pages English": no year before the page count/],
    ['a year without a page count', 'A Title\n\n2020/\nEnglish\n', 3, /cannot read the year and page count in "2020\/ English": no page count/],
    ['a five-digit year', 'A Title\n\n20201/12 pages English\n\nA summary.\n', 3, /"20201" is not a four-digit year/],
    [
      'a year and page count written another way, which would otherwise be read as summary text',
      'Title A\n\n2020/12 pages English\n\nSummary A.\n\nTitle B\n\n2020 - 14 pages English\n\nSummary B.\n',
      9,
      /cannot read the year and page count in "2020 - 14 pages English": the year and the page count must be separated by "\/", not "-"/,
    ],
    ['a year and page count with nothing between them', 'A Title\n\n2020 14 pages English\n', 3, /must be separated by "\/"; expected/],
    ['an implausible year', 'A Title\n\n1850/10 pages English\n', 3, /year 1850 is not a plausible publication year/],
    ['no languages', 'A Title\n\n2020/10 pages Available for PDF download\n', 3, /no languages given/],
    ['an unknown language', 'A Title\n\n2020/10 pages\nEnglish, Klingon\n', 4, /unknown language "Klingon"/],
    ['an unknown word among languages separated by spaces', 'A Title\n\n2020/10 pages English Klingon Available for PDF download\n', 3, /unknown language "Klingon"/],
    ['a malformed ISBN', 'A Title\n\n2020/10 pages ISBN 12345 English\n', 3, /ISBN "12345" must be a hyphenated ISBN-13/],
  ])('%s', (_name, text, line, message) => {
    const error = refusal(text);
    expect(error.line).toBe(line);
    expect(error.input).toBe('listing');
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
    expect(error.message).toMatch(message);
  });
});
