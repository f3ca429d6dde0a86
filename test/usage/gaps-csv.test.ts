/** The gaps CSV: header, one row per query text in the order given, RFC 4180 quoting, formulas defused. */
import { expect, it } from 'vitest';
import { gapsToCsv } from '../../src/usage/gaps-csv.js';

it('writes one row per query text, quoting commas and quotes, and defusing formulas', () => {
  const gap = (query: string, nothingFound: number, foundInPart: number) => ({ query, searches: nothingFound + foundInPart, nothingFound, foundInPart, lastDay: '2026-12-02' });
  expect(gapsToCsv([gap('climate, "adaptation"', 3, 1), gap('=hyperlink("x")', 1, 0), gap('-2+3', 0, 1)]).split('\r\n')).toEqual([
    'query,searches,found_nothing,found_in_part,last_searched',
    '"climate, ""adaptation""",4,3,1,2026-12-02',
    `"'=hyperlink(""x"")",1,1,0,2026-12-02`,
    `'-2+3,1,0,1,2026-12-02`,
    '',
  ]);
  expect(gapsToCsv([])).toBe('query,searches,found_nothing,found_in_part,last_searched\r\n');
});
