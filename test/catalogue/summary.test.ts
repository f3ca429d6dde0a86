import { describe, expect, it } from 'vitest';
import type { SummaryBlock } from '../../src/catalogue/schema.js';
import { summaryText } from '../../src/catalogue/summary.js';

const SUMMARY: SummaryBlock[] = [
  { kind: 'paragraph', text: 'The handbook is structured as follows:' },
  { kind: 'list', items: ['Module 1- Introduction', 'Module 2- Marketing'] },
  { kind: 'paragraph', text: 'It closes with examples.' },
];

describe('summaryText', () => {
  it('keeps paragraphs and list items on their own lines by default', () => {
    expect(summaryText(SUMMARY)).toBe('The handbook is structured as follows:\n\nModule 1- Introduction\nModule 2- Marketing\n\nIt closes with examples.');
  });

  it('runs everything together for an excerpt, list items separated by semicolons', () => {
    expect(summaryText(SUMMARY, 'inline')).toBe('The handbook is structured as follows: Module 1- Introduction; Module 2- Marketing It closes with examples.');
  });

  it('is empty for a title without a summary', () => {
    expect(summaryText([])).toBe('');
  });
});
