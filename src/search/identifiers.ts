/**
 * ISBNs in queries, in the forms people paste them: with or without hyphens or spaces, with or without
 * "ISBN", "E-ISBN" or "eISBN" before them, as ISBN-13 or as the older ISBN-10 (read as its ISBN-13).
 */

/**
 * An optional "ISBN"/"E-ISBN" label, then 13 digits starting 978 or 979, or 10 characters (the last may
 * be X), each group separated by at most one hyphen or space.
 */
const ISBN = /(?:\b(?:e\s*-?\s*)?isbn(?:\s*-?\s*1[03])?\s*[:#]?\s*)?(?<![\p{L}\p{N}-])(97[89](?:[-\s]?\d){10}|\d(?:[-\s]?\d){8}[-\s]?[\dXx])(?![\p{L}\p{N}]|-\d)/giu;

/** The 13 digits of an ISBN as the catalogue writes it ("978-92-9068-811-2" → "9789290688112"). */
export function isbnDigits(isbn: string): string {
  return isbn.replace(/[^\dXx]/g, '').toUpperCase();
}

/** The check digit of the first 12 digits of an ISBN-13. */
function isbn13Check(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** True when the 10 characters are a valid ISBN-10 (weighted sum divisible by 11). */
function isValidIsbn10(chars: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (chars[i] === 'X' ? 10 : Number(chars[i])) * (10 - i);
  return sum % 11 === 0;
}

/**
 * Takes the ISBNs out of a query: the ISBNs (as 13 digits) and the text without them. A 13-digit number
 * counts when it starts 978 or 979 (its check digit is not checked: the catalogue is matched as written);
 * a 10-character one when it is a valid
 * ISBN-10, which is read as the ISBN-13 the same book has (978 + its first nine digits + a new check digit).
 */
export function takeIsbns(text: string): { isbns: string[]; rest: string } {
  const isbns: string[] = [];
  // Most queries hold no run of digits long enough: one test instead of the whole pattern.
  if (!/\d[-\s]?\d[-\s]?\d/.test(text)) return { isbns, rest: text };
  const rest = text.replace(ISBN, (whole, number: string) => {
    const chars = isbnDigits(number);
    let digits: string | undefined;
    if (chars.length === 13 && !chars.includes('X')) digits = chars;
    else if (chars.length === 10 && isValidIsbn10(chars)) digits = `978${chars.slice(0, 9)}${isbn13Check(`978${chars.slice(0, 9)}`)}`;
    if (digits === undefined) return whole;
    isbns.push(digits);
    return ' ';
  });
  return { isbns, rest };
}
