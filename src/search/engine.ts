/**
 * The search engine: a MiniSearch index over the catalogue, queried through query understanding.
 *
 * Each field of a publication is analysed in its own language (folded, stop words dropped, stemmed) before
 * MiniSearch sees it; a query word is looked up under its English, Spanish and French stems at once.
 * Words missing from the index are corrected against the catalogue's vocabulary. A title is a hit only
 * when it passes the query's filters and matches enough of the query's content words, so unrelated
 * questions find nothing; near misses come back as suggestions.
 */
import MiniSearch, { type Query } from 'minisearch';
import { languageByCode } from '../catalogue/languages.js';
import type { Publication } from '../catalogue/schema.js';
import { analyseWords, fold, queryTermVariants } from './normalise.js';
import { type ParsedQuery, type QueryConcept, understandQuery } from './query.js';
import { Speller, lowerBound, maxEdits } from './spelling.js';
import type { SearchEngine, SearchFilters, SearchOptions, SearchResponse, UnderstoodQuery } from './types.js';

const FIELDS = ['title', 'summary', 'keywords', 'languages', 'year'] as const;
type Field = (typeof FIELDS)[number];

export interface SearchEngineOptions {
  /** Weight of a match in each field; defaults favour the title, then the librarian's keywords. */
  boost?: Partial<Record<Field, number>>;
}

const DEFAULT_BOOST: Record<Field, number> = { title: 3, keywords: 2, summary: 1, languages: 1, year: 1 };

/** Weight of a match on a completion of a query word rather than on the word itself. */
const COMPLETION_WEIGHT = 0.4;
/** Completions are at most this many letters longer than the query word's stem, which must have 5 or more. */
const COMPLETION_MAX_EXTRA = 2;

/** A publication's summary as plain text, paragraphs and list items one a line. */
export function summaryText(publication: Publication): string {
  return publication.summary.map((block) => (block.kind === 'paragraph' ? block.text : block.items.join('\n'))).join('\n');
}

/** True when a publication passes every filter (an edition in one of the languages, a year in range). */
export function passesFilters(publication: Publication, filters: SearchFilters): boolean {
  if (filters.languages && !filters.languages.some((code) => publication.languages.includes(code))) return false;
  if (filters.yearFrom !== undefined && publication.year < filters.yearFrom) return false;
  if (filters.yearTo !== undefined && publication.year > filters.yearTo) return false;
  return true;
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
}

/** The publication's text fields with the language they are written in. */
function textFields(publication: Publication): { field: Field; text: string; language: string }[] {
  return [
    { field: 'title', text: publication.title, language: publication.summaryLanguage },
    { field: 'summary', text: summaryText(publication), language: publication.summaryLanguage },
    { field: 'keywords', text: publication.keywords.join('\n'), language: 'en' },
  ];
}

/** Builds the engine over a catalogue. The publications are indexed once, here. */
export function createSearchEngine(publications: readonly Publication[], options: SearchEngineOptions = {}): SearchEngine {
  const byId = new Map(publications.map((p) => [p.id, p]));
  const indexTerms = new Set<string>();
  const vocabulary = new Map<string, number>();
  /** The words (lower case, as written) that each index term stands for, over the whole catalogue. */
  const surfaces = new Map<string, Set<string>>();
  let analysed = new Map<string, Record<Field, string>>();

  for (const publication of publications) {
    const fields = { languages: '', year: String(publication.year) } as Record<Field, string>;
    const docWords = new Set<string>();
    for (const { field, text, language } of textFields(publication)) {
      const terms: string[] = [];
      for (const word of analyseWords(text, language)) {
        if (word.term === null) continue;
        terms.push(word.term);
        indexTerms.add(word.term);
        const written = surfaces.get(word.term);
        if (written) written.add(word.surface);
        else surfaces.set(word.term, new Set([word.surface]));
        if (!/\d/.test(word.folded)) docWords.add(word.folded);
      }
      fields[field] = terms.join(' ');
    }
    for (const word of docWords) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    fields.languages = publication.languages
      .flatMap((code) => {
        const info = languageByCode(code);
        return info ? [info.name, info.native] : [code];
      })
      .map(fold)
      .join(' ');
    for (const term of [...fields.languages.split(' '), fields.year]) indexTerms.add(term);
    analysed.set(publication.id, fields);
  }

  const index = new MiniSearch<Publication>({
    fields: [...FIELDS],
    idField: 'id',
    extractField: (publication, field) => (field === 'id' ? publication.id : analysed.get(publication.id)?.[field as Field]),
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: {
      tokenize: (text) => [text],
      processTerm: (term) => term,
      boost: { ...DEFAULT_BOOST, ...options.boost },
    },
  });
  index.addAll(publications);
  analysed = new Map();
  const speller = new Speller(vocabulary);
  const sortedTerms = [...indexTerms].sort();

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

  const knownTerms = (word: string): string[] => queryTermVariants(word).filter((t) => indexTerms.has(t));

  /** Index terms for each query word, correcting words the catalogue does not use. */
  function searchedConcepts(parsed: ParsedQuery, corrections: UnderstoodQuery['corrections']): SearchedConcept[] {
    return parsed.concepts.map((concept) => {
      let terms = concept.searchWord ? [...new Set([concept.word, ...concept.synonyms].flatMap(knownTerms))] : [];
      if (concept.searchWord && terms.length === 0 && !concept.expansion && !/\d/.test(concept.word)) {
        const correction = speller.correct(concept.word);
        if (correction) {
          corrections.push({ from: concept.word, to: correction.word });
          terms = knownTerms(correction.word);
        }
      }
      const phrase = concept.expansion?.map(knownTerms) ?? null;
      const completions = [...new Set(terms.flatMap(completionsOf))].filter((t) => !terms.includes(t));
      return { concept, terms, completions, phrase: phrase?.every((t) => t.length > 0) ? phrase : null };
    });
  }

  function toMiniSearchQuery(concepts: SearchedConcept[]): Query {
    const anyOf = (terms: string[]): Query => ({ combineWith: 'OR', queries: terms });
    return {
      combineWith: 'OR',
      queries: concepts.map(({ terms, completions, phrase }) => ({
        combineWith: 'OR',
        queries: [
          ...terms,
          ...(completions.length > 0 ? [{ combineWith: 'OR' as const, queries: completions, boostTerm: () => COMPLETION_WEIGHT }] : []),
          ...(phrase ? [{ combineWith: 'AND' as const, queries: phrase.map(anyOf) }] : []),
        ],
      })),
    };
  }

  function isMatched(searched: SearchedConcept, matched: Record<string, unknown>): boolean {
    return searched.terms.some((t) => t in matched) || searched.completions.some((t) => t in matched) || (searched.phrase?.every((ts) => ts.some((t) => t in matched)) ?? false);
  }

  /** Words of the publication's own text whose index terms matched, lower case, in order of appearance. */
  function matchedWords(publication: Publication, matched: readonly string[]): string[] {
    const candidates = new Set(matched.flatMap((term) => [...(surfaces.get(term) ?? [])]));
    if (candidates.size === 0) return [];
    const alternatives = [...candidates].sort((x, y) => y.length - x.length).map(escapeRegExp).join('|');
    const text = textFields(publication)
      .map((f) => f.text)
      .join('\n')
      .toLowerCase();
    const found = text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu'));
    return [...new Set(Array.from(found, (m) => m[0]))];
  }


  /** A title that matched, with the index terms it matched on. */
  interface Ranked {
    publication: Publication;
    score: number;
    match: Record<string, unknown>;
  }

  /** Every title matching any of the query's words, scored, with how many content words it matched. */
  function scoreAll(concepts: SearchedConcept[]): (Ranked & { matchedContent: number })[] {
    const searchable = concepts.filter((c) => c.terms.length > 0 || c.completions.length > 0 || c.phrase);
    if (searchable.length === 0) return [];
    const scored: (Ranked & { matchedContent: number })[] = [];
    // The filter sees every raw result once; collecting them here and keeping none spares MiniSearch
    // sorting results that are re-scored and sorted afterwards anyway.
    index.search(toMiniSearchQuery(searchable), {
      filter: (result) => {
        let matchedContent = 0;
        let matchedWords = 0;
        for (const c of concepts) {
          if (!isMatched(c, result.match)) continue;
          matchedWords++;
          if (!c.concept.weak) matchedContent++;
        }
        // MiniSearch multiplies the score by the number of query terms matched, which counts each stem
        // variant; count query words instead.
        const score = (result.score / Math.max(1, result.queryTerms.length)) * matchedWords;
        scored.push({ publication: byId.get(result.id as string)!, score, match: result.match, matchedContent });
        return false;
      },
    });
    return scored;
  }

  /** Splits scored titles into hits (enough content words, filters passed) and near misses, best first. */
  function rank(parsed: ParsedQuery, concepts: SearchedConcept[]): { hits: Ranked[]; nearMisses: Ranked[] } {
    const hits: Ranked[] = [];
    const nearMisses: Ranked[] = [];
    const contentWords = concepts.filter((c) => !c.concept.weak).length;
    const required = requiredMatches(contentWords);
    for (const { matchedContent, ...ranked } of scoreAll(concepts)) {
      if (matchedContent >= required && passesFilters(ranked.publication, parsed.filters)) hits.push(ranked);
      else if (matchedContent > 0 && matchedContent * 2 >= contentWords) nearMisses.push(ranked);
    }
    hits.sort(byRank);
    nearMisses.sort(byRank);
    return { hits, nearMisses };
  }

  /** Every title passing a filter-only query's filters: those matching its document-type words first, then newest first. */
  function listing(parsed: ParsedQuery): Ranked[] {
    const scored = new Map(scoreAll(searchedConcepts(parsed, [])).map((r) => [r.publication.id, r]));
    return publications
      .filter((p) => passesFilters(p, parsed.filters))
      .map((publication): Ranked => {
        const found = scored.get(publication.id);
        return found ? { publication, score: found.score, match: found.match } : { publication, score: 0, match: {} };
      })
      .sort(byRank);
  }

  /** Queries the user may have meant: the query with a far-off word corrected, when that finds titles. */
  function correctedQueries(parsed: ParsedQuery, concepts: SearchedConcept[]): string[] {
    const suggestions: string[] = [];
    for (const { concept, terms } of concepts) {
      if (terms.length > 0 || concept.expansion || concept.word.length < 7 || /\d/.test(concept.word)) continue;
      const correction = speller.correct(concept.word, maxEdits(concept.word.length) + 1);
      if (!correction) continue;
      const replaced = replaceWord(parsed.text, concept.word, correction.word);
      if (replaced !== parsed.text && run(replaced, false).hits.length > 0) suggestions.push(replaced);
    }
    return suggestions;
  }

  /** Understands and runs a query: every hit, best first, and suggestions when asked for and nothing matched. */
  function run(text: string, suggest: boolean): { understood: UnderstoodQuery; hits: Ranked[]; suggestions: string[] } {
    const parsed = understandQuery(text);
    const corrections: UnderstoodQuery['corrections'] = [];
    const base = { text, filters: parsed.filters, expansions: parsed.expansions, filterOnly: parsed.filterOnly, corrections };
    if (parsed.filterOnly) return { understood: { ...base, terms: parsed.concepts.map((c) => c.word) }, hits: listing(parsed), suggestions: [] };
    const concepts = searchedConcepts(parsed, corrections);
    const { hits, nearMisses } = rank(parsed, concepts);
    const suggestions =
      suggest && hits.length === 0 && concepts.length > 0
        ? [...correctedQueries(parsed, concepts), ...nearMisses.slice(0, 3).map((r) => r.publication.title)]
        : [];
    return { understood: { ...base, terms: parsed.concepts.map((c) => c.word) }, hits, suggestions };
  }

  return {
    publications,
    get: (id) => byId.get(id),
    search(text: string, { limit = 10, offset = 0 }: SearchOptions = {}): SearchResponse {
      const { understood, hits, suggestions } = run(text, true);
      return {
        query: understood,
        hits: hits.slice(offset, offset + limit).map(({ publication, score, match }) => ({
          publication,
          score,
          matchedTerms: matchedWords(publication, Object.keys(match)),
        })),
        total: hits.length,
        suggestions,
      };
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Best first: higher score, then newer, then by title. */
function byRank(a: { publication: Publication; score: number }, b: { publication: Publication; score: number }): number {
  return b.score - a.score || b.publication.year - a.publication.year || a.publication.title.localeCompare(b.publication.title);
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
