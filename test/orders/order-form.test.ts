import { describe, expect, it } from 'vitest';
import type { OrderFormContent } from '../../src/orders/order.js';
import { MAX_MAILTO_LENGTH, PUBLICATIONS_UNIT, orderMailtoLink, renderOrderForm } from '../../src/orders/order-form.js';
import { priceOrder } from '../../src/orders/pricing.js';
import { validateOrder } from '../../src/orders/validate.js';
import { CATALOGUE, DELIVERY, FRAMEWORK, HANDBOOK, draft } from './fixtures.js';
import { translator } from '../../src/i18n/translator.js';

const en = translator('en');

function content(overrides: Partial<OrderFormContent> = {}, input = draft()): OrderFormContent {
  const v = validateOrder(input, CATALOGUE);
  if (!v.ok) throw new Error('fixture draft is not valid');
  return {
    reference: 'PUB-2026-000042',
    createdAt: new Date('2026-03-04T10:00:00Z'),
    pricing: priceOrder(v.value.items, v.value.payment.currency, CATALOGUE),
    delivery: v.value.delivery,
    payment: v.value.payment,
    ...overrides,
  };
}

/** The body of a mailto link, decoded. */
function bodyOf(link: string): string {
  return decodeURIComponent(link.split('&body=')[1] ?? '');
}

describe('renderOrderForm', () => {
  it('lays the order out like the ORDER FORM', () => {
    expect(renderOrderForm(content(), en)).toBe(
      [
        'ORDER FORM: IOM publications',
        'Reference: PUB-2026-000042',
        'Date: Mar 4, 2026',
        '',
        `1. Book Title: ${HANDBOOK.title} (French edition)`,
        '   Quantity: 2 | Unit price: CHF\u00a045.00 | Total: CHF\u00a090.00',
        `2. Book Title: ${FRAMEWORK.title} (English edition)`,
        '   Quantity: 1 | price to be confirmed by the Publications Unit',
        '',
        'Amount due (excluding shipping costs and bank transfer fees): CHF\u00a090.00, plus the lines whose price is to be confirmed',
        'Payment: Credit card, in CHF',
        '',
        'Name: Ana Pérez',
        'Address: IOM Country Office',
        '         Avenue de la Paix 12',
        'Country: Switzerland',
        'City/Zip Code: Geneva 1202',
        'Tel. No.: +41 22 717 9111',
        'E-mail: ana.perez@example.org',
      ].join('\n'),
    );
  });

  it("is written in the requester's language, with its formats", () => {
    const fr = renderOrderForm(content(), translator('fr')).split('\n');
    expect(fr[0]).toBe('BON DE COMMANDE\u00a0: publications de l’OIM');
    expect(fr).toContain('Date\u00a0: 4 mars 2026');
    expect(fr).toContain(`1. Titre\u00a0: ${HANDBOOK.title} (édition en français)`);
    expect(fr).toContain('   Quantité\u00a0: 2 | Prix unitaire\u00a0: 45,00\u00a0CHF | Total\u00a0: 90,00\u00a0CHF');
    expect(fr).toContain('Pays\u00a0: Suisse');
    const es = renderOrderForm(content(), translator('es')).split('\n');
    expect(es[0]).toBe('FORMULARIO DE PEDIDO: publicaciones de la OIM');
    expect(es).toContain('Pago: Tarjeta de crédito, en CHF');
    expect(es).toContain('País: Suiza');
    expect(orderMailtoLink(content(), translator('es'))).toContain(encodeURIComponent('Pedido PUB-2026-000042: publicaciones de la OIM'));
  });

  it('says the amount due is to be confirmed when nothing is priced, and leaves out what a draft lacks', () => {
    const text = renderOrderForm(content({ reference: undefined, createdAt: undefined }, draft({ payment: { currency: 'EUR', method: 'check' } })), en);
    expect(text).toContain('Amount due (excluding shipping costs and bank transfer fees): to be confirmed by the Publications Unit');
    expect(text).toContain('Payment: Check, in EUR');
    expect(text).not.toContain('Reference:');
  });
});

describe('orderMailtoLink', () => {
  it('addresses the Publications Unit with the reference as subject and the form as body, CRLF line breaks', () => {
    const order = content();
    const link = orderMailtoLink(order, en);
    expect(link.startsWith(`mailto:${PUBLICATIONS_UNIT.email}?subject=Order%20PUB-2026-000042%3A%20IOM%20publications&body=`)).toBe(true);
    expect(bodyOf(link)).toBe(renderOrderForm(order, en).replace(/\n/g, '\r\n'));
    expect(link).not.toMatch(/[ \n\r#]/);
  });

  it('encodes characters that would end the subject or body early', () => {
    const order = content({ delivery: { ...DELIVERY, name: 'A&B = C? #1 100%', postalCode: null } });
    const link = orderMailtoLink(order, en);
    expect(link.split('&')).toHaveLength(2);
    expect(link).not.toContain('#');
    expect(bodyOf(link)).toContain('Name: A&B = C? #1 100%');
  });

  it('stays under the length limit by cutting the body at a line and saying so', () => {
    const order = content();
    const long = { ...order, pricing: { ...order.pricing, lines: Array.from({ length: 20 }, () => order.pricing.lines).flat() } };
    const link = orderMailtoLink(long, en);
    expect(link.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    const body = bodyOf(link);
    expect(body.endsWith('[…] The form is cut short here; the Publications Unit has the whole order under PUB-2026-000042.')).toBe(true);
    const kept = body.split('\r\n').slice(0, -1);
    expect(renderOrderForm(long, en).split('\n').slice(0, kept.length)).toEqual(kept);
  });

  it('never splits a character when it has to cut inside a line', () => {
    const order = content({ delivery: { ...DELIVERY, name: '😀'.repeat(400) } });
    const link = orderMailtoLink({ ...order, pricing: { ...order.pricing, lines: [] } }, en, 600);
    expect(link.length).toBeLessThanOrEqual(600);
    expect(() => decodeURIComponent(link)).not.toThrow();
  });
});
