import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../../src/search/common-words.js';

describe('isCommonWord', () => {
  it('knows everyday words of English, Spanish and French, folded', () => {
    for (const word of ['here', 'good', 'team', 'police', 'gracias', 'equipo', 'merci', 'equipe']) expect(isCommonWord(word), word).toBe(true);
  });
  it('does not count rare words or the field’s own words as everyday', () => {
    for (const word of ['hereafter', 'trafficking', 'psychosocial', 'reintegration', 'returnees', 'ventanillas']) expect(isCommonWord(word), word).toBe(false);
  });
});
