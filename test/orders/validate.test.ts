import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryName } from '../../src/orders/countries.js';
import { validateDelivery, validateItems, validateOrder, validatePayment } from '../../src/orders/validate.js';
import { CATALOGUE, DELIVERY, FRAMEWORK, HANDBOOK, MODULES, PAYMENT, draft } from './fixtures.js';

const line = (over: Record<string, unknown> = {}) => ({ publicationId: HANDBOOK.id, quantity: 1, language: 'en', ...over });

describe('validateItems', () => {
  it('takes titles from the catalogue and defaults the edition of a single-language title', () => {
    const r = validateItems([line({ quantity: '12' }), { publicationId: ` ${FRAMEWORK.id} `, quantity: 3 }], CATALOGUE);
    expect(r).toEqual({
      ok: true,
      value: [
        { publicationId: HANDBOOK.id, title: HANDBOOK.title, language: 'en', quantity: 12 },
        { publicationId: FRAMEWORK.id, title: FRAMEWORK.title, language: 'en', quantity: 3 },
      ],
    });
  });

  it.each([0, 10000, 2.5, -1, 'abc', '', null, undefined])('refuses quantity %s under its own field', (quantity) => {
    expect(validateItems([line(), line({ language: 'fr', quantity })], CATALOGUE)).toEqual({
      ok: false,
      errors: { 'items.1.quantity': { code: 'quantity' } },
    });
  });

  it('accepts the bounds 1 and 500', () => {
    expect(validateItems([line({ quantity: 1 }), line({ language: 'fr', quantity: 500 })], CATALOGUE).ok).toBe(true);
  });

  it('names a title that is no longer in the catalogue', () => {
    const r = validateItems([line(), { publicationId: 'old-handbook', title: 'Old Handbook', quantity: 1 }], CATALOGUE);
    expect(r).toEqual({ ok: false, errors: { 'items.1.publicationId': { code: 'titleGone', title: 'Old Handbook' } } });
  });

  it('refuses a language edition the title does not have, saying which it has', () => {
    const r = validateItems([line({ language: 'de' })], CATALOGUE);
    expect(r).toEqual({
      ok: false,
      errors: { 'items.0.language': { code: 'notPublishedIn', title: expect.stringContaining('IOM Handbook'), language: 'de', languages: ['en', 'fr', 'es'] } },
    });
  });

  it('asks for an edition when a title has several and none is given', () => {
    const r = validateItems([line({ language: '' })], CATALOGUE);
    expect(r.ok ? null : r.errors['items.0.language']).toEqual({ code: 'chooseEdition', title: expect.stringMatching(/^IOM Handbook/) });
  });

  it('refuses the same title and edition twice, but allows two editions of one title', () => {
    expect(validateItems([line(), line({ language: 'fr' })], CATALOGUE).ok).toBe(true);
    const r = validateItems([line(), line({ quantity: 4 })], CATALOGUE);
    expect(r.ok ? null : r.errors['items.1.publicationId']).toMatchObject({ code: 'duplicateLine', language: 'en' });
  });

  it('reports every bad line at once', () => {
    const r = validateItems([line({ quantity: 0 }), { quantity: 1 }, line({ publicationId: MODULES.id, language: 'en' })], CATALOGUE);
    expect(r.ok ? [] : Object.keys(r.errors)).toEqual(['items.0.quantity', 'items.1.publicationId', 'items.2.language']);
  });

  it('needs at least one line and at most 20', () => {
    expect(validateItems([], CATALOGUE)).toEqual({ ok: false, errors: { items: { code: 'items' } } });
    expect(validateItems(undefined, CATALOGUE)).toEqual({ ok: false, errors: { items: { code: 'items' } } });
    const many = Array.from({ length: 21 }, (_, i) => line({ quantity: i + 1 }));
    expect(validateItems(many, CATALOGUE)).toEqual({ ok: false, errors: { items: { code: 'tooManyItems' } } });
  });
});

describe('validateDelivery', () => {
  it('trims fields, keeps a multi-line address without blank lines, upper-cases the country', () => {
    const r = validateDelivery({ ...DELIVERY, name: '  Ana Pérez ', address: ' Rue A 1 \r\n\r\n  Case postale 7\n', country: 'ch ', postalCode: '  ' });
    expect(r).toEqual({
      ok: true,
      value: { ...DELIVERY, name: 'Ana Pérez', address: 'Rue A 1\nCase postale 7', country: 'CH', postalCode: null },
    });
  });

  it('refuses an e-mail address without @', () => {
    expect(validateDelivery({ ...DELIVERY, email: 'ana.perez.example.org' })).toEqual({
      ok: false,
      errors: { email: { code: 'email' } },
    });
  });

  it.each(['ana@', '@example.org', 'ana@example', 'ana perez@example.org', 'ana@@example.org'])('refuses the e-mail %s', (email) => {
    expect(validateDelivery({ ...DELIVERY, email })).toEqual({ ok: false, errors: { email: { code: 'email' } } });
  });

  it('refuses an empty address, blank lines only included', () => {
    for (const address of ['', '   \n \r\n ', null]) {
      expect(validateDelivery({ ...DELIVERY, address })).toEqual({ ok: false, errors: { address: { code: 'address' } } });
    }
  });

  it('refuses an address of more than 6 lines', () => {
    const r = validateDelivery({ ...DELIVERY, address: 'a\nb\nc\nd\ne\nf\ng' });
    expect(r.ok ? null : r.errors.address).toEqual({ code: 'addressTooLong' });
  });

  it.each(['+41 22 717 9111', '(022) 717-91-11', '+1 (212) 963.1234 ext. 12', '0041227179111'])('accepts the telephone number %s', (telephone) => {
    expect(validateDelivery({ ...DELIVERY, telephone }).ok).toBe(true);
  });

  it.each(['call me', '12345', '+41 22 +717', '1234567890123456789'])('refuses the telephone number %s', (telephone) => {
    expect(validateDelivery({ ...DELIVERY, telephone })).toEqual({ ok: false, errors: { telephone: { code: 'telephone' } } });
  });

  it('refuses a country that is not in the list', () => {
    expect(validateDelivery({ ...DELIVERY, country: 'XX' })).toEqual({ ok: false, errors: { country: { code: 'country' } } });
  });

  it('reports every missing field under its own key', () => {
    const r = validateDelivery({});
    expect(r.ok ? [] : Object.keys(r.errors).sort()).toEqual(['address', 'city', 'country', 'email', 'name', 'telephone']);
  });

  it('keeps fields within their maximum lengths', () => {
    const r = validateDelivery({ ...DELIVERY, name: 'x'.repeat(101), city: 'y'.repeat(101), postalCode: '1'.repeat(21) });
    expect(r.ok ? null : r.errors).toEqual({ name: { code: 'nameTooLong' }, city: { code: 'cityTooLong' }, postalCode: { code: 'postalCode' } });
  });
});

describe('validatePayment', () => {
  it('accepts the three currencies and methods', () => {
    expect(validatePayment({ currency: 'usd', method: 'bank_transfer' })).toEqual({ ok: true, value: { currency: 'USD', method: 'bank_transfer' } });
  });

  it('refuses another currency or method', () => {
    expect(validatePayment({ currency: 'GBP', method: 'cash' })).toEqual({
      ok: false,
      errors: { currency: { code: 'currency' }, method: { code: 'method' } },
    });
  });
});

describe('validateOrder', () => {
  it('returns the whole order when every step is valid', () => {
    const r = validateOrder(draft(), CATALOGUE);
    expect(r.ok && r.value.items.map((i) => i.title)).toEqual([HANDBOOK.title, FRAMEWORK.title]);
    expect(r.ok && r.value.payment).toEqual(PAYMENT);
  });

  it('gathers the errors of all steps', () => {
    const r = validateOrder(draft({ items: [line({ quantity: 0 })], delivery: { ...DELIVERY, email: 'x' }, payment: {} }), CATALOGUE);
    expect(r.ok ? [] : Object.keys(r.errors)).toEqual(['items.0.quantity', 'email', 'currency', 'method']);
  });
});

describe('countries', () => {
  it('lists every ISO 3166-1 alpha-2 code once, with English names', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    expect(COUNTRIES.every((c) => /^[A-Z]{2}$/.test(c.code))).toBe(true);
    expect(countryName('ch')).toBe('Switzerland');
  });
});
