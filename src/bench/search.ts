/**
 * Benchmark section "search": CLI start-up on the real catalogue, then index build time, memory held and
 * query latency (plain, typo, filtered) on the real catalogue and on synthetic catalogues of the given
 * sizes, with plain MiniSearch (defaults, title and summary) as a reference row up to 10,000 entries. Each
 * row carries the machine's load average when it was measured: figures taken on a busy machine are noisy.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../catalogue/load.js';
import type { Publication } from '../catalogue/schema.js';
import { createSearchEngine } from '../search/engine.js';
import { type BenchSection, machineLoad, memoryUsedMb, ms, now, percentile, printTable, sampleLatency, timed } from './measure.js';
import { baselineRanker } from './relevance.js';
import { syntheticCatalogue } from './synthetic.js';

/** Queries by kind, as staff type them. */
export const BENCH_QUERIES = {
  plain: [
    'trafficking victims',
    'reintegration assistance',
    'psychosocial support',
    'migration data management',
    'gender-based violence',
    'law enforcement training',
    'communication campaign',
    'migrant entrepreneurs',
    'referral mechanisms',
    'do we have anything on returnees?',
  ],
  typo: [
    'trafiking victims',
    'pyschosocial support',
    'reintegation',
    'refferal mechanisms',
    'entrepeneurs',
    'comunication campaign',
    'migraton data',
    'vulnerabilty',
    'atencion psicosocial',
    'humanitarain response',
  ],
  filtered: [
    'trafficking in French',
    'reintegration since 2019',
    'psychosocial support en español',
    'migration data 2018-2019',
    'training lang:fr',
    'gender-based violence before 2020',
    'all titles in Arabic',
    'what came out in 2019',
  ],
} as const;
type QueryKind = keyof typeof BENCH_QUERIES;

const CLI = fileURLToPath(new URL('../cli/search.ts', import.meta.url));

/** Synthetic catalogues up to this size also get the plain-MiniSearch reference row. */
const BASELINE_MAX_SIZE = 10_000;

/** Builds an index with `build` and returns its build time, the memory it holds, and the index. */
function measureBuild<T>(build: () => T): { buildMs: number; memoryMb: number; index: T } {
  const before = memoryUsedMb();
  const { ms: buildMs, result: index } = timed(build);
  return { buildMs, memoryMb: memoryUsedMb() - before, index };
}

function row(label: string, build: { buildMs: number; memoryMb: number }, kind: string, samples: number[]): string[] {
  const buildTime = `${(build.buildMs / 1000).toFixed(2)} s`;
  const { load } = machineLoad();
  return [label, buildTime, `${build.memoryMb.toFixed(0)} MB`, kind, ms(percentile(samples, 50)), ms(percentile(samples, 99)), String(samples.length), load.toFixed(2)];
}

/** Builds an engine over `publications` and times each kind of query; one table row per kind. */
function measureCatalogue(label: string, publications: readonly Publication[], samplesPerKind: number): string[][] {
  const build = measureBuild(() => createSearchEngine(publications));
  const engine = build.index;
  return (Object.keys(BENCH_QUERIES) as QueryKind[]).map((kind) =>
    row(label, build, kind, sampleLatency((q) => engine.search(q), BENCH_QUERIES[kind], samplesPerKind)),
  );
}

/** The reference: MiniSearch with only its defaults over title and summary, on the plain queries. */
function measureBaseline(label: string, publications: readonly Publication[], samples: number): string[] {
  const build = measureBuild(() => baselineRanker(publications));
  return row(`${label} (MiniSearch defaults)`, build, 'plain', sampleLatency(build.index, BENCH_QUERIES.plain, samples));
}

/** Start-up as the CLI does it (load, validate, index) in this process, and a whole `--json` run as a process. */
function measureStartUp(): void {
  const inProcess: number[] = [];
  for (let i = 0; i < 20; i++) inProcess.push(timed(() => createSearchEngine(loadCatalogue())).ms);
  const wholeRun: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--json', 'trafficking'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`search CLI failed: ${result.stderr}`);
    wholeRun.push(now() - start);
  }
  console.log(`CLI start-up on the real catalogue (load + validate + index): first ${ms(inProcess[0]!)} ms, median of the next 19 ${ms(percentile(inProcess.slice(1), 50))} ms`);
  console.log(`Whole CLI run as a process (node + tsx + load + index + one query), median of 5: ${ms(percentile(wholeRun, 50))} ms`);
}

export const searchBench: BenchSection = {
  name: 'search',
  description: 'index build, heap and query latency on the real and synthetic catalogues; CLI start-up',
  run({ sizes }) {
    const { load, cpus } = machineLoad();
    console.log(`Load average ${load.toFixed(2)} on ${cpus} CPUs${load > cpus / 2 ? ': the machine is busy, latencies will be noisy' : ''}`);
    measureStartUp();
    const real = loadCatalogue();
    const rows = measureCatalogue(`real (${real.length})`, real, 3000);
    rows.push(measureBaseline(`real (${real.length})`, real, 3000));
    for (const size of sizes) {
      const label = `synthetic ${size.toLocaleString('en')}`;
      const synthetic = syntheticCatalogue(real, size);
      const samples = size >= 100_000 ? 300 : 1000;
      rows.push(...measureCatalogue(label, synthetic, samples));
      if (size <= BASELINE_MAX_SIZE) rows.push(measureBaseline(label, synthetic, samples));
    }
    console.log();
    printTable(['catalogue', 'build', 'memory', 'queries', 'p50 ms', 'p99 ms', 'samples', 'load'], rows);
    console.log('memory: JavaScript heap and typed arrays the index holds; load: 1-minute load average after the row');
  },
};
