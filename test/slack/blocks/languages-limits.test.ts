/**
 * Every search, help, Home and dialog surface, rendered in English, French and Spanish at its largest,
 * passes Block Kit's limits; and where French and Spanish make texts longer than a limit, the cut stays
 * clean: no mrkdwn link or mention is cut open and no escape such as `&amp;` is cut in half. (The order
 * messages at their largest are in ./order-budget.test.ts, also in every language.)
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/locales.js';
import { translator } from '../../../src/i18n/translator.js';
import type { Publication } from '../../../src/catalogue/schema.js';
import type { FieldErrorCode } from '../../../src/orders/schema.js';
import { createSearchEngine } from '../../../src/search/engine.js';
import { greetingMessage, howToOrderMessage, orderRequestMessage, thanksMessage } from '../../../src/slack/blocks/conversation.js';
import { detailsModal } from '../../../src/slack/blocks/details.js';
import { helpMessage } from '../../../src/slack/blocks/help.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { catalogueList } from '../../../src/slack/blocks/list.js';
import {
  cancelReasonView,
  deliveryStepView,
  itemsStepView,
  orderDoneView,
  paymentStepView,
  preselectionNotice,
  stepErrors,
} from '../../../src/slack/blocks/order-dialog.js';
import { publicationOptions } from '../../../src/slack/blocks/order-options.js';
import { searchAnswer } from '../../../src/slack/blocks/results.js';
import { sharedMessage } from '../../../src/slack/blocks/share.js';
import { checkBlockKitLimits, type SurfaceKind } from '../../../src/slack/limits-check.js';
import { addLine, newDraft } from '../../../src/slack/order-draft.js';
import { makePublication, manyPublications, responseWith } from '../publications.js';

/** A title longer than a header, with characters that grow when escaped, and links to every edition. */
const LONG: Publication = makePublication({
  id: 'long',
  title: `Handbook & guide <on> ${'protection, assistance & reintegration of migrants '.repeat(8)}`,
  languages: ['en', 'fr', 'es', 'ar', 'hy'],
  urls: { en: 'https://example.org/en?a=1&b=2', fr: 'https://example.org/fr', es: 'https://example.org/es' },
  summary: Array.from({ length: 120 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i} & <more>: ${'words about migration '.repeat(40)}` })),
});

const MANY = Array.from({ length: 20 }, (_, i) => ({ ...LONG, id: `long-${i}` }));

/** Every mrkdwn text of a payload: links and mentions closed, no escape cut in half. */
function expectCleanMrkdwn(payload: unknown): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') {
      const text = o.text;
      expect(text.split('<').length, text.slice(0, 80)).toBe(text.split('>').length);
      expect(text, text.slice(0, 80)).not.toMatch(/<[^>]*</);
      expect(text, text.slice(0, 80)).not.toMatch(/&(?!amp;|lt;|gt;)/);
    } else Object.values(o).forEach(visit);
  };
  visit(payload);
}

function expectWithin(kind: SurfaceKind, payload: unknown): void {
  expect(checkBlockKitLimits(kind, payload)).toEqual([]);
  expectCleanMrkdwn(payload);
}

describe.each(LOCALES)('every surface in %s', (locale) => {
  const t = translator(locale);
  const lookup = (id: string) => MANY.find((p) => p.id === id);

  it('search answers, suggestions, the list, help, Share and Details', () => {
    const typed = `${'trafficking & <persons> '.repeat(120)}`;
    expectWithin('message', searchAnswer({ response: responseWith(MANY.slice(0, 5), { total: 40, query: { text: typed } }), offset: 0, share: true }, t));
    const suggestions = Array.from({ length: 8 }, (_, i) => `suggestion ${i} ${'x'.repeat(70)}`);
    expectWithin('message', searchAnswer({ response: responseWith([], { query: { text: typed, filters: { languages: ['fr', 'es'], yearFrom: 2018 } }, suggestions }), offset: 0, share: true }, t));
    expectWithin('message', catalogueList({ publications: MANY.slice(0, 15), total: 40, offset: 15, filterText: typed }, t));
    expectWithin('message', helpMessage(t));
    expectWithin('message', sharedMessage(LONG, 'U0SHARER', t));
    expectWithin('modal', detailsModal(LONG, { editable: true }, t));
  });

  it('App Home with the language choice, a large catalogue and the notices for admins', () => {
    const orders = Array.from({ length: 12 }, (_, i) => ({ reference: `PUB-2026-00000${i}`, status: t('status.processing'), placed: t.date(new Date()), summary: '& '.repeat(150) }));
    const trouble = (i: number) => ({ reference: `PUB-2026-00000${i}`, kind: 'status_notice' as const, error: '&'.repeat(300), attempts: 1000, nextAttemptAt: new Date() });
    const adminOutbox = { waiting: 9999, retrying: 9999, failed: 9999, retryingExamples: [1, 2, 3, 4, 5].map(trouble), failedExamples: [1, 2, 3, 4, 5].map(trouble) };
    expectWithin('home', homeView(manyPublications(500, { title: LONG.title }), orders, t, { languageChoice: { chosen: locale }, adminOutbox }));
  });

  it('the answers to what people say: greeting, thanks, how to order, an order request in words', () => {
    for (const message of [greetingMessage(t), thanksMessage(t), howToOrderMessage(t)]) expectWithin('message', message);
    const request = { titleWords: '&'.repeat(500), quantity: 1000, language: 'de' };
    expectWithin('message', orderRequestMessage(request, { publication: LONG }, t));
    expectWithin('message', orderRequestMessage(request, { matches: 12, candidates: MANY.slice(0, 5) }, t));
    expectWithin('message', orderRequestMessage(request, { matches: 0, candidates: [] }, t));
  });

  it('the order dialog: every step at its fullest, field errors, the confirmation and the cancel modal', () => {
    const full = MANY.reduce((draft, p) => addLine(draft, p), newDraft(locale));
    expectWithin('modal', itemsStepView(full, lookup, t, preselectionNotice('&'.repeat(500), { matches: 12, candidates: MANY.slice(0, 5) }, { titleWords: '&'.repeat(500) }, t)));
    expectWithin('modal', itemsStepView(newDraft(locale, LONG), lookup, t, preselectionNotice('x', { publication: LONG }, { titleWords: 'x', quantity: 1000, language: 'de' }, t)));
    expectWithin('modal', deliveryStepView({ ...full, delivery: null }, t));
    expectWithin('modal', paymentStepView(full, t, t('order.notStored')));
    expectWithin('modal', cancelReasonView({ reference: 'PUB-2026-000001', channel: 'C1', ts: '1.2' }, t));
    const codes: FieldErrorCode[] = ['items', 'tooManyItems', 'publication', 'quantity', 'language', 'titleGone', 'chooseEdition', 'notPublishedIn', 'duplicateLine'];
    const errors = Object.fromEntries(codes.map((code, i) => [`items.${i}.quantity`, { code, title: LONG.title, language: 'de', languages: LONG.languages }]));
    expectWithin('errors', { response_action: 'errors', errors: stepErrors(full, lookup, errors, t) });
    const options = publicationOptions(createSearchEngine(MANY), '', t);
    expect(checkBlockKitLimits('options', options)).toEqual([]);
  });

  it('keeps its own texts uncut: every modal title and button fits', () => {
    const order = { reference: 'PUB-2026-000001', createdAt: new Date(), pricing: { currency: 'CHF' as const, lines: [], amountDueMinor: null, hasUnpricedLines: false } };
    const done = orderDoneView(order as never, true, t);
    for (const view of [done, detailsModal(LONG, { editable: true }, t), itemsStepView(newDraft(locale), lookup, t), cancelReasonView({ reference: 'R', channel: 'C', ts: '1' }, t)]) {
      for (const text of [view.title, view.submit, view.close].flatMap((e) => (e ? [e.text] : []))) expect(text.endsWith('…'), text).toBe(false);
    }
  });
});
