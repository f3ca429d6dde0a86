/**
 * Query understanding: reads language and year filters said in words ("in French", "since 2019",
 * "lang:fr"), drops question wording ("do we have anything on …"), recognises acronyms and tells
 * content words from generic ones ("manual", "guide"). Knows nothing of the index; the engine turns the
 * result into MiniSearch queries.
 */
import { LANGUAGES } from '../catalogue/languages.js';
import { fold, isStopWord, tokenise } from './normalise.js';
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
}

/** What a query asks for, before it meets the index. */
export interface ParsedQuery {
  text: string;
  filters: SearchFilters;
  concepts: QueryConcept[];
  expansions: { acronym: string; expansion: string }[];
  /**
   * Only filters were given, perhaps with document-type words ("guidance published in 2019"): every title
   * passing the filters is wanted; the document-type words, if any, only order the list.
   */
  filterOnly: boolean;
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
};

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
  violencia: ['violence'],
  genero: ['gender'],
  genre: ['gender'],
  salud: ['health'],
  sante: ['health'],
  psicosocial: ['psychosocial'],
  psicologico: ['psychological'],
  atencion: ['care', 'support'],
  reintegracion: ['reintegration'],
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
};

/** Words that only phrase a request ("do we have anything on", "busco algo sobre", "je cherche"). */
const QUESTION_WORDS = new Set(
  (
    'anything something everything anyone got need needs needed want wanted looking look find finding search ' +
    'searching show give get please like tell know list listing every title titles publication publications ' +
    'book books document documents material materials resource resources available exist exists came come ' +
    'out published publish released issued new latest recent newest hi hello thanks thank bot regarding ' +
    'concerning related topic topics subject me my i im ive id we you us our your is are was were do does did ' +
    'have has had there any some which what whats where who whom can could would should might may will ' +
    'tienen tenemos tiene hay algo alguna alguno algun busco buscando buscar necesito quiero acerca titulos ' +
    'publicaciones publicacion libros libro documentos documento todos todas lista mostrar dame ' +
    'avez avons vous nous je cherche chercher besoin quelque chose titres livres liste montrer existe'
  ).split(' '),
);

/** Generic names of what the catalogue holds: they rank, but alone they ask for nothing in particular. */
const DOCUMENT_WORDS = new Set(
  'manual manuals handbook handbooks guide guides guidance guidebook toolkit toolkits guidelines booklet manuales guia guias manuel manuels'.split(
    ' ',
  ),
);

/** Words that, next to a language name, only say "edition" ("Arabic edition", "version française"). */
const EDITION_WORDS = new Set(
  'edition editions version versions translation translations translated language copy copies edicion ediciones traduccion idioma langue'.split(
    ' ',
  ),
);

const LANGUAGE_BY_NAME: ReadonlyMap<string, string> = new Map(
  LANGUAGES.flatMap((l) => [l.name, l.native, ...l.aliases].map((name) => [fold(name), l.code] as const)),
);
const LANGUAGE_CODES: ReadonlySet<string> = new Set(LANGUAGES.map((l) => l.code));

const YEAR = String.raw`((?:19|20)\d{2})`;
const YEAR_PATTERNS: { pattern: RegExp; apply: (filters: SearchFilters, m: RegExpExecArray) => void }[] = [
  {
    pattern: new RegExp(
      String.raw`(?:\b(?:between|from|de|del|entre|desde)\s+)?\b${YEAR}\s*(?:-|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b|\ba\b|\bal\b|\bet\b|\by\b|\bhasta\b)\s*${YEAR}\b`,
      'giu',
    ),
    apply: (f, m) => {
      const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y) as [number, number];
      narrow(f, a, b);
    },
  },
  {
    pattern: new RegExp(String.raw`\b(after|since|from|starting(?:\s+(?:in|from))?|as\s+of|desde|depuis|despu[eé]s\s+de|apr[eè]s)\s+${YEAR}\b`, 'giu'),
    apply: (f, m) => narrow(f, Number(m[2]) + (/^(after|despu|apr)/i.test(m[1] ?? '') ? 1 : 0), undefined),
  },
  {
    pattern: new RegExp(String.raw`\b(before|until|till|up\s+to|antes\s+de|avant|hasta|jusqu'en)\s+${YEAR}\b`, 'giu'),
    apply: (f, m) => narrow(f, undefined, Number(m[2]) - (/^(before|antes|avant)/i.test(m[1] ?? '') ? 1 : 0)),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:published|released|issued|out|publicad[oa]s?|publi[eé]e?s?)\s+)?(?:in|en|of|year|del|de|a[nñ]o|ann[eé]e)\s+${YEAR}\b`,
      'giu',
    ),
    apply: (f, m) => narrow(f, Number(m[1]), Number(m[1])),
  },
  {
    pattern: new RegExp(String.raw`\byear\s*:\s*${YEAR}(?:\s*-\s*${YEAR})?\b`, 'giu'),
    apply: (f, m) => narrow(f, Number(m[1]), Number(m[2] ?? m[1])),
  },
];

const LANGUAGE_OPERATOR = /\b(?:lang|language|idioma|langue)\s*:\s*([\p{L}]+)/giu;

/** Intersects a year range into the filters. */
function narrow(filters: SearchFilters, from: number | undefined, to: number | undefined): void {
  if (from !== undefined) filters.yearFrom = Math.max(filters.yearFrom ?? from, from);
  if (to !== undefined) filters.yearTo = Math.min(filters.yearTo ?? to, to);
}

function addLanguage(filters: SearchFilters, code: string): void {
  filters.languages = [...new Set([...(filters.languages ?? []), code])];
}

function isYear(word: string): boolean {
  return /^(?:19|20)\d{2}$/.test(word);
}

/** Reads a query as typed into filters, searched words and acronym expansions. */
export function understandQuery(text: string): ParsedQuery {
  const filters: SearchFilters = {};
  let rest = text;

  rest = rest.replace(LANGUAGE_OPERATOR, (whole, value: string) => {
    const folded = fold(value);
    const code = LANGUAGE_CODES.has(folded) ? folded : LANGUAGE_BY_NAME.get(folded);
    if (code === undefined) return whole;
    addLanguage(filters, code);
    return ' ';
  });
  for (const { pattern, apply } of YEAR_PATTERNS) {
    rest = rest.replace(pattern, (...args) => {
      apply(filters, args.slice(0, -2) as unknown as RegExpExecArray);
      return ' ';
    });
  }

  const words = tokenise(rest).map((raw) => ({ raw, folded: fold(raw) }));
  const dropped = new Set<number>();
  words.forEach((w, i) => {
    const code = LANGUAGE_BY_NAME.get(w.folded);
    if (code === undefined) return;
    addLanguage(filters, code);
    dropped.add(i);
    for (const j of [i - 1, i + 1]) if (EDITION_WORDS.has(words[j]?.folded ?? '')) dropped.add(j);
  });

  const concepts: QueryConcept[] = [];
  const expansions: ParsedQuery['expansions'] = [];
  const seen = new Set<string>();
  words.forEach(({ raw, folded }, i) => {
    if (dropped.has(i) || seen.has(folded) || QUESTION_WORDS.has(folded) || isStopWord(folded)) return;
    seen.add(folded);
    const acronym = ACRONYMS[folded];
    if (acronym && (!acronym.commonWord || raw !== raw.toLowerCase())) {
      expansions.push({ acronym: raw.replace(/\./g, ''), expansion: acronym.expansion });
      const expansion = tokenise(acronym.expansion)
        .map(fold)
        .filter((w) => !isStopWord(w));
      concepts.push({ word: folded, weak: false, expansion, searchWord: !acronym.commonWord, synonyms: [] });
      return;
    }
    concepts.push({ word: folded, weak: DOCUMENT_WORDS.has(folded), searchWord: true, synonyms: [...(GLOSSARY[folded] ?? [])] });
  });

  // A year standing alone ("list 2019") is a filter; next to other words ("2030 agenda") it is searched.
  const content = concepts.filter((c) => !c.weak);
  if (content.length > 0 && content.every((c) => isYear(c.word))) {
    for (const c of content) narrow(filters, Number(c.word), Number(c.word));
    concepts.splice(0, concepts.length, ...concepts.filter((c) => c.weak));
  }

  const hasFilters = Object.keys(filters).length > 0;
  const filterOnly = hasFilters && concepts.every((c) => c.weak);
  if (!filterOnly && concepts.every((c) => c.weak)) for (const c of concepts) c.weak = false;

  return { text, filters, concepts, expansions, filterOnly };
}
