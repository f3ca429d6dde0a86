/** Small publications, valid order steps, a settable clock and temporary store files for the order tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Publication } from '../../src/catalogue/schema.js';
import type { OrderDraftInput } from '../../src/orders/schema.js';

function publication(id: string, title: string, languages: string[], prices: Publication['prices']): Publication {
  return {
    id,
    title,
    year: 2019,
    pages: 100,
    isbn: null,
    eisbn: null,
    languages,
    summary: [],
    summaryLanguage: languages[0] ?? 'en',
    urls: {},
    pdf: true,
    keywords: [],
    prices,
    notes: null,
  };
}

export const HANDBOOK = publication(
  'migrants-vulnerable-handbook',
  'IOM Handbook on Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse',
  ['en', 'fr', 'es'],
  { CHF: 45, USD: 48.5 },
);
export const FRAMEWORK = publication('gbv-framework', 'Institutional Framework for Addressing Gender-Based Violence in Crises', ['en'], {});
export const MODULES = publication(
  'modules-formation-traite',
  'Modules de formation de formateurs sur la protection des victimes de traite des personnes',
  ['fr'],
  { CHF: 19.99, EUR: 18.1 },
);
export const CATALOGUE: readonly Publication[] = [HANDBOOK, FRAMEWORK, MODULES];

export const DELIVERY = {
  name: 'Ana Pérez',
  address: 'IOM Country Office\nAvenue de la Paix 12',
  country: 'CH',
  city: 'Geneva',
  postalCode: '1202',
  telephone: '+41 22 717 9111',
  email: 'ana.perez@example.org',
};

export const PAYMENT = { currency: 'CHF', method: 'credit_card' };

/** A valid draft: two copies of the handbook in French and one of the framework; parts replaced by `overrides`. */
export function draft(overrides: Partial<OrderDraftInput> = {}): OrderDraftInput {
  return {
    items: [
      { publicationId: HANDBOOK.id, quantity: 2, language: 'fr' },
      { publicationId: FRAMEWORK.id, quantity: 1 },
    ],
    delivery: DELIVERY,
    payment: PAYMENT,
    ...overrides,
  };
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private ms: number = Date.parse('2026-03-04T10:00:00Z')) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orders-test-'));
  dirs.push(dir);
  return dir;
}
