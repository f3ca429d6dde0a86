/**
 * The English catalogue: it defines the message keys, which the French and Spanish catalogues must
 * have exactly (the type `Messages` and test/i18n/catalogues.test.ts check it, with their placeholders).
 *
 * Conventions: `{name}` is a placeholder (numbers are formatted for the language; pass years as strings);
 * a message with plural forms is chosen by its `{count}`; mrkdwn (`*bold*`, `_italic_`, `` `code` ``) is
 * allowed where the text goes into mrkdwn; keys under `modal.` are modal titles and buttons, at most 24
 * characters in every language.
 */
import type { Message } from '../message-types.js';

export const en = {
  // ---- the organisation
  'org.short': 'IOM',
  'org.name': 'International Organization for Migration',

  // ---- shared
  'common.quoted': '“{text}”',
  'common.sorry': "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.",
  'common.titleGone': 'That title is no longer in the catalogue. Search again to see what is there now.',
  'common.staleButton': 'This button no longer works. Please ask again.',
  'modal.close': 'Close',
  'modal.cancel': 'Cancel',
  'modal.next': 'Next',
  'modal.done': 'Done',

  // ---- a publication in any answer
  'publication.noLink': 'no link recorded',
  'publication.pages': { one: '{count} page', other: '{count} pages' },
  'publication.onlyIn': 'only in {language}',
  'publication.noEdition': 'no edition in {language}',
  'publication.summaryIn': 'Summary in {language}:',
  'publication.pageIn': 'page in {language}',
  'publication.toConfirm': 'to be confirmed',
  'publication.pdfWithoutLink': 'The listing announces a PDF but no link is recorded: search for “{title}” on {site}, or order a printed copy.',
  'button.details': 'Details',
  'button.orderCopy': 'Order print copy',
  'button.share': 'Share in channel',
  'button.orderCopies': 'Order print copies',

  // ---- link previews (a link to a title's page posted in a channel)
  'linkPreview.edition': 'Link to the edition in {language}',

  // ---- how a query was read
  'understood.searchedFor': 'Searched for *{terms}*',
  'understood.editionsIn': 'Editions in {languages}',
  'understood.publishedIn': 'published in {year}',
  'understood.publishedBetween': 'published {from}–{to}',
  'understood.publishedSince': 'published in {year} or later',
  'understood.publishedUntil': 'published in {year} or earlier',
  'understood.corrected': 'spelling corrected: {corrections}',
  'understood.acronyms': 'read {acronyms}',
  'understood.acronym': '{acronym} as {expansion}',
  'understood.unmatched': 'no title mentions {words}',
  'understood.unknownLanguage': 'unknown language {languages} left out',
  'understood.searchedForText': 'Searched for {text}',
  'understood.newestFirst': 'newest first',
  'understood.noIsbn': 'no title has ISBN {isbn}',
  'understood.isbnPrint': 'ISBN {isbn} is the print edition',
  'understood.isbnElectronic': 'E-ISBN {isbn} is the electronic edition',
  'understood.isbnLanguage': '{edition} ({language})',

  // ---- search answers
  'results.allTitles': 'All titles: {filters}',
  'results.wholeCatalogue': 'the whole catalogue',
  'results.count': { one: '{count} result', other: '{count} results' },
  'results.range': 'Results {first}–{last} of {total}',
  'results.notification': { one: '{count} result for “{query}”', other: '{count} results for “{query}”' },
  'results.lastPage': 'That was the last page of results for “{query}” ({total} in all).',
  'results.noMore': 'No more results',
  'results.nothingFound': 'I found nothing for “{query}”',
  'results.nothingNotification': 'Nothing found for “{query}”',
  'results.dropFilters': 'Try again without the language or year.',
  'results.didYouMean': 'Did you mean:',
  'results.tryExamples': 'Try for example:\n{examples}\n`/handbooks list` shows every title, `/handbooks help` explains how to ask.',
  'paging.moreResults': 'More results ({count} more)',
  'paging.moreTitles': 'More titles ({count} more)',
  'paging.tooLongResults': { one: '{count} more result: a shorter query lets me page through them.', other: '{count} more results: a shorter query lets me page through them.' },
  'paging.tooLongTitles': { one: '{count} more title: a shorter query lets me page through them.', other: '{count} more titles: a shorter query lets me page through them.' },

  // ---- the list
  'list.whole': { one: '*The whole catalogue*: {count} title, newest first', other: '*The whole catalogue*: {count} titles, newest first' },
  'list.filtered': '*Titles*: {filters} ({count})',
  'list.all': 'all',
  'list.range': 'Titles {first}–{last} of {total}',
  'list.notification': { one: 'Catalogue list: {count} title', other: 'Catalogue list: {count} titles' },

  // ---- help
  'examples.training': 'trafficking in persons training',
  'examples.psychosocial': 'psychosocial support in Spanish',
  'examples.recent': 'GBV since 2019',
  'examples.all': 'all titles in French',
  'help.howToAsk':
    'Ask in plain words what you are looking for: type `/handbooks` and your question, mention me in a channel ' +
    '(I answer in a thread) or send me a direct message.',
  'help.notification': 'How to search the handbooks and manuals',
  'help.header': 'Handbooks and manuals: how to ask',
  'help.filters':
    '*Filters* (write them in your question)\n' +
    '• a language edition: _in French_, _in Spanish_, _en español_\n' +
    '• a year or a range: _2019_, _since 2018_, _before 2015_, _2018–2020_\n' +
    '• the newest first: _latest_, _most recent_; a title by its ISBN: _978-92-9068-811-2_\n' +
    'Misspelled words are corrected and acronyms such as GBV are expanded; the answer says how your question was read.',
  'help.examples': '*Examples*',
  'help.sayIt':
    '*Just say it* (in English, French or Spanish; in a message to me, a mention or after `/handbooks`)\n' +
    '• _where is my order?_ or _status of PUB-2026-000123_: your orders and their status\n' +
    '• _how do I order?_: the steps and the order form\n' +
    '• _order 5 copies of the Reintegration Handbook in Arabic_: the order form with that title, the copies and the edition filled in\n' +
    '• _hello_, _thanks_: I answer those too',
  'help.commands':
    '*Commands*\n' +
    '• `/handbooks help`: this help\n' +
    '• `/handbooks list`: every title, newest first; `/handbooks list spanish` or `/handbooks list 2019` narrows it\n' +
    '• `/handbooks order [title]`: order printed copies (of that title)\n' +
    '• `/handbooks orders`: your orders and their status\n' +
    'Anything else after `/handbooks` is searched.',
  'help.language': 'I answer in English, French or Spanish: in the language of your question, or the one you choose on my Home tab.',

  // ---- App Home
  'home.header': 'Handbooks and manuals',
  'home.intro':
    'I help you find the handbooks and manuals of the {organization} ({org}): which titles exist on a topic, in which languages, ' +
    'how long they are and where to read them, and I take orders for printed copies.',
  'home.howToAsk': '{howToAsk}\nFor example: {examples}. `/handbooks help` tells more.',
  'home.glance': 'The catalogue at a glance',
  'home.byYear': { one: '*By year* ({count} title)', other: '*By year* ({count} titles)' },
  'home.byLanguage': '*By language edition*',
  'home.newest': '*Newest titles*',
  'home.recentOrders': 'Your recent orders',
  'home.noOrders': 'You have no orders yet. Use *Order print copies* above or the button under any search result.',
  'home.allOrders': '`/handbooks orders` lists them all.',
  'home.language': '*Language of my answers*',
  'home.languageAutomatic': 'Automatic',
  'home.languageHint': 'Automatic follows your Slack language, or the language your question is written in.',
  'home.usage.header': 'Searches and orders, last {days} days',
  'home.usage.searches': '*Searches*\n{searches}, {nothingFound} of which found nothing',
  'home.usage.orders': '*Orders*\n{count}',
  'home.usage.titles': '*Most requested titles*',
  'home.usage.title': '{rank}. {title}: {orders}, {copies}',
  'home.usage.orderCount': { one: '{count} order', other: '{count} orders' },
  'home.usage.copyCount': { one: '{count} copy', other: '{count} copies' },
  'home.usage.noOrders': 'No orders in this period.',
  'home.usage.hint': 'Shown to catalogue admins. `/handbooks admin gaps` lists the searches that found nothing or little, with a CSV.',

  // ---- Details
  'modal.details': 'Publication details',
  'details.year': 'Year',
  'details.pages': 'Pages',
  'details.noneRecorded': 'none recorded',
  'details.pdf': 'PDF',
  'details.pdfAvailable': 'available for download',
  'details.pdfMissing': 'not available',
  'details.summaryLanguage': 'Summary language',
  'details.editions': 'Language editions',
  'details.edition': '• *{language}*: {link}',
  'details.publicationPage': 'publication page',
  'details.summary': 'Summary',
  'details.noSummary': 'No summary recorded.',
  'details.summaryContinues': '_The summary continues on the publication page._',

  // ---- Share
  'share.notification': '{sharer} shared “{title}”',
  'share.by': 'Shared by {sharer}',

  // ---- buttons' failures
  'actions.detailsFailed': 'I couldn\'t open the details: Slack answered "{code}". Please click *Details* again.',
  'actions.noChannel': 'There is no channel to share this in. Use *Share in channel* under a result in a channel.',
  'actions.notAMember':
    "I can't post in this conversation because I'm not a member of it. Invite me with `/invite @handbooks`, " +
    'then click *Share in channel* again. (In a direct or group message between people I cannot post at all.)',
  'actions.shareFailed': 'I couldn\'t share it: Slack answered "{code}". Please try again in a moment.',
  'actions.moreFailed': 'I couldn\'t show more: Slack answered "{code}". Please try again in a moment.',

  // ---- ordering: refusals
  'orders.notAvailable': 'Ordering printed copies from Slack is not available right now. Please contact the Publications Unit (publications@iom.int).',
  'orders.notAdmin': 'Sorry, only the order admins of the Publications Unit can do that. If you think you should be one, ask them to add you.',

  // ---- what people say rather than search for
  'conversation.greeting': "Hello! I find {org}'s handbooks and manuals and order printed copies of them. Ask me in plain words, for example `{example}`, or say *help* to see what I understand.",
  'conversation.thanks': "You're welcome! Ask me again any time: a topic, a title, a language or a year.",
  'howToOrder.notification': 'Order printed copies',
  'howToOrder.steps':
    '*How to order printed copies*\n' +
    '1. Click *{orderCopies}* below (or *{orderCopy}* under a search result, or type `/handbooks order` and a title).\n' +
    '2. Choose the titles, the number of copies of each (1 to {max}) and the language edition.\n' +
    '3. Give the delivery address and a contact.\n' +
    '4. Choose the currency and how you pay, check the order and submit it.\n' +
    'The Publications Unit receives it at once. I send you its reference and tell you here when its status changes; ask me _where is my order?_ any time.',
  'howToOrder.tip': 'You can also just tell me what you want, for example: _order 5 copies of the Reintegration Handbook in Arabic_.',
  'conversation.orderIntro': '{what}. The button opens the order form with this filled in; you can change anything there, then give the delivery and payment details.',
  'conversation.copies': { one: '{count} copy', other: '{count} copies' },
  'conversation.copiesOf': '*{copies}* of {title}',
  'conversation.orderButton': 'Order {title}',
  'conversation.orderButtonCopies': 'Order {count} × {title}',
  'conversation.fitsSeveral': '{typed} fits {count} titles. Which one would you like to order?',
  'conversation.matchesNone': 'I found no title for {typed}.',
  'conversation.chooseInForm': 'Open the order form and choose the title there:',
  'conversation.noEdition': '*{title}* has no {language} edition (it has {editions}): choose one in the form.',
  'conversation.onlyEdition': '*{title}* has no {language} edition, only {edition}.',
  'conversation.quantityOutOfRange': 'An order can have 1 to {max} copies of a title: change the number in the form.',

  // ---- the order dialog
  'modal.order': 'Order print copies',
  'modal.submitOrder': 'Submit order',
  'modal.orderReceived': 'Order received',
  'modal.cancelOrder': 'Cancel order',
  'modal.keepOrder': 'Keep order',
  'order.stepItems': 'Publications and quantities',
  'order.stepDelivery': 'Delivery and contact',
  'order.stepPayment': 'Payment',
  'order.stepReview': 'Review and submit',
  'order.step': 'Step {number} of {total} · {title}',
  'order.back': 'Back',
  'order.remove': 'Remove',
  'order.edition': '{language} edition',
  'order.editions': 'editions: {languages}',
  'order.lineGone': '_This title is no longer in the catalogue: remove it._',
  'order.preselected': 'For {typed} I added {what}. Not the one you meant? *Remove* it and search below.',
  'order.preselectedMany': '{typed} fits {count} titles: search below for the one you want.',
  'order.preselectedNone': '{typed} matched no title: search below for the publication you want.',
  'order.copies': 'Copies',
  'order.copiesHint': 'A whole number from 1 to {max}.',
  'order.editionLabel': 'Language edition',
  'order.editionPlaceholder': 'Choose an edition',
  'order.publication': 'Publication',
  'order.addAnother': 'Add another publication',
  'order.addPlaceholder': 'Type part of a title or a topic',
  'order.addHint': 'Choose a title to add it to the order (up to {max} lines).',
  'order.maxLines': 'An order has at most {max} lines.',
  'order.deliveryIntro': 'Where the copies go and how the Publications Unit can reach you. Only you and the order admins see these details.',
  'order.name': 'Name',
  'order.nameHint': 'The person who receives the copies.',
  'order.address': 'Address',
  'order.addressHint': 'Organization, street, building, office: several lines are fine.',
  'order.country': 'Country',
  'order.countryPlaceholder': 'Choose a country',
  'order.city': 'City',
  'order.postalCode': 'Zip or postal code',
  'order.telephone': 'Telephone',
  'order.telephoneHint': 'With the country code, e.g. +41 22 717 9111.',
  'order.email': 'E-mail',
  'order.currency': 'Currency',
  'order.currencyCHF': 'CHF (Swiss francs)',
  'order.currencyEUR': 'EUR (euros)',
  'order.currencyUSD': 'USD (US dollars)',
  'order.method': 'Payment method',
  'payment.creditCard': 'Credit card',
  'payment.check': 'Check',
  'payment.bankTransfer': 'Bank transfer',
  'order.pricesNote':
    'Prices are those the catalogue records in the chosen currency; the Publications Unit confirms the others, and shipping costs and bank transfer fees come on top.',
  'order.reviewIntro': 'Please check your order. Nothing is sent until you click *Submit order*.',
  'order.thanks': '*Thank you.* {whereabouts}.',
  'order.doneNext':
    'I will send you a direct message with the whole order and a prepared e-mail, and another each time its status changes. ' +
    '`/handbooks orders` lists your orders.',
  'order.whereaboutsReady': 'Your order *{reference}* is stored and on its way to the Publications Unit',
  'order.whereaboutsWaiting': "Your order *{reference}* is stored; it will reach the Publications Unit once the bot's orders channel is set up",
  'order.cancelQuestion': 'Cancel order *{reference}*? The requester is told, with your reason.',
  'order.reason': 'Reason',
  'order.pleaseCheck': 'Please check: {problems}.',
  'order.unreadable': 'I could not read this form any more (it may be from an older version of the app). Please start the order again.',
  'order.tooLong': 'These entries are too long to carry through the form; please shorten them.',
  'order.tooLongToReview': 'This order carried more than the form can hold, so I could not review it. Please enter it again.',
  'order.notProcessed': 'Something went wrong on my side and I could not go on. Your entries are kept: please try again in a moment.',
  'order.notStored':
    'I could not store your order because of a problem on my side. Nothing was stored and your entries are kept: please click *Submit order* again in a moment.',
  'order.openFailed': 'I couldn\'t open the order form: Slack answered "{code}". Please click the button again.',
  'order.openFailedCommand': 'I couldn\'t open the order form: Slack answered "{code}". Please try `/handbooks order` again.',
  'order.updateFailed':
    'I couldn\'t update your order form (Slack answered "{code}"), so your last click did not take effect. Please try it again; what you entered is kept.',

  // ---- field errors (codes of src/orders/validate.ts)
  'error.items': 'Add at least one publication',
  'error.tooManyItems': 'An order can have at most {max} lines',
  'error.publication': 'Choose a publication',
  'error.quantity': 'Quantity must be a whole number from 1 to {max}',
  'error.language': 'Choose a language edition',
  'error.name': 'Enter the name of the person who receives the copies',
  'error.nameTooLong': 'Keep the name to {max} characters',
  'error.address': 'Enter a postal address',
  'error.addressTooLong': 'Keep the address to {max} characters and {lines} lines',
  'error.country': 'Choose a country from the list',
  'error.city': 'Enter a city',
  'error.cityTooLong': 'Keep the city to {max} characters',
  'error.postalCode': 'Enter a zip or postal code of letters, digits, spaces and hyphens, or leave it empty',
  'error.telephone': 'Enter a telephone number such as +41 22 717 9111',
  'error.email': 'Enter an e-mail address such as name@example.org',
  'error.currency': 'Choose a currency: CHF, EUR or USD',
  'error.method': 'Choose a payment method: credit card, check or bank transfer',
  'error.titleGone': '{title} is no longer in the catalogue',
  'error.chooseEdition': 'Choose a language edition of {title}',
  'error.notPublishedIn': '{title} is not published in {language}; choose {offered}',
  'error.duplicateLine': '{title} in {language} is already in this order; change its quantity instead',

  // ---- the ORDER FORM (review, messages, e-mail)
  'form.quantity': 'Quantity: {quantity}',
  'form.unitPrice': 'Unit price: {price}',
  'form.total': 'Total: {price}',
  'form.priceToBeConfirmed': 'price to be confirmed by the Publications Unit',
  'form.amountDue': 'Amount due (excluding shipping costs and bank transfer fees)',
  'form.amountToBeConfirmed': 'to be confirmed by the Publications Unit',
  'form.amountPlusUnpriced': '{amount}, plus the lines whose price is to be confirmed',
  'form.payment': 'Payment',
  'form.paymentValue': '{method}, in {currency}',
  'form.name': 'Name',
  'form.address': 'Address',
  'form.country': 'Country',
  'form.cityZip': 'City/Zip Code',
  'form.telephone': 'Tel. No.',
  'form.email': 'E-mail',
  'form.field': '{label}: {value}',
  'form.heading': 'ORDER FORM: {org} publications',
  'form.reference': 'Reference',
  'form.date': 'Date',
  'form.bookTitle': 'Book Title',
  'form.subject': 'Order {reference}: {org} publications',
  'form.subjectDraft': 'Order: {org} publications',
  'form.cutShort': '[…] The form is cut short here; the Publications Unit has the whole order under {reference}.',
  'form.cutShortDraft': '[…] The form is cut short here; the Publications Unit has the whole order.',

  // ---- order statuses
  'status.submitted': 'Submitted',
  'status.processing': 'Processing',
  'status.dispatched': 'Dispatched',
  'status.cancelled': 'Cancelled',
  'status.cancelButton': 'Cancel…',

  // ---- order messages
  'notice.header': 'Order {reference}',
  'notice.status': '*Status:* {status} · placed by {requester} on {date} · deliver to {country}',
  'notice.change': '{status} by {actor} on {date}',
  'notice.changeWithReason': '{status} by {actor} on {date}: {reason}',
  'notice.deliveryDetails': 'Delivery details',
  'notice.notification': { one: 'Order {reference} ({status}): {count} line', other: 'Order {reference} ({status}): {count} lines' },
  'delivery.notification': 'Delivery details of {reference}',
  'delivery.heading': '*Delivery details of {reference}*, placed by {requester}',
  'confirmation.emailButton': 'E-mail the order form',
  'confirmation.notification': 'Your order {reference} is received',
  'confirmation.header': 'Your order {reference}',
  'confirmation.intro': 'Thank you. {whereabouts} (placed {date}). I will tell you here when its status changes.',
  'confirmation.emailHint': 'If your office must also send the order form by e-mail, the button opens one addressed to the Publications Unit, filled in.',
  'statusChange.text': 'Your order *{reference}* is now *{status}*.',
  'statusChange.reason': 'Reason: {reason}',
  'statusChange.notification': 'Your order {reference} is now {status}',
  'ownOrders.none': 'You have no orders yet. `/handbooks order` or *Order print copy* under a search result starts one.',
  'ownOrders.noneNotification': 'You have no orders yet',
  'ownOrders.adminHint': 'As an order admin you can also export every order as CSV: `/handbooks orders export`.',
  'ownOrders.header': 'Your orders',
  'ownOrders.line': '*{reference}* · {status} · placed {date}',
  'ownOrders.showing': { one: 'Showing your latest order.', other: 'Showing your latest {count} orders.' },
  'ownOrders.statusHint': 'I tell you in a direct message whenever a status changes.',
  'ownOrders.notification': { one: 'Your orders: {count} order', other: 'Your orders: {count} orders' },
  'ownOrders.notYours': 'I found no order *{reference}* among yours.',
  'outbox.allDelivered': ':white_check_mark: *Order notices:* all delivered.',
  'outbox.counts': '*Order notices:* {waiting} waiting · {retrying} being retried · {failed} could not be delivered',
  'outbox.kindOrderNotice': 'order notice',
  'outbox.kindConfirmation': 'confirmation',
  'outbox.kindStatusNotice': 'status update',
  'outbox.retrying': { one: '• {reference} ({kind}): {error}, {count} attempt so far, next at {time} UTC', other: '• {reference} ({kind}): {error}, {count} attempts so far, next at {time} UTC' },
  'outbox.failed': '• {reference} ({kind}): {error}, set aside',
  'outbox.more': '• … and {count} more',
  'outbox.unknownError': 'unknown error',
  'outbox.retryHint': 'Run `/handbooks orders retry` after fixing the cause of the notices set aside.',
  'outbox.troubleHint': 'Retries go on by themselves; `not_in_channel` means the bot must be invited to the orders channel.',

  // ---- order subcommands and status buttons
  'orders.retryForAdmins': '(Retrying notices is for order admins.)',
  'orders.exportForAdmins': '(Exporting orders is for order admins.)',
  'orders.retryNone': 'No notice is waiting for a retry: every notice was delivered or is still being retried.',
  'orders.retried': {
    one: 'I put {count} notice back in the queue; it goes out within a few seconds. If it fails again, `/handbooks orders` tells you.',
    other: 'I put {count} notices back in the queue; they go out within a few seconds. If one fails again, `/handbooks orders` tells you.',
  },
  'orders.exportTitle': 'Orders export {date}',
  'orders.exportComment': 'Every order ({count}), one row per order line. It holds personal data: keep it to the Publications Unit.',
  'orders.exportSent': { one: "I've sent you the CSV of {count} order in our direct messages.", other: "I've sent you the CSV of {count} orders in our direct messages." },
  'orders.exportFailed': 'I couldn\'t send the export: Slack answered "{code}". Please try again in a moment.',
  'orders.notFound': 'That order is not in the order store.',
  'orders.noSuchOrder': 'There is no order {reference}.',
  'orders.cannotMove': '{reference} is *{status}* now and cannot become *{to}*.',
  'orders.buttonStale': 'This button no longer works.',
  'orders.reasonFailed': 'I couldn\'t ask for the reason: Slack answered "{code}". Please click *Cancel…* again.',
  'orders.cancelForAdmins': 'Only the order admins of the Publications Unit can cancel an order.',
  'orders.cancelFormStale': 'This form no longer works. Close it and click Cancel… on the order again.',
  'orders.reasonMissing': 'Give a reason for cancelling the order; the requester is told.',
  'orders.messageNotUpdated':
    '{reference} is now *{status}*, but I couldn\'t update its message in the orders channel (Slack answered "{code}"), so its buttons may be out of date. ' +
    '`/handbooks orders export` has every order\'s status.',

  // ---- the CSV export
  'csv.yes': 'yes',
  'csv.no': 'no',

  // ---- what staff look for (/handbooks admin gaps)
  'admin.gaps': 'the searches that found nothing or little in the last 30 days, with a CSV (`gaps 90`: the last 90 days)',
  'gaps.notAvailable': 'Searches are not counted here: there is no data store.',
  'gaps.badDays': 'Give the number of days as a whole number from 1 to {max}, as in `/handbooks admin gaps 90` (“{value}” is not one).',
  'gaps.summary': {
    one: '*Searches today:* {searches}, {nothingFound} of which found nothing and {foundInPart} found titles only in part.',
    other: '*Searches in the last {count} days:* {searches}, {nothingFound} of which found nothing and {foundInPart} found titles only in part.',
  },
  'gaps.none': 'No search found nothing or little in that period.',
  'gaps.top': '*The most frequent, by the words searched* (nothing found / found in part):',
  'gaps.line': '{rank}. {query}: {searches} ({nothingFound} / {foundInPart})',
  'gaps.more': { one: '… and {count} more in the CSV.', other: '… and {count} more in the CSV.' },
  'gaps.privacy': 'Only the words searched (lower case, without accents) and daily counts are kept, for 90 days: never who searched, nor where.',
  'gaps.csvSent': { one: "I've sent you the CSV of {count} search text in our direct messages.", other: "I've sent you the CSV of {count} search texts in our direct messages." },
  'gaps.csvFailed': 'I couldn\'t send the CSV: Slack answered "{code}". Please try again in a moment.',
  'gaps.csvTitle': 'Search gaps {date}',
  'gaps.csvComment': { one: 'Searches that found nothing or little today, by the words searched.', other: 'Searches that found nothing or little in the last {count} days, by the words searched.' },

  // ---- importing a listing page (/handbooks admin import, a file uploaded in the DM)
  'import.describe': 'import a listing page: see what it would change, then Apply or Discard',
  'import.how': 'To import a listing page, upload its text file (`.txt`) in your direct message with me — optionally with the comment “import”. Slack cannot send a file with a slash command, so `/handbooks admin import` cannot carry it. I will show what the import would change — titles added, updated and unchanged, and every warning with its line — and change nothing until you press *Apply*.',
  'import.notAdmin': 'Sorry, importing listing pages is only for the catalogue admins of the Publications Unit, so I did not open your file. To search the catalogue, just write what you are looking for.',
  'import.oneFile': { one: 'Please upload one listing page at a time.', other: 'Please upload one listing page at a time: I received {count} files and read none of them.' },
  'import.gone': 'I can no longer read that file (it was deleted, or not shared with me). Please upload it again. Nothing was imported.',
  'import.tooBig': 'That file is too big for a listing page (at most {max}). Nothing was imported.',
  'import.notText': 'That file is not a text file. Upload the listing page as plain text (`.txt`), as copied from the publications site. Nothing was imported.',
  'import.downloadFailed': 'I could not download that file from Slack. Please try again in a moment. Nothing was imported.',
  'import.malformed': 'I could not read “{name}” as a listing page — line {line}: {detail}. Nothing was imported: correct the file and upload it again.',
  'import.header': 'Import of {name}: what it would change',
  'import.added': '*Titles added ({count})*',
  'import.updated': '*Titles updated ({count})*',
  'import.unchanged': '*Titles unchanged ({count})*',
  'import.more': { one: '… and {count} more', other: '… and {count} more' },
  'import.notListed': { one: '{count} title of the catalogue is not on this page; it stays as it is.', other: '{count} titles of the catalogue are not on this page; they stay as they are.' },
  'import.warnings': { one: '*{count} warning* — please check it:', other: '*{count} warnings* — please check them:' },
  'import.warningLine': 'line {line}: {message}',
  'import.moreWarnings': { one: '… and {count} more warning, on line {lines}', other: '… and {count} more warnings, on lines {lines}' },
  'import.noWarnings': 'No warnings.',
  'import.applyHint': 'Nothing changes until you press *Apply*.',
  'import.nothingToChange': 'Nothing to import: the catalogue already has every title of this page as it is.',
  'import.changedMeanwhile': '*The catalogue changed since the dry run*, so nothing was imported. Here is what the import would change now:',
  'import.alreadyApplied': 'Nothing left to import: the catalogue already has this page as it is.',
  'import.applied': '*Import of {name} applied* by <@{user}>: {added} added, {updated} updated, {unchanged} unchanged. Answers use it from now on.',
  'import.discarded': 'Import discarded by <@{user}>: nothing was changed.',
  'import.applyFailed': 'The import could not be applied ({code}). Nothing was changed; please try again.',
  'button.apply': 'Apply',
  'button.discard': 'Discard',

  // ---- the review list (/handbooks admin review)
  'review.describe': 'the entries that need review, each with what is wrong',
  'review.header': 'Entries to review',
  'review.intro': { one: '{count} entry needs review. *Edit entry* opens it.', other: '{count} entries need review. *Edit entry* opens one.' },
  'review.none': 'Nothing to review: no entry is flagged, and every PDF the listing announces has its link.',
  'review.more': { one: '{count} more entry is not shown: fix these, then run `/handbooks admin review` again.', other: '{count} more entries are not shown: fix these, then run `/handbooks admin review` again.' },
  'review.linkMissing': { one: 'Link missing: the listing announces a PDF, but no link is recorded for the {languages} edition.', other: 'Link missing: the listing announces a PDF, but no link is recorded for the {languages} editions.' },
  'review.isbnShared': 'The {label} {isbn} is also given for another title; one of them is probably wrong.',
  'review.isbnCheckDigit': 'The {label} {isbn} has a wrong check digit.',
  'review.languageGuessed': 'The {language} edition was read from a misspelt language name; check that it exists.',
  'review.pagesCopied': 'The page count ({pages}) may have been copied from another title.',
  'review.urlOtherLanguage': 'The link recorded for the {language} edition is the site’s page in {site}.',
  'review.otherFlag': 'To check: {message}',

  // ---- catalogue admins (/handbooks admin …)
  'admin.notAdmin': 'Sorry, only the catalogue admins of the Publications Unit can do that. If you think you should be one, ask them to add you.',
  'admin.notAvailable': 'The catalogue cannot be changed from Slack here: it is read from the repository file.',
  'admin.header': '*Catalogue admin commands*',
  'admin.unknown': 'I don\'t know the admin command “{word}”.',
  // ---- Edit entry (catalogue admins)
  'button.editEntry': 'Edit entry',
  'modal.editEntry': 'Edit entry',
  'modal.save': 'Save',
  'details.prices': 'Print price',
  'edit.intro': '*{title}*\nWhat you save is live at once: searches, Details and new orders use it straight away.',
  'edit.link': 'Link: {language} edition',
  'edit.linkHint': 'The address of this edition’s publication page, starting with https://. Leave it empty when none is known.',
  'edit.price': 'Print price in {currency}',
  'edit.priceHint': 'A number such as 12.50 or 12,50. Leave it empty when there is no price: orders then say “to be confirmed”.',
  'edit.keywords': 'Keywords',
  'edit.keywordsHint': 'In English, separated by commas: they help search find this title.',
  'edit.notes': 'Notes',
  'edit.notesHint': 'Kept with the entry for the catalogue admins; staff do not see them.',
  'edit.flags': 'To be checked',
  'edit.flagsHint': 'Tick what you have checked or corrected: it is then shown as fact, no longer as “to be confirmed”.',
  'edit.flag.languages': 'Language: {value}',
  'edit.flag.isbn': 'ISBN: {value}',
  'edit.flag.eisbn': 'E-ISBN: {value}',
  'edit.flag.pages': 'Pages: {value}',
  'edit.flag.urls': 'Link of the {value} edition',
  'edit.error.urlInvalid': 'This is not a web address. Write it whole, starting with https:// (such as https://publications.iom.int/books/…).',
  'edit.error.urlNotWeb': 'Only a web page (an address starting with https:// or http://) can be a title’s link.',
  'edit.error.priceNotNumber': 'Write the price as a number, such as 12.50 or 12,50.',
  'edit.error.priceNegative': 'A price cannot be negative.',
  'edit.error.priceDecimals': 'A price has at most two decimals.',
  'edit.error.priceAmbiguous': 'Three digits after the comma or point could be thousands or decimals: write 1250 for a thousand and more, or 12.50 with two decimals.',
  'edit.error.priceTooHigh': 'That is more than {max}: please check the price.',
  'edit.error.keywordEmpty': 'One of the keywords is empty: remove the extra comma.',
  'edit.error.tooLong': 'This is too long: at most {max} characters.',
  'edit.error.invalid': 'The catalogue does not accept this: {message}',
  'edit.gone': 'This title is no longer in the catalogue, so nothing was saved.',
  'edit.conflict': ':warning: Someone changed the catalogue while you were editing, so nothing was saved. Your entries are kept below; saving them now would change: {changes}. Check them against the title’s Details, then Save again.',
  'edit.conflictCheck': ':warning: Someone changed the catalogue while you were editing, so nothing was saved. Your entries are kept below: check them against the title’s Details, then Save again.',
  'edit.conflictSame': ':warning: Someone changed the catalogue while you were editing, so nothing was saved. This title already reads as your entries below; Save again to confirm them.',
  'edit.saveFailed': 'Sorry, the change could not be saved, and nothing was changed. Please try again in a moment.',
  'edit.openFailed': 'I couldn\'t open the editing form: Slack answered "{code}". Please click *Edit entry* again.',
  'edit.saved': 'Saved *{title}*: {changes}. Searches, Details and new orders use it now.',
  'edit.unchanged': 'Nothing changed in *{title}*: it already read as you left it.',
  'edit.change.linkSet': 'link of the {language} edition now {url}',
  'edit.change.linkRemoved': 'link of the {language} edition removed',
  'edit.change.priceSet': 'price in {currency} now {price}',
  'edit.change.priceRemoved': 'price in {currency} removed',
  'edit.change.keywords': 'keywords now {keywords}',
  'edit.change.keywordsRemoved': 'keywords removed',
  'edit.change.notes': 'notes changed',
  'edit.change.notesRemoved': 'notes removed',
  'edit.change.flagCleared': '“{what}” confirmed',
} as const satisfies Readonly<Record<string, Message>>;

/** A message key: the English catalogue's keys are the keys of every catalogue. */
export type MessageKey = keyof typeof en;

/** A catalogue: a message for every key. */
export type Messages = { readonly [K in MessageKey]: Message };
