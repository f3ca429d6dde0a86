/** El catálogo en español. */
import type { Messages } from './en.js';

export const es: Messages = {
  // ---- la organización
  'org.short': 'OIM',
  'org.name': 'Organización Internacional para las Migraciones',

  // ---- común
  'common.quoted': '«{text}»',
  'common.sorry': 'Lo siento, algo falló de mi lado y no pude terminar. Inténtelo de nuevo en un momento.',
  'common.titleGone': 'Ese título ya no está en el catálogo. Busque de nuevo para ver lo que hay ahora.',
  'common.staleButton': 'Este botón ya no funciona. Vuelva a preguntar, por favor.',
  'modal.close': 'Cerrar',
  'modal.cancel': 'Cancelar',
  'modal.next': 'Siguiente',
  'modal.done': 'Listo',

  // ---- una publicación en una respuesta
  'publication.noLink': 'sin enlace registrado',
  'publication.pages': { one: '{count} página', other: '{count} páginas' },
  'publication.onlyIn': 'solo en {language}',
  'publication.noEdition': 'sin edición en {language}',
  'publication.summaryIn': 'Resumen en {language}:',
  'publication.pageIn': 'página en {language}',
  'publication.toConfirm': 'por confirmar',
  'publication.pdfWithoutLink': 'El catálogo anuncia un PDF, pero no hay ningún enlace registrado: busque «{title}» en {site} o pida un ejemplar impreso.',
  'button.details': 'Detalles',
  'button.orderCopy': 'Pedir un ejemplar',
  'button.share': 'Compartir en el canal',
  'button.orderCopies': 'Pedir ejemplares impresos',

  // ---- cómo se entendió la consulta
  'understood.searchedFor': 'Búsqueda: *{terms}*',
  'understood.editionsIn': 'Ediciones en {languages}',
  'understood.publishedIn': 'publicación en {year}',
  'understood.publishedBetween': 'publicación entre {from} y {to}',
  'understood.publishedSince': 'publicación en {year} o después',
  'understood.publishedUntil': 'publicación en {year} o antes',
  'understood.corrected': 'ortografía corregida: {corrections}',
  'understood.acronyms': 'siglas desarrolladas: {acronyms}',
  'understood.acronym': '{acronym} = {expansion}',
  'understood.unmatched': 'ningún título menciona {words}',
  'understood.unknownLanguage': 'idioma desconocido omitido: {languages}',
  'understood.searchedForText': 'Búsqueda: {text}',
  'understood.newestFirst': 'los más recientes primero',
  'understood.noIsbn': 'ningún título tiene el ISBN {isbn}',
  'understood.isbnPrint': 'el ISBN {isbn} es el de la edición impresa',
  'understood.isbnElectronic': 'el ISBN electrónico {isbn} es el de la edición digital',
  'understood.isbnLanguage': '{edition} ({language})',

  // ---- respuestas a las búsquedas
  'results.allTitles': 'Todos los títulos: {filters}',
  'results.wholeCatalogue': 'todo el catálogo',
  'results.count': { one: '{count} resultado', other: '{count} resultados' },
  'results.range': 'Resultados {first}–{last} de {total}',
  'results.notification': { one: '{count} resultado para «{query}»', other: '{count} resultados para «{query}»' },
  'results.lastPage': 'Esa era la última página de resultados para «{query}» ({total} en total).',
  'results.noMore': 'No hay más resultados',
  'results.nothingFound': 'No encontré nada para «{query}»',
  'results.nothingNotification': 'Sin resultados para «{query}»',
  'results.dropFilters': 'Pruebe de nuevo sin el idioma ni el año.',
  'results.didYouMean': '¿Quiso decir…?',
  'results.tryExamples': 'Pruebe, por ejemplo:\n{examples}\n`/handbooks lista` muestra todos los títulos y `/handbooks ayuda` explica cómo preguntar.',
  'paging.moreResults': 'Más resultados ({count} más)',
  'paging.moreTitles': 'Más títulos ({count} más)',
  'paging.tooLongResults': {
    one: 'Queda {count} resultado más: con una consulta más corta puedo mostrar el resto.',
    other: 'Quedan {count} resultados más: con una consulta más corta puedo mostrar el resto.',
  },
  'paging.tooLongTitles': {
    one: 'Queda {count} título más: con una consulta más corta puedo mostrar el resto.',
    other: 'Quedan {count} títulos más: con una consulta más corta puedo mostrar el resto.',
  },

  // ---- la lista
  'list.whole': { one: '*Todo el catálogo*: {count} título, del más reciente al más antiguo', other: '*Todo el catálogo*: {count} títulos, del más reciente al más antiguo' },
  'list.filtered': '*Títulos*: {filters} ({count})',
  'list.all': 'todos',
  'list.range': 'Títulos {first}–{last} de {total}',
  'list.notification': { one: 'Catálogo: {count} título', other: 'Catálogo: {count} títulos' },

  // ---- ayuda
  'examples.training': 'capacitación sobre trata de personas',
  'examples.psychosocial': 'apoyo psicosocial en francés',
  'examples.recent': 'violencia de género desde 2019',
  'examples.all': 'todos los títulos en español',
  'help.howToAsk':
    'Pregunte con sus propias palabras qué busca: escriba `/handbooks` y su pregunta, mencióneme en un canal ' +
    '(respondo en un hilo) o envíeme un mensaje directo.',
  'help.notification': 'Cómo buscar en los manuales y guías',
  'help.header': 'Manuales y guías: cómo preguntar',
  'help.filters':
    '*Filtros* (escríbalos en su pregunta)\n' +
    '• una edición en otro idioma: _en español_, _en francés_, _in English_\n' +
    '• un año o un período: _2019_, _desde 2018_, _antes de 2015_, _2018–2020_\n' +
    '• lo más reciente primero: _últimos_, _novedades_; un título por su ISBN: _978-92-9068-811-2_\n' +
    'Las palabras mal escritas se corrigen y las siglas como GBV se desarrollan; la respuesta indica cómo se entendió su pregunta.',
  'help.examples': '*Ejemplos*',
  'help.sayIt':
    '*Dígalo sin más* (en español, inglés o francés; en un mensaje directo, una mención o después de `/handbooks`)\n' +
    '• _¿dónde está mi pedido?_ o _estado de PUB-2026-000123_: sus pedidos y su estado\n' +
    '• _¿cómo hago un pedido?_: los pasos y el formulario de pedido\n' +
    '• _quiero pedir 5 ejemplares del manual de reintegración en árabe_: el formulario de pedido con ese título, los ejemplares y la edición ya rellenados\n' +
    '• _hola_, _gracias_: también respondo a eso',
  'help.commands':
    '*Comandos*\n' +
    '• `/handbooks ayuda`: esta ayuda\n' +
    '• `/handbooks lista`: todos los títulos, del más reciente al más antiguo; `/handbooks lista francés` o `/handbooks lista 2019` la acota\n' +
    '• `/handbooks pedir [título]`: pedir ejemplares impresos (de ese título)\n' +
    '• `/handbooks pedidos`: sus pedidos y su estado\n' +
    'Cualquier otro texto después de `/handbooks` se busca.',
  'help.language': 'Respondo en español, inglés o francés: en el idioma de su pregunta o en el que elija en mi pestaña Inicio.',

  // ---- pestaña Inicio
  'home.header': 'Manuales y guías',
  'home.intro':
    'Le ayudo a encontrar los manuales y guías de la {organization} ({org}): qué títulos hay sobre un tema, en qué idiomas, ' +
    'cuántas páginas tienen y dónde leerlos. También tramito pedidos de ejemplares impresos.',
  'home.howToAsk': '{howToAsk}\nPor ejemplo: {examples}. `/handbooks ayuda` le cuenta más.',
  'home.glance': 'El catálogo de un vistazo',
  'home.byYear': { one: '*Por año* ({count} título)', other: '*Por año* ({count} títulos)' },
  'home.byLanguage': '*Por edición e idioma*',
  'home.newest': '*Títulos más recientes*',
  'home.recentOrders': 'Sus pedidos recientes',
  'home.noOrders': 'Aún no tiene pedidos. Use *Pedir ejemplares impresos* aquí arriba o el botón que aparece bajo cada resultado de búsqueda.',
  'home.allOrders': '`/handbooks pedidos` los muestra todos.',
  'home.language': '*Idioma de mis respuestas*',
  'home.languageAutomatic': 'Automático',
  'home.languageHint': 'En automático sigo el idioma de su Slack o el idioma en que escribe su pregunta.',
  'home.usage.header': 'Búsquedas y pedidos, últimos {days} días',
  'home.usage.searches': '*Búsquedas*\n{searches}, {nothingFound} de ellas sin resultados',
  'home.usage.orders': '*Pedidos*\n{count}',
  'home.usage.titles': '*Títulos más pedidos*',
  'home.usage.title': '{rank}. {title}: {orders}, {copies}',
  'home.usage.orderCount': { one: '{count} pedido', other: '{count} pedidos' },
  'home.usage.copyCount': { one: '{count} ejemplar', other: '{count} ejemplares' },
  'home.usage.noOrders': 'Ningún pedido en este periodo.',
  'home.usage.hint': 'Visible para los administradores del catálogo. `/handbooks admin gaps` enumera las búsquedas que no encontraron nada o casi nada, con un CSV.',

  // ---- Detalles
  'modal.details': 'Ficha de la publicación',
  'details.year': 'Año',
  'details.pages': 'Páginas',
  'details.noneRecorded': 'no consta',
  'details.pdf': 'PDF',
  'details.pdfAvailable': 'disponible para descargar',
  'details.pdfMissing': 'no disponible',
  'details.summaryLanguage': 'Idioma del resumen',
  'details.editions': 'Ediciones por idioma',
  'details.edition': '• *{language}*: {link}',
  'details.publicationPage': 'página de la publicación',
  'details.summary': 'Resumen',
  'details.noSummary': 'No hay resumen registrado.',
  'details.summaryContinues': '_El resumen continúa en la página de la publicación._',

  // ---- Compartir
  'share.notification': '{sharer} compartió «{title}»',
  'share.by': 'Compartido por {sharer}',

  // ---- fallos de los botones
  'actions.detailsFailed': 'No pude abrir la ficha: Slack respondió «{code}». Vuelva a hacer clic en *Detalles*.',
  'actions.noChannel': 'No hay ningún canal donde compartir esto. Use *Compartir en el canal* bajo un resultado publicado en un canal.',
  'actions.notAMember':
    'No puedo publicar en esta conversación porque no soy miembro. Invíteme con `/invite @handbooks` ' +
    'y vuelva a hacer clic en *Compartir en el canal*. (En un mensaje directo o de grupo entre personas no puedo publicar.)',
  'actions.shareFailed': 'No pude compartirlo: Slack respondió «{code}». Inténtelo de nuevo en un momento.',
  'actions.moreFailed': 'No pude mostrar más: Slack respondió «{code}». Inténtelo de nuevo en un momento.',

  // ---- pedidos: rechazos
  'orders.notAvailable': 'Por ahora no se pueden pedir ejemplares impresos desde Slack. Escriba a la Unidad de Publicaciones (publications@iom.int).',
  'orders.notAdmin': 'Lo siento, solo los gestores de pedidos de la Unidad de Publicaciones pueden hacerlo. Si cree que debería serlo, pídales que le añadan.',

  // ---- what people say rather than search for
  'conversation.greeting': '¡Hola! Le ayudo a encontrar los manuales y guías de la {org} y a pedir ejemplares impresos. Pregunte con sus propias palabras, por ejemplo `{example}`, o escriba *ayuda* para ver lo que entiendo.',
  'conversation.thanks': '¡De nada! Pregúnteme cuando quiera: un tema, un título, un idioma o un año.',
  'howToOrder.notification': 'Pedir ejemplares impresos',
  'howToOrder.steps':
    '*Cómo pedir ejemplares impresos*\n' +
    '1. Haga clic en *{orderCopies}* aquí abajo (o en *{orderCopy}* bajo un resultado de búsqueda, o escriba `/handbooks pedir` y un título).\n' +
    '2. Elija los títulos, el número de ejemplares de cada uno (de 1 a {max}) y la edición lingüística.\n' +
    '3. Indique la dirección de entrega y una persona de contacto.\n' +
    '4. Elija la moneda y la forma de pago, revise el pedido y envíelo.\n' +
    'La Unidad de Publicaciones lo recibe de inmediato. Le envío su referencia y le aviso aquí cuando cambie su estado; pregúnteme _¿dónde está mi pedido?_ cuando quiera.',
  'howToOrder.tip': 'También puede decirme sin más lo que quiere, por ejemplo: _quiero pedir 5 ejemplares del manual de reintegración en árabe_.',
  'conversation.orderIntro': '{what}. El botón abre el formulario de pedido ya rellenado; allí puede cambiar lo que quiera y luego indicar la entrega y el pago.',
  'conversation.copies': { one: '{count} ejemplar', other: '{count} ejemplares' },
  'conversation.copiesOf': '*{copies}* de {title}',
  'conversation.orderButton': 'Pedir {title}',
  'conversation.orderButtonCopies': 'Pedir {count} × {title}',
  'conversation.fitsSeveral': '{typed} coincide con {count} títulos. ¿Cuál quiere pedir?',
  'conversation.matchesNone': 'No encontré ningún título para {typed}.',
  'conversation.chooseInForm': 'Abra el formulario de pedido y elija allí el título:',
  'conversation.noEdition': '*{title}* no tiene edición en {language} (tiene {editions}): elija una en el formulario.',
  'conversation.onlyEdition': '*{title}* no tiene edición en {language}, solo en {edition}.',
  'conversation.quantityOutOfRange': 'Un pedido puede tener de 1 a {max} ejemplares de un título: cambie el número en el formulario.',

  // ---- el formulario de pedido
  'modal.order': 'Pedido de ejemplares',
  'modal.submitOrder': 'Enviar pedido',
  'modal.orderReceived': 'Pedido recibido',
  'modal.cancelOrder': 'Cancelar pedido',
  'modal.keepOrder': 'Mantener el pedido',
  'order.stepItems': 'Publicaciones y cantidades',
  'order.stepDelivery': 'Entrega y contacto',
  'order.stepPayment': 'Pago',
  'order.stepReview': 'Revisión y envío',
  'order.step': 'Paso {number} de {total} · {title}',
  'order.back': 'Atrás',
  'order.remove': 'Quitar',
  'order.edition': 'edición en {language}',
  'order.editions': 'ediciones: {languages}',
  'order.lineGone': '_Este título ya no está en el catálogo: quítelo._',
  'order.preselected': 'Para {typed} añadí {what}. ¿No es el que buscaba? Pulse *Quitar* y busque más abajo.',
  'order.preselectedMany': '{typed} coincide con {count} títulos: busque más abajo el que quiere.',
  'order.preselectedNone': '{typed} no coincide con ningún título: busque más abajo la publicación que quiere.',
  'order.copies': 'Ejemplares',
  'order.copiesHint': 'Un número entero del 1 al {max}.',
  'order.editionLabel': 'Edición (idioma)',
  'order.editionPlaceholder': 'Elija una edición',
  'order.publication': 'Publicación',
  'order.addAnother': 'Añadir otra publicación',
  'order.addPlaceholder': 'Escriba parte del título o un tema',
  'order.addHint': 'Elija un título para añadirlo al pedido (hasta {max} líneas).',
  'order.maxLines': 'Un pedido tiene como máximo {max} líneas.',
  'order.deliveryIntro':
    'Adónde enviar los ejemplares y cómo puede contactarle la Unidad de Publicaciones. Solo usted y los gestores de pedidos ven estos datos.',
  'order.name': 'Nombre',
  'order.nameHint': 'La persona que recibe los ejemplares.',
  'order.address': 'Dirección',
  'order.addressHint': 'Organización, calle, edificio, oficina: puede ocupar varias líneas.',
  'order.country': 'País',
  'order.countryPlaceholder': 'Elija un país',
  'order.city': 'Ciudad',
  'order.postalCode': 'Código postal',
  'order.telephone': 'Teléfono',
  'order.telephoneHint': 'Con el prefijo del país, p. ej. +41 22 717 9111.',
  'order.email': 'Correo electrónico',
  'order.currency': 'Moneda',
  'order.currencyCHF': 'CHF (francos suizos)',
  'order.currencyEUR': 'EUR (euros)',
  'order.currencyUSD': 'USD (dólares estadounidenses)',
  'order.method': 'Forma de pago',
  'payment.creditCard': 'Tarjeta de crédito',
  'payment.check': 'Cheque',
  'payment.bankTransfer': 'Transferencia bancaria',
  'order.pricesNote':
    'Los precios son los que el catálogo registra en la moneda elegida; la Unidad de Publicaciones confirma los demás. Los gastos de envío y las comisiones bancarias se suman aparte.',
  'order.reviewIntro': 'Revise su pedido. No se envía nada hasta que haga clic en *Enviar pedido*.',
  'order.thanks': '*Gracias.* {whereabouts}.',
  'order.doneNext':
    'Le enviaré un mensaje directo con el pedido completo y un correo ya preparado, y otro cada vez que cambie su estado. ' +
    '`/handbooks pedidos` muestra sus pedidos.',
  'order.whereaboutsReady': 'Su pedido *{reference}* está registrado y en camino a la Unidad de Publicaciones',
  'order.whereaboutsWaiting': 'Su pedido *{reference}* está registrado; llegará a la Unidad de Publicaciones en cuanto se configure el canal de pedidos del bot',
  'order.cancelQuestion': '¿Cancelar el pedido *{reference}*? Se informará al solicitante, con su motivo.',
  'order.reason': 'Motivo',
  'order.pleaseCheck': 'Revise lo siguiente: {problems}.',
  'order.unreadable': 'Ya no puedo leer este formulario (quizá sea de una versión anterior de la aplicación). Empiece el pedido de nuevo.',
  'order.tooLong': 'Estos datos son demasiado largos para el formulario; acórtelos, por favor.',
  'order.tooLongToReview': 'Este pedido llevaba más de lo que cabe en el formulario, así que no pude mostrarlo para revisarlo. Vuelva a introducirlo, por favor.',
  'order.notProcessed': 'Algo falló de mi lado y no pude continuar. Lo que escribió se conserva: inténtelo de nuevo en un momento.',
  'order.notStored':
    'No pude registrar su pedido por un problema de mi lado. No se registró nada y sus datos se conservan: vuelva a hacer clic en *Enviar pedido* dentro de un momento.',
  'order.openFailed': 'No pude abrir el formulario de pedido: Slack respondió «{code}». Vuelva a hacer clic en el botón.',
  'order.openFailedCommand': 'No pude abrir el formulario de pedido: Slack respondió «{code}». Vuelva a probar `/handbooks pedir`.',
  'order.updateFailed':
    'No pude actualizar su formulario (Slack respondió «{code}»), así que su último clic no surtió efecto. Inténtelo de nuevo; lo que escribió se conserva.',

  // ---- errores de los campos
  'error.items': 'Añada al menos una publicación',
  'error.tooManyItems': 'Un pedido puede tener como máximo {max} líneas',
  'error.publication': 'Elija una publicación',
  'error.quantity': 'La cantidad debe ser un número entero del 1 al {max}',
  'error.language': 'Elija una edición',
  'error.name': 'Escriba el nombre de la persona que recibe los ejemplares',
  'error.nameTooLong': 'El nombre no puede pasar de {max} caracteres',
  'error.address': 'Escriba una dirección postal',
  'error.addressTooLong': 'La dirección no puede pasar de {max} caracteres ni de {lines} líneas',
  'error.country': 'Elija un país de la lista',
  'error.city': 'Escriba una ciudad',
  'error.cityTooLong': 'La ciudad no puede pasar de {max} caracteres',
  'error.postalCode': 'Escriba un código postal de letras, cifras, espacios y guiones, o déjelo vacío',
  'error.telephone': 'Escriba un número de teléfono como +41 22 717 9111',
  'error.email': 'Escriba una dirección de correo como nombre@example.org',
  'error.currency': 'Elija una moneda: CHF, EUR o USD',
  'error.method': 'Elija una forma de pago: tarjeta de crédito, cheque o transferencia bancaria',
  'error.titleGone': '{title} ya no está en el catálogo',
  'error.chooseEdition': 'Elija una edición de {title}',
  'error.notPublishedIn': '{title} no está publicado en {language}; elija: {offered}',
  'error.duplicateLine': '{title} en {language} ya está en este pedido; cambie su cantidad',

  // ---- el FORMULARIO DE PEDIDO
  'form.quantity': 'Cantidad: {quantity}',
  'form.unitPrice': 'Precio unitario: {price}',
  'form.total': 'Total: {price}',
  'form.priceToBeConfirmed': 'precio por confirmar por la Unidad de Publicaciones',
  'form.amountDue': 'Importe a pagar (sin gastos de envío ni comisiones de transferencia bancaria)',
  'form.amountToBeConfirmed': 'por confirmar por la Unidad de Publicaciones',
  'form.amountPlusUnpriced': '{amount}, más las líneas cuyo precio está por confirmar',
  'form.payment': 'Pago',
  'form.paymentValue': '{method}, en {currency}',
  'form.name': 'Nombre',
  'form.address': 'Dirección',
  'form.country': 'País',
  'form.cityZip': 'Ciudad / Código postal',
  'form.telephone': 'Teléfono',
  'form.email': 'Correo electrónico',
  'form.field': '{label}: {value}',
  'form.heading': 'FORMULARIO DE PEDIDO: publicaciones de la {org}',
  'form.reference': 'Referencia',
  'form.date': 'Fecha',
  'form.bookTitle': 'Título',
  'form.subject': 'Pedido {reference}: publicaciones de la {org}',
  'form.subjectDraft': 'Pedido: publicaciones de la {org}',
  'form.cutShort': '[…] El formulario se corta aquí; la Unidad de Publicaciones tiene el pedido completo con la referencia {reference}.',
  'form.cutShortDraft': '[…] El formulario se corta aquí; la Unidad de Publicaciones tiene el pedido completo.',

  // ---- estados de los pedidos
  'status.submitted': 'Recibido',
  'status.processing': 'En preparación',
  'status.dispatched': 'Enviado',
  'status.cancelled': 'Cancelado',
  'status.cancelButton': 'Cancelar…',

  // ---- mensajes sobre pedidos
  'notice.header': 'Pedido {reference}',
  'notice.status': '*Estado:* {status} · hecho por {requester} el {date} · entrega en {country}',
  'notice.change': '{status} por {actor} el {date}',
  'notice.changeWithReason': '{status} por {actor} el {date}: {reason}',
  'notice.deliveryDetails': 'Datos de entrega',
  'notice.notification': { one: 'Pedido {reference} ({status}): {count} línea', other: 'Pedido {reference} ({status}): {count} líneas' },
  'delivery.notification': 'Datos de entrega de {reference}',
  'delivery.heading': '*Datos de entrega de {reference}*, pedido hecho por {requester}',
  'confirmation.emailButton': 'Enviar el formulario por correo',
  'confirmation.notification': 'Recibimos su pedido {reference}',
  'confirmation.header': 'Su pedido {reference}',
  'confirmation.intro': 'Gracias. {whereabouts} (hecho el {date}). Le avisaré aquí cuando cambie su estado.',
  'confirmation.emailHint': 'Si su oficina también debe enviar el formulario de pedido por correo, el botón abre uno ya rellenado y dirigido a la Unidad de Publicaciones.',
  'statusChange.text': 'Su pedido *{reference}* está ahora *{status}*.',
  'statusChange.reason': 'Motivo: {reason}',
  'statusChange.notification': 'Su pedido {reference} está ahora {status}',
  'ownOrders.none': 'Aún no tiene pedidos. Puede hacer uno con `/handbooks pedir` o con *Pedir un ejemplar* bajo un resultado de búsqueda.',
  'ownOrders.noneNotification': 'Aún no tiene pedidos',
  'ownOrders.adminHint': 'Como gestor de pedidos, también puede exportar todos los pedidos en CSV: `/handbooks orders export`.',
  'ownOrders.header': 'Sus pedidos',
  'ownOrders.line': '*{reference}* · {status} · hecho el {date}',
  'ownOrders.showing': { one: 'Aquí tiene su último pedido.', other: 'Aquí tiene sus {count} últimos pedidos.' },
  'ownOrders.statusHint': 'Le aviso por mensaje directo cada vez que cambia un estado.',
  'ownOrders.notification': { one: 'Sus pedidos: {count} pedido', other: 'Sus pedidos: {count} pedidos' },
  'ownOrders.notYours': 'No encontré ningún pedido *{reference}* entre los suyos.',
  'outbox.allDelivered': ':white_check_mark: *Avisos de pedidos:* todos entregados.',
  'outbox.counts': '*Avisos de pedidos:* {waiting} en espera · {retrying} en reintento · {failed} sin poder entregarse',
  'outbox.kindOrderNotice': 'aviso de pedido',
  'outbox.kindConfirmation': 'confirmación',
  'outbox.kindStatusNotice': 'cambio de estado',
  'outbox.retrying': { one: '• {reference} ({kind}): {error}, {count} intento hasta ahora, el próximo a las {time} UTC', other: '• {reference} ({kind}): {error}, {count} intentos hasta ahora, el próximo a las {time} UTC' },
  'outbox.failed': '• {reference} ({kind}): {error}, apartado',
  'outbox.more': '• … y {count} más',
  'outbox.unknownError': 'error desconocido',
  'outbox.retryHint': 'Ejecute `/handbooks orders retry` después de corregir la causa de los avisos apartados.',
  'outbox.troubleHint': 'Los reintentos siguen solos; `not_in_channel` significa que hay que invitar al bot al canal de pedidos.',

  // ---- subcomandos de pedidos y botones de estado
  'orders.retryForAdmins': '(Reintentar los avisos es tarea de los gestores de pedidos.)',
  'orders.exportForAdmins': '(Exportar los pedidos es tarea de los gestores de pedidos.)',
  'orders.retryNone': 'Ningún aviso espera un reintento: todos se entregaron o aún se están reintentando.',
  'orders.retried': {
    one: 'Volví a poner {count} aviso en la cola; sale en unos segundos. Si vuelve a fallar, `/handbooks pedidos` se lo dirá.',
    other: 'Volví a poner {count} avisos en la cola; salen en unos segundos. Si alguno vuelve a fallar, `/handbooks pedidos` se lo dirá.',
  },
  'orders.exportTitle': 'Exportación de pedidos {date}',
  'orders.exportComment': 'Todos los pedidos ({count}), una fila por línea de pedido. Contiene datos personales: no lo comparta fuera de la Unidad de Publicaciones.',
  'orders.exportSent': {
    one: 'Le envié el CSV de {count} pedido en nuestros mensajes directos.',
    other: 'Le envié el CSV de {count} pedidos en nuestros mensajes directos.',
  },
  'orders.exportFailed': 'No pude enviar la exportación: Slack respondió «{code}». Inténtelo de nuevo en un momento.',
  'orders.notFound': 'Ese pedido no está en el registro de pedidos.',
  'orders.noSuchOrder': 'No existe el pedido {reference}.',
  'orders.cannotMove': '{reference} está ahora *{status}* y ya no puede pasar a *{to}*.',
  'orders.buttonStale': 'Este botón ya no funciona.',
  'orders.reasonFailed': 'No pude pedir el motivo: Slack respondió «{code}». Vuelva a hacer clic en *Cancelar…*.',
  'orders.cancelForAdmins': 'Solo los gestores de pedidos de la Unidad de Publicaciones pueden cancelar un pedido.',
  'orders.cancelFormStale': 'Este formulario ya no funciona. Ciérrelo y vuelva a hacer clic en Cancelar… en el pedido.',
  'orders.reasonMissing': 'Indique el motivo de la cancelación; se le comunicará al solicitante.',
  'orders.messageNotUpdated':
    '{reference} está ahora *{status}*, pero no pude actualizar su mensaje en el canal de pedidos (Slack respondió «{code}»), así que sus botones pueden estar desactualizados. ' +
    '`/handbooks orders export` tiene el estado de cada pedido.',

  // ---- la exportación CSV
  'csv.yes': 'sí',
  'csv.no': 'no',

  // ---- lo que busca el personal (/handbooks admin gaps)
  'admin.gaps': 'las búsquedas que no encontraron nada o casi nada en los últimos 30 días, con un CSV (`gaps 90`: los últimos 90 días)',
  'gaps.notAvailable': 'Aquí no se cuentan las búsquedas: no hay almacén de datos.',
  'gaps.badDays': 'Indique el número de días como un número entero de 1 a {max}, como en `/handbooks admin gaps 90` («{value}» no lo es).',
  'gaps.summary': {
    one: '*Búsquedas de hoy:* {searches}, {nothingFound} de ellas sin resultados y {foundInPart} con títulos encontrados solo en parte.',
    other: '*Búsquedas de los últimos {count} días:* {searches}, {nothingFound} de ellas sin resultados y {foundInPart} con títulos encontrados solo en parte.',
  },
  'gaps.none': 'Ninguna búsqueda quedó sin resultados o con pocos en ese periodo.',
  'gaps.top': '*Las más frecuentes, por palabras buscadas* (nada encontrado / encontrado en parte):',
  'gaps.line': '{rank}. {query}: {searches} ({nothingFound} / {foundInPart})',
  'gaps.more': { one: '… y {count} más en el CSV.', other: '… y {count} más en el CSV.' },
  'gaps.privacy': 'Solo se guardan las palabras buscadas (en minúsculas, sin tildes) y los recuentos por día, durante 90 días: nunca quién buscó ni dónde.',
  'gaps.csvSent': { one: 'Le he enviado el CSV de {count} texto de búsqueda en nuestros mensajes directos.', other: 'Le he enviado el CSV de {count} textos de búsqueda en nuestros mensajes directos.' },
  'gaps.csvFailed': 'No pude enviar el CSV: Slack respondió «{code}». Inténtelo de nuevo en un momento.',
  'gaps.csvTitle': 'Búsquedas sin resultados {date}',
  'gaps.csvComment': { one: 'Búsquedas que no encontraron nada o casi nada hoy, por palabras buscadas.', other: 'Búsquedas que no encontraron nada o casi nada en los últimos {count} días, por palabras buscadas.' },

  // ---- administradores del catálogo (/handbooks admin …)
  'admin.notAdmin': 'Lo siento, solo los administradores del catálogo de la Unidad de Publicaciones pueden hacer eso. Si cree que debería serlo, pídales que le añadan.',
  'admin.notAvailable': 'Aquí el catálogo no se puede cambiar desde Slack: se lee del archivo del repositorio.',
  'admin.header': '*Comandos de administración del catálogo*',
  'admin.unknown': 'No conozco el comando de administración «{word}».',
};
