import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, ordersToCsv } from '../../src/orders/csv.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import { CATALOGUE, DELIVERY, HANDBOOK, TestClock, draft, tempDir } from './fixtures.js';
import { translator } from '../../src/i18n/translator.js';

const en = translator('en');

/** A strict RFC 4180 reader, to check that what was written reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      if (/["\r\n]/.test(text.slice(i, end < 0 ? undefined : i + end))) throw new Error(`bare quote or line break at ${i}`);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i = end < 0 ? text.length : i + end;
    }
    row.push(field);
    if (text.startsWith(',', i)) i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected character at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

describe('csvCell', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+41 22 717 9111')).toBe("'+41 22 717 9111");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('ordersToCsv', () => {
  it('writes one row per order line with the order fields repeated, and reads back the same', async () => {
    const store = openSqliteOrderStore(join(tempDir(), 'orders.sqlite'), { clock: new TestClock().now });
    const tricky = { ...DELIVERY, name: '=cmd|"/c calc"!A1', address: 'Rue "Haute", 3\nBâtiment B', telephone: '+41 22 717 9111' };
    await store.submit(draft({ delivery: tricky }), { userId: 'U0ANA', displayName: 'Ana, P.' }, 'k1', CATALOGUE);
    await store.submit(draft({ items: [{ publicationId: HANDBOOK.id, quantity: 3, language: 'es' }] }), { userId: 'U0BEN' }, 'k2', CATALOGUE);
    const csv = ordersToCsv(await store.listAll(), en);
    await store.close();

    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(records.map((r) => [r.reference, r.line, r.edition, r.quantity, r.unit_price, r.line_total, r.amount_due, r.has_unpriced_lines])).toEqual([
      ['PUB-2026-000001', '1', 'French', '2', '45.00', '90.00', '90.00', 'yes'],
      ['PUB-2026-000001', '2', 'English', '1', '', '', '90.00', 'yes'],
      ['PUB-2026-000002', '1', 'Spanish', '3', '45.00', '135.00', '135.00', 'no'],
    ]);
    expect(records[0]).toMatchObject({
      submitted_at: '2026-03-04T10:00:00.000Z',
      status: 'submitted',
      requester_id: 'U0ANA',
      requester_name: 'Ana, P.',
      name: `'=cmd|"/c calc"!A1`,
      address: 'Rue "Haute", 3\nBâtiment B',
      country: 'CH',
      country_name: 'Switzerland',
      postal_code: '1202',
      telephone: "'+41 22 717 9111",
      email: 'ana.perez@example.org',
      currency: 'CHF',
      payment_method: 'credit_card',
      title: HANDBOOK.title,
    });
  });

  it('writes only the header when there are no orders', () => {
    expect(ordersToCsv([], en)).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
