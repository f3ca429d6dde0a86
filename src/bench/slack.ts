/**
 * Benchmark section "slack": signed `/handbooks` commands sent through Bolt's HTTPReceiver, a fixed number
 * at a time, to the real app (real listeners, real engine over the committed catalogue) and to a bare Bolt
 * app that only acknowledges and responds with a fixed message. Both run on 127.0.0.1 behind the stand-in
 * for Slack (src/offline/standin), which signs the requests and serves their response_url.
 *
 * Per command it measures the time to acknowledge (the receiver's HTTP response) and the time to answer (the
 * post to that command's own response_url reaching the stand-in). The load generator runs in this process,
 * on the same cores as the apps. Rounds run in the order bare, real, real, bare, bare, real… so that neither
 * app always goes first; each round starts the app and a stand-in afresh (the stand-in keeps every call,
 * and a heap grown by earlier rounds would slow later ones) and warms it up before measuring.
 *
 * Settings come from `npm run bench -- --only slack [--commands 500] [--concurrency 20] [--rounds 5]
 * [--isolated]`; each app and round is warmed up with 500 commands first. `--isolated` runs each round in a
 * Node process of its own, so that neither app runs on shared code (Bolt, HTTP, fetch) that the other's
 * rounds compiled and tuned. The section ends with the cost of Bolt's dispatch alone, without HTTP
 * (./dispatch.ts).
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCatalogue } from '../catalogue/load.js';
import { httpTransport, SlackStandIn, startAppWithStandIn, type Transport } from '../offline/standin/index.js';
import { ORDER_STORE_FILE } from '../orders/store.js';
import { createSearchEngine } from '../search/engine.js';
import type { SearchEngine } from '../search/types.js';
import { createLogger } from '../slack/logger.js';
import { openSqliteSearchUsage } from '../usage/sqlite-search-usage.js';
import { describeDispatch, measureDispatch } from './dispatch.js';
import { type BenchSection, ms, now, percentile, printTable } from './measure.js';
import { BENCH_QUERIES } from './search.js';

export interface SlackLoadSettings {
  /** Measured commands per app and round. */
  commands: number;
  /** Commands in flight at a time; a command is in flight until it is answered. */
  concurrency: number;
  /** Measured rounds per app; which app goes first alternates. */
  rounds: number;
  /** Unmeasured commands sent to each app before each of its rounds. */
  warmup: number;
  /**
   * Each round in a Node process of its own (load generator included), so that neither app runs on code
   * the other's rounds compiled and tuned (Bolt, HTTP and fetch are shared code).
   */
  isolated: boolean;
}

/** Figures of one round of one app. */
export interface SlackLoadResult {
  app: AppKind;
  round: number;
  commands: number;
  /** Commands answered per second: all commands over the time from the first sent to the last answered. */
  throughput: number;
  /** CPU time of this process (apps, stand-in and load generator together) per command, in ms. */
  cpuMsPerCommand: number;
  ackMs: number[];
  answerMs: number[];
  /** Non-200 acknowledgements, missing or refused answers, Block Kit limit violations, warnings and errors logged. */
  errors: string[];
}

export type AppKind = 'bare' | 'real';

/** A running app behind its own stand-in. */
interface AppUnderTest {
  kind: AppKind;
  standIn: SlackStandIn;
  requestUrl: string;
  /** Lines the app logged at warn or error. */
  logLines: string[];
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);
const DEFAULT_SETTINGS: SlackLoadSettings = { commands: 500, concurrency: 20, rounds: 5, warmup: 500, isolated: false };

/** Search queries as staff type them: the search section's plain, typo and filtered ones, and short ones. */
const QUERIES: readonly string[] = [...Object.values(BENCH_QUERIES).flat(), 'mhpss', 'gbv 2018', 'reintegration', 'trafficking', 'list spanish', 'counter trafficking handbook'];
const USERS = Array.from({ length: 20 }, (_, i) => `U0BENCH${String(i).padStart(2, '0')}`);
const ANSWER_TIMEOUT_MS = 10_000;
/** "Well inside Slack's 3 s": a third of it. */
const ACK_P99_AIM_MS = 1000;
const THROUGHPUT_AIM = 0.8;

/**
 * The real app from the production factory (real listeners, the given engine, searches counted in the
 * SQLite search-usage store as by default; no order store, which searches do not use), in HTTP mode on a
 * free loopback port, wired to a fresh stand-in.
 */
async function startRealApp(engine: SearchEngine): Promise<AppUnderTest> {
  const logLines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-usage-'));
  const searchUsage = openSqliteSearchUsage(join(dir, ORDER_STORE_FILE));
  const bot = await startAppWithStandIn({
    deps: { engine, ordersChannelId: undefined, adminIds: [], searchUsage: { store: searchUsage } },
    logger: createLogger('warn', (line) => logLines.push(line)),
  });
  const stop = async () => {
    await bot.stop();
    await searchUsage.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { kind: 'real', standIn: bot.standIn, requestUrl: bot.requestUrl, logLines, stop };
}

/** A bare Bolt app with the same receiver, client and logger set-up: acknowledges, then responds "ok". */
async function startBareApp(): Promise<AppUnderTest> {
  const logLines: string[] = [];
  const logger = createLogger('warn', (line) => logLines.push(line));
  const standIn = await SlackStandIn.start();
  try {
    const app = new App({
      token: standIn.botToken,
      receiver: new HTTPReceiver({ signingSecret: standIn.signingSecret, endpoints: '/slack/events', logger }),
      logger,
      logLevel: logger.getLevel(),
      botId: standIn.botId,
      botUserId: standIn.botUserId,
      tokenVerificationEnabled: false,
      clientOptions: { slackApiUrl: standIn.apiUrl },
    });
    app.command('/handbooks', async ({ ack, respond }) => {
      await ack();
      await respond({ text: 'ok' });
    });
    const server: Server = await app.start({ port: 0, host: '127.0.0.1' });
    const requestUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    return {
      kind: 'bare',
      standIn,
      requestUrl,
      logLines,
      async stop() {
        await app.stop();
        await standIn.stop();
      },
    };
  } catch (error) {
    await standIn.stop();
    throw error;
  }
}

/**
 * Sends each request signed over HTTP as the stand-in does, records the time to its acknowledgement and to
 * its answer, and returns the acknowledgement once the command is answered, so that a command stays in
 * flight until then. The answer is the acknowledgement itself when it carries the message (Slack's
 * immediate response, as the real app answers), otherwise the post to the command's own response_url.
 */
function timingTransport(target: AppUnderTest, result: Pick<SlackLoadResult, 'ackMs' | 'answerMs' | 'errors'>): Transport {
  const send = httpTransport(target.requestUrl, target.standIn.signingSecret);
  return async (request) => {
    const responseUrl = new URLSearchParams(request.body).get('response_url');
    const start = now();
    const inAck = new AbortController();
    const posted = target.standIn
      .waitFor((call) => call.method === 'response_url' && call.responseUrl === responseUrl, {
        since: target.standIn.calls.length,
        timeoutMs: ANSWER_TIMEOUT_MS,
        signal: inAck.signal,
      })
      .then(
        (call) => ({ at: now(), ok: call.result.ok === true, error: call.result.error }),
        () => undefined,
      );
    let ack;
    try {
      ack = await send(request);
    } catch (error) {
      ack = { status: 0, body: `request failed: ${(error as Error).message}` };
    }
    const ackAt = now();
    if (ack.status === 200) result.ackMs.push(ackAt - start);
    else result.errors.push(`acknowledged with HTTP ${ack.status}`);
    // A command's acknowledgement with a body is its answer (the stand-in shows it, and counts any limit
    // it breaks with the violations).
    if (ack.status === 200 && ack.body.trim() !== '') {
      inAck.abort();
      result.answerMs.push(ackAt - start);
      return ack;
    }
    const answered = await posted;
    if (answered === undefined) result.errors.push(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
    else if (!answered.ok) result.errors.push(`answer refused by Slack: ${String(answered.error)}`);
    else result.answerMs.push(answered.at - start);
    return ack;
  };
}

/** Sends `commands` slash commands, `concurrency` at a time, and measures them. */
async function drive(target: AppUnderTest, commands: number, concurrency: number, round: number): Promise<SlackLoadResult> {
  const result: SlackLoadResult = { app: target.kind, round, commands, throughput: 0, cpuMsPerCommand: 0, ackMs: [], answerMs: [], errors: [] };
  const { standIn } = target;
  const violationsBefore = standIn.limitViolations.length;
  const logBefore = target.logLines.length;
  standIn.connect(timingTransport(target, result));
  let issued = 0;
  const worker = async () => {
    while (issued < commands) {
      const i = issued++;
      await standIn.slashCommand({ user: USERS[i % USERS.length]!, text: QUERIES[i % QUERIES.length]! });
    }
  };
  const start = now();
  const cpuStart = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.min(concurrency, commands) }, worker));
  result.throughput = commands / ((now() - start) / 1000);
  const cpu = process.cpuUsage(cpuStart);
  result.cpuMsPerCommand = (cpu.user + cpu.system) / 1000 / commands;
  for (const v of standIn.limitViolations.slice(violationsBefore)) result.errors.push(`Block Kit limit: ${v.method} ${v.path}: ${v.message}`);
  // without the timestamp, so that the report can count repeats
  for (const line of target.logLines.slice(logBefore)) result.errors.push(`logged: ${line.replace(/^\S+ /, '')}`);
  return result;
}

/** Starts the app, warms it up, measures one round and stops it. */
async function measureRound(start: () => Promise<AppUnderTest>, settings: SlackLoadSettings, round: number): Promise<SlackLoadResult> {
  const target = await start();
  try {
    if (settings.warmup > 0) await drive(target, settings.warmup, settings.concurrency, round);
    return await drive(target, settings.commands, settings.concurrency, round);
  } finally {
    await target.stop();
  }
}

/** The real app's engine over the committed catalogue, built once per process. */
const realEngine: () => SearchEngine = (() => {
  let built: SearchEngine | undefined;
  return () => (built ??= createSearchEngine(loadCatalogue()));
})();

/** Measures one round of one app in this process. */
export function measureRoundHere(kind: AppKind, settings: SlackLoadSettings, round: number): Promise<SlackLoadResult> {
  return measureRound(kind === 'bare' ? startBareApp : () => startRealApp(realEngine()), settings, round);
}

/** Measures one round of one app in a new Node process (./slack-round.ts, run through tsx as `npm run bench` is). */
async function measureRoundInChild(kind: AppKind, settings: SlackLoadSettings, round: number): Promise<SlackLoadResult> {
  const entry = fileURLToPath(new URL('./slack-round.ts', import.meta.url));
  const args = ['--import', 'tsx', entry, JSON.stringify({ kind, settings, round })];
  const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 64 * 2 ** 20 });
  return JSON.parse(stdout) as SlackLoadResult;
}

/**
 * Runs `rounds` measured rounds of each app, bare first in odd rounds and real first in even ones, each
 * on a freshly started app and stand-in, after an unmeasured round of each (code shared by both apps —
 * Bolt, HTTP, fetch — is still being optimised during the first one), in this process or, isolated, each
 * round in a process of its own. Returns the measured rounds' figures.
 */
export async function measureSlackApps(settings: SlackLoadSettings): Promise<SlackLoadResult[]> {
  const kinds: AppKind[] = ['bare', 'real'];
  const measure = settings.isolated ? measureRoundInChild : measureRoundHere;
  const results: SlackLoadResult[] = [];
  for (let round = 0; round <= settings.rounds; round++) {
    for (const kind of round % 2 === 1 ? kinds : [...kinds].reverse()) {
      const result = await measure(kind, settings, round);
      if (round > 0) results.push(result);
    }
  }
  return results;
}

/** The figures of a table row. */
interface Figures {
  commands: number;
  throughput: number;
  cpuMsPerCommand: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
  errors: number;
}

function figures(r: SlackLoadResult): Figures {
  return {
    commands: r.commands,
    throughput: r.throughput,
    cpuMsPerCommand: r.cpuMsPerCommand,
    ackP50: percentile(r.ackMs, 50),
    ackP99: percentile(r.ackMs, 99),
    answerP50: percentile(r.answerMs, 50),
    answerP99: percentile(r.answerMs, 99),
    errors: r.errors.length,
  };
}

/** Per app, the median over rounds of each figure, and the sum of errors. */
function medianFigures(results: readonly SlackLoadResult[]): Figures {
  const all = results.map(figures);
  const median = (key: keyof Figures) => percentile(all.map((f) => f[key]), 50);
  return {
    commands: median('commands'),
    throughput: median('throughput'),
    cpuMsPerCommand: median('cpuMsPerCommand'),
    ackP50: median('ackP50'),
    ackP99: median('ackP99'),
    answerP50: median('answerP50'),
    answerP99: median('answerP99'),
    errors: all.reduce((sum, f) => sum + f.errors, 0),
  };
}

function resultRow(label: string, f: Figures): string[] {
  const cells = [f.throughput.toFixed(0), f.cpuMsPerCommand.toFixed(2), ms(f.ackP50), ms(f.ackP99), ms(f.answerP50), ms(f.answerP99)];
  return [label, String(f.commands), ...cells, String(f.errors)];
}

function report(settings: SlackLoadSettings, results: readonly SlackLoadResult[]): void {
  console.log(
    `${settings.commands} signed /handbooks commands per app and round, ${settings.concurrency} in flight, ${settings.rounds} rounds (bare, real, real, bare, …), ` +
      `each on a fresh app after ${settings.warmup} warm-up commands, after an unmeasured round of each. Load generator (stand-in for Slack, signing, fetch) in the app's process, apps on 127.0.0.1; ` +
      `${settings.isolated ? 'each round in a Node process of its own' : 'every round in this one process'}.\n`,
  );
  const rows = results.map((r) => resultRow(`${r.app} round ${r.round}`, figures(r)));
  const bare = medianFigures(results.filter((r) => r.app === 'bare'));
  const real = medianFigures(results.filter((r) => r.app === 'real'));
  rows.push(resultRow('bare median', bare), resultRow('real median', real));
  printTable(['app', 'commands', 'cmd/s', 'CPU ms/cmd', 'ack p50 ms', 'ack p99 ms', 'answer p50 ms', 'answer p99 ms', 'errors'], rows);

  const errors = results.flatMap((r) => r.errors.map((e) => `${r.app} round ${r.round}: ${e}`));
  if (errors.length > 0) {
    const counts = new Map<string, number>();
    for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
    console.log(`\nErrors:\n${[...counts].slice(0, 10).map(([e, n]) => `  ${n} × ${e}`).join('\n')}`);
  }
  const ratio = real.throughput / bare.throughput;
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`\nAims (medians over rounds):`);
  console.log(`  no error: ${mark(errors.length === 0)} (${errors.length})`);
  console.log(`  real throughput ≥ ${THROUGHPUT_AIM}× bare: ${mark(ratio >= THROUGHPUT_AIM)} (${real.throughput.toFixed(0)} / ${bare.throughput.toFixed(0)} cmd/s = ${ratio.toFixed(2)}×)`);
  const cpuRatio = bare.cpuMsPerCommand / real.cpuMsPerCommand;
  console.log(`    (CPU per command, less sensitive to other load on the machine: bare/real = ${cpuRatio.toFixed(2)}×)`);
  console.log(`  real p99 acknowledgement ≤ ${ACK_P99_AIM_MS} ms (well inside Slack's 3 s): ${mark(real.ackP99 <= ACK_P99_AIM_MS)} (${ms(real.ackP99)} ms)`);
}

export const slackBench: BenchSection = {
  name: 'slack',
  description: 'signed slash commands through the HTTP receiver: real app vs a bare Bolt app (--commands, --concurrency, --rounds, --isolated)',
  async run(options) {
    const settings: SlackLoadSettings = {
      commands: options.commands ?? DEFAULT_SETTINGS.commands,
      concurrency: options.concurrency ?? DEFAULT_SETTINGS.concurrency,
      rounds: options.rounds ?? DEFAULT_SETTINGS.rounds,
      warmup: DEFAULT_SETTINGS.warmup,
      isolated: options.isolated ?? DEFAULT_SETTINGS.isolated,
    };
    report(settings, await measureSlackApps(settings));
    console.log(`\n${describeDispatch(await measureDispatch(realEngine()))}`);
  },
};
