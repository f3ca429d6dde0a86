/**
 * The README's example session, run as a newcomer runs it: `npm start < docs/offline-example.txt` (here
 * `tsx src/main.ts`) with no Slack credentials and a temporary DATA_DIR, checking the transcript.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join(ROOT, 'docs/offline-example.txt');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs src/main.ts with `env` and `stdin`, resolving with its exit code and output. */
function runMain(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Blank credentials: dotenv never overrides a variable already set, so a developer's .env cannot make this connect to Slack.
    // The person's language comes from the locale: English unless a test says otherwise.
    const blank = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ORDERS_CHANNEL_ID: '', ORDER_ADMIN_IDS: '', LOG_LEVEL: 'warn', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
    const child = spawn(TSX, ['src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...blank, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm start offline', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'offline-example-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the README example script: answers, a button press, an order with its reference, and /handbooks orders listing it', async () => {
    const { code, stdout, stderr } = await runMain([], { DATA_DIR: dataDir }, readFileSync(EXAMPLE, 'utf8'));
    expect(stderr).not.toMatch(/ERROR|WARN|Cannot start/);
    expect(code).toBe(0);
    // says plainly it is offline and how to connect it
    expect(stdout).toMatch(/^Running offline: no Slack credentials are set/);
    expect(stdout).toContain('SLACK_BOT_TOKEN');
    // each command echoed, then its answer, where it was posted
    expect(stdout).toContain('> /handbooks trafficking in French\n── handbooks in #general (only you can see this)');
    expect(stdout).toContain('Modules de formation de formateurs sur la protection des victimes de traite des personnes');
    expect(stdout).toMatch(/> psychosocial support in Spanish\n── handbooks in DM ─+\n[^]*Spanish/);
    expect(stdout).toContain('> @handbooks do we have anything on reintegration?\n── handbooks in #general, in thread');
    expect(stdout).toMatch(/Reintegration Handbook - Practical guidance[^\n]*\(https:\/\/reintegrationhb\.iom\.int\)/);
    // a button press opens the details modal
    expect(stdout).toMatch(/> 1\n\(you pressed Details\)\n┌─ Publication details/);
    // the order: stored with a reference, confirmed in the DM, listed by /handbooks orders
    const reference = /Your order (PUB-\d{4}-\d{6}) is stored/.exec(stdout)?.[1];
    expect(reference).toBeDefined();
    expect(stdout).toContain(`── handbooks in DM ─`);
    expect(stdout).toContain(`Your order ${reference}`);
    const orders = stdout.slice(stdout.lastIndexOf('> /handbooks orders'));
    expect(orders).toContain(`${reference} · Submitted`);
    expect(orders).toContain('3 × Reintegration Handbook');
    expect(stdout.trimEnd().endsWith('> quit')).toBe(true);
  });

  it('answers as a person whose Slack language is --lang (over LANG), and in the language a question is written in', async () => {
    const script = '/handbooks ayuda\nAvez-vous des guides sur la réintégration ?\nquit\n';
    const { code, stdout } = await runMain(['--lang', 'es'], { DATA_DIR: dataDir, LANG: 'en_US.UTF-8' }, script);
    expect(code).toBe(0);
    expect(stdout).toContain('Manuales y guías: cómo preguntar');
    expect(stdout).toMatch(/> Avez-vous des guides sur la réintégration \?\n── handbooks in DM ─+\n {2}Recherche\u00a0: guides reintegration/);
  });

  it('is the script the README shows', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`\`\`text\n${readFileSync(EXAMPLE, 'utf8')}\`\`\``);
  });

  it('lists the modes and the environment variables with --help', async () => {
    const { code, stdout } = await runMain(['--help'], {});
    expect(code).toBe(0);
    for (const text of ['Socket Mode', 'HTTP', 'Offline', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DATA_DIR', 'LOG_LEVEL']) expect(stdout).toContain(text);
  });
});
