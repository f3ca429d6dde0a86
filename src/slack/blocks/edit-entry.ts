/**
 * The Edit entry modal of a catalogue admin: per language edition of the title its link, the print price in
 * each currency, keywords, notes, and a checkbox per `needsReview` flag to clear it (saying what is doubted).
 * Also what the modal sends back (its values, its private_metadata), the errors under their fields, and the
 * changes said in words. The conversion and validation themselves are ../../catalogue/entry-edit.ts.
 */
import type { types } from '@slack/bolt';
import { EDIT_LIMITS, reviewFlagKey, type EntryChange, type EntryEditError, type EntryEditErrorCode, type EntryEditErrors, type EntryEditInput } from '../../catalogue/entry-edit.js';
import { CURRENCIES, type Currency, type Publication, type ReviewField, type ReviewFlag } from '../../catalogue/schema.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { Translator } from '../../i18n/translator.js';
import { toMinorUnits } from '../../orders/pricing.js';
import { escapeMrkdwn, LIMITS, plainEcho } from '../mrkdwn.js';
import { ACTION, CALLBACK } from './action-ids.js';
import { button, input, option, packLines, plainText, section, type Block, type Button } from './kit.js';
import { mrkdwnLink, priceText, publicationValue } from './publication.js';

/** Block ids of the modal's inputs; each block's one element has the same id as its action_id. */
export const EDIT_BLOCK = {
  url: (language: string) => `edit_url_${language}`,
  price: (currency: Currency) => `edit_price_${currency}`,
  keywords: 'edit_keywords',
  notes: 'edit_notes',
  /** Flags are shown ten to a block (Slack's limit of checkboxes per element). */
  flags: (n: number) => `${FLAGS_BLOCK_PREFIX}${n}`,
} as const;

const FLAGS_BLOCK_PREFIX = 'edit_flags_';

const FLAGS_PER_BLOCK = 10;

/** What the modal carries in private_metadata: the entry, the catalogue version it was read at, the language, and the Details view it was opened from. */
export interface EditEntryMetadata {
  id: string;
  baseVersion: number;
  locale: Locale;
  /** The Details modal under this one, updated once the change is saved. */
  detailsViewId?: string;
}

/** The metadata as private_metadata text. */
export function encodeEditMetadata(m: EditEntryMetadata): string {
  return JSON.stringify({ i: m.id, v: m.baseVersion, l: m.locale, ...(m.detailsViewId ? { d: m.detailsViewId } : {}) });
}

/** Reads encodeEditMetadata's text; undefined when it is not one. */
export function decodeEditMetadata(text: string): EditEntryMetadata | undefined {
  try {
    const m = JSON.parse(text) as { i?: unknown; v?: unknown; l?: unknown; d?: unknown };
    if (typeof m.i !== 'string' || typeof m.v !== 'number' || !Number.isInteger(m.v) || !isLocale(m.l)) return undefined;
    return { id: m.i, baseVersion: m.v, locale: m.l, ...(typeof m.d === 'string' ? { detailsViewId: m.d } : {}) };
  } catch {
    return undefined;
  }
}

/** The Edit entry button of a publication's Details (shown to catalogue admins only). */
export function editEntryButton(p: Publication, t: Translator): Button {
  return button({ text: t('button.editEntry'), actionId: ACTION.editEntry, value: publicationValue(p, t) });
}

/** The form's values as it opens on `p`: its links, its prices written in the reader's way ("12,50" in French), keywords, notes. */
export function entryFormValues(p: Publication, t: Translator): EntryEditInput {
  const amounts = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const prices: Partial<Record<Currency, string>> = {};
  for (const currency of CURRENCIES) {
    const price = p.prices[currency];
    if (price !== undefined) prices[currency] = amounts.format(toMinorUnits(price) / 100);
  }
  return { urls: { ...p.urls }, prices, keywords: p.keywords.join(', '), notes: p.notes ?? '', clearFlags: [] };
}

/**
 * The Edit entry modal for `p`, filled with `values` (default: the entry's own), with `notice` at its top
 * (a conflict with someone else's change). Titles and buttons stay within Slack's 24 characters.
 */
export function editEntryModal(
  p: Publication,
  state: { metadata: EditEntryMetadata; values?: EntryEditInput; notice?: string },
  t: Translator,
): types.ModalView {
  const values = state.values ?? entryFormValues(p, t);
  const text = (actionId: string, initial: string | undefined, maxLength: number, multiline = false): types.PlainTextInput => ({
    type: 'plain_text_input',
    action_id: actionId,
    max_length: maxLength,
    ...(multiline ? { multiline: true } : {}),
    ...(initial ? { initial_value: initial } : {}),
  });
  const blocks: Block[] = [];
  if (state.notice !== undefined) blocks.push(section(state.notice));
  blocks.push(section(t('edit.intro', { title: escapeMrkdwn(p.title) })));
  p.languages.forEach((language, i) => {
    const id = EDIT_BLOCK.url(language);
    blocks.push(input(id, t('edit.link', { language: t.language(language) }), text(id, values.urls[language], EDIT_LIMITS.url), { optional: true, ...(i === 0 ? { hint: t('edit.linkHint') } : {}) }));
  });
  CURRENCIES.forEach((currency, i) => {
    const id = EDIT_BLOCK.price(currency);
    blocks.push(input(id, t('edit.price', { currency }), text(id, values.prices[currency], 30), { optional: true, ...(i === 0 ? { hint: t('edit.priceHint') } : {}) }));
  });
  blocks.push(
    input(EDIT_BLOCK.keywords, t('edit.keywords'), text(EDIT_BLOCK.keywords, values.keywords, EDIT_LIMITS.keywords), { optional: true, hint: t('edit.keywordsHint') }),
    input(EDIT_BLOCK.notes, t('edit.notes'), text(EDIT_BLOCK.notes, values.notes, EDIT_LIMITS.notes, true), { optional: true, hint: t('edit.notesHint') }),
  );
  const flags = p.needsReview ?? [];
  if (flags.length > 0) {
    const doubts = flags.map((f) => `• *${escapeMrkdwn(flagText(p, f, t))}*: ${escapeMrkdwn(f.message)}`);
    blocks.push(...packLines([`*${t('edit.flags')}*`, ...doubts], LIMITS.sectionText).map((text) => section(text)));
  }
  const cleared = new Set(values.clearFlags);
  for (let start = 0; start < flags.length; start += FLAGS_PER_BLOCK) {
    const id = EDIT_BLOCK.flags(start / FLAGS_PER_BLOCK);
    const options = flags.slice(start, start + FLAGS_PER_BLOCK).map((f) => option(flagText(p, f, t), reviewFlagKey(f), f.message));
    const checked = options.filter((o) => cleared.has(o.value ?? ''));
    const element: types.Checkboxes = { type: 'checkboxes', action_id: id, options, ...(checked.length > 0 ? { initial_options: checked } : {}) };
    blocks.push(input(id, t('edit.flags'), element, { optional: true, ...(start === 0 ? { hint: t('edit.flagsHint') } : {}) }));
  }
  return {
    type: 'modal',
    callback_id: CALLBACK.editEntry,
    private_metadata: encodeEditMetadata(state.metadata),
    title: plainText(t('modal.editEntry'), LIMITS.modalTitle),
    submit: plainText(t('modal.save'), LIMITS.modalButton),
    close: plainText(t('modal.cancel'), LIMITS.modalButton),
    blocks,
  };
}

/** The message key naming each flagged field with its value. */
const FLAG_TEXT: Readonly<Record<ReviewField, MessageKey>> = {
  languages: 'edit.flag.languages',
  isbn: 'edit.flag.isbn',
  eisbn: 'edit.flag.eisbn',
  pages: 'edit.flag.pages',
  urls: 'edit.flag.urls',
};

/** What a flag doubts, as plain text: "ISBN: 978-…", "Language: Armenian", "Link: English". */
export function flagText(p: Publication, flag: ReviewFlag, t: Translator): string {
  const value = (() => {
    switch (flag.field) {
      case 'languages':
      case 'urls':
        return flag.value === undefined ? p.languages.map((l) => t.language(l)).join(', ') : t.language(flag.value);
      case 'pages':
        return t.number(p.pages);
      case 'isbn':
      case 'eisbn':
        return p[flag.field] ?? '–';
    }
  })();
  return t(FLAG_TEXT[flag.field], { value });
}

/** What the person entered in the modal of `p` (view.state.values), as the form's values. */
export function enteredEditValues(p: Publication, stateValues: Record<string, Record<string, { value?: string | null; selected_options?: { value?: string }[] | null }>>): EntryEditInput {
  const text = (id: string) => stateValues[id]?.[id]?.value ?? '';
  const urls: Record<string, string> = {};
  for (const language of p.languages) urls[language] = text(EDIT_BLOCK.url(language));
  const prices: Partial<Record<Currency, string>> = {};
  for (const currency of CURRENCIES) prices[currency] = text(EDIT_BLOCK.price(currency));
  const clearFlags = Object.entries(stateValues)
    .filter(([blockId]) => blockId.startsWith(FLAGS_BLOCK_PREFIX))
    .flatMap(([blockId, actions]) => (actions[blockId]?.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : [])));
  return { urls, prices, keywords: text(EDIT_BLOCK.keywords), notes: text(EDIT_BLOCK.notes), clearFlags };
}

/** The message key of each error code. */
const ERROR_TEXT: Readonly<Record<EntryEditErrorCode, MessageKey>> = {
  urlInvalid: 'edit.error.urlInvalid',
  urlNotWeb: 'edit.error.urlNotWeb',
  priceNotNumber: 'edit.error.priceNotNumber',
  priceNegative: 'edit.error.priceNegative',
  priceDecimals: 'edit.error.priceDecimals',
  priceAmbiguous: 'edit.error.priceAmbiguous',
  priceTooHigh: 'edit.error.priceTooHigh',
  keywordEmpty: 'edit.error.keywordEmpty',
  tooLong: 'edit.error.tooLong',
  invalid: 'edit.error.invalid',
};

/** An error in the person's language. */
function errorText(error: EntryEditError, t: Translator): string {
  return t(ERROR_TEXT[error.code], { max: error.max ?? 0, message: error.message ?? '' });
}

/** The block of the modal of `p` under which the error for field `key` shows (see entry-edit.ts for the keys). */
function errorBlock(p: Publication, key: string): string {
  const [field, item = ''] = key.split('.');
  if (field === 'urls' && p.languages.includes(item)) return EDIT_BLOCK.url(item);
  if (field === 'prices' && (CURRENCIES as readonly string[]).includes(item)) return EDIT_BLOCK.price(item as Currency);
  if (field === 'keywords') return EDIT_BLOCK.keywords;
  if (field === 'notes') return EDIT_BLOCK.notes;
  // a problem of the entry as a whole: under its first field
  const [first = ''] = p.languages;
  return EDIT_BLOCK.url(first);
}

/** The errors as `response_action: 'errors'` wants them: block id → message (messages for one block joined). */
export function editErrors(p: Publication, errors: EntryEditErrors, t: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, error] of Object.entries(errors)) {
    const block = errorBlock(p, key);
    const message = errorText(error, t);
    out[block] = out[block] ? `${out[block]}; ${message}` : message;
  }
  return out;
}

/** The changes in words, for mrkdwn (everything typed escaped): "price in CHF now CHF 12.50; link of the French edition now https://…". */
export function changesText(p: Publication, changes: readonly EntryChange[], t: Translator): string {
  return changes
    .map((c) => {
      switch (c.field) {
        case 'url':
          return c.to === null
            ? t('edit.change.linkRemoved', { language: t.language(c.language) })
            : t('edit.change.linkSet', { language: t.language(c.language), url: mrkdwnLink(c.to, c.to) });
        case 'price':
          return c.to === null ? t('edit.change.priceRemoved', { currency: c.currency }) : t('edit.change.priceSet', { currency: c.currency, price: priceText(c.to, c.currency, t) });
        case 'keywords':
          return c.to.length === 0 ? t('edit.change.keywordsRemoved') : t('edit.change.keywords', { keywords: c.to.map(plainEcho).join(', ') });
        case 'notes':
          return c.to === null ? t('edit.change.notesRemoved') : t('edit.change.notes');
        case 'flagCleared':
          return t('edit.change.flagCleared', { what: escapeMrkdwn(flagText(p, c.flag, t)) });
      }
    })
    .join('; ');
}
