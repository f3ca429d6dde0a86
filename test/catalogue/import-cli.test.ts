import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/catalogue/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'catalogue-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runImport(...args: string[]) {
  const run = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/cli/import.ts'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run catalogue:import', () => {
  const catalogue = join(dir, 'publications.json');
  const listing = fixture('handbooks-and-manuals.txt');

  it('imports the real listing and address table into a new catalogue, printing counts and warnings with line numbers', () => {
    const run = runImport(listing, '--urls', fixture('known-urls.md'), '--catalogue', catalogue);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('22 added, 0 updated, 0 unchanged; 5 warnings');
    expect(run.stdout).toContain(`${listing}:159: warning: the page says "Armenia"`);
    expect(run.stdout).toContain(`${fixture('known-urls.md')}:24: warning: `);
    expect(readFileSync(catalogue, 'utf8')).toBe(readFileSync(join(repo, 'catalogue/publications.json'), 'utf8').replace(/"keywords": \[[^\]]*\]/g, '"keywords": []'));
  });

  it('leaves the file byte-identical when the same page is imported again, keeping hand-added fields', () => {
    const handEdited = readFileSync(catalogue, 'utf8').replace('"keywords": []', '"keywords": [\n        "capacity building"\n      ]');
    writeFileSync(catalogue, handEdited);
    const run = runImport(listing, '--urls', fixture('known-urls.md'), '--catalogue', catalogue);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 added, 0 updated, 22 unchanged; 5 warnings');
    expect(readFileSync(catalogue, 'utf8')).toBe(handEdited);
  });

  it('writes nothing on a dry run', () => {
    const fresh = join(dir, 'dry.json');
    const run = runImport(fixture('quirks.txt'), '--catalogue', fresh, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 added, 0 updated, 0 unchanged; 5 warnings');
    expect(run.stdout).toContain('not written');
    expect(readdirSync(dir)).not.toContain('dry.json');
  });

  it('refuses malformed input with the file and line, changing nothing', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'A Title\n\n2020/ten pages English\n');
    const before = readFileSync(catalogue, 'utf8');
    const run = runImport(bad, '--catalogue', catalogue);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${bad}, line 3: cannot read the year and page count .*; nothing imported`));
    expect(readFileSync(catalogue, 'utf8')).toBe(before);
  });

  it('refuses to import into a catalogue that fails validation', () => {
    const broken = join(dir, 'broken.json');
    copyFileSync(catalogue, broken);
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('"year": 2019', '"year": "2019"'));
    const before = readFileSync(broken, 'utf8');
    const run = runImport(listing, '--catalogue', broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.json: entry publications\[6\] \("reintegration-handbook"\), field year: .*\nfix the catalogue before importing/);
    expect(readFileSync(broken, 'utf8')).toBe(before);
  });

  it('explains its usage when the listing file is missing', () => {
    const run = runImport('--dry-run');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run catalogue:import -- LISTING_FILE');
  });
});
