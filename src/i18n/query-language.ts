/**
 * The language a question is clearly written in, if any: "¿Tienen algo sobre trata?" is Spanish, "avez-vous
 * des guides sur la réintégration ?" French, "do we have anything on reintegration?" English. Keywords alone
 * ("trafficking", "réintégration") say nothing, and neither does a language named as a filter: "trafficking
 * in French" asks in English for French editions (one English word is not enough to tell).
 *
 * Evidence is counted from function words and question words that belong to one of the three languages
 * only (words shared by two, such as "de", "la", "en", "que", are left out) and from letters and signs
 * only one of them uses (¿ ¡ ñ á í ó ú for Spanish; à â ç è ê ë î ï ô ù û œ for French).
 */
import { foldedWords } from '../catalogue/text.js';
import type { Locale } from './locales.js';

const WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: new Set(
    ('the and of to in is are for with on about from by do does we you i me my our have has any anything something ' +
      'what which where how can could please show need looking there this that all titles or since before after').split(' '),
  ),
  fr: new Set(
    ('le les des du et est sont pour dans une sur au aux avec par vous nous je avez avons ai quels quelles quel quelle ' +
      'existe cherche besoin il ce cette ces mon mes votre vos moi qui comment ou tous toutes titres depuis avant apres').split(' '),
  ),
  es: new Set(
    ('el los las del y para con por sobre hay tienen tiene tienes algo busco necesito cual cuales donde como todos todas ' +
      'titulos desde antes despues mi mis su sus es esta estan algun alguna alguno hola gracias quiero puedo').split(' '),
  ),
};

const SIGNS: Readonly<Record<Locale, RegExp | undefined>> = {
  en: undefined,
  fr: /[àâçèêëîïôùûœ]/i,
  es: /[¿¡ñáíóú]/i,
};

/** Evidence needed, and a clear lead over the runner-up. */
const MIN_EVIDENCE = 2;

/** The language `text` is clearly written in, or undefined when it cannot be told. */
export function queryLanguage(text: string): Locale | undefined {
  const words = foldedWords(text);
  const scores = (Object.keys(WORDS) as Locale[]).map((locale) => {
    const set = WORDS[locale];
    const sign = SIGNS[locale]?.test(text) ? 1 : 0;
    return { locale, score: words.filter((w) => set.has(w)).length + sign };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score < MIN_EVIDENCE || (second !== undefined && second.score >= best.score)) return undefined;
  return best.locale;
}
