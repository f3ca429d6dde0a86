/**
 * Query understanding: reads language and year filters said in words ("in French", "since 2019",
 * "lang:fr"), recency ("latest", "más reciente", "dernières"), ISBNs, drops question wording ("do we have
 * anything on …") and words that ask for nothing ("a good manual for my team"), recognises acronyms and
 * tells content words from generic ones ("manual", "guide"). Knows nothing of the index; the engine turns
 * the result into index look-ups.
 */
import { LANGUAGES } from '../catalogue/languages.js';
import { takeIsbns } from './identifiers.js';
import { fold, isStopWord, stem, tokenise } from './normalise.js';
import type { SearchFilters } from './types.js';

/** A word of the query that is searched for. */
export interface QueryConcept {
  /** The word, folded ("atencion"). */
  word: string;
  /** A document-type word ("manual", "handbook"): it ranks, but a title need not contain it to match. */
  weak: boolean;
  /** For an acronym, the words it stands for (folded); a match on all of them counts as a match. */
  expansion?: string[];
  /** False when the acronym is also a common word ("TiP" / "tip") and only its expansion is searched. */
  searchWord: boolean;
  /** English words a Spanish or French word of the field stands for ("trata" → "trafficking"). */
  synonyms: string[];
  /**
   * An everyday word that asks for nothing in particular ("support", "information"): it ranks beside a
   * more specific word ("psychosocial support"), which a title must match; alone it finds nothing.
   */
  generic: boolean;
}

/** What a query asks for, before it meets the index. */
export interface ParsedQuery {
  text: string;
  filters: SearchFilters;
  concepts: QueryConcept[];
  expansions: { acronym: string; expansion: string }[];
  /** Values of a `lang:` operator that name no known language, as typed ("xx", "klingon"). */
  unknownLanguages: string[];
  /**
   * Only filters or recency were given, perhaps with document-type words ("guidance published in 2019",
   * "newest manuals"): every title passing the filters is wanted; the document-type words, if any, only
   * order the list.
   */
  filterOnly: boolean;
  /** "newest" when the query asks for recent titles ("latest", "most recent", "lo más reciente"). */
  sort?: 'newest';
  /** ISBNs in the query, as 13 digits: the titles with those ISBNs are wanted. */
  isbns: string[];
}

interface Acronym {
  expansion: string;
  /** Also an everyday word: expanded only when written with a capital letter. */
  commonWord?: boolean;
}

/** Acronyms of the field and of the catalogue itself, by folded form. */
export const ACRONYMS: Readonly<Record<string, Acronym>> = {
  gbv: { expansion: 'gender-based violence' },
  gbvic: { expansion: 'gender-based violence in crises' },
  tip: { expansion: 'trafficking in persons', commonWord: true },
  vot: { expansion: 'victims of trafficking' },
  vots: { expansion: 'victims of trafficking' },
  mhpss: { expansion: 'mental health and psychosocial support' },
  pss: { expansion: 'psychosocial support' },
  sdg: { expansion: 'sustainable development goals' },
  sdgs: { expansion: 'sustainable development goals' },
  avrr: { expansion: 'assisted voluntary return and reintegration' },
  vea: { expansion: 'violence, exploitation and abuse' },
  domv: { expansion: 'determinants of migrant vulnerability' },
  ecowas: { expansion: 'Economic Community of West African States' },
  npf: { expansion: 'Nigeria Police Force' },
  nscdc: { expansion: 'Nigeria Security and Civil Defence Corps' },
  mcof: { expansion: 'Migration Crisis Operational Framework' },
  amico: { expansion: 'Migration Associations for Co-Development' },
  fmm: { expansion: 'Free Movement of Persons and Migration' },
  iasc: { expansion: 'Inter-Agency Standing Committee' },
  tot: { expansion: 'training of trainers', commonWord: true },
  idp: { expansion: 'internally displaced persons' },
  idps: { expansion: 'internally displaced persons' },
  sgbv: { expansion: 'sexual and gender-based violence' },
  avr: { expansion: 'assisted voluntary return' },
  'm&e': { expansion: 'monitoring and evaluation' },
  ct: { expansion: 'counter-trafficking', commonWord: true },
  psea: { expansion: 'protection from sexual exploitation and abuse' },
  sea: { expansion: 'sexual exploitation and abuse', commonWord: true },
  vdt: { expansion: 'víctimas de trata' },
  tdp: { expansion: 'trata de personas' },
  uasc: { expansion: 'unaccompanied and separated children' },
  dtm: { expansion: 'Displacement Tracking Matrix' },
};

/** Acronyms written with an ampersand ("M&E"), which the tokeniser would otherwise split into single letters. */
const AMPERSAND_ACRONYM = /(?<![\p{L}\p{N}])\p{L}{1,3}&\p{L}{1,3}(?![\p{L}\p{N}])/gu;

/**
 * Spanish and French words of the field with their English equivalents (folded), so that a question asked
 * in Spanish or French reaches the many titles catalogued in English. Words that stem alike in both
 * languages ("migrantes", "protection") need no entry.
 */
export const GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  trata: ['trafficking'],
  traite: ['trafficking'],
  personas: ['persons'],
  victimas: ['victims'],
  victima: ['victim'],
  victimes: ['victims'],
  informacion: ['information'],
  informativas: ['information'],
  informativos: ['information'],
  psychosociale: ['psychosocial'],
  psychosociaux: ['psychosocial'],
  reintegracion: ['reintegration'],
  reinsercion: ['reintegration'],
  violencia: ['violence'],
  genero: ['gender'],
  genre: ['gender'],
  salud: ['health'],
  sante: ['health'],
  psicosocial: ['psychosocial'],
  psicologico: ['psychological'],
  atencion: ['care', 'support'],
  retorno: ['return'],
  retour: ['return'],
  retornados: ['returnees'],
  migracion: ['migration'],
  migratorio: ['migration'],
  formacion: ['training'],
  capacitacion: ['training'],
  formation: ['training'],
  formadores: ['trainers'],
  formateurs: ['trainers'],
  guia: ['guide'],
  manuel: ['manual'],
  proteccion: ['protection'],
  asistencia: ['assistance'],
  datos: ['data'],
  donnees: ['data'],
  comunicacion: ['communication'],
  campana: ['campaign'],
  campagne: ['campaign'],
  emprendimiento: ['entrepreneurship'],
  emprendedores: ['entrepreneurs'],
  entrepreneuriat: ['entrepreneurship'],
  negocio: ['business'],
  desarrollo: ['development'],
  developpement: ['development'],
  derivacion: ['referral'],
  orientacion: ['referral', 'guidance'],
  policia: ['police'],
  trabajadores: ['workers'],
  travailleurs: ['workers'],
  laboral: ['labour'],
  desplazamiento: ['displacement'],
  deplacement: ['displacement'],
  emergencias: ['emergencies'],
  urgence: ['emergency'],
  crisis: ['crises'],
  crise: ['crisis'],
  comunidad: ['community'],
  communaute: ['community'],
  municipios: ['municipalities'],
  municipalites: ['municipalities'],
  objetivos: ['goals'],
  objectifs: ['goals'],
  sostenible: ['sustainable'],
  sensibilizacion: ['awareness'],
  sensibilisation: ['awareness'],
  herramientas: ['toolkit', 'tools'],
  outils: ['toolkit', 'tools'],
  asociaciones: ['associations'],
  codesarrollo: ['co-development', 'development'],
  mecanismos: ['mechanisms'],
  mecanismes: ['mechanisms'],
  referencement: ['referral'],
  vulnerables: ['vulnerable'],
  armonizacion: ['harmonization'],
  harmonisation: ['harmonization'],
  emprendedor: ['entrepreneurs'],
  entreprise: ['business'],
  empresa: ['business'],
  oim: ['iom'],
};

/**
 * The glossary by Spanish and French stem, so that any form of a word it lists finds its English
 * equivalents ("retornadas" as "retornados", "victime" as "victimes").
 */
const GLOSSARY_BY_STEM: ReadonlyMap<string, readonly string[]> = (() => {
  const byStem = new Map<string, string[]>();
  for (const [word, english] of Object.entries(GLOSSARY)) {
    for (const language of ['es', 'fr']) {
      const key = `${language}:${stem(word, language)}`;
      byStem.set(key, [...new Set([...(byStem.get(key) ?? []), ...english])]);
    }
  }
  return byStem;
})();

/** English equivalents of a folded Spanish or French word of the field: listed as it is, or by its stem. */
export function englishFor(folded: string): readonly string[] {
  return GLOSSARY[folded] ?? GLOSSARY_BY_STEM.get(`es:${stem(folded, 'es')}`) ?? GLOSSARY_BY_STEM.get(`fr:${stem(folded, 'fr')}`) ?? [];
}

/** Words that only phrase a request ("do we have anything on", "busco algo sobre", "je cherche"). */
const QUESTION_WORDS = new Set(
  (
    'anything something everything anyone got need needs needed want wanted looking look find finding search ' +
    'searching show give get please like tell know list listing every title titles publication publications ' +
    'book books document documents material materials resource resources available exist exists came come ' +
    'out published publish released issued new hi hello thanks thank bot regarding ' +
    'concerning related topic topics subject me my i im ive id we you us our your is are was were do does did ' +
    'have has had there any some which what whats where who whom can could would should might may will ' +
    'tienen tenemos tiene hay algo alguna alguno algun busco buscando buscar necesito quiero acerca titulos ' +
    'publicaciones publicacion libros libro documentos documento todos todas lista mostrar dame ' +
    'avez avons vous nous je cherche chercher besoin quelque chose titres livres liste montrer existe ' +
    // Requests around a title rather than about its subject: ordering, copies, price, length, greetings.
    'stuff things thing help send sending sent price prices cost costs costing much many pages page copy copies ' +
    'order ordering buy print printed hard hardcopy pdf download link please pls thx hey dear ' +
    'cosas cosa ayuda ayudar envia enviar envien enviame mandame precio precios cuesta cuanto cuanta cuantos ' +
    'publicado publicada publicados publicadas publie publiee publies publiees paru parus parue parues ' +
    'listado listados listar listas listes lister catalogo catalogue catalog todo toda ' +
    'see view browse ver mirar voir consulter existent existen exist disponible disponibles docs doc pubs items ' +
    'only solo solamente unicamente seulement uniquement full complete completa completo ensemble ' +
    'here aqui ici alli ' +
    'sorti sortis sortie sorties salio salieron salido ones estan publico publica publicaron publier qu both ambos ambas deux vez fois ' +
    'ressources recursos materiales materiel documentation ' +
    'cuantas paginas pagina copia copias ejemplar ejemplares favor gracias hola necesitamos queremos ' +
    'trucs truc aide aider envoyer envoie envoyez prix coute combien copie exemplaire exemplaires merci ' +
    'bonjour salut svp plait veux voudrais voudrions aimerais trouver montrez donnez donne ' +
    // Words that say how good or handy the wanted title should be, not what it is about.
    'good best great nice useful helpful handy relevant recommended recommend recommendation recommendations ' +
    'ideal ideally simple quick short easy basic decent proper official specific practical solid ' +
    'bueno buena buenos buenas mejor mejores util utiles practico practica sencillo sencilla recomendable ' +
    'bon bonne bons bonnes meilleur meilleure meilleurs utile utiles pratique simple recommande ' +
    // Who it is for and where, around the request: "for my team", "for our office", "un colègue".
    'team teams colleague colleagues office offices someone somebody anybody mission unit department ' +
    'equipo colega colegas oficina alguien equipe collegue collegues bureau quelqu ' +
    // Request verbs and chat around the request, in English, Spanish and French.
    'suggest point explain explains share sharing read reading use using reuse mentioned remember ' +
    'wondering ask asking wonder guess maybe perhaps ok okay yes sure just also still already actually ' +
    'morning afternoon evening today tomorrow asap urgent urgently quickly question kindly ' +
    'sugerir recomiendan recomiendas podrias puedes pueden encontrar saber conocen sabes buenos dias tardes ' +
    'pourriez pouvez peux connaissez savez conseiller conseillez recommandez auriez quels quelles quel quelle ' +
    'ont cuales cual sera seria hace ' +
    // Possessives ("para mi equipo", "pour mon équipe"), which only say whose the request is.
    'mi mis tu tus nuestro nuestra nuestros nuestras vuestro vuestra mon ma mes ton ta tes notre nos votre vos'
  ).split(' '),
);

/**
 * Words asking for the newest titles ("latest", "most recent", "más reciente", "dernières", "nouveautés"):
 * they order the answer newest first and, without other content words, list the newest titles.
 */
const RECENCY_WORDS = new Set(
  ('recent recently latest newest newer ' +
    'reciente recientes recien ultimo ultima ultimos ultimas novedades ' +
    'recents recente recentes dernier derniere derniers dernieres nouveaute nouveautes').split(' '),
);

/**
 * Everyday words that ask for nothing in particular ("IT support", "information"): like document-type
 * words they only rank, and a query with no other content word finds nothing.
 */
const GENERIC_WORDS = new Set(
  'support supporting information info informacion service services apoyo soutien servicios'.split(' '),
);

/**
 * Generic names of what the catalogue holds, and whose it is (every title is IOM's, OIM in Spanish and
 * French): they rank, but alone they ask for nothing in particular.
 */
const DOCUMENT_WORDS = new Set(
  'manual manuals handbook handbooks guide guides guidance guidebook toolkit toolkits guidelines booklet manuales guia guias manuel manuels iom oim'.split(
    ' ',
  ),
);

/**
 * Asking for the whole catalogue: a word for a list ("list", "catalogue", "listado"), or a word for all
 * ("all", "todos", "tous") with a word for what the catalogue holds ("all publications", "todos los títulos");
 * "thanks all" or "bonjour à tous" ask for nothing.
 */
const LIST_WORDS = new Set('list listing catalogue catalog catalogo lista listado liste'.split(' '));
const ALL_WORDS = new Set('all every everything todo todos todas toda tout tous toutes'.split(' '));
const HOLDINGS_WORDS = new Set(
  ('titles publications documents books materials resources manuals handbooks guides titulos publicaciones documentos ' +
    'libros manuales guias titres documents livres manuels guides ressources').split(' '),
);

function asksForEverything(words: readonly { folded: string }[]): boolean {
  const has = (set: ReadonlySet<string>): boolean => words.some((w) => set.has(w.folded));
  return has(LIST_WORDS) || (has(ALL_WORDS) && has(HOLDINGS_WORDS));
}

/** Words that ask for titles in each of the languages named, not any: "in both English and Spanish". */
const BOTH_WORDS = new Set('both ambos ambas deux vez fois'.split(' '));

/** Words that, next to a language name, only say "edition" ("Arabic edition", "version française"). */
const EDITION_WORDS = new Set(
  'edition editions version versions translation translations translated language languages copy copies edicion ediciones versiones traduccion traducciones traductions idioma idiomas langue langues'.split(
    ' ',
  ),
);

const LANGUAGE_BY_NAME: ReadonlyMap<string, string> = new Map(
  LANGUAGES.flatMap((l) => [l.name, l.native, ...l.aliases].map((name) => [fold(name), l.code] as const)),
);
const LANGUAGE_CODES: ReadonlySet<string> = new Set(LANGUAGES.map((l) => l.code));

const YEAR = String.raw`((?:19|20)\d{2})`;
/** Every year pattern holds a year: a query without one skips them all. */
const ANY_YEAR = /(?:19|20)\d{2}/;
/** Words after a year that make it a lower bound ("2019 or later", "2019 onwards", "2019 en adelante"). */
const OR_LATER = String.raw`(?:(?:or|and|o|y|ou|et)\s+(?:later|after|newer|since|more\s+recent|posteriores|posterior|despu[eé]s|apr[eè]s|plus\s+r[eé]cents?)|onwards?|and\s+up|en\s+adelante|\+)`;
/** Words after a year that make it an upper bound ("2019 or earlier", "2019 and before"). */
const OR_EARLIER = String.raw`(?:(?:or|and|o|y|ou|et)\s+(?:earlier|before|older|prior|anteriores|anterior|antes|avant)|and\s+down)`;
const YEAR_PATTERNS: { pattern: RegExp; apply: (filters: SearchFilters, m: RegExpExecArray) => void }[] = [
  {
    pattern: new RegExp(
      String.raw`(?:\b(?:between|from|de|del|entre|desde)\s+)?\b${YEAR}\s*(?:-|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b|\bor\b|\ba\b|\bal\b|\bet\b|\by\b|\bo\b|\bou\b|\bhasta\b)\s*${YEAR}\b`,
      'giu',
    ),
    apply: (f, m) => {
      const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y) as [number, number];
      narrow(f, a, b);
    },
  },
  {
    pattern: new RegExp(String.raw`\b(pre|post)\s*-?\s*${YEAR}\b`, 'giu'),
    apply: (f, m) => (/^pre/i.test(m[1] ?? '') ? narrow(f, undefined, Number(m[2]) - 1) : narrow(f, Number(m[2]) + 1, undefined)),
  },
  {
    pattern: new RegExp(String.raw`\b${YEAR}\s*${OR_LATER}(?![\p{L}\p{N}])`, 'giu'),
    apply: (f, m) => narrow(f, Number(m[1]), undefined),
  },
  {
    pattern: new RegExp(String.raw`\b${YEAR}\s*${OR_EARLIER}(?![\p{L}\p{N}])`, 'giu'),
    apply: (f, m) => narrow(f, undefined, Number(m[1])),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(after|later\s+than|newer\s+than|more\s+recent\s+than|since|starting(?:\s+(?:in|from))?|as\s+of|desde|depuis|despu[eé]s\s+de|apr[eè]s|[aà]\s+partir\s+de|posterior(?:es)?\s+a|post[eé]rieur(?:e?s?)\s+[aà])\s+${YEAR}\b`,
      'giu',
    ),
    apply: (f, m) => narrow(f, Number(m[2]) + (/^(after|later|newer|more|despu|apr|post)/i.test(m[1] ?? '') ? 1 : 0), undefined),
  },
  {
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(before|earlier\s+than|older\s+than|prior\s+to|until|till|up\s+to|antes\s+de|avant|hasta|jusqu'en|anterior(?:es)?\s+a|ant[eé]rieur(?:e?s?)\s+[aà])\s+${YEAR}\b`, 'giu'),
    apply: (f, m) => narrow(f, undefined, Number(m[2]) - (/^(before|earlier|older|prior|antes|avant|anter|ant[eé]r)/i.test(m[1] ?? '') ? 1 : 0)),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:published|released|issued|out|publicad[oa]s?|publi[eé]e?s?)\s+)?(?:in|en|of|from|year|del|de|a[nñ]o|ann[eé]e)\s+${YEAR}\b`,
      'giu',
    ),
    apply: (f, m) => narrow(f, Number(m[1]), Number(m[1])),
  },
  {
    pattern: new RegExp(String.raw`\byear\s*:\s*${YEAR}(?:\s*-\s*${YEAR})?\b`, 'giu'),
    apply: (f, m) => narrow(f, Number(m[1]), Number(m[2] ?? m[1])),
  },
];

/** Numbers of years said in words ("the last two years", "los últimos tres años", "les deux dernières années"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, ten: 10, dos: 2, tres: 3, cuatro: 4, cinco: 5, diez: 10, deux: 2, trois: 3, quatre: 4, cinq: 5, dix: 10,
};
const YEARS_COUNT = String.raw`(\d{1,2}|two|three|four|five|ten|dos|tres|cuatro|cinco|diez|deux|trois|quatre|cinq|dix)`;

/**
 * Years said relative to today: "this year", "last year", "the last 3 years", in English, Spanish and
 * French. Each gives the span of years (from, to) counted back from the current year.
 */
const RELATIVE_YEAR_PATTERNS: { pattern: RegExp; span: (m: RegExpExecArray, now: number) => [number, number] }[] = [
  {
    pattern: new RegExp(
      String.raw`\b(?:in\s+)?the\s+(?:last|past)\s+${YEARS_COUNT}\s+years\b|(?<![\p{L}])(?:en\s+)?los\s+[uú]ltimos\s+${YEARS_COUNT}\s+a[nñ]os\b|(?<![\p{L}])(?:dans\s+|depuis\s+|sur\s+)?les\s+${YEARS_COUNT}\s+derni[eè]res\s+ann[eé]es\b`,
      'giu',
    ),
    span: (m, now) => {
      const said = (m[1] ?? m[2] ?? m[3] ?? '1').toLowerCase();
      const years = NUMBER_WORDS[said] ?? Number(said);
      return [now - years + 1, now];
    },
  },
  {
    pattern: /\b(?:this|current)\s+year\b|(?<![\p{L}])este\s+a[nñ]o\b|(?<![\p{L}])cette\s+ann[eé]e\b/giu,
    span: (_m, now) => [now, now],
  },
  {
    pattern: /\b(?:last|previous)\s+year\b|(?<![\p{L}])(?:el\s+)?a[nñ]o\s+pasado\b|(?<![\p{L}])l['’]ann[eé]e\s+derni[eè]re\b|(?<![\p{L}])l['’]an\s+dernier\b/giu,
    span: (_m, now) => [now - 1, now - 1],
  },
];
/** Every relative-year pattern holds one of these words: a query without one skips them all. */
const ANY_RELATIVE_YEAR = /year|a[nñ]os?\b|ann[eé]e|\ban\s+dernier/i;

/** "lang:fr", "language:arabic", and lists of them: "lang:fr,es", "lang:fr/es". */
const LANGUAGE_OPERATOR = /\b(?:lang|language|idioma|langue)\s*:\s*([\p{L}\p{N}]+(?:[,/|+][\p{L}\p{N}]+)*)/giu;

/** The first year a title of this catalogue can plausibly have; the last is the current year. */
const FIRST_PUBLICATION_YEAR = 1990;

/** Intersects a year range into the filters. */
function narrow(filters: SearchFilters, from: number | undefined, to: number | undefined): void {
  if (from !== undefined) filters.yearFrom = Math.max(filters.yearFrom ?? from, from);
  if (to !== undefined) filters.yearTo = Math.min(filters.yearTo ?? to, to);
}

function addLanguage(filters: SearchFilters, code: string): void {
  filters.languages = [...new Set([...(filters.languages ?? []), code])];
}

/**
 * A year said without wording ("law enforcement Nigeria 2020", "list 2019") is read as a publication-year
 * filter when it is a plausible publication year (1990 to this year); any other number ("2030 agenda",
 * "2030" alone, "1951 convention") is searched as a word.
 */
function isPublicationYear(word: string): boolean {
  return /^\d{4}$/.test(word) && Number(word) >= FIRST_PUBLICATION_YEAR && Number(word) <= new Date().getFullYear();
}

/** Words of a query as typed: the tokeniser's words, with ampersand acronyms ("M&E") kept whole. */
function queryWords(text: string): string[] {
  const words: string[] = [];
  let last = 0;
  for (const m of text.matchAll(AMPERSAND_ACRONYM)) {
    if (!ACRONYMS[fold(m[0])]) continue;
    words.push(...tokenise(text.slice(last, m.index)), m[0]);
    last = m.index + m[0].length;
  }
  words.push(...tokenise(text.slice(last)));
  return words;
}

/** A web address in a query: a publication page pasted, say. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>]+/giu;

/**
 * A web address as the words of its page's name: its last path segment ("…/books/reintegration-handbook"
 * → "reintegration handbook"), file extension dropped; nothing for a bare site address.
 */
function addressWords(address: string): string {
  const path = address.replace(/^https?:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return ` ${decodeURIComponentSafely(last).replace(/\.[a-z0-9]{2,4}$/i, '').replace(/[-_+.]+/g, ' ')} `;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads a query as typed into filters, recency, ISBNs, searched words and acronym expansions. */
export function understandQuery(text: string): ParsedQuery {
  const filters: SearchFilters = {};
  const unknownLanguages: string[] = [];
  const { isbns, rest: withoutIsbns } = takeIsbns(text);
  let rest = withoutIsbns.includes('://') ? withoutIsbns.replace(URL_IN_TEXT, addressWords) : withoutIsbns;

  // Most queries have no operator and no year: the patterns are tried only on those that may.
  if (rest.includes(':')) {
    rest = rest.replace(LANGUAGE_OPERATOR, (_whole, values: string) => {
      for (const value of values.split(/[,/|+]/)) {
        const folded = fold(value);
        const code = LANGUAGE_CODES.has(folded) ? folded : LANGUAGE_BY_NAME.get(folded);
        if (code === undefined) unknownLanguages.push(value);
        else addLanguage(filters, code);
      }
      return ' ';
    });
  }
  if (ANY_RELATIVE_YEAR.test(rest)) {
    const now = new Date().getFullYear();
    for (const { pattern, span } of RELATIVE_YEAR_PATTERNS) {
      rest = rest.replace(pattern, (...args) => {
        narrow(filters, ...span(args.slice(0, -2) as unknown as RegExpExecArray, now));
        return ' ';
      });
    }
  }
  if (ANY_YEAR.test(rest)) {
    for (const { pattern, apply } of YEAR_PATTERNS) {
      rest = rest.replace(pattern, (...args) => {
        apply(filters, args.slice(0, -2) as unknown as RegExpExecArray);
        return ' ';
      });
    }
  }

  const words = queryWords(rest).map((raw) => ({ raw, folded: fold(raw) }));
  const dropped = new Set<number>();
  words.forEach((w, i) => {
    const code = LANGUAGE_BY_NAME.get(w.folded);
    if (code === undefined) return;
    addLanguage(filters, code);
    dropped.add(i);
    for (const j of [i - 1, i + 1]) if (EDITION_WORDS.has(words[j]?.folded ?? '')) dropped.add(j);
  });
  if ((filters.languages?.length ?? 0) > 1 && words.some((w) => BOTH_WORDS.has(w.folded))) filters.everyLanguage = true;

  const concepts: QueryConcept[] = [];
  const expansions: ParsedQuery['expansions'] = [];
  const seen = new Set<string>();
  const years: number[] = [];
  let newest = false;
  words.forEach(({ raw, folded }, i) => {
    if (dropped.has(i) || seen.has(folded) || QUESTION_WORDS.has(folded) || isStopWord(folded)) return;
    // With a language asked for, "version", "edición", "traduction" only say edition, wherever they stand.
    if (filters.languages && EDITION_WORDS.has(folded)) return;
    seen.add(folded);
    if (RECENCY_WORDS.has(folded)) {
      newest = true;
      return;
    }
    if (isPublicationYear(folded)) {
      years.push(Number(folded));
      return;
    }
    const acronym = ACRONYMS[folded];
    if (acronym && (!acronym.commonWord || raw !== raw.toLowerCase())) {
      expansions.push({ acronym: raw.replace(/\./g, ''), expansion: acronym.expansion });
      const expansion = tokenise(acronym.expansion)
        .map(fold)
        .filter((w) => !isStopWord(w));
      concepts.push({ word: folded, weak: false, expansion, searchWord: !acronym.commonWord, synonyms: [], generic: false });
      return;
    }
    concepts.push({
      word: folded,
      weak: DOCUMENT_WORDS.has(folded),
      searchWord: true,
      synonyms: [...englishFor(folded)],
      generic: GENERIC_WORDS.has(folded),
    });
  });
  // Years said without wording are one filter: that year, or the span from the first to the last named.
  if (years.length > 0) narrow(filters, Math.min(...years), Math.max(...years));

  const hasFilters = Object.keys(filters).length > 0;
  const filterOnly = (hasFilters || newest || asksForEverything(words)) && isbns.length === 0 && concepts.every((c) => c.weak);
  if (!filterOnly && concepts.every((c) => c.weak)) for (const c of concepts) c.weak = false;

  return { text, filters, concepts, expansions, unknownLanguages, filterOnly, isbns, ...(newest ? { sort: 'newest' as const } : {}) };
}
