/**
 * The bot's answers to what people say rather than search for (see src/conversation/intent.ts): a
 * greeting, thanks, how to order (the steps and the button that opens the order dialog), and an order
 * request in words (a button that opens the dialog with the title, copies and edition filled in — a
 * direct message or a mention has no trigger_id, so the dialog needs that click). Every user-facing text
 * is in TEXTS, in English, ready to be moved into message catalogues.
 */
import { languageName } from '../../catalogue/languages.js';
import type { Publication } from '../../catalogue/schema.js';
import type { OrderRequest } from '../../conversation/order-request.js';
import { MAX_QUANTITY } from '../../orders/schema.js';
import { escapeMrkdwn, LIMITS, plainEcho, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { EXAMPLE_QUERIES } from './help.js';
import { actions, button, context, section, textMessage, type Block, type Button, type SlackMessage } from './kit.js';
import type { OrderPreselection } from './order-options.js';
import { encodeOrderStart } from './order-start.js';
import { languageNames, metaLine, titleLine, TITLE_MAX } from './publication.js';

/** How much of the title words a reply repeats. */
const TYPED_WORDS_SHOWN = 100;

/** What these answers say, in English. */
export const TEXTS = {
  greeting: `Hello! I find IOM's handbooks and manuals and order printed copies of them. Ask me in plain words, for example \`${EXAMPLE_QUERIES[1] ?? ''}\`, or say *help* to see what I understand.`,
  thanks: "You're welcome! Ask me again any time: a topic, a title, a language or a year.",
  howToOrderTitle: 'Order printed copies',
  howToOrder:
    '*How to order printed copies*\n' +
    '1. Click *Order print copies* below (or *Order print copy* under a search result, or type `/handbooks order` and a title).\n' +
    `2. Choose the titles, the number of copies of each (1 to ${MAX_QUANTITY}) and the language edition.\n` +
    '3. Give the delivery address and a contact.\n' +
    '4. Choose the currency and how you pay, check the order and submit it.\n' +
    'The Publications Unit receives it at once. I send you its reference and tell you here when its status changes; ask me _where is my order?_ any time.',
  howToOrderTip: 'You can also just tell me what you want, for example: _order 5 copies of the Reintegration Handbook in Arabic_.',
  orderButton: 'Order print copies',
  chooseInForm: 'Open the order form and choose the title there:',
  orderIntro: (what: string) => `${what}. The button opens the order form with this filled in; you can change anything there, then give the delivery and payment details.`,
  fitsSeveral: (typed: string, count: number) => `${typed} fits ${count} titles. Which one would you like to order?`,
  matchesNone: (typed: string) => `I found no title for ${typed}.`,
  noEdition: (title: string, language: string, editions: string) => `*${title}* has no ${language} edition (it has ${editions}): choose one in the form.`,
  onlyEdition: (title: string, language: string, edition: string) => `*${title}* has no ${language} edition, only ${edition}.`,
  quantityOutOfRange: `An order can have 1 to ${MAX_QUANTITY} copies of a title: change the number in the form.`,
} as const;

/** The answer to a greeting. */
export function greetingMessage(): SlackMessage {
  return textMessage(TEXTS.greeting);
}

/** The answer to thanks or "ok, great". */
export function thanksMessage(): SlackMessage {
  return textMessage(TEXTS.thanks);
}

/** How to order: the steps, and the button that opens the order dialog with nothing chosen yet. */
export function howToOrderMessage(): SlackMessage {
  return {
    text: TEXTS.howToOrderTitle,
    blocks: [section(TEXTS.howToOrder), actions([orderButton()]), context(TEXTS.howToOrderTip)],
  };
}

/** "5 copies", "1 copy". */
function copies(quantity: number): string {
  return `${quantity} ${quantity === 1 ? 'copy' : 'copies'}`;
}

/** The edition asked for, when `publication` has it. */
function editionFor(publication: Publication, language: string | undefined): string | undefined {
  return language !== undefined && publication.languages.includes(language) ? language : undefined;
}

/** What an order request fills in for `publication`, as mrkdwn: "*5 copies* of *Title*, Arabic edition" (the edition only when the title has it). */
export function orderedText(publication: Publication, request: OrderRequest): string {
  const title = `*${escapeMrkdwn(truncate(publication.title, TITLE_MAX))}*`;
  const edition = editionFor(publication, request.language);
  const what = request.quantity !== undefined ? `*${copies(request.quantity)}* of ${title}` : title;
  return edition ? `${what}, ${languageName(edition)} edition` : what;
}

/** Warnings about what an order request asked that the form will not take as is: a missing edition, a quantity out of range. */
export function orderRequestWarnings(publication: Publication, request: OrderRequest): string[] {
  const warnings: string[] = [];
  if (request.language !== undefined && !editionFor(publication, request.language)) {
    const title = escapeMrkdwn(truncate(publication.title, TITLE_MAX));
    const asked = languageName(request.language);
    warnings.push(publication.languages.length > 1 ? TEXTS.noEdition(title, asked, languageNames(publication)) : TEXTS.onlyEdition(title, asked, languageNames(publication)));
  }
  if (request.quantity !== undefined && (request.quantity < 1 || request.quantity > MAX_QUANTITY)) warnings.push(TEXTS.quantityOutOfRange);
  return warnings;
}

/** A title short enough for a button: up to its first " - " or ":" when that leaves a few words. */
function shortTitle(title: string): string {
  const cut = title.search(/\s+-\s+|:\s/);
  return cut >= 12 ? title.slice(0, cut) : title;
}

/** "Order 5 × Reintegration Handbook (Arabic)", within a button's 75 characters. */
function orderButtonText(publication: Publication, request: OrderRequest): string {
  const edition = editionFor(publication, request.language);
  const before = `Order ${request.quantity !== undefined ? `${request.quantity} × ` : ''}`;
  const after = edition ? ` (${languageName(edition)})` : '';
  return `${before}${truncate(shortTitle(publication.title), LIMITS.buttonText - before.length - after.length)}${after}`;
}

/** The button that opens the order dialog for `publication` with what `request` asks for filled in. */
function prefilledOrderButton(publication: Publication, request: OrderRequest, primary: boolean): Button {
  const edition = editionFor(publication, request.language);
  const value = encodeOrderStart({
    publicationId: publication.id,
    ...(request.quantity !== undefined ? { quantity: request.quantity } : {}),
    ...(edition ? { language: edition } : {}),
  });
  return button({ text: orderButtonText(publication, request), actionId: ACTION.orderStart, value, ...(primary ? { style: 'primary' as const } : {}) });
}

/** The button that opens the order dialog with nothing chosen. */
function orderButton(): Button {
  return button({ text: TEXTS.orderButton, actionId: ACTION.orderStart, style: 'primary' });
}

/**
 * The answer to an order request in words: for the one title the words clearly name, a button that opens
 * the dialog with it, the copies and the edition filled in, a link to its page, and what the form will not
 * take as asked; for words that fit several titles, a button per candidate; for words that fit
 * none, the empty form.
 */
export function orderRequestMessage(request: OrderRequest, preselection: OrderPreselection): SlackMessage {
  const typed = `"${plainEcho(truncate(request.titleWords, TYPED_WORDS_SHOWN))}"`;
  if ('publication' in preselection) {
    const { publication } = preselection;
    const warnings = orderRequestWarnings(publication, request);
    const blocks: Block[] = [
      section(TEXTS.orderIntro(orderedText(publication, request))),
      // the title's page too, for someone who wanted a copy to read rather than print
      context(`${titleLine(publication, editionFor(publication, request.language) ? [request.language ?? ''] : [])} · ${metaLine(publication)}`),
      actions([prefilledOrderButton(publication, request, true)]),
      ...(warnings.length > 0 ? [context(warnings.map((w) => `:warning: ${w}`).join('\n'))] : []),
    ];
    return { text: orderButtonText(publication, request), blocks };
  }
  if (preselection.candidates.length > 0) {
    const blocks: Block[] = [
      section(TEXTS.fitsSeveral(typed, preselection.matches)),
      ...preselection.candidates.map((p) => section(`*${escapeMrkdwn(truncate(p.title, TITLE_MAX))}*\n${p.year} · ${languageNames(p)}`, prefilledOrderButton(p, request, false))),
      section(TEXTS.chooseInForm),
      actions([orderButton()]),
    ];
    return { text: TEXTS.fitsSeveral(typed, preselection.matches), blocks };
  }
  return {
    text: TEXTS.matchesNone(typed),
    blocks: [section(`${TEXTS.matchesNone(typed)} ${TEXTS.chooseInForm}`), actions([orderButton()])],
  };
}
