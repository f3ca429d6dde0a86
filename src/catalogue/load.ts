/**
 * The catalogue file, `catalogue/publications.json`: loading with validation (a broken file is refused
 * with the file, the entry and the field named) and atomic writing.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { serialiseCatalogue } from './format.js';
import { catalogueFileSchema, type Publication } from './schema.js';

/** The committed catalogue, resolved from this module's location (not from the working directory). */
export const DEFAULT_CATALOGUE_PATH = fileURLToPath(new URL('../../catalogue/publications.json', import.meta.url));

/** A catalogue file that cannot be read or does not validate. */
export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/** Reads and validates a catalogue file. Throws CatalogueError naming the file, entry and field on failure. */
export function loadCatalogue(file: string = DEFAULT_CATALOGUE_PATH): Publication[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogueError(`${displayPath(file)}: cannot read the catalogue (${(error as Error).message})`);
  }
  return parseCatalogue(text, file);
}

/** Parses and validates the text of a catalogue file; `file` is only used in error messages. */
export function parseCatalogue(text: string, file: string): Publication[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(`${displayPath(file)}: not valid JSON${jsonErrorPlace(text, error as Error)}: ${(error as Error).message}`);
  }
  const result = catalogueFileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${displayPath(file)}: ${describeIssue(issue, data)}`);
    throw new CatalogueError(problems.join('\n'));
  }
  return result.data.publications;
}

/** Writes the catalogue atomically (a temporary file renamed over the old one). */
export function saveCatalogue(file: string, publications: readonly Publication[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, serialiseCatalogue(publications), 'utf8');
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** "publications[3] ("reintegration-handbook"), field languages[1]: must be …" */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [root, index, ...field] = issue.path;
  if (root !== 'publications' || typeof index !== 'number') {
    return `${issue.path.length > 0 ? `field ${formatPath(issue.path)}` : 'top level'}: ${issue.message}`;
  }
  const entry = (data as { publications: unknown[] }).publications[index];
  const label = entryLabel(entry);
  return `entry publications[${index}]${label ? ` (${label})` : ''}${field.length > 0 ? `, field ${formatPath(field)}` : ''}: ${issue.message}`;
}

function entryLabel(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { id, title } = entry as { id?: unknown; title?: unknown };
  if (typeof id === 'string' && id !== '') return JSON.stringify(id);
  if (typeof title === 'string' && title !== '') return JSON.stringify(title);
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** " at line L, column C" when the parser's message gives a position. */
function jsonErrorPlace(text: string, error: Error): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(error.message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(error.message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1])).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The path relative to the working directory when it lies below it, else as given. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}
