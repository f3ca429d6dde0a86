/**
 * The search engine: an index over the catalogue, queried through query understanding.
 *
 * Each field of a publication is analysed in its own language (folded, stop words dropped, stemmed) before
 * it is indexed; a query word is looked up under its English, Spanish and French stems at once.
 * The index is MiniSearch's, asked for each index term's BM25+ scores over the boosted fields (see TermIndex);
 * the engine sums the scores of a query's terms per title, as MiniSearch would for the whole query, in typed
 * arrays, and selects the best titles without sorting every hit. A catalogue that changes keeps its index
 * from one engine to the next (see IndexCache), and a new engine updates it in place.
 * Words missing from the index are corrected against the catalogue's vocabulary, unless they are everyday
 * words. A title is a hit only when it passes the query's filters and matches enough of the query's content
 * words, or all of its words of the field (those that are not everyday words), so unrelated questions find
 * nothing; near misses come back as suggestions. A content word no title contains, even corrected, is left
 * out (and reported) when another content word is found as typed, so a stray word does not wipe out a good
 * query; a query of generic words alone ("support") finds nothing. An ISBN finds its titles; a query asking
 * for recent titles ranks the good matches newest first.
 */
import { languageByCode } from '../catalogue/languages.js';
import type { Publication } from '../catalogue/schema.js';
import { summaryText } from '../catalogue/summary.js';
import { best } from './best.js';
import { isCommonWord } from './common-words.js';
import { isbnDigits } from './identifiers.js';
import { type AnalysedWord, WordAnalyser, fold, queryTermVariants, wordsOf } from './normalise.js';
import { KeptIndex, type Postings, TermIndex, holds } from './postings.js';
import { GLOSSARY, englishFor, type ParsedQuery, type QueryConcept, understandQuery } from './query.js';
import { type Correction, Speller, lowerBound, maxEdits } from './spelling.js';
import { RecentValues } from './recent.js';
import { Tally } from './tally.js';
import type { SearchEngine, SearchFilters, SearchOptions, SearchResponse, UnderstoodQuery } from './types.js';

const FIELDS = ['title', 'summary', 'keywords', 'languages', 'year'] as const;
type Field = (typeof FIELDS)[number];

export interface SearchEngineOptions {
  /** Weight of a match in each field; defaults favour the title, then the librarian's keywords. */
  boost?: Partial<Record<Field, number>>;
  /**
   * What a previous engine over (mostly) the same publications left: only new publications are analysed
   * and indexed, and the previous engine must not be used any more (see IndexCache).
   */
  reuse?: IndexCache;
}

const DEFAULT_BOOST: Record<Field, number> = { title: 3, keywords: 2, summary: 1, languages: 1, year: 1 };

/** Asked for the newest titles, those scoring at least this share of the best score come first, newest first. */
const RECENT_RELEVANT_SHARE = 0.5;

/** Weight of a match on a completion of a query word rather than on the word itself. */
const COMPLETION_WEIGHT = 0.4;
/** Completions are at most this many letters longer than the query word's stem, which must have 5 or more. */
const COMPLETION_MAX_EXTRA = 2;


/** True when a publication passes every filter (an edition in one, or each, of the languages; a year in range). */
export function passesFilters(publication: Publication, filters: SearchFilters): boolean {
  const inLanguage = (code: string): boolean => publication.languages.includes(code);
  if (filters.languages && !(filters.everyLanguage ? filters.languages.every(inLanguage) : filters.languages.some(inLanguage))) return false;
  if (filters.yearFrom !== undefined && publication.year < filters.yearFrom) return false;
  if (filters.yearTo !== undefined && publication.year > filters.yearTo) return false;
  return true;
}

/** Everyday words this long may still be corrected: one or two letters from a catalogue word, they are its cognate. */
const CORRECTABLE_COMMON_LENGTH = 8;

/**
 * True for a query word missing from the index that may be a misspelling: not a number, and not a short
 * word people use every day, which means what it says ("here" is not "hereafter") and is left out if
 * unknown. A long everyday word is most often a Spanish or French cognate ("asociaciones" → "associations").
 */
const isCorrectable = (word: string): boolean =>
  !/\d/.test(word) && (word.length >= CORRECTABLE_COMMON_LENGTH || !isCommonWord(word));

/** True for a query word the index knows: some title holds one of its terms, or all its acronym's words. */
const isKnown = (c: SearchedConcept): boolean => c.terms.length > 0 || c.phrase !== null;

/** Content words: neither document-type words ("manual") nor generic ones ("support"), which only rank. */
const isContent = (c: SearchedConcept): boolean => !c.concept.weak && !c.concept.generic;

/** A word held by at least this share of the titles says little about which one is wanted ("migrants" here). */
const CATALOGUE_COMMON_SHARE = 0.5;

/**
 * A content word of the field: not an everyday word of English, Spanish or French, and not a word most
 * titles hold ("trafficking", "psychosocial", an acronym; not "field", "police", nor "migrants" in this
 * catalogue). A title holding every such word of the query matches however many other words beside them
 * it lacks ("field guide on trafficking"; "police training on trafficking" ranks first the titles that also
 * say police or training).
 */
const isOfField = (c: SearchedConcept): boolean => isContent(c) && c.ofField;

/**
 * The number of content words a title's matches are counted against, the number of words of the field
 * among them (see isOfField), and the words left out of that count because no title contains them (even
 * corrected). A word the catalogue does not know never
 * outweighs the words it knows: unknown words are left out when one known word was found as typed, not
 * corrected ("psychosocial kids", "trafficking in Klingon", "a good manual for my team on GBV"; a title
 * must then hold a known word in its title or keywords). When no content word is known as typed ("IT
 * support", "quantum computing"), nothing is counted and nothing found.
 */
function contentWordsOf(concepts: readonly SearchedConcept[]): { counted: number; ofField: number; unmatched: string[] } {
  const content = concepts.filter(isContent);
  const known = content.filter(isKnown);
  const counted = known.length;
  const ofField = known.filter(isOfField).length;
  const unmatched = content.filter((c) => !isKnown(c)).map((c) => c.concept.word);
  if (unmatched.length === 0) return { counted, ofField, unmatched };
  const enough = known.some((c) => !c.corrected);
  return enough ? { counted, ofField, unmatched } : { counted: 0, ofField: 0, unmatched: [] };
}

/**
 * The index terms of an acronym's expansion, per word, or null when it cannot match. Words of the
 * expansion that no title holds ("sexual" of SGBV) are left out when the known ones are at least as many.
 */
function knownPhrase(groups: string[][] | undefined): string[][] | null {
  const known = groups?.filter((terms) => terms.length > 0) ?? [];
  return known.length > 0 && known.length * 2 >= groups!.length ? known : null;
}

/** How many of a query's content words a title must match: all of one or two, then 60 %. */
function requiredMatches(contentWords: number): number {
  return contentWords <= 2 ? contentWords : Math.ceil(contentWords * 0.6);
}

/** A query word as searched: the index terms that stand for it. */
interface SearchedConcept {
  concept: QueryConcept;
  /** Index terms any of which matches the word. */
  terms: string[];
  /** Longer index terms that start with one of `terms` ("refer" → "referr" of "referral"), weighted down. */
  completions: string[];
  /** For an acronym, per word of its expansion, the index terms standing for that word. */
  phrase: string[][] | null;
  /** The word was missing from the index and `terms` are those of its spelling correction. */
  corrected: boolean;
  /** Not an everyday word, and held by fewer than half the titles (see isOfField). */
  ofField: boolean;
}

/** The publication's text fields with the language they are written in. */
function textFields(publication: Publication): { field: Field; text: string; language: string }[] {
  return [
    { field: 'title', text: publication.title, language: publication.summaryLanguage },
    { field: 'summary', text: summaryText(publication.summary), language: publication.summaryLanguage },
    { field: 'keywords', text: publication.keywords.join('\n'), language: 'en' },
  ];
}

/** What the engine reads of one publication, worked out once per publication (see IndexCache). */
interface PublicationAnalysis {
  /** The publication's id. */
  id: string;
  /** Index terms per field, in order. */
  fields: Record<Field, string[]>;
  /** Its distinct words (folded) other than numbers, in order of appearance. */
  words: string[];
  /** Its distinct analysed words that have an index term: the term and the word as written (lower case). */
  forms: { term: string; surface: string }[];
}

function analysePublication(publication: Publication, analyser: WordAnalyser): PublicationAnalysis {
  const fields = { year: [String(publication.year)] } as Record<Field, string[]>;
  const docWords = new Set<string>();
  const forms = new Set<AnalysedWord>();
  for (const { field, text, language } of textFields(publication)) {
    const terms: string[] = [];
    for (const word of analyser.words(text, language)) {
      if (word.term === null) continue;
      terms.push(word.term);
      docWords.add(word.folded);
      forms.add(word);
    }
    fields[field] = terms;
  }
  fields.languages = publication.languages.flatMap((code) => {
    const info = languageByCode(code);
    return (info ? [info.name, info.native] : [code]).flatMap((name) => fold(name).split(' '));
  });
  return {
    id: publication.id,
    fields,
    words: [...docWords].filter((word) => !/\d/.test(word)),
    forms: [...forms].map(({ term, surface }) => ({ term: term!, surface })),
  };
}

/**
 * What one engine leaves to the next over a catalogue that changes: each publication's analysis (by
 * publication object, while it lives) and the MiniSearch index (see KeptIndex), so that re-indexing after a
 * change analyses and indexes only the entries that changed, the index being updated in place: building
 * it anew over 1,000 titles takes most of a second, too long between Apply and the answer (issue 11).
 * Give the same cache to each createSearchEngine of the catalogue (see ../catalogue/live.ts), an unchanged
 * entry as the same publication object. The engines answer as without it, to the last bits of a score
 * (MiniSearch keeps its average field lengths as it goes, so they are summed in another order), but each
 * new engine updates the index the previous one searched: the previous one must not be used after (it
 * throws if asked for what it no longer has), which holds when it is replaced as soon as it is built.
 */
export class IndexCache {
  readonly #analyses = new WeakMap<Publication, PublicationAnalysis>();
  /** The MiniSearch index, updated in place by each engine built with this cache. */
  readonly index = new KeptIndex<Field>(Object.keys(DEFAULT_BOOST) as Field[]);

  /** The publication's analysis, worked out (with `analyser`) the first time it is asked for. */
  analysisOf(publication: Publication, analyser: WordAnalyser): PublicationAnalysis {
    let analysis = this.#analyses.get(publication);
    if (!analysis) this.#analyses.set(publication, (analysis = analysePublication(publication, analyser)));
    return analysis;
  }
}

/** How many titles' word places the engine keeps for finding the words a hit matched. */
const TEXT_WORDS_CACHE = 1000;
/** How many index terms' postings the engine keeps once looked up. */
const POSTINGS_CACHE = 4096;
/** How many query words' spelling corrections the engine keeps. */
const CORRECTION_CACHE = 1000;

/** Builds the engine over a catalogue. The publications are indexed once, here. */
export function createSearchEngine(publications: readonly Publication[], options: SearchEngineOptions = {}): SearchEngine {
  const byId = new Map(publications.map((p) => [p.id, p]));
  const analyser = new WordAnalyser();
  const documents = publications.map((publication) =>
    options.reuse ? options.reuse.analysisOf(publication, analyser) : analysePublication(publication, analyser),
  );
  /** Per word (folded, without digits), how many titles hold it. */
  const vocabulary = new Map<string, number>();
  /** The words (lower case, as written) that each index term stands for, over the whole catalogue. */
  const surfaces = new Map<string, string[]>();
  for (const { words, forms } of documents) {
    for (const word of words) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    for (const { term, surface } of forms) {
      // A term stands for a few written forms at most: a list is cheaper to build than a set.
      const written = surfaces.get(term);
      if (!written) surfaces.set(term, [surface]);
      else if (!written.includes(surface)) written.push(surface);
    }
  }
  const index = new TermIndex(documents, { ...DEFAULT_BOOST, ...options.boost }, { index: options.reuse?.index });
  /** Per index term, the titles (document numbers ascending) holding it in their title or keywords. */
  const headlines = new Map<string, number[]>();
  documents.forEach(({ fields }, doc) => {
    for (const term of [...fields.title, ...fields.keywords]) {
      const docs = headlines.get(term);
      if (!docs) headlines.set(term, [doc]);
      else if (docs[docs.length - 1] !== doc) docs.push(doc);
    }
  });
  /** True when the title's own title or keywords hold the query word (all of an acronym's words). */
  function headlineHolds({ terms, phrase }: SearchedConcept, doc: number): boolean {
    const held = (term: string): boolean => holds({ docs: headlines.get(term) ?? [] }, doc);
    return terms.some(held) || (phrase?.every((group) => group.some(held)) ?? false);
  }
  // The glossary's Spanish and French words are corrected to as well ("entreprenariat" → "entrepreneuriat").
  const speller = new Speller(new Map([...Object.keys(GLOSSARY).map((word) => [word, 0] as const), ...vocabulary]));
  /** Spelling corrections of the words queried lately (by word and edit limit), undefined for none found. */
  const recentCorrections = new RecentValues<string, Correction | undefined>(CORRECTION_CACHE);
  /** The speller's correction of a query word (see Speller.correct), each word and limit worked out once. */
  function correctionOf(word: string, limit = maxEdits(word.length)): Correction | undefined {
    return recentCorrections.get(`${limit} ${word}`, () => speller.correct(word, limit));
  }
  const sortedTerms = index.terms();
  /** Tallies free for the next query (a query that suggests corrections runs others meanwhile). */
  const spareTallies: Tally[] = [];

  /** Index terms a little longer than `term` that start with it. */
  function completionsOf(term: string): string[] {
    if (term.length < 5 || /\d/.test(term)) return [];
    const found: string[] = [];
    for (let i = lowerBound(sortedTerms, term); i < sortedTerms.length && sortedTerms[i]!.startsWith(term); i++) {
      const candidate = sortedTerms[i]!;
      if (candidate !== term && candidate.length - term.length <= COMPLETION_MAX_EXTRA) found.push(candidate);
    }
    return found;
  }

  const knownTerms = (word: string): string[] => queryTermVariants(word).filter((t) => index.titles(t) > 0);

  /**
   * Two neighbouring query words that the catalogue writes as one ("socio economic" → "socioeconomic")
   * become that one word.
   */
  function joinCompounds(concepts: readonly QueryConcept[]): QueryConcept[] {
    const joined: QueryConcept[] = [];
    for (let i = 0; i < concepts.length; i++) {
      const [a, b] = [concepts[i]!, concepts[i + 1]];
      const word = b && !a.expansion && !b.expansion ? a.word + b.word : '';
      if (word === '' || !vocabulary.has(word)) {
        joined.push(a);
        continue;
      }
      joined.push({ word, weak: false, searchWord: true, synonyms: [...englishFor(word)], generic: false });
      i++;
    }
    return joined;
  }

  /**
   * Index terms for each query word. A word the catalogue does not use as written is corrected against its
   * vocabulary, unless it is an everyday word (see isCorrectable) or a Spanish or French word of the glossary;
   * the correction's terms are added to those its stems may already find in another language's titles
   * ("inclussion" is also "inclusion").
   */
  function searchedConcepts(parsed: ParsedQuery, corrections: UnderstoodQuery['corrections']): SearchedConcept[] {
    return joinCompounds(parsed.concepts).map((concept): SearchedConcept => {
      let corrected = false;
      let terms = concept.searchWord ? [...new Set([concept.word, ...concept.synonyms].flatMap(knownTerms))] : [];
      const misspelt = concept.searchWord && !concept.expansion && concept.synonyms.length === 0 && !vocabulary.has(concept.word);
      if (misspelt && isCorrectable(concept.word)) {
        const correction = correctionOf(concept.word);
        const found = correction ? [correction.word, ...englishFor(correction.word)].flatMap(knownTerms) : [];
        const added = [...new Set(found)].filter((t) => !terms.includes(t));
        if (correction && added.length > 0) {
          corrections.push({ from: concept.word, to: correction.word });
          corrected = terms.length === 0;
          terms = [...terms, ...added];
        }
      }
      const phrase = knownPhrase(concept.expansion?.map((word) => [...new Set([word, ...englishFor(word)].flatMap(knownTerms))]));
      const completions = [...new Set(terms.flatMap(completionsOf))].filter((t) => !terms.includes(t));
      const commonInCatalogue = terms.some((t) => index.titles(t) >= publications.length * CATALOGUE_COMMON_SHARE);
      const ofField = concept.expansion !== undefined || (!isCommonWord(concept.word) && !commonInCatalogue);
      return { concept, terms, completions, phrase, corrected, ofField };
    });
  }

  /** Per title, where each of its words (lower case) first appears, kept for the titles shown most recently. */
  const recentWordPlaces = new RecentValues<number, Map<string, number>>(TEXT_WORDS_CACHE);
  const placesOfWords = (doc: number): Map<string, number> => {
    const text = textFields(publications[doc]!)
      .map((f) => f.text)
      .join('\n')
      .toLowerCase();
    const places = new Map<string, number>();
    for (const word of wordsOf(text)) if (!places.has(word)) places.set(word, places.size);
    return places;
  };

  /**
   * For each hit of a page, the words of its own text whose index terms it matched, lower case, in order of
   * appearance: the written forms of its terms that its text holds.
   */
  function matchedWordsOfPage(page: readonly { doc: number; terms: readonly string[] }[]): string[][] {
    return page.map(({ doc, terms }) => {
      const places = recentWordPlaces.get(doc, placesOfWords);
      const found = new Set<string>();
      for (const term of terms) for (const form of surfaces.get(term) ?? []) if (places.has(form)) found.add(form);
      return [...found].sort((a, b) => places.get(a)! - places.get(b)!);
    });
  }

  /** Postings of the terms queried lately: the index is fixed, and a term looked up once serves later queries. */
  const recentPostings = new RecentValues<string, Postings>(POSTINGS_CACHE);
  const lookUpPostings = (term: string): Postings => index.postings(term);
  /** The titles holding an index term, with its score in each. */
  const postings = (term: string): Postings => recentPostings.get(term, lookUpPostings);

  /**
   * Tallies the query's words over the catalogue: per title the summed scores of its terms (completions
   * weighted down; an acronym's expansion counts only where all its words are found) and the words matched.
   * Give the tally back with `releaseTally` when done.
   */
  function tallyWords(concepts: SearchedConcept[]): Tally {
    const tally = spareTallies.pop() ?? new Tally(publications.length);
    for (const searched of concepts) {
      const { terms, completions, phrase } = searched;
      tally.beginWord(isContent(searched), isOfField(searched));
      for (const term of terms) tally.addPostings(postings(term));
      for (const term of completions) tally.addPostings(postings(term), COMPLETION_WEIGHT);
      if (phrase) {
        const words = spareTallies.pop() ?? new Tally(publications.length);
        for (const group of phrase) {
          words.beginWord(true);
          for (const term of group) words.addPostings(postings(term));
        }
        for (let i = 0; i < words.touchedCount; i++) {
          const doc = words.touched[i]!;
          if (words.content[doc] === phrase.length) tally.add(doc, words.score[doc]!);
        }
        releaseTally(words);
      }
    }
    return tally;
  }

  function releaseTally(tally: Tally): void {
    tally.clear();
    spareTallies.push(tally);
  }

  /**
   * Each title's year and, per language, which titles have an edition in it: filters and ranking read these
   * compact arrays rather than the publications scattered over the heap.
   */
  const years = Int16Array.from(publications, (p) => p.year);
  /** The titles and edition of each ISBN in the catalogue, by its 13 digits (a few ISBNs are shared). */
  const byIsbn = new Map<string, { doc: number; isbn: string; edition: 'print' | 'electronic' }[]>();
  publications.forEach(({ isbn, eisbn }, doc) => {
    for (const [written, edition] of [[isbn, 'print'], [eisbn, 'electronic']] as const) {
      if (!written) continue;
      const digits = isbnDigits(written);
      byIsbn.set(digits, [...(byIsbn.get(digits) ?? []), { doc, isbn: written, edition }]);
    }
  });
  const editions = new Map<string, Uint8Array>();
  publications.forEach((publication, doc) => {
    for (const code of publication.languages) {
      let titles = editions.get(code);
      if (!titles) editions.set(code, (titles = new Uint8Array(publications.length)));
      titles[doc] = 1;
    }
  });

  /** The filters as a test of document numbers; null when there are none. */
  function filterTest({ languages, everyLanguage, yearFrom = -Infinity, yearTo = Infinity }: SearchFilters): ((doc: number) => boolean) | null {
    if (!languages && yearFrom === -Infinity && yearTo === Infinity) return null;
    const inLanguage = languages?.flatMap((code) => editions.get(code) ?? []);
    // In each of the languages: a language no title has leaves nothing.
    if (everyLanguage && inLanguage!.length < languages!.length) return () => false;
    return (doc) => {
      if (years[doc]! < yearFrom || years[doc]! > yearTo) return false;
      if (!inLanguage) return true;
      if (everyLanguage) return inLanguage.every((titles) => titles[doc] === 1);
      for (const titles of inLanguage) if (titles[doc] === 1) return true;
      return false;
    };
  }

  /** A title's score for the query: its terms' summed scores times the number of query words it matched. */
  const scoreOf = (tally: Tally, doc: number): number => tally.score[doc]! * tally.words[doc]!;

  /** Document numbers best first by their score in the tally, then newer, then by title and id. */
  function byRankIn(tally: Tally): (a: number, b: number) => number {
    return (a, b) => scoreOf(tally, b) - scoreOf(tally, a) || years[b]! - years[a]! || byTitle(publications[a]!, publications[b]!);
  }

  /** Newest first, then by rank: a listing of the newest titles. */
  function byYearIn(tally: Tally): (a: number, b: number) => number {
    const rank = byRankIn(tally);
    return (a, b) => years[b]! - years[a]! || rank(a, b);
  }

  /**
   * Newest first for a query asking for recent titles: the matches scoring at least RECENT_RELEVANT_SHARE
   * of the best one, newest first (then by rank), before the weaker ones by rank.
   */
  function newestFirst(tally: Tally, matches: readonly number[]): (a: number, b: number) => number {
    let top = 0;
    for (const doc of matches) top = Math.max(top, scoreOf(tally, doc));
    const relevant = (doc: number): number => (scoreOf(tally, doc) >= top * RECENT_RELEVANT_SHARE ? 1 : 0);
    const rank = byRankIn(tally);
    return (a, b) => relevant(b) - relevant(a) || years[b]! - years[a]! || rank(a, b);
  }

  /** The titles having the query's ISBNs, and what each ISBN identifies. */
  function lookUpIsbns(parsed: ParsedQuery): { docs: number[]; identifiers: NonNullable<UnderstoodQuery['identifiers']> } {
    const docs: number[] = [];
    const identifiers: NonNullable<UnderstoodQuery['identifiers']> = [];
    for (const digits of parsed.isbns) {
      const found = byIsbn.get(digits) ?? [];
      if (found.length === 0) identifiers.push({ isbn: digits });
      for (const { doc, isbn, edition } of found) {
        if (!docs.includes(doc)) docs.push(doc);
        const languages = publications[doc]!.languages;
        const language = languages.length === 1 ? { language: languages[0]! } : {};
        if (!identifiers.some((i) => i.isbn === isbn && i.edition === edition)) identifiers.push({ isbn, edition, ...language });
      }
    }
    return { docs, identifiers };
  }

  /** The index terms a title matched: its words' terms and completions, and an expansion's words where it matched whole. */
  function matchedTerms(concepts: SearchedConcept[], doc: number): string[] {
    const held = (term: string): boolean => holds(postings(term), doc);
    return concepts.flatMap(({ terms, completions, phrase }) => [
      ...terms.filter(held),
      ...completions.filter(held),
      ...(phrase?.every((group) => group.some(held)) ? phrase.flat().filter(held) : []),
    ]);
  }

  /** A ranked title: its document number, score and the index terms it matched. */
  interface Ranked {
    doc: number;
    score: number;
    terms: string[];
  }

  /**
   * Understands and runs a query: the `wanted` best hits, best first, how many there are in all, and
   * suggestions when asked for and nothing matched. A hit passes the filters and matches enough content
   * words; a filter-only query lists every title passing its filters.
   */
  function run(text: string, wanted: number, suggest: boolean): { understood: UnderstoodQuery; hits: Ranked[]; total: number; suggestions: string[] } {
    const parsed = understandQuery(text);
    const corrections: UnderstoodQuery['corrections'] = [];
    const concepts = searchedConcepts(parsed, parsed.filterOnly ? [] : corrections);
    const { counted, ofField, unmatched } = contentWordsOf(concepts);
    const isbns = parsed.isbns.length > 0 ? lookUpIsbns(parsed) : null;
    const understood: UnderstoodQuery = {
      text,
      terms: parsed.concepts.map((c) => c.word),
      filters: parsed.filters,
      expansions: parsed.expansions,
      filterOnly: parsed.filterOnly,
      corrections,
      ...(unmatched.length > 0 && { unmatchedWords: unmatched }),
      ...(parsed.unknownLanguages.length > 0 && { unknownLanguages: parsed.unknownLanguages }),
      ...(parsed.sort && { sort: parsed.sort }),
      ...(isbns && { identifiers: isbns.identifiers }),
    };
    const tally = tallyWords(concepts);
    const passes = filterTest(parsed.filters);
    const matches: number[] = [];
    if (isbns) {
      // An ISBN names its titles: the other words only rank them.
      for (const doc of isbns.docs) if (!passes || passes(doc)) matches.push(doc);
    } else if (parsed.filterOnly) {
      for (let doc = 0; doc < publications.length; doc++) if (!passes || passes(doc)) matches.push(doc);
    } else if (counted > 0) {
      const required = requiredMatches(counted);
      // With words left out, the rest must include what the title is about: in its title or keywords.
      const known = unmatched.length > 0 ? concepts.filter((c) => isContent(c) && isKnown(c)) : null;
      for (let i = 0; i < tally.touchedCount; i++) {
        const doc = tally.touched[i]!;
        const enough = tally.content[doc]! >= required || (ofField > 0 && tally.fieldWords[doc] === ofField);
        if (enough && (!passes || passes(doc)) && (!known || known.some((c) => headlineHolds(c, doc)))) matches.push(doc);
      }
    }
    const ranked = parsed.sort === 'newest' ? (parsed.filterOnly ? byYearIn(tally) : newestFirst(tally, matches)) : byRankIn(tally);
    const order = parsed.filterOnly && (parsed.filters.languages?.length ?? 0) > 1 ? byEditions(parsed.filters.languages!, ranked) : ranked;
    const hits = best(matches, wanted, order).map((doc) => ({ doc, score: scoreOf(tally, doc), terms: matchedTerms(concepts, doc) }));
    const contentWords = concepts.filter(isContent).length;
    const suggesting = suggest && !isbns && matches.length === 0 && contentWords > 0;
    const nearTitles = suggesting ? nearMisses(tally, contentWords) : [];
    releaseTally(tally);
    const suggestions = suggesting ? [...correctedQueries(parsed, concepts), ...nearTitles] : [];
    return { understood, hits, total: matches.length, suggestions };
  }

  /**
   * With several languages asked for, titles with editions in all of them first ("in English and
   * French" lists every title in either, those in both first), then in the given order.
   */
  function byEditions(languages: readonly string[], then: (a: number, b: number) => number): (a: number, b: number) => number {
    const inLanguage = languages.flatMap((code) => editions.get(code) ?? []);
    const held = (doc: number): number => inLanguage.reduce((n, titles) => n + titles[doc]!, 0);
    return (a, b) => held(b) - held(a) || then(a, b);
  }

  /**
   * Titles that nearly match, as suggestions when nothing does: the three best of those matching at least
   * half the query's content words, filters or not.
   */
  function nearMisses(tally: Tally, contentWords: number): string[] {
    const near: number[] = [];
    for (let i = 0; i < tally.touchedCount; i++) {
      const doc = tally.touched[i]!;
      const content = tally.content[doc]!;
      if (content > 0 && content * 2 >= contentWords) near.push(doc);
    }
    return best(near, 3, byRankIn(tally)).map((doc) => publications[doc]!.title);
  }

  /** Queries the user may have meant: the query with a far-off word corrected, when that finds titles. */
  function correctedQueries(parsed: ParsedQuery, concepts: SearchedConcept[]): string[] {
    const suggestions: string[] = [];
    for (const { concept, terms } of concepts) {
      if (terms.length > 0 || concept.expansion || concept.word.length < 7 || !isCorrectable(concept.word)) continue;
      const correction = correctionOf(concept.word, maxEdits(concept.word.length) + 1);
      if (!correction) continue;
      const replaced = replaceWord(parsed.text, concept.word, correction.word);
      if (replaced !== parsed.text && run(replaced, 0, false).total > 0) suggestions.push(replaced);
    }
    return suggestions;
  }

  return {
    publications,
    get: (id) => byId.get(id),
    search(text: string, { limit = 10, offset = 0 }: SearchOptions = {}): SearchResponse {
      const { understood, hits, total, suggestions } = run(text, offset + limit, true);
      const page = hits.slice(offset);
      const words = matchedWordsOfPage(page);
      return {
        query: understood,
        hits: page.map(({ doc, score }, i) => ({ publication: publications[doc]!, score, matchedTerms: words[i]! })),
        total,
        suggestions,
      };
    },
  };
}


/** By title, then by id (so that titles of equal score and year have one order, and pages never overlap). */
function byTitle(a: Publication, b: Publication): number {
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The text with one word (compared folded) replaced, other words kept as typed. */
function replaceWord(text: string, folded: string, replacement: string): string {
  let done = false;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (done || fold(word) !== folded) return word;
    done = true;
    return replacement;
  });
}
