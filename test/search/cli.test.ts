import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../src/cli/search.ts');

/** Runs the CLI as a separate process (tsx, as npm run does) with `input` on standard input. */
function run(args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe.concurrent('npm run search (command-line contract)', () => {
  it('--json prints exactly one object with the query, its filters and at most 10 results', async () => {
    const { status, stdout } = await run(['--json', 'reintegration handbook in French']);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['query', 'filters', 'results']);
    expect(answer.query).toBe('reintegration handbook in French');
    expect(answer.filters).toEqual({ languages: ['fr'] });
    expect(answer.results[0]).toEqual({
      id: 'reintegration-handbook',
      title: expect.stringMatching(/^Reintegration Handbook/),
      year: 2019,
      pages: 304,
      languages: ['en', 'fr', 'es', 'ar'],
      url: expect.stringContaining('manual-sur-la-reintegration'),
      score: expect.any(Number),
    });
  });

  it('caps results at 10, gives null where no address is recorded, and omits absent filters', async () => {
    // Both processes at once: each is a whole Node start, slow on a busy machine.
    const [many, few] = await Promise.all([run(['--json', 'migration']), run(['--json', 'victim identification'])]);
    const answer = JSON.parse(many.stdout);
    expect(answer.filters).toEqual({});
    expect(answer.results.length).toBe(10);
    const noLink = JSON.parse(few.stdout).results[0];
    expect(noLink).toMatchObject({ id: 'trafficking-persons', url: null });
  });

  it('--jsonl answers each line of standard input with one object, in order', async () => {
    const { status, stdout } = await run(['--jsonl'], 'GBV\nall titles in Spanish\nweather in Geneva tomorrow\n');
    expect(status).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((a) => a.query)).toEqual(['GBV', 'all titles in Spanish', 'weather in Geneva tomorrow']);
    expect(answers[1].filters).toEqual({ languages: ['es'] });
    expect(answers[1].results.length).toBe(6);
    expect(answers[2].results).toEqual([]);
  });

  it('prints a readable list for a person', async () => {
    const { status, stdout } = await run(['atencion', 'psicosocial']);
    expect(status).toBe(0);
    expect(stdout).toContain('1. Guía para la Atención Psicosocial a Personas Migrantes en Mesoamérica');
    expect(stdout).toContain('2018 · 194 pages · Spanish');
    expect(stdout).toContain('no link recorded');
    expect(stdout).toMatch(/matched: .*psicosocial/);
  });

  it('shows help', async () => {
    expect(await run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('usage:') });
  });

  it.each([[[]], [['--json']], [['--bogus', 'x']], [['--json', '--jsonl', 'x']], [['--jsonl', 'query']]])(
    'refuses bad usage %j with exit code 2',
    async (args) => {
      const { status, stderr } = await run(args);
      expect(status).toBe(2);
      expect(stderr).toContain('usage:');
    },
  );

  it('names the file and entry of a broken catalogue and exits 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'search-cli-')), 'broken.json');
    writeFileSync(file, JSON.stringify({ publications: [{ id: 'x', title: 'X' }] }));
    const { status, stderr } = await run(['--catalogue', file, 'x']);
    expect(status).toBe(1);
    expect(stderr).toContain('broken.json');
    expect(stderr).toContain('"x"');
  });
});
