/**
 * `npm run catalogue:import -- FILE [--urls FILE] [--catalogue PATH] [--dry-run]`
 *
 * Imports a listing page (and an address table) into the catalogue, prints what changed and every
 * warning with its line number, and writes the catalogue atomically unless --dry-run is given.
 * Malformed input or an invalid catalogue exits non-zero and changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { importCatalogue } from '../catalogue/importer.js';
import { ImportError, type ImportWarning } from '../catalogue/listing.js';
import { CatalogueError, DEFAULT_CATALOGUE_PATH, loadCatalogue, saveCatalogue } from '../catalogue/load.js';
import { catalogueFileSchema } from '../catalogue/schema.js';
import { parseCommandLine, usageError } from './args.js';

const USAGE = 'usage: npm run catalogue:import -- LISTING_FILE [--urls ADDRESS_TABLE.md] [--catalogue PATH] [--dry-run]';

function main(argv: string[]): number {
  const args = parseCommandLine(
    { args: argv, allowPositionals: true, options: { urls: { type: 'string' }, catalogue: { type: 'string' }, 'dry-run': { type: 'boolean' } } },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const [listingFile, ...extra] = positionals;
  if (!listingFile || extra.length > 0) return usageError(listingFile ? 'give one listing file' : 'no listing file given', USAGE);
  const catalogueFile = values.catalogue ?? DEFAULT_CATALOGUE_PATH;
  const addressFile = values.urls;

  try {
    const existing = existsSync(catalogueFile) ? loadCatalogue(catalogueFile) : [];
    const listingText = readFileSync(listingFile, 'utf8');
    const addressText = addressFile === undefined ? undefined : readFileSync(addressFile, 'utf8');
    const result = importCatalogue(existing, listingText, addressText);
    const checked = catalogueFileSchema.safeParse({ publications: result.publications });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      console.error(`import refused: the result would not be a valid catalogue (${issue?.path.join('.')}: ${issue?.message}); nothing written`);
      return 1;
    }

    printWarnings(listingFile, result.warnings.listing);
    if (addressFile !== undefined) printWarnings(addressFile, result.warnings.addresses);
    const counts = `${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged`;
    const notListed = result.notListed.length > 0 ? `, ${result.notListed.length} not on this page (kept)` : '';
    const warningCount = result.warnings.listing.length + result.warnings.addresses.length;
    console.log(`${counts}${notListed}; ${warningCount} warning${warningCount === 1 ? '' : 's'}`);
    for (const [label, ids] of [['added', result.added], ['updated', result.updated]] as const) {
      if (ids.length > 0) console.log(`  ${label}: ${ids.join(', ')}`);
    }
    if (values['dry-run']) {
      console.log(`dry run: ${catalogueFile} not written`);
    } else if (result.added.length + result.updated.length > 0 || !existsSync(catalogueFile)) {
      saveCatalogue(catalogueFile, result.publications);
      console.log(`wrote ${catalogueFile}`);
    } else {
      console.log(`${catalogueFile} already up to date`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`${error.input === 'listing' ? listingFile : addressFile}, ${error.message}; nothing imported`);
      return 1;
    }
    if (error instanceof CatalogueError) {
      console.error(`${error.message}\nfix the catalogue before importing; nothing imported`);
      return 1;
    }
    console.error(`import failed: ${(error as Error).message}; nothing imported`);
    return 1;
  }
}

function printWarnings(file: string, warnings: readonly ImportWarning[]): void {
  for (const w of warnings) console.log(`${file}:${w.line}: warning: ${w.message}`);
}

process.exitCode = main(process.argv.slice(2));
