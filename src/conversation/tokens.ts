/**
 * Words of a message as the intent reader sees them: each token keeps its text as typed (`raw`, for
 * echoing and searching) and a key (folded, lower case, no accents) that phrase patterns match. Phrase
 * patterns are regular expressions over the keys joined by single spaces, always matching whole words.
 */
import { fold } from '../search/normalise.js';

export interface Token {
  /** As typed ("Réintégration"). */
  raw: string;
  /** Folded ("reintegration"). */
  key: string;
}

/** Slack emoji codes and pictographs that say thanks or hello on their own; other emoji say nothing. */
const THANKS_EMOJI = /:(?:pray|\+1|thumbsup|thumbs_up|thank_you|thankyou|raised_hands|ok_hand|clap|heart|heart_eyes|bow):|[🙏👍🙌👌👏❤]/gu;
const HELLO_EMOJI = /:(?:wave|hand|raised_hand_with_fingers_splayed):|👋/gu;
const OTHER_EMOJI = /:[a-z0-9_+'-]+:|\p{Extended_Pictographic}/gu;
/** A word: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/** `text` with thanks and hello emoji (`:pray:`, 👍, `:wave:`) written as the words "thanks" and "hello". */
export function emojiAsWords(text: string): string {
  return text.replace(THANKS_EMOJI, ' thanks ').replace(HELLO_EMOJI, ' hello ');
}

/**
 * The words of `text`: runs of letters and digits (apostrophes, hyphens and punctuation separate words, so
 * "I'd" is "i d" and "puis-je" is "puis je"). Thanks and hello emoji read as the words "thanks" and "hello".
 */
export function tokenize(text: string): Token[] {
  const words = emojiAsWords(text).replace(OTHER_EMOJI, ' ');
  return (words.match(WORD) ?? []).map((raw) => ({ raw, key: fold(raw) }));
}

/** The keys of the words of `text` alone, every emoji left out: what a message's language is told from. */
export function wordKeys(text: string): string[] {
  return (text.replace(OTHER_EMOJI, ' ').match(WORD) ?? []).map(fold);
}

/** A phrase pattern: `source` is a regular expression over keys joined by single spaces. */
export class Phrase {
  readonly #prefix: RegExp;
  readonly #suffix: RegExp;
  readonly #whole: RegExp;

  constructor(source: string) {
    this.#prefix = new RegExp(`^(?:${source})(?= |$)`);
    this.#suffix = new RegExp(`(?:^| )(?:${source})$`);
    this.#whole = new RegExp(`^(?:${source})$`);
  }

  /** How many of the first tokens the phrase covers (the longest match), 0 when it does not start them. */
  prefixOf(tokens: readonly Token[]): number {
    const match = this.#prefix.exec(keys(tokens));
    return match && match[0] !== '' ? wordCount(match[0]) : 0;
  }

  /** How many of the last tokens the phrase covers, 0 when it does not end them. */
  suffixOf(tokens: readonly Token[]): number {
    const match = this.#suffix.exec(keys(tokens));
    return match && match[0].trim() !== '' ? wordCount(match[0].trim()) : 0;
  }

  /** Whether the phrase is all of `tokens`. */
  isAll(tokens: readonly Token[]): boolean {
    return tokens.length > 0 && this.#whole.test(keys(tokens));
  }
}

/** Phrase source matching any of `alternatives` (each already a phrase source). */
export function anyOf(...alternatives: readonly string[]): string {
  return alternatives.map((a) => `(?:${a})`).join('|');
}

function keys(tokens: readonly Token[]): string {
  return tokens.map((t) => t.key).join(' ');
}

function wordCount(text: string): number {
  return text.split(' ').length;
}

/** The tokens as typed, joined by spaces. */
export function rawText(tokens: readonly Token[]): string {
  return tokens.map((t) => t.raw).join(' ');
}
