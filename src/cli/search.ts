/**
 * `npm run -s search -- [--json] [--catalogue PATH] QUERY` · `npm run -s search -- --jsonl [--catalogue PATH]`
 *
 * Searches the catalogue from the command line. With --json it prints one JSON object (a contract other
 * tools rely on): {"query", "filters": {"languages"?, "yearFrom"?, "yearTo"?}, "results": [{"id", "title",
 * "year", "pages", "languages", "url", "score"}]}, best first, at most 10 results, url null where none is
 * recorded. With --jsonl it reads queries from standard input, one a line, and prints one such object a
 * line, in order, building the index once. Otherwise it prints a readable list.
 */
import { createInterface } from 'node:readline';
import { languageName } from '../catalogue/languages.js';
import { CatalogueError, loadCatalogue } from '../catalogue/load.js';
import { createSearchEngine } from '../search/engine.js';
import type { SearchEngine, SearchFilters, SearchResponse } from '../search/types.js';
import { publicationPage } from '../catalogue/links.js';
import { parseCommandLine, usageError } from './args.js';

const USAGE = `usage: npm run -s search -- [--json] [--catalogue PATH] "QUERY"
       npm run -s search -- --jsonl [--catalogue PATH] < queries.txt

  QUERY           words, questions, filters ("in French", "lang:fr", "since 2019", "2018-2019")
  --json          print one JSON object: {query, filters, results: [{id, title, year, pages, languages, url, score}]}
  --jsonl         read queries from standard input, one a line; print one JSON object a line
  --catalogue     catalogue file (default: catalogue/publications.json)
  -h, --help      show this help`;

/** At most this many results per query, in every output form. */
const MAX_RESULTS = 10;

/** The machine-readable answer to one query (the --json contract). */
function toJson(response: SearchResponse): object {
  const { query, hits } = response;
  const wanted = query.filters.languages ?? [];
  return {
    query: query.text,
    filters: pickFilters(query.filters),
    results: hits.slice(0, MAX_RESULTS).map(({ publication: p, score }) => ({
      id: p.id,
      title: p.title,
      year: p.year,
      pages: p.pages,
      languages: p.languages,
      url: publicationPage(p, wanted)?.url ?? null,
      score: Math.round(score * 1000) / 1000,
    })),
  };
}

function pickFilters(filters: SearchFilters): SearchFilters {
  const picked: SearchFilters = {};
  if (filters.languages) picked.languages = filters.languages;
  if (filters.yearFrom !== undefined) picked.yearFrom = filters.yearFrom;
  if (filters.yearTo !== undefined) picked.yearTo = filters.yearTo;
  return picked;
}

/** The answer to one query as a person reads it. */
function toText(response: SearchResponse): string {
  const { query, hits, total, suggestions } = response;
  const lines: string[] = [];
  const understood = [
    ...query.corrections.map((c) => `read "${c.from}" as "${c.to}"`),
    ...query.expansions.map((e) => `${e.acronym} = ${e.expansion}`),
    query.filters.languages && `in ${query.filters.languages.map(languageName).join(' or ')}`,
    query.filters.yearFrom !== undefined && `from ${query.filters.yearFrom}`,
    query.filters.yearTo !== undefined && `up to ${query.filters.yearTo}`,
  ].filter(Boolean);
  if (understood.length > 0) lines.push(`(${understood.join('; ')})`);
  if (hits.length === 0) {
    lines.push(`Nothing in the catalogue matches "${query.text}".`);
    if (suggestions.length > 0) lines.push('Did you mean:', ...suggestions.map((s) => `  - ${s}`));
    return lines.join('\n');
  }
  const shown = Math.min(hits.length, MAX_RESULTS);
  lines.push(`${total} title${total === 1 ? '' : 's'}${total > shown ? `, first ${shown}` : ''}:`);
  hits.slice(0, MAX_RESULTS).forEach(({ publication: p, matchedTerms }, i) => {
    lines.push('', `${i + 1}. ${p.title}`);
    lines.push(`   ${p.year} · ${p.pages} pages · ${p.languages.map(languageName).join(', ')}`);
    lines.push(`   ${publicationPage(p, query.filters.languages ?? [])?.url ?? 'no link recorded'}`);
    if (matchedTerms.length > 0) lines.push(`   matched: ${matchedTerms.join(', ')}`);
  });
  return lines.join('\n');
}

async function answerLines(engine: SearchEngine): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(toJson(engine.search(line, { limit: MAX_RESULTS })))}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(
    { args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, catalogue: { type: 'string' } } },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const query = positionals.join(' ').trim();
  const problem =
    values.json && values.jsonl
      ? '--json and --jsonl cannot be combined'
      : values.jsonl && positionals.length > 0
        ? '--jsonl reads queries from standard input; give no QUERY'
        : !values.jsonl && query === ''
          ? 'no query given'
          : undefined;
  if (problem) return usageError(problem, USAGE);

  let engine: SearchEngine;
  try {
    engine = createSearchEngine(loadCatalogue(values.catalogue));
  } catch (error) {
    if (error instanceof CatalogueError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  if (values.jsonl) {
    await answerLines(engine);
    return 0;
  }
  const response = engine.search(query, { limit: MAX_RESULTS });
  console.log(values.json ? JSON.stringify(toJson(response)) : toText(response));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
