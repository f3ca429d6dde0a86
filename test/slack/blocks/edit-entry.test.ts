/**
 * The Edit entry modal's builder: within Block Kit's limits in every language at its largest (ten editions,
 * a dozen flags, long values), its values read back as typed, its private_metadata read back or refused,
 * and errors placed under the field they concern.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../../src/catalogue/languages.js';
import { EDIT_LIMITS, reviewFlagKey } from '../../../src/catalogue/entry-edit.js';
import type { Publication, ReviewFlag } from '../../../src/catalogue/schema.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import {
  decodeEditMetadata,
  EDIT_BLOCK,
  editEntryModal,
  editErrors,
  encodeEditMetadata,
  enteredEditValues,
  entryFormValues,
} from '../../../src/slack/blocks/edit-entry.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { textOf } from '../block-query.js';
import { makePublication } from '../publications.js';

const FLAGS: ReviewFlag[] = Array.from({ length: 12 }, (_, i) => ({
  field: 'languages',
  value: LANGUAGE_CODES[i % LANGUAGE_CODES.length],
  code: `language-doubt-${'x'.repeat(i + 1)}`,
  message: `The listing names a language oddly <line ${i}> & ${'more words '.repeat(30)}`,
}));

/** A title with every known language as an edition, long values and a dozen flags. */
const LARGEST: Publication = makePublication({
  id: 'largest',
  title: `Handbook & guide <on> ${'protection of migrants '.repeat(20)}`,
  languages: [...LANGUAGE_CODES],
  urls: Object.fromEntries(LANGUAGE_CODES.map((l) => [l, `https://publications.iom.int/${l}/books/${'a'.repeat(900)}`])),
  prices: { CHF: 99999.99, EUR: 0, USD: 12.5 },
  keywords: Array.from({ length: 40 }, (_, i) => `keyword ${i}`),
  notes: 'n'.repeat(EDIT_LIMITS.notes),
  needsReview: FLAGS,
});

const metadata = { id: LARGEST.id, baseVersion: 7, locale: 'en' as const, detailsViewId: 'V123' };

describe('editEntryModal', () => {
  it.each(LOCALES)('stays within Block Kit limits at its largest in %s, the flags ten to a block', (locale) => {
    const t = translator(locale);
    const view = editEntryModal(LARGEST, { metadata: { ...metadata, locale }, notice: t('edit.conflictCheck') }, t);
    expect(checkBlockKitLimits('modal', view)).toEqual([]);
    const ids = view.blocks.flatMap((b) => ('block_id' in b && b.block_id ? [b.block_id] : []));
    expect(ids).toEqual([
      ...LANGUAGE_CODES.map((l) => EDIT_BLOCK.url(l)),
      EDIT_BLOCK.price('CHF'),
      EDIT_BLOCK.price('EUR'),
      EDIT_BLOCK.price('USD'),
      EDIT_BLOCK.keywords,
      EDIT_BLOCK.notes,
      EDIT_BLOCK.flags(0),
      EDIT_BLOCK.flags(1),
    ]);
    expect(decodeEditMetadata(view.private_metadata ?? '')).toEqual({ ...metadata, locale });
  });

  it('escapes the title and the flags’ messages, and keeps the ticks of a form shown again', () => {
    const en = translator('en');
    const values = { ...entryFormValues(LARGEST, en), clearFlags: [reviewFlagKey(FLAGS[11] as ReviewFlag)] };
    const view = editEntryModal(LARGEST, { metadata, values }, en);
    const text = textOf(view.blocks);
    expect(text).toContain('Handbook &amp; guide &lt;on&gt;');
    expect(text).toContain('&lt;line 0&gt; &amp;');
    const second = view.blocks.find((b) => 'block_id' in b && b.block_id === EDIT_BLOCK.flags(1)) as { element: { initial_options?: { value: string }[] } };
    expect(second.element.initial_options?.map((o) => o.value)).toEqual([reviewFlagKey(FLAGS[11] as ReviewFlag)]);
  });

  it('writes recorded prices the reader’s way and reads back what was typed', () => {
    expect(entryFormValues(LARGEST, translator('fr')).prices).toEqual({ CHF: '99999,99', EUR: '0,00', USD: '12,50' });
    const values = enteredEditValues(makePublication(), {
      [EDIT_BLOCK.url('en')]: { [EDIT_BLOCK.url('en')]: { value: 'https://example.org' } },
      [EDIT_BLOCK.url('fr')]: { [EDIT_BLOCK.url('fr')]: { value: null } },
      [EDIT_BLOCK.price('EUR')]: { [EDIT_BLOCK.price('EUR')]: { value: '3,20' } },
      [EDIT_BLOCK.keywords]: { [EDIT_BLOCK.keywords]: { value: 'a, b' } },
      [EDIT_BLOCK.flags(0)]: { [EDIT_BLOCK.flags(0)]: { selected_options: [{ value: 'k1' }] } },
      [EDIT_BLOCK.flags(1)]: { [EDIT_BLOCK.flags(1)]: { selected_options: [{ value: 'k2' }] } },
    });
    expect(values).toEqual({ urls: { en: 'https://example.org', fr: '' }, prices: { CHF: '', EUR: '3,20', USD: '' }, keywords: 'a, b', notes: '', clearFlags: ['k1', 'k2'] });
  });
});

describe('decodeEditMetadata and editErrors', () => {
  it('refuses metadata that is not the modal’s', () => {
    for (const text of ['', 'x', '{}', '{"i":"a","v":"1","l":"en"}', '{"i":"a","v":1.5,"l":"en"}', '{"i":"a","v":1,"l":"de"}']) expect(decodeEditMetadata(text)).toBeUndefined();
    expect(decodeEditMetadata(encodeEditMetadata({ id: 'a', baseVersion: 0, locale: 'es' }))).toEqual({ id: 'a', baseVersion: 0, locale: 'es' });
  });

  it('puts each error under its field, and a problem of the whole entry under the first', () => {
    const p = makePublication();
    const es = translator('es');
    expect(editErrors(p, { 'urls.fr': { code: 'urlInvalid' }, 'prices.USD': { code: 'priceTooHigh', max: 100000 }, entry: { code: 'invalid', message: 'bad' } }, es)).toEqual({
      [EDIT_BLOCK.url('fr')]: es('edit.error.urlInvalid'),
      [EDIT_BLOCK.price('USD')]: 'Es más de 100.000: compruebe el precio, por favor.',
      [EDIT_BLOCK.url('en')]: 'El catálogo no acepta esto: bad',
    });
  });
});
