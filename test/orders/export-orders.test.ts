import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/orders/csv.js';
import { openSqliteOrderStore } from '../../src/orders/sqlite-store.js';
import { defaultOrderStorePath } from '../../src/orders/store.js';
import { CATALOGUE, draft, tempDir } from './fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function exportOrders(args: string[], env: Record<string, string> = {}) {
  const { DATA_DIR: _ignored, ...base } = process.env;
  return spawnSync(tsx, [join(root, 'src/cli/export-orders.ts'), ...args], { cwd: root, env: { ...base, ...env }, encoding: 'utf8' });
}

async function storeWithOrders(): Promise<string> {
  const dir = tempDir();
  const store = openSqliteOrderStore(defaultOrderStorePath(dir));
  await store.submit(draft(), { userId: 'U0ANA' }, 'k1', CATALOGUE);
  await store.submit(draft(), { userId: 'U0BEN' }, 'k2', CATALOGUE);
  await store.close();
  return dir;
}

describe('npm run orders:export', () => {
  it('writes the CSV to standard output and a count-only summary to standard error', async () => {
    const dir = await storeWithOrders();
    const run = exportOrders(['--data-dir', dir]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.filter((l) => l.startsWith('PUB-2026-'))).toHaveLength(4);
    expect(run.stderr.trim()).toBe('Exported 2 order(s), 4 line(s).');
    expect(run.stderr).not.toContain('example.org');
  });

  it('writes to --out, finding the store through DATA_DIR', async () => {
    const dir = await storeWithOrders();
    const out = join(tempDir(), 'orders.csv');
    const run = exportOrders(['--out', out], { DATA_DIR: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(run.stderr).toContain(`to ${out}`);
  });

  it('says clearly when there is no store, and creates none', () => {
    const dir = tempDir();
    const run = exportOrders(['--data-dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`No order store at ${join(dir, 'orders.sqlite')}`);
    expect(() => readFileSync(join(dir, 'orders.sqlite'))).toThrow();
  });

  it('refuses an unknown option with the usage', () => {
    const run = exportOrders(['--format', 'xlsx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run orders:export -- [--data-dir DIR] [--out FILE]');
  });
});
