/** The shape of a catalogue message: a text with `{name}` placeholders, or one text per plural category. */

/**
 * Plural forms, chosen by `Intl.PluralRules` on the message's `count` parameter; a category the language
 * has but the message leaves out (French "many") falls back to `other`.
 */
export interface PluralMessage {
  readonly one: string;
  readonly other: string;
  readonly many?: string;
}

export type Message = string | PluralMessage;
