/**
 * Reading a request to order printed copies said in words, in English, French or Spanish: "can I order 5
 * copies of the reintegration handbook in Arabic?", "je voudrais commander 3 exemplaires du manuel de
 * réintégration en français", "quiero pedir 10 copias de la guía psicosocial", "how do I order?".
 *
 * A message is an order request only when it has the shape of one: an optional lead ("can I", "I'd like
 * to", "je voudrais", "quisiera", "how do I"), then a verb that orders ("order", "commander", "pedir") — or
 * a verb that only asks for something ("get", "send me", "recevoir", "recibir") followed by copies or a
 * quantity — or straight away copies ("5 copies of …"). A bare "order" must be followed by what is ordered
 * ("order the…", "order 5…", "order copies"), so "order of malta handbook" or "order form" stay searches.
 * What follows the verb is read as a quantity, a language edition and the words that name the title.
 */
import { LANGUAGES } from '../catalogue/languages.js';
import { fold } from '../search/normalise.js';
import { quantityAt } from './quantity.js';
import { anyOf, Phrase, rawText, tokenize, type Token } from './tokens.js';

/** What an order request names; every part is optional. */
export interface OrderRequest {
  /** The words that name the title, as typed ('' when none). */
  titleWords: string;
  /** Copies asked for, as said (not yet checked against the order rules). */
  quantity?: number;
  /** ISO 639-1 code of the language edition asked for. */
  language?: string;
}

const SUBJECT = '(?:i|we)';
/** Leads asking how to order: "how do I", "comment puis-je", "cómo puedo". */
const HOW_LEAD = new Phrase(
  anyOf(
    `how (?:do|can|could|should|would|shall|may) (?:i|we|one|you|people)(?: go about)?`,
    'how to',
    `where (?:do|can|could|should) ${SUBJECT}`,
    `is there a way to`,
    `comment(?: (?:puis je|je peux|pouvons nous|peut on|on peut|faire pour|fait on pour|faut il|dois je|je dois))?`,
    `como(?: (?:puedo|podemos|se puede|hago para|hacemos para|hacer para|se|debo))?`,
    'donde (?:puedo|se puede)',
  ),
);
/** Leads of a request: "can I", "I'd like to", "je voudrais", "quisiera", "please". */
const LEAD = new Phrase(
  anyOf(
    `(?:can|could|may|might) (?:i|we|you)(?: please)?(?: also)?(?: just)?`,
    `${SUBJECT}(?: (?:would|d|ll|will))? (?:like|love|want|wish|need|have|hope|plan) to`,
    'id like to|ill like to',
    `${SUBJECT}(?: (?:would|d))? (?:like|love|want|need|require)`,
    'id like|id love',
    `${SUBJECT} (?:am|are|m|re) (?:trying|hoping|looking|planning) to`,
    `(?:is|would) it (?:be )?possible to`,
    'please|kindly|pls|plz',
    `(?:je|j) (?:voudrais|veux|souhaite|souhaiterais|desire|desirerais|aimerais|peux|pourrais|dois)(?: bien)?`,
    `nous (?:voudrions|voulons|souhaitons|souhaiterions|aimerions|pouvons|pourrions|devons)`,
    `puis je|pourrais je|peut on|pouvons nous|est ce que (?:je|j|on|nous) (?:peux|pourrais|peut|pourrait|pouvons|pourrions)`,
    `(?:il me faut|il nous faut|j ai besoin d(?:e)?|nous avons besoin d(?:e)?)`,
    `(?:pourriez|pouvez) vous|(?:peux|pourrais) tu|merci de`,
    `(?:yo )?(?:quiero|quisiera|queremos|quisieramos|necesito|necesitamos|deseo|desearia|deseamos|puedo|podria|podemos|podriamos)`,
    `(?:me|nos) (?:gustaria|podrias|puedes|podria|puede|podrian|pueden)`,
    '(?:se puede|es posible|seria posible|puedes|podrias|puede|podria)',
  ),
);
/** Verbs that order: whatever follows them is ordered. */
const ORDER_VERB = new Phrase(
  anyOf(
    'order|ordering|buy|purchase|reorder|commander|acheter|pedir|encargar|comprar|ordenar',
    `(?:place|make|put in|submit)(?: an| a new| a)? order(?: for| of)?`,
    `(?:passer|faire|effectuer)(?: une)? commande(?: de| d| pour)?`,
    `(?:hacer|hago|hace|hacemos|realizar|poner)(?: un)? pedido(?: de| del| para)?`,
  ),
);
/** Verbs that only ask for something: they order when copies or a quantity follow ("get 5 copies"). */
const ASK_VERB = new Phrase(
  anyOf(
    `(?:get|have|receive|request|obtain|reserve)`,
    `(?:send|ship|mail|post|deliver|give)(?: (?:me|us|to us|to me))?`,
    `(?:m|me|nous) (?:envoyer|faire parvenir)|envoyer|recevoir|obtenir|avoir|reserver`,
    `(?:me|nos) (?:envias|mandas|envian|mandan|envie|mande|enviar|mandar)|enviarme|enviarnos|mandarme|mandarnos|enviar|mandar|recibir|obtener|tener|solicitar|reservar`,
  ),
);
/** Words for copies. */
const COPIES = new Phrase(
  anyOf(
    '(?:hard|paper|print|printed|physical) (?:copies|copy)|hardcopies|hardcopy',
    'copies|copy|prints|exemplaires|exemplaire|ejemplares|ejemplar|copias|copia|volumes',
  ),
);
/** "Printed", "on paper", said before or after the copies. */
const PRINTED = new Phrase('printed|print|paper|hard|physical|imprimes|imprimees|imprime|imprimee|papier|en papier|impresos|impresas|impreso|impresa|en papel|fisicos|fisicas');
/** What links copies to the title: "of", "de", "du", "of the". */
const OF = new Phrase('of|de la|de l|de los|de las|des|du|de|d|del|from');
/** Determiners before a title. */
const DETERMINER = new Phrase('the|a|an|this|that|these|those|your|le|la|les|l|un|une|ce|cet|cette|ces|votre|vos|el|los|las|una|unos|unas|este|esta|estos|estas|su|sus|some|quelques|algunos|algunas|more|plus|mas');
/** Words right after a verb that show it is no order of copies ("pedir información", "order form"). */
const NOT_ORDERED = new Set(
  'information info informations informacion renseignements help ayuda aide advice consejo conseil conseils assistance asistencia form forms formulario formulaire of status history number confirmation'.split(' '),
);
/** Closing words after the title that are no part of it: "please", "thanks", "if possible". */
const CLOSING = new Phrase(
  anyOf(
    'please|pls|plz|thanks|thank you|thx|merci|svp|s il vous plait|s il te plait|por favor|gracias',
    'if possible|if you can|si possible|si es posible|if that s possible',
  ),
);

/**
 * Who or what the copies are for, after the title: "for our office in Nairobi", "pour notre équipe",
 * "para un taller". It names no title, so it and what follows it are left out of the title words.
 */
const PURPOSE = new Phrase(
  anyOf(
    '(?:for|pour|para) (?:our|my|us|me|your|notre|nos|mon|ma|mes|nous|moi|nuestra|nuestro|nuestras|nuestros|mi|mis|nosotros)',
    '(?:for|pour|para) (?:a|an|un|une|una|the|le|la|el) (?:training|trainings|workshop|event|meeting|conference|course|session|team|office|formation|atelier|reunion|equipe|bureau|taller|capacitacion|curso|evento|equipo|oficina)',
  ),
);

/** Language names by folded name ("arabe" → "ar"). */
const LANGUAGE_BY_KEY: ReadonlyMap<string, string> = new Map(
  LANGUAGES.flatMap((l) => [l.name, l.native, ...l.aliases].map((name) => [fold(name), l.code] as const)),
);
/** Words around a language name that say "edition": "in Arabic", "the Arabic edition", "version arabe". */
const BEFORE_LANGUAGE = new Set('in en into the la le l el version edition edicion traduction translation language langue idioma'.split(' '));
const AFTER_LANGUAGE = new Set('edition editions version versions translation language edicion'.split(' '));

/**
 * Reads a whole message (already cleaned of politeness at its ends) as an order request; undefined when it
 * does not have the shape of one.
 */
export function readOrderRequest(tokens: readonly Token[]): OrderRequest | undefined {
  let i = HOW_LEAD.prefixOf(tokens);
  // leads chain: "could you please", "I would like to please"
  for (let lead = LEAD.prefixOf(tokens.slice(i)); lead > 0; lead = LEAD.prefixOf(tokens.slice(i))) i += lead;
  const led = i > 0;
  const rest = tokens.slice(i);
  const ordering = ORDER_VERB.prefixOf(rest);
  if (ordering > 0) {
    const object = rest.slice(ordering);
    const first = object[0];
    if (first !== undefined && NOT_ORDERED.has(first.key)) return undefined;
    // "order" without a lead must be followed by what is ordered, not by "of malta…", "form" or a topic.
    if (!led && first !== undefined && !startsWithOrdered(object)) return undefined;
    return readOrderObject(object);
  }
  // "get 5 …", "I'd like 5 …" ask for copies; with no lead nor verb, copies must be said ("5 copies of …"),
  // so that "10 tips for safe migration" stays a search; "send me a copy of …" is a search too.
  const asking = ASK_VERB.prefixOf(rest);
  const object = rest.slice(asking);
  return startsWithCopies(object, { bareQuantity: asking > 0 || led, aCopy: false }) ? readOrderObject(object) : undefined;
}

/** Reads what follows `/handbooks order`: quantity, edition and title words, all optional. */
export function readOrderWords(text: string): OrderRequest {
  return readOrderObject(tokenize(text));
}

/** Whether `object` starts with what is ordered: a determiner, a quantity, copies or "printed". */
function startsWithOrdered(object: readonly Token[]): boolean {
  return DETERMINER.prefixOf(object) > 0 || startsWithCopies(object, { bareQuantity: true, aCopy: true });
}

/**
 * Whether `object` starts with copies or "printed", or a number of them ("5 copies", "a printed copy").
 * "A copy" alone may be one to read (a search finds its page), so it counts only with `aCopy` (after a
 * verb that orders). With `bareQuantity`, a number alone will do ("5 …", "a dozen …").
 */
function startsWithCopies(object: readonly Token[], options: { bareQuantity: boolean; aCopy: boolean }): boolean {
  if (COPIES.prefixOf(object) > 0 || PRINTED.prefixOf(object) > 0) return true;
  const quantity = quantityAt(object, 0, true);
  if (!quantity) return false;
  const after = object.slice(quantity.length);
  const number = quantityAt(object, 0, false) !== undefined;
  if (PRINTED.prefixOf(after) > 0) return true;
  const copies = COPIES.prefixOf(after);
  // "una copia impresa": printed said after the copy
  if (copies > 0) return number || options.aCopy || PRINTED.prefixOf(after.slice(copies)) > 0;
  return options.bareQuantity && number;
}

/** Quantity, language edition and title words of what is ordered ("5 copies of the X handbook in Arabic"). */
function readOrderObject(object: readonly Token[]): OrderRequest {
  let words = [...object];
  let quantity: number | undefined;
  // Copies may be said before the title ("5 copies of X") or after it ("X, 5 copies", "X x5").
  for (let i = 0; i < words.length; i++) {
    const found = quantityAt(words, i, true);
    if (!found) continue;
    const after = words.slice(i + found.length);
    const printed = PRINTED.prefixOf(after);
    const copies = COPIES.prefixOf(after.slice(printed));
    const bare = quantityAt(words, i, false) !== undefined;
    // A number counts as the quantity before copies, first of all, or on its own as "x5".
    if (copies === 0 && !(bare && (i === 0 || /^x\d|\dx$/.test(words[i]?.key ?? '')))) continue;
    quantity = found.value;
    words.splice(i, found.length + printed + copies);
    break;
  }
  const language = takeLanguage(words);
  words = trimTitle(withoutPurpose(language.words));
  return { titleWords: rawText(words), ...(quantity !== undefined ? { quantity } : {}), ...(language.code ? { language: language.code } : {}) };
}

/** `words` up to who or what the copies are for ("… for our office in Nairobi"), when a title comes before it. */
function withoutPurpose(words: readonly Token[]): Token[] {
  for (let i = 1; i < words.length; i++) if (PURPOSE.prefixOf(words.slice(i)) > 0) return words.slice(0, i);
  return [...words];
}

/**
 * The one language edition named, taken out with its "in", "the", "edition" words ("the Arabic edition of
 * the handbook" leaves "of the handbook", which trimTitle trims); none when several languages are named.
 */
function takeLanguage(words: readonly Token[]): { code?: string; words: Token[] } {
  const named = words.flatMap((t, i) => (LANGUAGE_BY_KEY.has(t.key) ? [i] : []));
  const codes = new Set(named.map((i) => LANGUAGE_BY_KEY.get(words[i]?.key ?? '')));
  if (named.length === 0 || codes.size > 1) return { words: [...words] };
  const drop = new Set<number>();
  for (const i of named) {
    drop.add(i);
    for (let j = i - 1; j >= 0 && BEFORE_LANGUAGE.has(words[j]?.key ?? ''); j--) drop.add(j);
    for (let j = i + 1; j < words.length && AFTER_LANGUAGE.has(words[j]?.key ?? ''); j++) drop.add(j);
  }
  const kept = words.filter((_, i) => !drop.has(i));
  const code = LANGUAGE_BY_KEY.get(words[named[0] ?? 0]?.key ?? '');
  return { ...(code ? { code } : {}), words: kept };
}

/**
 * The title words without what comes before a title ("some printed copies of the") nor what closes a
 * request after it ("please", a trailing "of" or "in").
 */
function trimTitle(words: readonly Token[]): Token[] {
  const before = [DETERMINER, PRINTED, COPIES, OF];
  const after = [CLOSING, OF];
  let rest = [...words];
  for (let n = longest(before, (p) => p.prefixOf(rest)); n > 0; n = longest(before, (p) => p.prefixOf(rest))) rest = rest.slice(n);
  for (let n = longest(after, (p) => p.suffixOf(rest)); n > 0; n = longest(after, (p) => p.suffixOf(rest))) rest = rest.slice(0, rest.length - n);
  return rest;
}

/** The most tokens any of `phrases` covers, as `measure` counts them. */
function longest(phrases: readonly Phrase[], measure: (phrase: Phrase) => number): number {
  return Math.max(0, ...phrases.map(measure));
}
