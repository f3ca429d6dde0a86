import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/translator.js';
import { MAX_QUANTITY } from '../../../src/orders/schema.js';
import { orderRequestMessage } from '../../../src/slack/blocks/conversation.js';
import { decodeOrderStart, encodeOrderStart } from '../../../src/slack/blocks/order-start.js';
import { checkBlockKitLimits } from '../../../src/slack/limits-check.js';
import { newDraft } from '../../../src/slack/order-draft.js';
import { buttonsOf, textOf } from '../block-query.js';
import { makePublication } from '../publications.js';

const HANDBOOK = makePublication({ id: 'reintegration-handbook', title: 'Reintegration Handbook - Practical guidance on the design', languages: ['en', 'fr', 'ar'] });
const LONG = makePublication({ id: 'long', title: `Investigating ${'very '.repeat(60)}long cases`, languages: ['en'] });
const en = translator('en');
const fr = translator('fr');
const es = translator('es');

describe('the order start value', () => {
  it('is the bare id without a prefill, and carries copies and edition with one', () => {
    expect(encodeOrderStart({ publicationId: 'reintegration-handbook' })).toBe('reintegration-handbook');
    expect(encodeOrderStart({ publicationId: 'reintegration-handbook', quantity: 5, language: 'ar' })).toBe('reintegration-handbook:5:ar');
    for (const start of [{ publicationId: 'a' }, { publicationId: 'a', quantity: 12 }, { publicationId: 'a', language: 'fr' }, { publicationId: 'a', quantity: 1, language: 'es' }]) {
      expect(decodeOrderStart(encodeOrderStart(start))).toEqual(start);
    }
    for (const junk of ['', 'a b', 'a:x:fr', 'a:5:FRENCH', 'de:a']) expect(decodeOrderStart(junk)).toBeUndefined();
  });

  it('carries the language of the answer it is on first, also with nothing chosen', () => {
    expect(encodeOrderStart({ locale: 'fr', publicationId: 'a', quantity: 5, language: 'ar' })).toBe('fr:a:5:ar');
    expect(encodeOrderStart({ locale: 'es' })).toBe('es');
    for (const start of [{ locale: 'fr' as const, publicationId: 'a' }, { locale: 'es' as const, publicationId: 'a', quantity: 3, language: 'ar' }, { locale: 'en' as const }]) {
      expect(decodeOrderStart(encodeOrderStart(start))).toEqual(start);
    }
  });
});

describe('newDraft with a prefill', () => {
  it('fills in the copies and the edition the title has, and ignores an edition it does not have', () => {
    expect(newDraft('en', HANDBOOK, { quantity: 5, language: 'ar' }).lines).toEqual([{ key: 1, publicationId: HANDBOOK.id, quantity: '5', language: 'ar' }]);
    expect(newDraft('en', HANDBOOK, { language: 'es' }).lines).toEqual([{ key: 1, publicationId: HANDBOOK.id, quantity: '1', language: null }]);
    expect(newDraft('en', LONG, { quantity: 2, language: 'ar' }).lines).toEqual([{ key: 1, publicationId: LONG.id, quantity: '2', language: 'en' }]);
  });
});

describe('orderRequestMessage', () => {
  it('offers one filled-in button for the title the words name', () => {
    const message = orderRequestMessage({ titleWords: 'reintegration handbook', quantity: 5, language: 'ar' }, { publication: HANDBOOK }, en);
    expect(textOf(message.blocks)).toContain('*5 copies* of *Reintegration Handbook - Practical guidance on the design*, Arabic edition');
    const [order] = buttonsOf(message.blocks);
    expect(order?.text.text).toBe('Order 5 × Reintegration Handbook (Arabic)');
    expect(decodeOrderStart(order?.value ?? '')).toEqual({ locale: 'en', publicationId: HANDBOOK.id, quantity: 5, language: 'ar' });
    expect(textOf(message.blocks)).toContain('2019 · 120 pages · English, French, Arabic');
  });

  it('says what the form will not take as asked: an edition the title lacks, a quantity out of range', () => {
    const message = orderRequestMessage({ titleWords: 'investigating', quantity: 1000, language: 'ar' }, { publication: LONG }, en);
    const text = textOf(message.blocks);
    expect(text).toContain('has no Arabic edition, only English.');
    expect(text).toContain(en('conversation.quantityOutOfRange', { max: MAX_QUANTITY }));
    const [order] = buttonsOf(message.blocks);
    expect(order?.text.text.length).toBeLessThanOrEqual(75);
    expect(decodeOrderStart(order?.value ?? '')).toEqual({ locale: 'en', publicationId: LONG.id, quantity: 1000 });
    expect(checkBlockKitLimits('message', message)).toEqual([]);
  });

  it('offers each candidate filled in, and the empty form, when the words fit several titles', () => {
    const message = orderRequestMessage({ titleWords: 'handbook', quantity: 3, language: 'fr' }, { matches: 4, candidates: [HANDBOOK, LONG] }, en);
    expect(buttonsOf(message.blocks).map((b) => b.value)).toEqual(['en:reintegration-handbook:3:fr', 'en:long:3:', 'en']);
    expect(textOf(message.blocks)).toContain('“handbook” fits 4 titles');
  });

  it('escapes the words it repeats', () => {
    const message = orderRequestMessage({ titleWords: '<!channel> & <@U1>' }, { matches: 0, candidates: [] }, en);
    expect(message.text).toBe('I found no title for “&lt;!channel&gt; &amp; &lt;@U1&gt;”.');
    expect(buttonsOf(message.blocks).map((b) => b.text.text)).toEqual([en('button.orderCopies')]);
    expect(orderRequestMessage({ titleWords: '5*3 _x_' }, { matches: 0, candidates: [] }, en).text).toBe('I found no title for “5∗3 ‗x‗”.');
  });

  it('answers in French and in Spanish, buttons and warnings included', () => {
    const french = orderRequestMessage({ titleWords: 'manuel de réintégration', quantity: 5, language: 'ar' }, { publication: HANDBOOK }, fr);
    expect(textOf(french.blocks)).toContain('*5 exemplaires* de *Reintegration Handbook - Practical guidance on the design*, édition en arabe.');
    expect(buttonsOf(french.blocks)[0]?.text.text).toBe('Commander 5 × Reintegration Handbook (arabe)');
    expect(decodeOrderStart(buttonsOf(french.blocks)[0]?.value ?? '')).toMatchObject({ locale: 'fr' });
    const spanish = textOf(orderRequestMessage({ titleWords: 'investigating', quantity: 1, language: 'es' }, { publication: LONG }, es).blocks);
    expect(spanish).toContain('*1 ejemplar* de *Investigating');
    expect(spanish).toContain('no tiene edición en español, solo en inglés.');
    expect(orderRequestMessage({ titleWords: 'zzz' }, { matches: 0, candidates: [] }, fr).text).toBe('Je n’ai trouvé aucun titre pour «\u00a0zzz\u00a0».');
  });
});
