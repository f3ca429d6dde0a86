import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../src/catalogue/import-plan.js';
import { importWarning } from '../../../src/catalogue/listing.js';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import { syntheticCatalogue } from '../../../src/bench/synthetic.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import { importDryRunMessage, importValue, readImportValue } from '../../../src/slack/blocks/catalogue-import.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { buttonsOf, textOf } from '../block-query.js';

const many = syntheticCatalogue(loadCatalogue(), 1000).map((p) => ({ ...p, title: `${p.title} ${'with a very long subtitle '.repeat(12)}` }));

/** A page of 1,000 titles with 400 long warnings, some with marks that must not format or ping. */
const huge: ImportPlan = {
  baseVersion: 3,
  added: many.slice(0, 600),
  updated: many.slice(600, 900),
  unchanged: many.slice(900),
  notListed: [],
  warnings: Array.from({ length: 400 }, (_, i) => importWarning(10 * i + 1, { code: 'no-summary', params: { title: `<!channel> *title* ${i} ${'is doubtful '.repeat(20)}` } })),
};

describe.each(LOCALES)('the dry run in %s', (locale) => {
  const t = translator(locale);

  it('stays within Block Kit limits for 1,000 titles and 400 warnings, naming every warning’s line', () => {
    const message = importDryRunMessage(huge, { id: 'F0001', name: '<@U1> *listing*.txt' }, t);
    expect(checkBlockKitLimits('message', message)).toEqual([]);
    const text = textOf(message.blocks);
    for (const { line } of huge.warnings) expect(text).toMatch(new RegExp(`\\b${line}\\b`));
    expect(text).not.toContain('<!channel>');
    // The name is plain text in the header, escaped in the notification text.
    expect(message.text).not.toContain('<@U1>');
    expect(buttonsOf(message.blocks).map((b) => b.value)).toEqual([`F0001:3:${locale}`, `F0001:3:${locale}`]);
  });
});

describe('importValue', () => {
  it('carries the file, the version and the language, and nothing else reads as one', () => {
    expect(readImportValue(importValue({ fileId: 'F0ABC123', baseVersion: 42, locale: 'fr' }))).toEqual({ fileId: 'F0ABC123', baseVersion: 42, locale: 'fr' });
    for (const junk of [undefined, '', 'F1:2', 'F1:x:en', 'F1:2:de', 'f1:2:en', '../x:2:en']) expect(readImportValue(junk)).toBeUndefined();
  });
});
