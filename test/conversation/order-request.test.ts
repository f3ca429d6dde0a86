import { describe, expect, it } from 'vitest';
import { readOrderWords } from '../../src/conversation/order-request.js';
import { quantityAt } from '../../src/conversation/quantity.js';
import { tokenize } from '../../src/conversation/tokens.js';

describe('readOrderWords (what follows /handbooks order)', () => {
  it.each([
    ['5 copies of the reintegration handbook in arabic', { titleWords: 'reintegration handbook', quantity: 5, language: 'ar' }],
    ['reintegration handbook x5 arabic edition', { titleWords: 'reintegration handbook', quantity: 5, language: 'ar' }],
    ['the Spanish version of the 2030 agenda guide', { titleWords: '2030 agenda guide', language: 'es' }],
    ['gender-based violence in crises', { titleWords: 'gender based violence in crises' }],
    ['3 exemplaires en français du manuel de réintégration', { titleWords: 'manuel de réintégration', quantity: 3, language: 'fr' }],
    ['diez ejemplares impresos de la guía psicosocial en español', { titleWords: 'guía psicosocial', quantity: 10, language: 'es' }],
    ['Migration and the 2030 Agenda', { titleWords: 'Migration and the 2030 Agenda' }],
    ['a couple of copies', { titleWords: '', quantity: 2 }],
    ['', { titleWords: '' }],
  ])('%s', (text, request) => expect(readOrderWords(text)).toEqual(request));

  it('names no edition when several languages are named', () => {
    expect(readOrderWords('the reintegration handbook in English and French')).toEqual({ titleWords: 'reintegration handbook in English and French' });
  });

  it('keeps a quantity that breaks the order rules, for the dialog to judge', () => {
    expect(readOrderWords('1000 copies of the reintegration handbook')).toEqual({ titleWords: 'reintegration handbook', quantity: 1000 });
    expect(readOrderWords('0 copies of the reintegration handbook')).toEqual({ titleWords: 'reintegration handbook', quantity: 0 });
  });
});

describe('quantityAt', () => {
  const at = (text: string, beforeCopies = false) => quantityAt(tokenize(text), 0, beforeCopies);

  it('reads digits and number words in English, French and Spanish', () => {
    expect(at('5')).toEqual({ value: 5, length: 1 });
    expect(at('x12')).toEqual({ value: 12, length: 1 });
    expect(at('twenty')).toEqual({ value: 20, length: 1 });
    expect(at('cinq')).toEqual({ value: 5, length: 1 });
    expect(at('quince')).toEqual({ value: 15, length: 1 });
    expect(at('a dozen')).toEqual({ value: 12, length: 2 });
    expect(at('une douzaine')).toEqual({ value: 12, length: 2 });
    expect(at('a couple of')).toEqual({ value: 2, length: 3 });
  });

  it('reads an article as one only before copies, and never a year', () => {
    expect(at('a')).toBeUndefined();
    expect(at('a', true)).toEqual({ value: 1, length: 1 });
    expect(at('une', true)).toEqual({ value: 1, length: 1 });
    expect(at('2030')).toBeUndefined();
    expect(at('2019')).toBeUndefined();
    expect(at('handbook')).toBeUndefined();
  });
});
