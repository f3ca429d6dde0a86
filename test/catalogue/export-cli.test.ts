/**
 * `npm run catalogue:export`: the live catalogue (SQLite of DATA_DIR, or PostgreSQL of DATABASE_URL)
 * written back in the catalogue file's canonical form, and a clear refusal when there is none.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLiveCatalogue } from '../../src/catalogue/live.js';
import { serialiseCatalogue } from '../../src/catalogue/format.js';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Publication } from '../../src/catalogue/schema.js';
import { defaultOrderStorePath } from '../../src/orders/store.js';
import { openStorage } from '../../src/storage.js';
import { CATALOGUE, HANDBOOK, tempDir } from '../orders/fixtures.js';
import { openTestCatalogue } from '../support/live-catalogue.js';
import { describePostgres, freshPostgresUrl } from '../support/stores.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Runs the export CLI (without the caller's DATA_DIR and DATABASE_URL unless given). */
function exportCatalogue(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { DATA_DIR: _d, DATABASE_URL: _u, ...base } = process.env;
  const child = spawn(tsx, [join(root, 'src/cli/export-catalogue.ts'), ...args], { cwd: root, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const PRICED: Publication = { ...HANDBOOK, prices: { CHF: 40 }, notes: 'Price set from Slack' };

describe('npm run catalogue:export', () => {
  it("writes the SQLite live catalogue of --data-dir, with its changes, in the file's canonical form", async () => {
    const dir = tempDir();
    const { catalogue, close } = await openTestCatalogue(CATALOGUE, defaultOrderStorePath(dir));
    await catalogue.apply({ action: 'edit', actorId: 'U0ADMIN', summary: 'Set the handbook price', publications: [PRICED], baseVersion: 1 });
    const expected = catalogue.publications;
    await close();
    const out = join(tempDir(), 'publications.json');
    const run = await exportCatalogue(['--data-dir', dir, '--out', out]);
    expect(run.stderr).toMatch(/^Exported 3 publication\(s\) of the live catalogue \(version 2; last change 2 on .*: Set the handbook price\) to /);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(serialiseCatalogue(expected));
    expect(loadCatalogue(out)[0]).toEqual(PRICED);
  });

  it('finds the data directory through DATA_DIR', async () => {
    const dir = tempDir();
    await (await openTestCatalogue(CATALOGUE, defaultOrderStorePath(dir))).close();
    const out = join(tempDir(), 'publications.json');
    const run = await exportCatalogue(['--out', out], { DATA_DIR: dir });
    expect(run.status).toBe(0);
    expect(loadCatalogue(out)).toEqual(CATALOGUE);
  });

  it('says clearly when there is no live catalogue, and writes and creates nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'publications.json');
    const run = await exportCatalogue(['--data-dir', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`No live catalogue at ${join(dir, 'orders.sqlite')}`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'orders.sqlite'))).toBe(false);
  });

  it('refuses an unknown option with the usage', async () => {
    const run = await exportCatalogue(['--format', 'yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run catalogue:export');
  });
});

describePostgres('npm run catalogue:export from DATABASE_URL', () => {
  it('writes the live catalogue kept in PostgreSQL', async () => {
    const databaseUrl = await freshPostgresUrl();
    const storage = await openStorage({ databaseUrl });
    const catalogue = await openLiveCatalogue(storage.catalogue, { seed: CATALOGUE });
    await catalogue.apply({ action: 'edit', actorId: 'U0ADMIN', summary: 'Set the handbook price', publications: [PRICED], baseVersion: 1 });
    await storage.close();
    const out = join(tempDir(), 'publications.json');
    const run = await exportCatalogue(['--out', out], { DATABASE_URL: databaseUrl });
    expect(run.stderr).toContain('Exported 3 publication(s) of the live catalogue (version 2;');
    expect(run.status).toBe(0);
    expect(loadCatalogue(out)).toEqual([PRICED, ...CATALOGUE.slice(1)]);
  });
});
