/**
 * What a message to the bot asks for, read deterministically from plain text (Slack markup already turned
 * into what the person meant) in English, French or Spanish: a greeting, thanks, help, the person's orders,
 * how to order, an order request in words — or, for anything else, a search.
 *
 * An intent never hides a search: each is recognised only when it is the whole message apart from
 * politeness at its ends ("hi", "please", "thanks!"), built from its own small closed vocabulary; an
 * order request must have the shape of one (./order-request.ts). So "help desk manual", "thanks giving
 * guide", "greeting cards" or "order of malta handbook" have words outside any intent and are searched.
 */
import { LOCALES, type Locale } from '../i18n/locales.js';
import { formatReference } from '../orders/store.js';
import { readOrderRequest, type OrderRequest } from './order-request.js';
import { anyOf, Phrase, tokenize, wordKeys, type Token } from './tokens.js';

export type Intent =
  | { kind: 'greeting' }
  /** Thanks, or an acknowledgement such as "ok, great". */
  | { kind: 'thanks' }
  | { kind: 'help' }
  /** The person's orders; `reference` when they asked about one ("status of PUB-2026-000123"). */
  | { kind: 'myOrders'; reference?: string }
  /** How ordering works: asked as such, or a request to order that names nothing to order. */
  | { kind: 'howToOrder' }
  /** A request to order that names a title, a quantity or an edition. */
  | { kind: 'order'; request: OrderRequest }
  /** Anything else: the text, as given, is searched. */
  | { kind: 'search'; query: string };

const ADDRESSEE = '(?: (?:there|all|everyone|everybody|team|bot|handbooks|friend|folks))?';
/** Politeness at either end of a message, by what it says. */
const SOCIAL: readonly { kind: 'greeting' | 'thanks' | 'filler'; phrase: Phrase }[] = [
  {
    kind: 'greeting',
    phrase: new Phrase(
      anyOf(
        `(?:hello|hi|hey|hiya|howdy|greetings|hallo)${ADDRESSEE}`,
        `good (?:morning|afternoon|evening|day)${ADDRESSEE}|morning|afternoon|evening`,
        `how (?:are you|is it going|s it going)(?: doing| today)?|what s up|whats up`,
        `(?:bonjour|bonsoir|salut|coucou)(?: a tous| tout le monde)?|(?:comment )?ca va|comment allez vous`,
        `hola(?: a todos)?|buen(?:os|as)? (?:dias|tardes|noches|dia)|buenas|(?:como|que) (?:estas|esta|tal)`,
      ),
    ),
  },
  {
    kind: 'thanks',
    phrase: new Phrase(
      anyOf(
        `(?:many |a million )?(?:thanks|thank you|thank u|thankyou|thanx|thnx|thx|ty|tysm|tks|cheers)(?: (?:so|very) much| a lot| a bunch| a million| again| anyway| in advance| a ton)*` +
          `(?: for (?:(?:all )?(?:your|the|this|that|all) )?(?:help|answer|reply|quick reply|info|information|that|this|it|everything|link|links|list|results|pdf))?${ADDRESSEE}`,
        `much appreciated|(?:really )?appreciated?(?: it| that)?`,
        `merci(?: beaucoup| bien| mille fois| encore| infiniment)*(?: pour (?:(?:votre|ton|ta|la|cette|l) )?(?:aide|reponse|info|information|tout))?|mille mercis`,
        `(?:muchas |mil |muchisimas )?gracias(?: de nuevo| otra vez)?(?: por (?:(?:tu|su|la) )?(?:ayuda|respuesta|informacion|todo))?`,
        // acknowledgements, answered like thanks
        `ok(?:ay)?|kk|great|perfect|awesome|cool|nice|excellent|wonderful|brilliant|fantastic|super|got it|noted|understood|sounds good|will do|good`,
        `parfait|genial|d accord|tres bien|entendu|top|vale|perfecto|excelente|entendido|de acuerdo|listo|bueno|claro`,
      ),
    ),
  },
  {
    kind: 'filler',
    phrase: new Phrase(
      'please|pls|plz|svp|s il vous plait|s il te plait|por favor|dear|again|and|so|well|oh|ah|um|hmm|also|y|et|lol|haha',
    ),
  },
];

/** "help", "what can you do", "aide", "¿qué puedes hacer?", as a whole message. */
const HELP = new Phrase(
  anyOf(
    `help(?: me| us)?|(?:i|we) need help|(?:can|could) you help(?: me| us)?|how can you help(?: me| us)?`,
    `what (?:can|do) you do|what can (?:i|we) (?:ask|do)(?: you| here)?|what (?:are|re) you|who are you|what is this`,
    `how (?:does|do) (?:this|it|you) work|how (?:do|can) (?:i|we) use (?:this|you|it|this bot|the bot)|how to use(?: this| you| it| this bot| the bot)?|commands`,
    `aide(?: moi)?|aidez moi|j ai besoin d aide|(?:tu peux|vous pouvez|peux tu|pouvez vous) m aider|(?:que|qu est ce que) (?:peux tu|pouvez vous|tu peux|vous pouvez) faire|comment (?:ca|tu|vous) (?:marche|fonctionne|fonctionnez|fonctionnes)|qui es tu`,
    `ayuda|ayudame|necesito ayuda|(?:puedes|podrias|puede) ayudarme|me (?:puedes|podrias|puede) ayudar|me ayudas|que (?:puedes|sabes) hacer|que haces|como funciona(?:s)?|como te uso|como se usa|quien eres`,
  ),
);

/** "how does ordering work?", "the ordering process", as a whole message (requests such as "how do I order" are ./order-request.ts). */
const ORDERING_QUESTION = new Phrase(
  anyOf(
    `how (?:does|do) (?:ordering|orders|an order|the order(?:ing)? process) work|how ordering works|(?:the )?order(?:ing)? process|ordering`,
    `comment (?:fonctionne|marche) (?:la commande|les commandes)|como funciona(?:n)? (?:el pedido|los pedidos)`,
  ),
);

/** An order reference such as PUB-2026-000123, also typed "pub 2026 123". */
const REFERENCE = /\bPUB[\s-]?((?:19|20)\d\d)[\s-]?(\d{1,9})\b/i;
const ORDER_NOUNS = new Set('order orders commande commandes pedido pedidos'.split(' '));
const POSSESSIVES = new Set('my our mine ma mes mon notre nos mi mis nuestro nuestros nuestra nuestras'.split(' '));
const STATUS_WORDS = new Set('status statut etat suivi estado seguimiento track tracking'.split(' '));
/** Words that may surround "my order" in a question about it; any other word makes the message a search. */
const ORDER_QUESTION_WORDS = new Set(
  (
    'where what whats s is are was were the of on about with to for has have had been did does do happen happened happening ' +
    'shipped sent dispatched arrived arrive arriving delivered processed ready yet when will it they them check see show list view ' +
    'any news update updates me i can could please all placed latest last recent previous current pending open going how far ' +
    'long take want like would d need know tell there which ' +
    'ou est en sont quel quelle quels quelles le la les de du des voir afficher montrer montre montrez moi je peux puis on avec ' +
    'qu que il elle elles ils a ete envoyee envoyees expediee expediees livree livrees arrivee arrivees quand nouvelles derniere dernieres ' +
    'donde esta estan cual cuales el los las del ver mostrar muestrame muestra enviado enviados enviada llegado llegara llegaran ' +
    'cuando ha han sido hay noticias puedo paso pasa con ultimo ultimos'
  ).split(' '),
);

/** Reads what `text` (plain text, as the person meant it) asks for. */
export function readIntent(text: string): Intent {
  const search: Intent = { kind: 'search', query: text.trim() };
  const reference = REFERENCE.exec(text);
  const all = tokenize(reference ? text.replace(reference[0], ' ') : text);
  const { tokens, said } = withoutPoliteness(all);
  if (reference) {
    const ref = formatReference(Number(reference[1]), Number(reference[2]));
    return tokens.every((t) => isOrderQuestionWord(t.key)) ? { kind: 'myOrders', reference: ref } : search;
  }
  if (tokens.length === 0) {
    if (said.has('thanks')) return { kind: 'thanks' };
    if (said.has('greeting')) return { kind: 'greeting' };
    return { kind: 'help' };
  }
  if (HELP.isAll(tokens)) return { kind: 'help' };
  if (asksAboutOwnOrders(tokens)) return { kind: 'myOrders' };
  if (ORDERING_QUESTION.isAll(tokens)) return { kind: 'howToOrder' };
  const order = readOrderRequest(tokens);
  if (order) return order.titleWords === '' ? { kind: 'howToOrder' } : { kind: 'order', request: order };
  return search;
}

/**
 * The message without politeness at its ends ("hi", "thanks a lot", "please", "ok great"), and what that
 * politeness said. The longest phrase is taken at each end, again and again.
 */
function withoutPoliteness(all: readonly Token[]): { tokens: Token[]; said: Set<'greeting' | 'thanks' | 'filler'> } {
  let tokens = [...all];
  const said = new Set<'greeting' | 'thanks' | 'filler'>();
  const strip = (measure: (phrase: Phrase) => number, cut: (n: number) => void): boolean => {
    let best = 0;
    let kind: 'greeting' | 'thanks' | 'filler' = 'filler';
    for (const s of SOCIAL) {
      const n = measure(s.phrase);
      if (n > best) [best, kind] = [n, s.kind];
    }
    if (best === 0) return false;
    said.add(kind);
    cut(best);
    return true;
  };
  while (
    strip((p) => p.prefixOf(tokens), (n) => (tokens = tokens.slice(n))) ||
    strip((p) => p.suffixOf(tokens), (n) => (tokens = tokens.slice(0, tokens.length - n)))
  );
  return { tokens, said };
}

/**
 * "where is my order?", "order status", "mes commandes", "¿dónde está mi pedido?": an order noun with a
 * possessive or a status word (or "orders" alone), every other word from the small vocabulary of such questions.
 */
function asksAboutOwnOrders(tokens: readonly Token[]): boolean {
  const keys = tokens.map((t) => t.key);
  if (keys.length === 1) return ['orders', 'commandes', 'pedidos'].includes(keys[0] ?? '');
  const orderAt = keys.flatMap((k, i) => (ORDER_NOUNS.has(k) ? [i] : []));
  const owned = orderAt.some((i) => POSSESSIVES.has(keys[i - 1] ?? '') || POSSESSIVES.has(keys[i - 2] ?? ''));
  const status = orderAt.length > 0 && keys.some((k) => STATUS_WORDS.has(k));
  return (owned || status) && keys.every(isOrderQuestionWord);
}

/** Whether `key` may be part of a question about one's orders. */
function isOrderQuestionWord(key: string): boolean {
  return ORDER_QUESTION_WORDS.has(key) || ORDER_NOUNS.has(key) || POSSESSIVES.has(key) || STATUS_WORDS.has(key);
}

/**
 * Words of what people say to the bot that belong to one of its languages only: greetings, thanks, help,
 * orders and copies, and the little words of questions about them. Shared words ("ok", "super", "top")
 * are left out.
 */
const INTENT_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: new Set(
    ('hello hi hey hiya howdy morning afternoon evening thanks thank thankyou thx cheers appreciated help ' +
      'order orders ordering copies copy my where status how please').split(' '),
  ),
  fr: new Set(
    ('bonjour bonsoir salut coucou merci mercis aide aidez commande commandes commander exemplaire exemplaires ' +
      'ma mes mon ou est statut suivi comment voudrais souhaite svp plait beaucoup').split(' '),
  ),
  es: new Set(
    ('hola buenos buenas dias tardes noches gracias muchas ayuda ayudame pedido pedidos pedir copias copia ' +
      'ejemplar ejemplares mi mis donde esta estado seguimiento como quiero quisiera favor').split(' '),
  ),
};

/**
 * The language of what a message says rather than asks to search ("merci" is French, "¿dónde está mi
 * pedido?" Spanish): the one of the bot's languages most of its conversation words belong to, or undefined
 * when none leads. Unlike a search query, one such word is enough: these words come from small closed lists.
 */
export function intentLanguage(text: string): Locale | undefined {
  const keys = wordKeys(text);
  const scores = LOCALES.map((locale) => ({ locale, score: keys.filter((k) => INTENT_WORDS[locale].has(k)).length }));
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  return best && best.score > 0 && (second === undefined || best.score > second.score) ? best.locale : undefined;
}
