/**
 * The bot's answers to what people say rather than search for (see src/conversation/intent.ts): a
 * greeting, thanks, how to order (the steps and the button that opens the order dialog), and an order
 * request in words (a button that opens the dialog with the title, copies and edition filled in — a
 * direct message or a mention has no trigger_id, so the dialog needs that click). In the reader's language.
 */
import type { Publication } from '../../catalogue/schema.js';
import type { OrderRequest } from '../../conversation/order-request.js';
import type { Translator } from '../../i18n/translator.js';
import { MAX_QUANTITY } from '../../orders/schema.js';
import { escapeMrkdwn, LIMITS, plainEcho, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { actions, button, context, section, textMessage, type Block, type Button, type SlackMessage } from './kit.js';
import type { OrderPreselection } from './order-options.js';
import { encodeOrderStart } from './order-start.js';
import { languageNames, metaLine, titleLine, TITLE_MAX } from './publication.js';

/** How much of the title words a reply repeats. */
const TYPED_WORDS_SHOWN = 100;

/** The answer to a greeting. */
export function greetingMessage(t: Translator): SlackMessage {
  return textMessage(t('conversation.greeting', { org: t('org.short'), example: t('examples.psychosocial') }));
}

/** The answer to thanks or "ok, great". */
export function thanksMessage(t: Translator): SlackMessage {
  return textMessage(t('conversation.thanks'));
}

/** How to order: the steps, and the button that opens the order dialog with nothing chosen yet. */
export function howToOrderMessage(t: Translator): SlackMessage {
  const steps = t('howToOrder.steps', { orderCopies: t('button.orderCopies'), orderCopy: t('button.orderCopy'), max: MAX_QUANTITY });
  return {
    text: t('howToOrder.notification'),
    blocks: [section(steps), actions([orderButton(t)]), context(t('howToOrder.tip'))],
  };
}

/** The edition asked for, when `publication` has it. */
function editionFor(publication: Publication, language: string | undefined): string | undefined {
  return language !== undefined && publication.languages.includes(language) ? language : undefined;
}

/** What an order request fills in for `publication`, as mrkdwn: "*5 copies* of *Title*, Arabic edition" (the edition only when the title has it). */
export function orderedText(publication: Publication, request: OrderRequest, t: Translator): string {
  const title = `*${escapeMrkdwn(truncate(publication.title, TITLE_MAX))}*`;
  const edition = editionFor(publication, request.language);
  const what = request.quantity !== undefined ? t('conversation.copiesOf', { copies: t('conversation.copies', { count: request.quantity }), title }) : title;
  return edition ? `${what}, ${t('order.edition', { language: t.language(edition) })}` : what;
}

/** Warnings about what an order request asked that the form will not take as is: a missing edition, a quantity out of range. */
export function orderRequestWarnings(publication: Publication, request: OrderRequest, t: Translator): string[] {
  const warnings: string[] = [];
  if (request.language !== undefined && !editionFor(publication, request.language)) {
    const title = escapeMrkdwn(truncate(publication.title, TITLE_MAX));
    const language = t.language(request.language);
    const editions = languageNames(publication, t);
    warnings.push(
      publication.languages.length > 1
        ? t('conversation.noEdition', { title, language, editions })
        : t('conversation.onlyEdition', { title, language, edition: editions }),
    );
  }
  if (request.quantity !== undefined && (request.quantity < 1 || request.quantity > MAX_QUANTITY)) {
    warnings.push(t('conversation.quantityOutOfRange', { max: MAX_QUANTITY }));
  }
  return warnings;
}

/** A title short enough for a button: up to its first " - " or ":" when that leaves a few words. */
function shortTitle(title: string): string {
  const cut = title.search(/\s+-\s+|:\s/);
  return cut >= 12 ? title.slice(0, cut) : title;
}

/** "Order 5 × Reintegration Handbook (Arabic)", within a button's 75 characters. */
function orderButtonText(publication: Publication, request: OrderRequest, t: Translator): string {
  const edition = editionFor(publication, request.language);
  const label = (title: string) =>
    request.quantity !== undefined ? t('conversation.orderButtonCopies', { count: request.quantity, title }) : t('conversation.orderButton', { title });
  const after = edition ? ` (${t.language(edition)})` : '';
  const room = LIMITS.buttonText - label('').length - after.length;
  return `${label(truncate(shortTitle(publication.title), room))}${after}`;
}

/** The button that opens the order dialog for `publication` with what `request` asks for filled in. */
function prefilledOrderButton(publication: Publication, request: OrderRequest, primary: boolean, t: Translator): Button {
  const edition = editionFor(publication, request.language);
  const value = encodeOrderStart({
    locale: t.locale,
    publicationId: publication.id,
    ...(request.quantity !== undefined ? { quantity: request.quantity } : {}),
    ...(edition ? { language: edition } : {}),
  });
  return button({ text: orderButtonText(publication, request, t), actionId: ACTION.orderStart, value, ...(primary ? { style: 'primary' as const } : {}) });
}

/** The button that opens the order dialog with nothing chosen. */
function orderButton(t: Translator): Button {
  return button({ text: t('button.orderCopies'), actionId: ACTION.orderStart, value: encodeOrderStart({ locale: t.locale }), style: 'primary' });
}

/**
 * The answer to an order request in words: for the one title the words clearly name, a button that opens
 * the dialog with it, the copies and the edition filled in, a link to its page, and what the form will not
 * take as asked; for words that fit several titles, a button per candidate; for words that fit
 * none, the empty form.
 */
export function orderRequestMessage(request: OrderRequest, preselection: OrderPreselection, t: Translator): SlackMessage {
  const typed = t('common.quoted', { text: plainEcho(truncate(request.titleWords, TYPED_WORDS_SHOWN)) });
  if ('publication' in preselection) {
    const { publication } = preselection;
    const warnings = orderRequestWarnings(publication, request, t);
    const blocks: Block[] = [
      section(t('conversation.orderIntro', { what: orderedText(publication, request, t) })),
      // the title's page too, for someone who wanted a copy to read rather than print
      context(`${titleLine(publication, editionFor(publication, request.language) ? [request.language ?? ''] : [], t)} · ${metaLine(publication, t)}`),
      actions([prefilledOrderButton(publication, request, true, t)]),
      ...(warnings.length > 0 ? [context(warnings.map((w) => `:warning: ${w}`).join('\n'))] : []),
    ];
    return { text: orderButtonText(publication, request, t), blocks };
  }
  if (preselection.candidates.length > 0) {
    const fits = t('conversation.fitsSeveral', { typed, count: preselection.matches });
    const blocks: Block[] = [
      section(fits),
      ...preselection.candidates.map((p) =>
        section(`*${escapeMrkdwn(truncate(p.title, TITLE_MAX))}*\n${p.year} · ${languageNames(p, t)}`, prefilledOrderButton(p, request, false, t)),
      ),
      section(t('conversation.chooseInForm')),
      actions([orderButton(t)]),
    ];
    return { text: fits, blocks };
  }
  const none = t('conversation.matchesNone', { typed });
  return {
    text: none,
    blocks: [section(`${none} ${t('conversation.chooseInForm')}`), actions([orderButton(t)])],
  };
}
