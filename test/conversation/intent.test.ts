import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intentLanguage, readIntent } from '../../src/conversation/intent.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/translator.js';
import { slackToPlainText } from '../../src/slack/plain-text.js';

describe('readIntent', () => {
  it.each([
    'hello',
    'Hi!',
    'hi there',
    'Hey bot',
    'good morning',
    'Good afternoon everyone',
    'hello :wave:',
    '👋',
    'how are you?',
    'bonjour',
    'Bonjour à tous',
    'salut',
    'bonsoir',
    'hola',
    '¡Hola!',
    'buenos días',
    'buenas tardes',
    'qué tal',
  ])('reads a greeting: %s', (text) => expect(readIntent(text)).toEqual({ kind: 'greeting' }));

  it.each([
    'thanks',
    'thanks!',
    'Thank you',
    'thank you so much for your help',
    'many thanks',
    'thx',
    'ty',
    'cheers',
    'ok thanks',
    'great, thanks a lot!',
    'perfect',
    'thanks :pray:',
    '🙏',
    'much appreciated',
    'merci',
    'Merci beaucoup !',
    'merci pour votre aide',
    'parfait, merci',
    'gracias',
    'muchas gracias por tu ayuda',
    'vale, gracias',
    'hi, thanks',
  ])('reads thanks: %s', (text) => expect(readIntent(text)).toEqual({ kind: 'thanks' }));

  it.each([
    'help',
    'Help!',
    'help me please',
    'I need help',
    'can you help me?',
    'what can you do?',
    'how does this work?',
    'how do I use this bot?',
    'hi, what can you do?',
    'aide',
    'aidez-moi',
    "qu'est-ce que tu peux faire ?",
    'comment ça marche ?',
    'ayuda',
    '¿qué puedes hacer?',
    '¿cómo funciona?',
    '',
    '   ',
  ])('reads help: "%s"', (text) => expect(readIntent(text)).toEqual({ kind: 'help' }));

  it.each([
    'where is my order?',
    'Where are my orders',
    'my orders',
    'orders',
    'order status',
    "what's the status of my order?",
    'has my order shipped yet?',
    'any news on my order?',
    'show me my orders please',
    "I'd like to know where my order is",
    'track my order',
    'mes commandes',
    'où en est ma commande ?',
    'statut de ma commande',
    'ma commande est-elle arrivée ?',
    'mis pedidos',
    '¿dónde está mi pedido?',
    'estado de mi pedido',
    '¿ha llegado mi pedido?',
  ])('reads a question about my orders: %s', (text) => expect(readIntent(text)).toEqual({ kind: 'myOrders' }));

  it.each([
    ['status of PUB-2026-000123', 'PUB-2026-000123'],
    ['PUB-2026-000123', 'PUB-2026-000123'],
    ['where is pub-2026-000045?', 'PUB-2026-000045'],
    ['estado del pedido PUB 2025 7', 'PUB-2025-000007'],
    ['où en est la commande PUB-2026-000123 ?', 'PUB-2026-000123'],
  ])('reads a question about one order: %s', (text, reference) => expect(readIntent(text)).toEqual({ kind: 'myOrders', reference }));

  it.each([
    'how do I order',
    'How can I order printed copies?',
    'how to order',
    'how does ordering work?',
    'where can I order copies?',
    "I'd like to order some copies",
    'I want to order',
    'order copies please',
    'can I order print copies?',
    'order',
    'comment commander ?',
    'comment passer une commande',
    'passer une commande',
    'pedir ejemplares',
    'Order copies',
    'je voudrais commander',
    'comment puis-je commander des exemplaires ?',
    'cómo pedir',
    '¿cómo hago un pedido?',
    'quisiera pedir ejemplares',
    '¿cómo puedo pedir copias impresas?',
  ])('reads how to order: %s', (text) => expect(readIntent(text)).toEqual({ kind: 'howToOrder' }));

  it.each([
    ['can I order 5 copies of the reintegration handbook in Arabic?', { titleWords: 'reintegration handbook', quantity: 5, language: 'ar' }],
    ['Hi! Could I please order twenty copies of the GBV framework, thanks', { titleWords: 'GBV framework', quantity: 20 }],
    ["I'd like 3 printed copies of Doing Business in Italian", { titleWords: 'Doing Business', quantity: 3, language: 'it' }],
    ['order the reintegration handbook', { titleWords: 'reintegration handbook' }],
    ["I'd like to order the handbook", { titleWords: 'handbook' }],
    ['order 3 handbooks', { titleWords: 'handbooks', quantity: 3 }],
    ['quisiera pedir 2 manuales', { titleWords: 'manuales', quantity: 2 }],
    ['order 2 of the psychosocial manual', { titleWords: 'psychosocial manual', quantity: 2 }],
    ['please send me a printed copy of the migration and 2030 agenda guide', { titleWords: 'migration and 2030 agenda guide', quantity: 1 }],
    ['order a copy of the GBV framework', { titleWords: 'GBV framework', quantity: 1 }],
    ['5 copies of the reintegration handbook please', { titleWords: 'reintegration handbook', quantity: 5 }],
    ['can I get 5 reintegration handbooks?', { titleWords: 'reintegration handbooks', quantity: 5 }],
    ['Could you send us 20 copies of the SDG guide for our office in Nairobi?', { titleWords: 'SDG guide', quantity: 20 }],
    ['we need 50 copies of the GBV framework for a training in Arabic', { titleWords: 'GBV framework', quantity: 50, language: 'ar' }],
    ['can I order the guide for reintegration of returnees for my team', { titleWords: 'guide for reintegration of returnees' }],
    ['nous voudrions 30 exemplaires du guide 2030 pour notre bureau de Dakar', { titleWords: 'guide 2030', quantity: 30 }],
    ['printed copies of the GBV framework', { titleWords: 'GBV framework' }],
    ['can we get a dozen hard copies of the referral guidance?', { titleWords: 'referral guidance', quantity: 12 }],
    ['can I order the Arabic edition of the reintegration handbook', { titleWords: 'reintegration handbook', language: 'ar' }],
    ['I want to order the reintegration handbook, 5 copies', { titleWords: 'reintegration handbook', quantity: 5 }],
    ['how do I order the reintegration handbook in French?', { titleWords: 'reintegration handbook', language: 'fr' }],
    ['je voudrais commander 3 exemplaires du manuel de réintégration en français', { titleWords: 'manuel de réintégration', quantity: 3, language: 'fr' }],
    ['Bonjour, pourriez-vous m’envoyer cinq exemplaires imprimés du guide 2030 ?', { titleWords: 'guide 2030', quantity: 5 }],
    ['nous voudrions commander une vingtaine de modules de formation', { titleWords: 'modules de formation', quantity: 20 }],
    ['quiero pedir 10 copias de la guía psicosocial', { titleWords: 'guía psicosocial', quantity: 10 }],
    ['quisiera encargar dos ejemplares del manual de reintegración en árabe, por favor', { titleWords: 'manual de reintegración', quantity: 2, language: 'ar' }],
    ['¿me puedes enviar una copia impresa de la guía de atención psicosocial?', { titleWords: 'guía de atención psicosocial', quantity: 1 }],
  ])('reads an order request: %s', (text, request) => expect(readIntent(text)).toEqual({ kind: 'order', request }));

  it.each([
    'help desk manual',
    'help with trafficking',
    'thanks giving guide',
    'greeting cards',
    'hello world',
    'good practice guide',
    'order of malta handbook',
    'order of malta manual',
    '10 tips for safe migration',
    'please send me a copy of the migration and 2030 agenda guide',
    "I'd love a copy of the SDG guide for practitioners",
    '¿me puedes enviar una copia de la guía de atención psicosocial?',
    '3 manuals on GBV',
    'my order of malta handbook',
    'public order handbook',
    'law and order',
    'the order form',
    'order form',
    'ordering information for the handbook',
    'order 2030 agenda guide',
    'orders of protection',
    'can you help me find a GBV manual',
    'I need something on GBV',
    'I want the GBV handbook',
    'get involved guide',
    'copyright notice',
    'quiero pedir información sobre trata',
    'pedido de asilo',
    'commande publique',
    'trafficking in persons',
    'psychosocial support in Spanish',
    'what is the status of migrants in Libya',
    'how to identify victims of trafficking',
    'comment identifier les victimes de traite',
    'cómo atender a personas migrantes',
    'PUB-2026-000123 reintegration handbook',
  ])('leaves a search alone: %s', (text) => expect(readIntent(text)).toEqual({ kind: 'search', query: text }));
});

describe('intentLanguage', () => {
  it('tells the language of what people say from a single word of it', () => {
    expect(['merci', 'bonjour', 'mes commandes', 'où est ma commande ?', 'aide'].map(intentLanguage)).toEqual(['fr', 'fr', 'fr', 'fr', 'fr']);
    expect(['gracias', '¡hola!', 'mis pedidos', 'ayuda'].map(intentLanguage)).toEqual(['es', 'es', 'es', 'es']);
    expect(['thanks', 'hello', 'where is my order', 'help'].map(intentLanguage)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('says nothing for shared words, emoji, or a tie', () => {
    expect(['ok', 'super', ':pray:', '🙏', 'merci thanks', ''].map(intentLanguage)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('readIntent on the search relevance sets', () => {
  // Every relevance file there is (test/search/relevance*.json): the queries staff search with must stay searches.
  const dir = new URL('../search/', import.meta.url);
  const searches = readdirSync(dir)
    .filter((f) => /^relevance.*\.json$/.test(f))
    .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { cases: { query: string; kind: string }[] }).cases)
    .filter((c) => c.kind !== 'chitchat' && c.kind !== 'unrelated')
    .map((c) => c.query);

  it('reads every search of the relevance sets as a search', () => {
    expect(searches.length).toBeGreaterThanOrEqual(100);
    expect(searches.filter((q) => readIntent(slackToPlainText(q)).kind !== 'search')).toEqual([]);
  });
});

describe('the examples the bot gives of what can be said', () => {
  /** The _italic_ phrases of each bullet of a help text. */
  const phrases = (text: string) => text.split('\n').filter((l) => l.startsWith('•')).map((l) => [...l.matchAll(/_([^_]+)_/g)].map((m) => m[1] ?? ''));

  it.each(LOCALES)('reads each example of the help in %s as what the help says it is, in that language', (locale) => {
    const t = translator(locale);
    const [orders = [], howTo = [], order = [], smallTalk = []] = phrases(t('help.sayIt'));
    expect(orders.map((p) => readIntent(p).kind)).toEqual(['myOrders', 'myOrders']);
    expect(howTo.map((p) => readIntent(p).kind)).toEqual(['howToOrder']);
    expect(order.map((p) => readIntent(p))).toEqual([{ kind: 'order', request: expect.objectContaining({ quantity: 5, language: 'ar' }) }]);
    expect(smallTalk.map((p) => readIntent(p).kind)).toEqual(['greeting', 'thanks']);
    expect([...orders, ...howTo, ...smallTalk].map(intentLanguage)).toEqual([...orders, ...howTo, ...smallTalk].map(() => locale));
  });

  it.each(LOCALES)('reads the order example of how to order in %s as an order of 5 Arabic copies', (locale) => {
    const [example = ''] = phrases(`• ${translator(locale)('howToOrder.tip')}`)[0] ?? [];
    expect(readIntent(example)).toEqual({ kind: 'order', request: expect.objectContaining({ quantity: 5, language: 'ar' }) });
  });
});
