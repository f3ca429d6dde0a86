/**
 * Le catalogue français. Écrit avec des espaces ordinaires avant : ; ? ! et dans « » : withFrenchSpacing
 * les rend insécables, comme le veut la typographie française.
 */
import { withFrenchSpacing } from '../typography.js';
import type { Messages } from './en.js';

export const fr: Messages = withFrenchSpacing({
  // ---- l’organisation
  'org.short': 'OIM',
  'org.name': 'Organisation internationale pour les migrations',

  // ---- commun
  'common.quoted': '« {text} »',
  'common.sorry': 'Désolé, un problème de mon côté m’a empêché d’aller au bout. Réessayez dans un instant.',
  'common.titleGone': 'Ce titre ne figure plus au catalogue. Relancez la recherche pour voir ce qui s’y trouve aujourd’hui.',
  'common.staleButton': 'Ce bouton ne fonctionne plus. Reposez votre question.',
  'modal.close': 'Fermer',
  'modal.cancel': 'Annuler',
  'modal.next': 'Suivant',
  'modal.done': 'Terminé',

  // ---- une publication dans une réponse
  'publication.noLink': 'aucun lien enregistré',
  'publication.pages': { one: '{count} page', other: '{count} pages' },
  'publication.onlyIn': 'uniquement en {language}',
  'publication.noEdition': 'pas d’édition en {language}',
  'publication.summaryIn': 'Résumé en {language} :',
  'publication.pageIn': 'page en {language}',
  'publication.toConfirm': 'à confirmer',
  'publication.pdfWithoutLink': 'Le catalogue annonce un PDF, mais aucun lien n’est enregistré : cherchez « {title} » sur {site} ou commandez un exemplaire imprimé.',
  'button.details': 'Détails',
  'button.orderCopy': 'Commander un exemplaire',
  'button.share': 'Partager dans le canal',
  'button.orderCopies': 'Commander des exemplaires',

  // ---- link previews (a link to a title's page posted in a channel)
  'linkPreview.edition': 'Lien vers l’édition en {language}',

  // ---- comment la question a été comprise
  'understood.searchedFor': 'Recherche : *{terms}*',
  'understood.editionsIn': 'Éditions en {languages}',
  'understood.publishedIn': 'parution en {year}',
  'understood.publishedBetween': 'parution entre {from} et {to}',
  'understood.publishedSince': 'parution en {year} ou après',
  'understood.publishedUntil': 'parution en {year} ou avant',
  'understood.corrected': 'orthographe corrigée : {corrections}',
  'understood.acronyms': 'sigles développés : {acronyms}',
  'understood.acronym': '{acronym} = {expansion}',
  'understood.unmatched': 'aucun titre ne mentionne {words}',
  'understood.unknownLanguage': 'langue inconnue ignorée : {languages}',
  'understood.searchedForText': 'Recherche : {text}',
  'understood.newestFirst': 'les plus récents d’abord',
  'understood.noIsbn': 'aucun titre n’a l’ISBN {isbn}',
  'understood.isbnPrint': 'l’ISBN {isbn} est celui de l’édition imprimée',
  'understood.isbnElectronic': 'l’ISBN électronique {isbn} est celui de l’édition numérique',
  'understood.isbnLanguage': '{edition} ({language})',

  // ---- réponses aux recherches
  'results.allTitles': 'Tous les titres : {filters}',
  'results.wholeCatalogue': 'tout le catalogue',
  'results.count': { one: '{count} résultat', other: '{count} résultats' },
  'results.range': 'Résultats {first} à {last} sur {total}',
  'results.notification': { one: '{count} résultat pour « {query} »', other: '{count} résultats pour « {query} »' },
  'results.lastPage': 'C’était la dernière page de résultats pour « {query} » ({total} en tout).',
  'results.noMore': 'Plus de résultats',
  'results.nothingFound': 'Je n’ai rien trouvé pour « {query} »',
  'results.nothingNotification': 'Aucun résultat pour « {query} »',
  'results.dropFilters': 'Réessayez sans la langue ni l’année.',
  'results.didYouMean': 'Vouliez-vous dire :',
  'results.tryExamples':
    'Essayez par exemple :\n{examples}\n`/handbooks liste` montre tous les titres, `/handbooks aide` explique comment poser une question.',
  'paging.moreResults': 'Plus de résultats (encore {count})',
  'paging.moreTitles': 'Plus de titres (encore {count})',
  'paging.tooLongResults': {
    one: 'Encore {count} résultat : raccourcissez la question pour que je puisse afficher la suite.',
    other: 'Encore {count} résultats : raccourcissez la question pour que je puisse afficher la suite.',
  },
  'paging.tooLongTitles': {
    one: 'Encore {count} titre : raccourcissez la demande pour que je puisse afficher la suite.',
    other: 'Encore {count} titres : raccourcissez la demande pour que je puisse afficher la suite.',
  },

  // ---- la liste
  'list.whole': { one: '*Tout le catalogue* : {count} titre, du plus récent au plus ancien', other: '*Tout le catalogue* : {count} titres, du plus récent au plus ancien' },
  'list.filtered': '*Titres* : {filters} ({count})',
  'list.all': 'tous',
  'list.range': 'Titres {first} à {last} sur {total}',
  'list.notification': { one: 'Catalogue : {count} titre', other: 'Catalogue : {count} titres' },

  // ---- aide
  'examples.training': 'formation traite des personnes',
  'examples.psychosocial': 'soutien psychosocial en espagnol',
  'examples.recent': 'violence basée sur le genre depuis 2019',
  'examples.all': 'tous les titres en français',
  'help.howToAsk':
    'Dites simplement ce que vous cherchez : tapez `/handbooks` suivi de votre question, mentionnez-moi dans un canal ' +
    '(je réponds dans un fil) ou écrivez-moi en message direct.',
  'help.notification': 'Comment chercher dans les manuels et guides',
  'help.header': 'Manuels et guides : comment poser une question',
  'help.filters':
    '*Filtres* (à écrire dans votre question)\n' +
    '• une édition linguistique : _en français_, _en espagnol_, _in English_\n' +
    '• une année ou une période : _2019_, _depuis 2018_, _avant 2015_, _2018–2020_\n' +
    '• les plus récents d’abord : _derniers_, _nouveautés_ ; un titre par son ISBN : _978-92-9068-811-2_\n' +
    'Les fautes de frappe sont corrigées et les sigles comme GBV sont développés ; la réponse indique comment votre question a été comprise.',
  'help.examples': '*Exemples*',
  'help.sayIt':
    '*Dites-le simplement* (en français, en anglais ou en espagnol ; dans un message direct, une mention ou après `/handbooks`)\n' +
    '• _où est ma commande ?_ ou _statut de PUB-2026-000123_ : vos commandes et leur statut\n' +
    '• _comment commander ?_ : les étapes et le formulaire de commande\n' +
    '• _je voudrais commander 5 exemplaires du manuel de réintégration en arabe_ : le formulaire de commande avec ce titre, le nombre d’exemplaires et l’édition déjà remplis\n' +
    '• _bonjour_, _merci_ : je réponds aussi à cela',
  'help.commands':
    '*Commandes*\n' +
    '• `/handbooks aide` : cette aide\n' +
    '• `/handbooks liste` : tous les titres, du plus récent au plus ancien ; `/handbooks liste espagnol` ou `/handbooks liste 2019` pour restreindre\n' +
    '• `/handbooks commander [titre]` : commander des exemplaires imprimés (de ce titre)\n' +
    '• `/handbooks commandes` : vos commandes et leur statut\n' +
    'Tout autre texte après `/handbooks` est recherché.',
  'help.language': 'Je réponds en français, en anglais ou en espagnol : dans la langue de votre question, ou dans celle que vous choisissez sur mon onglet Accueil.',

  // ---- onglet Accueil
  'home.header': 'Manuels et guides',
  'home.intro':
    'Je vous aide à trouver les manuels et guides de l’{organization} ({org}) : quels titres existent sur un sujet, dans quelles langues, ' +
    'leur longueur et où les lire. Je prends aussi les commandes d’exemplaires imprimés.',
  'home.howToAsk': '{howToAsk}\nPar exemple : {examples}. `/handbooks aide` en dit plus.',
  'home.glance': 'Le catalogue en un coup d’œil',
  'home.byYear': { one: '*Par année* ({count} titre)', other: '*Par année* ({count} titres)' },
  'home.byLanguage': '*Par édition linguistique*',
  'home.newest': '*Derniers titres parus*',
  'home.recentOrders': 'Vos commandes récentes',
  'home.noOrders': 'Vous n’avez pas encore passé de commande. Utilisez *Commander des exemplaires* ci-dessus ou le bouton sous un résultat de recherche.',
  'home.allOrders': '`/handbooks commandes` les affiche toutes.',
  'home.language': '*Langue de mes réponses*',
  'home.languageAutomatic': 'Automatique',
  'home.languageHint': 'En automatique, je suis la langue de votre Slack ou celle dans laquelle votre question est écrite.',
  'home.usage.header': 'Recherches et commandes, {days} derniers jours',
  'home.usage.searches': '*Recherches*\n{searches}, dont {nothingFound} sans résultat',
  'home.usage.orders': '*Commandes*\n{count}',
  'home.usage.titles': '*Titres les plus demandés*',
  'home.usage.title': '{rank}. {title} : {orders}, {copies}',
  'home.usage.orderCount': { one: '{count} commande', other: '{count} commandes' },
  'home.usage.copyCount': { one: '{count} exemplaire', other: '{count} exemplaires' },
  'home.usage.noOrders': 'Aucune commande sur cette période.',
  'home.usage.hint': 'Visible des administrateurs du catalogue. `/handbooks admin gaps` liste les recherches qui n’ont rien ou peu trouvé, avec un CSV.',

  // ---- Détails
  'modal.details': 'Fiche de la publication',
  'details.year': 'Année',
  'details.pages': 'Pages',
  'details.noneRecorded': 'non renseigné',
  'details.pdf': 'PDF',
  'details.pdfAvailable': 'téléchargeable',
  'details.pdfMissing': 'non disponible',
  'details.summaryLanguage': 'Langue du résumé',
  'details.editions': 'Éditions linguistiques',
  'details.edition': '• *{language}* : {link}',
  'details.publicationPage': 'page de la publication',
  'details.summary': 'Résumé',
  'details.noSummary': 'Aucun résumé enregistré.',
  'details.summaryContinues': '_La suite du résumé se trouve sur la page de la publication._',

  // ---- Partage
  'share.notification': '{sharer} a partagé « {title} »',
  'share.by': 'Partagé par {sharer}',

  // ---- échecs des boutons
  'actions.detailsFailed': 'Je n’ai pas pu ouvrir la fiche : Slack a répondu « {code} ». Cliquez de nouveau sur *Détails*.',
  'actions.noChannel': 'Il n’y a pas de canal où partager ceci. Utilisez *Partager dans le canal* sous un résultat affiché dans un canal.',
  'actions.notAMember':
    'Je ne peux pas publier dans cette conversation car je n’en suis pas membre. Invitez-moi avec `/invite @handbooks`, ' +
    'puis cliquez de nouveau sur *Partager dans le canal*. (Dans un message direct ou de groupe entre personnes, je ne peux pas publier du tout.)',
  'actions.shareFailed': 'Je n’ai pas pu le partager : Slack a répondu « {code} ». Réessayez dans un instant.',
  'actions.moreFailed': 'Je n’ai pas pu afficher la suite : Slack a répondu « {code} ». Réessayez dans un instant.',

  // ---- commandes : refus
  'orders.notAvailable': 'Il n’est pas possible de commander des exemplaires depuis Slack pour le moment. Contactez l’Unité des publications (publications@iom.int).',
  'orders.notAdmin': 'Désolé, seuls les gestionnaires des commandes de l’Unité des publications peuvent faire cela. Si vous devriez en faire partie, demandez-leur de vous ajouter.',

  // ---- what people say rather than search for
  'conversation.greeting': 'Bonjour ! Je vous aide à trouver les manuels et guides de l’{org} et à en commander des exemplaires imprimés. Posez votre question avec vos mots, par exemple `{example}`, ou dites *aide* pour voir ce que je comprends.',
  'conversation.thanks': 'Avec plaisir ! Revenez quand vous voulez : un thème, un titre, une langue ou une année.',
  'howToOrder.notification': 'Commander des exemplaires imprimés',
  'howToOrder.steps':
    '*Comment commander des exemplaires imprimés*\n' +
    '1. Cliquez sur *{orderCopies}* ci-dessous (ou sur *{orderCopy}* sous un résultat de recherche, ou tapez `/handbooks commander` suivi d’un titre).\n' +
    '2. Choisissez les titres, le nombre d’exemplaires de chacun (de 1 à {max}) et l’édition linguistique.\n' +
    '3. Indiquez l’adresse de livraison et une personne à contacter.\n' +
    '4. Choisissez la devise et le mode de paiement, vérifiez la commande et envoyez-la.\n' +
    'L’Unité des publications la reçoit aussitôt. Je vous en envoie la référence et vous préviens ici quand son statut change ; demandez-moi _où est ma commande ?_ à tout moment.',
  'howToOrder.tip': 'Vous pouvez aussi me dire simplement ce que vous voulez, par exemple : _je voudrais commander 5 exemplaires du manuel de réintégration en arabe_.',
  'conversation.orderIntro': '{what}. Le bouton ouvre le formulaire de commande déjà rempli ; vous pourrez tout y modifier, puis indiquer la livraison et le paiement.',
  'conversation.copies': { one: '{count} exemplaire', other: '{count} exemplaires' },
  'conversation.copiesOf': '*{copies}* de {title}',
  'conversation.orderButton': 'Commander {title}',
  'conversation.orderButtonCopies': 'Commander {count} × {title}',
  'conversation.fitsSeveral': '{typed} correspond à {count} titres. Lequel voulez-vous commander ?',
  'conversation.matchesNone': 'Je n’ai trouvé aucun titre pour {typed}.',
  'conversation.chooseInForm': 'Ouvrez le formulaire de commande et choisissez-y le titre :',
  'conversation.noEdition': '*{title}* n’existe pas en {language} (éditions : {editions}) : choisissez-en une dans le formulaire.',
  'conversation.onlyEdition': '*{title}* n’existe pas en {language}, seulement en {edition}.',
  'conversation.quantityOutOfRange': 'Une commande peut compter de 1 à {max} exemplaires d’un titre : modifiez le nombre dans le formulaire.',

  // ---- le formulaire de commande
  'modal.order': 'Commande d’exemplaires',
  'modal.submitOrder': 'Envoyer la commande',
  'modal.orderReceived': 'Commande reçue',
  'modal.cancelOrder': 'Annuler la commande',
  'modal.keepOrder': 'Garder la commande',
  'order.stepItems': 'Publications et quantités',
  'order.stepDelivery': 'Livraison et contact',
  'order.stepPayment': 'Paiement',
  'order.stepReview': 'Vérification et envoi',
  'order.step': 'Étape {number} sur {total} · {title}',
  'order.back': 'Retour',
  'order.remove': 'Retirer',
  'order.edition': 'édition en {language}',
  'order.editions': 'éditions : {languages}',
  'order.lineGone': '_Ce titre ne figure plus au catalogue : retirez-le._',
  'order.preselected': 'Pour {typed}, j’ai ajouté {what}. Ce n’est pas le bon titre ? Cliquez sur *Retirer* et cherchez plus bas.',
  'order.preselectedMany': '{typed} correspond à {count} titres : cherchez plus bas celui que vous voulez.',
  'order.preselectedNone': '{typed} ne correspond à aucun titre : cherchez plus bas la publication voulue.',
  'order.copies': 'Exemplaires',
  'order.copiesHint': 'Un nombre entier de 1 à {max}.',
  'order.editionLabel': 'Édition linguistique',
  'order.editionPlaceholder': 'Choisissez une édition',
  'order.publication': 'Publication',
  'order.addAnother': 'Ajouter une autre publication',
  'order.addPlaceholder': 'Tapez une partie du titre ou un sujet',
  'order.addHint': 'Choisissez un titre pour l’ajouter à la commande (jusqu’à {max} lignes).',
  'order.maxLines': 'Une commande compte au plus {max} lignes.',
  'order.deliveryIntro':
    'Où envoyer les exemplaires et comment l’Unité des publications peut vous joindre. Seuls vous et les gestionnaires des commandes voient ces informations.',
  'order.name': 'Nom',
  'order.nameHint': 'La personne qui reçoit les exemplaires.',
  'order.address': 'Adresse',
  'order.addressHint': 'Organisation, rue, bâtiment, bureau : plusieurs lignes sont possibles.',
  'order.country': 'Pays',
  'order.countryPlaceholder': 'Choisissez un pays',
  'order.city': 'Ville',
  'order.postalCode': 'Code postal',
  'order.telephone': 'Téléphone',
  'order.telephoneHint': 'Avec l’indicatif du pays, par exemple +41 22 717 9111.',
  'order.email': 'Courriel',
  'order.currency': 'Devise',
  'order.currencyCHF': 'CHF (francs suisses)',
  'order.currencyEUR': 'EUR (euros)',
  'order.currencyUSD': 'USD (dollars des États-Unis)',
  'order.method': 'Mode de paiement',
  'payment.creditCard': 'Carte de crédit',
  'payment.check': 'Chèque',
  'payment.bankTransfer': 'Virement bancaire',
  'order.pricesNote':
    'Les prix sont ceux que le catalogue indique dans la devise choisie ; l’Unité des publications confirme les autres. Les frais d’envoi et les frais bancaires s’y ajoutent.',
  'order.reviewIntro': 'Vérifiez votre commande. Rien n’est envoyé avant que vous cliquiez sur *Envoyer la commande*.',
  'order.thanks': '*Merci.* {whereabouts}.',
  'order.doneNext':
    'Je vous enverrai un message direct avec toute la commande et un courriel prêt à partir, puis un autre à chaque changement de statut. ' +
    '`/handbooks commandes` affiche vos commandes.',
  'order.whereaboutsReady': 'Votre commande *{reference}* est enregistrée et transmise à l’Unité des publications',
  'order.whereaboutsWaiting': 'Votre commande *{reference}* est enregistrée ; elle parviendra à l’Unité des publications dès que le canal des commandes du bot sera configuré',
  'order.cancelQuestion': 'Annuler la commande *{reference}* ? Le demandeur en est informé, avec votre motif.',
  'order.reason': 'Motif',
  'order.pleaseCheck': 'À vérifier : {problems}.',
  'order.unreadable': 'Je n’arrive plus à lire ce formulaire (il vient peut-être d’une version antérieure de l’application). Recommencez la commande.',
  'order.tooLong': 'Ces saisies sont trop longues pour le formulaire ; raccourcissez-les.',
  'order.tooLongToReview': 'Cette commande contenait plus que le formulaire ne peut en porter, je n’ai donc pas pu l’afficher pour vérification. Veuillez la saisir à nouveau.',
  'order.notProcessed': 'Un problème de mon côté m’a empêché de continuer. Vos saisies sont conservées : réessayez dans un instant.',
  'order.notStored':
    'Je n’ai pas pu enregistrer votre commande à cause d’un problème de mon côté. Rien n’a été enregistré et vos saisies sont conservées : cliquez de nouveau sur *Envoyer la commande* dans un instant.',
  'order.openFailed': 'Je n’ai pas pu ouvrir le formulaire de commande : Slack a répondu « {code} ». Cliquez de nouveau sur le bouton.',
  'order.openFailedCommand': 'Je n’ai pas pu ouvrir le formulaire de commande : Slack a répondu « {code} ». Réessayez `/handbooks commander`.',
  'order.updateFailed':
    'Je n’ai pas pu mettre à jour votre formulaire (Slack a répondu « {code} ») : votre dernier clic n’a pas été pris en compte. Réessayez ; vos saisies sont conservées.',

  // ---- erreurs de saisie
  'error.items': 'Ajoutez au moins une publication',
  'error.tooManyItems': 'Une commande compte au plus {max} lignes',
  'error.publication': 'Choisissez une publication',
  'error.quantity': 'La quantité doit être un nombre entier de 1 à {max}',
  'error.language': 'Choisissez une édition linguistique',
  'error.name': 'Indiquez le nom de la personne qui reçoit les exemplaires',
  'error.nameTooLong': 'Le nom ne peut dépasser {max} caractères',
  'error.address': 'Indiquez une adresse postale',
  'error.addressTooLong': 'L’adresse ne peut dépasser {max} caractères ni {lines} lignes',
  'error.country': 'Choisissez un pays dans la liste',
  'error.city': 'Indiquez une ville',
  'error.cityTooLong': 'La ville ne peut dépasser {max} caractères',
  'error.postalCode': 'Indiquez un code postal fait de lettres, de chiffres, d’espaces et de traits d’union, ou laissez le champ vide',
  'error.telephone': 'Indiquez un numéro de téléphone comme +41 22 717 9111',
  'error.email': 'Indiquez une adresse électronique comme nom@example.org',
  'error.currency': 'Choisissez une devise : CHF, EUR ou USD',
  'error.method': 'Choisissez un mode de paiement : carte de crédit, chèque ou virement bancaire',
  'error.titleGone': '{title} ne figure plus au catalogue',
  'error.chooseEdition': 'Choisissez une édition linguistique de {title}',
  'error.notPublishedIn': '{title} n’existe pas en {language} ; choisissez : {offered}',
  'error.duplicateLine': '{title} en {language} figure déjà dans cette commande ; modifiez plutôt sa quantité',

  // ---- le BON DE COMMANDE
  'form.quantity': 'Quantité : {quantity}',
  'form.unitPrice': 'Prix unitaire : {price}',
  'form.total': 'Total : {price}',
  'form.priceToBeConfirmed': 'prix à confirmer par l’Unité des publications',
  'form.amountDue': 'Montant dû (hors frais d’envoi et frais de virement bancaire)',
  'form.amountToBeConfirmed': 'à confirmer par l’Unité des publications',
  'form.amountPlusUnpriced': '{amount}, plus les lignes dont le prix reste à confirmer',
  'form.payment': 'Paiement',
  'form.paymentValue': '{method}, en {currency}',
  'form.name': 'Nom',
  'form.address': 'Adresse',
  'form.country': 'Pays',
  'form.cityZip': 'Ville / Code postal',
  'form.telephone': 'Téléphone',
  'form.email': 'Courriel',
  'form.field': '{label} : {value}',
  'form.heading': 'BON DE COMMANDE : publications de l’{org}',
  'form.reference': 'Référence',
  'form.date': 'Date',
  'form.bookTitle': 'Titre',
  'form.subject': 'Commande {reference} : publications de l’{org}',
  'form.subjectDraft': 'Commande : publications de l’{org}',
  'form.cutShort': '[…] Le bon s’arrête ici ; l’Unité des publications a la commande complète sous la référence {reference}.',
  'form.cutShortDraft': '[…] Le bon s’arrête ici ; l’Unité des publications a la commande complète.',

  // ---- statuts des commandes
  'status.submitted': 'Reçue',
  'status.processing': 'En préparation',
  'status.dispatched': 'Expédiée',
  'status.cancelled': 'Annulée',
  'status.cancelButton': 'Annuler…',

  // ---- messages sur les commandes
  'notice.header': 'Commande {reference}',
  'notice.status': '*Statut :* {status} · passée par {requester} le {date} · livraison : {country}',
  'notice.change': '{status} par {actor} le {date}',
  'notice.changeWithReason': '{status} par {actor} le {date} : {reason}',
  'notice.deliveryDetails': 'Coordonnées de livraison',
  'notice.notification': { one: 'Commande {reference} ({status}) : {count} ligne', other: 'Commande {reference} ({status}) : {count} lignes' },
  'delivery.notification': 'Coordonnées de livraison de {reference}',
  'delivery.heading': '*Coordonnées de livraison de {reference}*, commande passée par {requester}',
  'confirmation.emailButton': 'Envoyer le bon par courriel',
  'confirmation.notification': 'Votre commande {reference} est bien reçue',
  'confirmation.header': 'Votre commande {reference}',
  'confirmation.intro': 'Merci. {whereabouts} (passée le {date}). Je vous préviendrai ici à chaque changement de statut.',
  'confirmation.emailHint': 'Si votre bureau doit aussi envoyer le bon de commande par courriel, ce bouton en ouvre un déjà rempli, adressé à l’Unité des publications.',
  'statusChange.text': 'Votre commande *{reference}* est désormais *{status}*.',
  'statusChange.reason': 'Motif : {reason}',
  'statusChange.notification': 'Votre commande {reference} est désormais {status}',
  'ownOrders.none': 'Vous n’avez pas encore passé de commande. `/handbooks commander` ou *Commander un exemplaire* sous un résultat de recherche permet d’en passer une.',
  'ownOrders.noneNotification': 'Vous n’avez pas encore passé de commande',
  'ownOrders.adminHint': 'En tant que gestionnaire des commandes, vous pouvez aussi exporter toutes les commandes en CSV : `/handbooks orders export`.',
  'ownOrders.header': 'Vos commandes',
  'ownOrders.line': '*{reference}* · {status} · passée le {date}',
  'ownOrders.showing': { one: 'Voici votre dernière commande.', other: 'Voici vos {count} dernières commandes.' },
  'ownOrders.statusHint': 'Je vous préviens par message direct à chaque changement de statut.',
  'ownOrders.notification': { one: 'Vos commandes : {count} commande', other: 'Vos commandes : {count} commandes' },
  'ownOrders.notYours': 'Je n’ai trouvé aucune commande *{reference}* parmi les vôtres.',
  'outbox.allDelivered': ':white_check_mark: *Notifications de commande :* toutes remises.',
  'outbox.counts': '*Notifications de commande :* {waiting} en attente · {retrying} en cours de relance · {failed} impossibles à remettre',
  'outbox.kindOrderNotice': 'notification de commande',
  'outbox.kindConfirmation': 'confirmation',
  'outbox.kindStatusNotice': 'changement de statut',
  'outbox.retrying': { one: '• {reference} ({kind}) : {error}, {count} tentative jusqu’ici, prochaine à {time} UTC', other: '• {reference} ({kind}) : {error}, {count} tentatives jusqu’ici, prochaine à {time} UTC' },
  'outbox.failed': '• {reference} ({kind}) : {error}, mise de côté',
  'outbox.more': '• … et {count} de plus',
  'outbox.unknownError': 'erreur inconnue',
  'outbox.retryHint': 'Lancez `/handbooks orders retry` une fois corrigée la cause des notifications mises de côté.',
  'outbox.troubleHint': 'Les nouvelles tentatives se font d’elles-mêmes ; `not_in_channel` signifie que le bot doit être invité dans le canal des commandes.',

  // ---- sous-commandes et boutons de statut
  'orders.retryForAdmins': '(Relancer les notifications est réservé aux gestionnaires des commandes.)',
  'orders.exportForAdmins': '(Exporter les commandes est réservé aux gestionnaires des commandes.)',
  'orders.retryNone': 'Aucune notification n’attend de relance : toutes ont été remises ou sont encore en cours d’envoi.',
  'orders.retried': {
    one: 'J’ai remis {count} notification dans la file ; elle part d’ici quelques secondes. Si elle échoue encore, `/handbooks commandes` vous le dira.',
    other: 'J’ai remis {count} notifications dans la file ; elles partent d’ici quelques secondes. Si l’une échoue encore, `/handbooks commandes` vous le dira.',
  },
  'orders.exportTitle': 'Export des commandes {date}',
  'orders.exportComment': 'Toutes les commandes ({count}), une ligne par ligne de commande. Le fichier contient des données personnelles : réservez-le à l’Unité des publications.',
  'orders.exportSent': {
    one: 'Je vous ai envoyé le CSV de {count} commande dans nos messages directs.',
    other: 'Je vous ai envoyé le CSV des {count} commandes dans nos messages directs.',
  },
  'orders.exportFailed': 'Je n’ai pas pu envoyer l’export : Slack a répondu « {code} ». Réessayez dans un instant.',
  'orders.notFound': 'Cette commande ne figure pas dans le registre des commandes.',
  'orders.noSuchOrder': 'Il n’y a pas de commande {reference}.',
  'orders.cannotMove': '{reference} est désormais *{status}* et ne peut plus passer à *{to}*.',
  'orders.buttonStale': 'Ce bouton ne fonctionne plus.',
  'orders.reasonFailed': 'Je n’ai pas pu demander le motif : Slack a répondu « {code} ». Cliquez de nouveau sur *Annuler…*.',
  'orders.cancelForAdmins': 'Seuls les gestionnaires des commandes de l’Unité des publications peuvent annuler une commande.',
  'orders.cancelFormStale': 'Ce formulaire ne fonctionne plus. Fermez-le et cliquez de nouveau sur Annuler… sous la commande.',
  'orders.reasonMissing': 'Indiquez pourquoi la commande est annulée ; le demandeur en sera informé.',
  'orders.messageNotUpdated':
    '{reference} est désormais *{status}*, mais je n’ai pas pu mettre à jour son message dans le canal des commandes (Slack a répondu « {code} ») : ses boutons ne sont peut-être plus à jour. ' +
    '`/handbooks orders export` donne le statut de chaque commande.',

  // ---- l’export CSV
  'csv.yes': 'oui',
  'csv.no': 'non',

  // ---- ce que le personnel cherche (/handbooks admin gaps)
  'admin.gaps': 'les recherches qui n’ont rien ou peu trouvé ces 30 derniers jours, avec un CSV (`gaps 90` : les 90 derniers jours)',
  'gaps.notAvailable': 'Les recherches ne sont pas comptées ici : il n’y a pas de stockage des données.',
  'gaps.badDays': 'Indiquez le nombre de jours en nombre entier de 1 à {max}, comme dans `/handbooks admin gaps 90` (« {value} » n’en est pas un).',
  'gaps.summary': {
    one: '*Recherches aujourd’hui :* {searches}, dont {nothingFound} sans résultat et {foundInPart} avec des titres trouvés en partie seulement.',
    other: '*Recherches des {count} derniers jours :* {searches}, dont {nothingFound} sans résultat et {foundInPart} avec des titres trouvés en partie seulement.',
  },
  'gaps.none': 'Aucune recherche n’a rien ou peu trouvé sur cette période.',
  'gaps.top': '*Les plus fréquentes, par mots cherchés* (rien trouvé / trouvé en partie) :',
  'gaps.line': '{rank}. {query} : {searches} ({nothingFound} / {foundInPart})',
  'gaps.more': { one: '… et {count} autre dans le CSV.', other: '… et {count} autres dans le CSV.' },
  'gaps.privacy': 'Seuls les mots cherchés (en minuscules, sans accents) et les nombres par jour sont gardés, 90 jours : jamais qui a cherché, ni où.',
  'gaps.csvSent': { one: 'Je vous ai envoyé le CSV de {count} texte de recherche dans nos messages directs.', other: 'Je vous ai envoyé le CSV de {count} textes de recherche dans nos messages directs.' },
  'gaps.csvFailed': 'Je n’ai pas pu envoyer le CSV : Slack a répondu « {code} ». Réessayez dans un instant.',
  'gaps.csvTitle': 'Recherches sans résultat {date}',
  'gaps.csvComment': { one: 'Recherches qui n’ont rien ou peu trouvé aujourd’hui, par mots cherchés.', other: 'Recherches qui n’ont rien ou peu trouvé ces {count} derniers jours, par mots cherchés.' },

  // ---- administrateurs du catalogue (/handbooks admin …)
  'admin.notAdmin': 'Désolé, seuls les administrateurs du catalogue de l’Unité des publications peuvent faire cela. Si vous pensez devoir en faire partie, demandez-leur de vous ajouter.',
  'admin.notAvailable': 'Le catalogue ne peut pas être modifié depuis Slack ici : il est lu dans le fichier du dépôt.',
  'admin.header': '*Commandes d’administration du catalogue*',
  'admin.unknown': 'Je ne connais pas la commande d’administration « {word} ».',
  // ---- Modifier la fiche (administrateurs du catalogue)
  'button.editEntry': 'Modifier la fiche',
  'modal.editEntry': 'Modifier la fiche',
  'modal.save': 'Enregistrer',
  'details.prices': 'Prix de l’exemplaire imprimé',
  'edit.intro': '*{title}*\nCe que vous enregistrez vaut aussitôt : recherches, fiches et nouvelles commandes l’utilisent immédiatement.',
  'edit.link': 'Lien : édition en {language}',
  'edit.linkHint': 'L’adresse de la page de cette édition, commençant par https://. Laissez vide si aucune n’est connue.',
  'edit.price': 'Prix imprimé en {currency}',
  'edit.priceHint': 'Un nombre comme 12,50 ou 12.50. Laissez vide s’il n’y a pas de prix : les commandes indiquent alors « à confirmer ».',
  'edit.keywords': 'Mots-clés',
  'edit.keywordsHint': 'En anglais, séparés par des virgules : ils aident la recherche à trouver ce titre.',
  'edit.notes': 'Notes',
  'edit.notesHint': 'Gardées avec la fiche pour les administrateurs du catalogue ; le personnel ne les voit pas.',
  'edit.flags': 'À vérifier',
  'edit.flagsHint': 'Cochez ce que vous avez vérifié ou corrigé : ce sera alors présenté comme un fait, et non plus « à confirmer ».',
  'edit.flag.languages': 'Langue : {value}',
  'edit.flag.isbn': 'ISBN : {value}',
  'edit.flag.eisbn': 'E-ISBN : {value}',
  'edit.flag.pages': 'Pages : {value}',
  'edit.flag.urls': 'Lien de l’édition en {value}',
  'edit.error.urlInvalid': 'Ce n’est pas une adresse web. Écrivez-la en entier, en commençant par https:// (comme https://publications.iom.int/books/…).',
  'edit.error.urlNotWeb': 'Seule une page web (une adresse commençant par https:// ou http://) peut servir de lien à un titre.',
  'edit.error.priceNotNumber': 'Écrivez le prix sous forme de nombre, comme 12,50 ou 12.50.',
  'edit.error.priceNegative': 'Un prix ne peut pas être négatif.',
  'edit.error.priceDecimals': 'Un prix a au plus deux décimales.',
  'edit.error.priceAmbiguous': 'Trois chiffres après la virgule ou le point peuvent être des milliers ou des décimales : écrivez 1250 pour mille et plus, ou 12,50 avec deux décimales.',
  'edit.error.priceTooHigh': 'C’est plus de {max} : veuillez vérifier le prix.',
  'edit.error.keywordEmpty': 'L’un des mots-clés est vide : retirez la virgule en trop.',
  'edit.error.tooLong': 'C’est trop long : {max} caractères au plus.',
  'edit.error.invalid': 'Le catalogue n’accepte pas ceci : {message}',
  'edit.gone': 'Ce titre n’est plus au catalogue, rien n’a donc été enregistré.',
  'edit.conflict': ':warning: Quelqu’un a modifié le catalogue pendant que vous travailliez, rien n’a donc été enregistré. Vos saisies sont gardées ci-dessous ; les enregistrer maintenant changerait : {changes}. Comparez-les à la fiche du titre, puis enregistrez de nouveau.',
  'edit.conflictCheck': ':warning: Quelqu’un a modifié le catalogue pendant que vous travailliez, rien n’a donc été enregistré. Vos saisies sont gardées ci-dessous : comparez-les à la fiche du titre, puis enregistrez de nouveau.',
  'edit.conflictSame': ':warning: Quelqu’un a modifié le catalogue pendant que vous travailliez, rien n’a donc été enregistré. Ce titre correspond déjà à vos saisies ci-dessous ; enregistrez de nouveau pour les confirmer.',
  'edit.saveFailed': 'Désolé, la modification n’a pas pu être enregistrée, et rien n’a changé. Veuillez réessayer dans un instant.',
  'edit.openFailed': 'Je n’ai pas pu ouvrir le formulaire : Slack a répondu « {code} ». Veuillez cliquer de nouveau sur *Modifier la fiche*.',
  'edit.saved': '*{title}* enregistré : {changes}. Recherches, fiches et nouvelles commandes l’utilisent dès maintenant.',
  'edit.unchanged': 'Rien n’a changé dans *{title}* : la fiche était déjà telle que vous l’avez laissée.',
  'edit.change.linkSet': 'lien de l’édition en {language} désormais {url}',
  'edit.change.linkRemoved': 'lien de l’édition en {language} retiré',
  'edit.change.priceSet': 'prix en {currency} désormais {price}',
  'edit.change.priceRemoved': 'prix en {currency} retiré',
  'edit.change.keywords': 'mots-clés désormais {keywords}',
  'edit.change.keywordsRemoved': 'mots-clés retirés',
  'edit.change.notes': 'notes modifiées',
  'edit.change.notesRemoved': 'notes retirées',
  'edit.change.flagCleared': '« {what} » confirmé',
});
