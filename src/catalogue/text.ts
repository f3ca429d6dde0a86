/**
 * Text helpers shared by the importer's parts: accent folding and word splitting, so that titles are
 * compared and slugged the same way everywhere.
 */

/** Words that carry no meaning on their own in a title (English, Spanish, French, Italian). */
export const STOP_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'your',
  'al', 'con', 'de', 'del', 'el', 'en', 'la', 'las', 'los', 'para', 'por', 'sobre', 'un', 'una', 'y',
  'au', 'aux', 'des', 'du', 'et', 'le', 'les', 'pour', 'sur', 'une',
  'della', 'di', 'e', 'il', 'per',
]);

/** Lower case without accents: "Guía para la Atención" → "guia para la atencion". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded words of a text, splitting on anything that is not a letter or digit ("Gender-based" → gender, based). */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A title reduced for comparison: folded words joined by single spaces. */
export function normaliseTitle(title: string): string {
  return foldedWords(title).join(' ');
}
