/**
 * Measuring helpers shared by benchmark sections: timing, latency sampling, percentiles, memory in use,
 * machine load, aligned tables.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** One benchmark section: a name to select it by (`--only NAME`) and what it runs. */
export interface BenchSection {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<void> | void;
}

export interface BenchOptions {
  /** Sizes of the synthetic catalogues, e.g. [10_000, 100_000]. */
  sizes: number[];
  /** Slash commands sent to each app per round, how many at a time, and how many rounds (slack section). */
  commands?: number;
  concurrency?: number;
  rounds?: number;
  /** Slack section: each round in a Node process of its own. */
  isolated?: boolean;
}

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export function now(): number {
  return performance.now();
}

/** Runs `work` and returns how long it took in milliseconds, with its result. */
export function timed<T>(work: () => T): { ms: number; result: T } {
  const start = now();
  const result = work();
  return { ms: now() - start, result };
}

/** The p-th percentile (0–100) of some samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Memory in use after a full garbage collection, in MB: the JavaScript heap plus the backing stores of
 * typed arrays, which the heap figure leaves out.
 */
export function memoryUsedMb(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

/** Warm-up before sampling: at least this many rounds of the queries, and at least this long. */
const WARM_UP_ROUNDS = 3;
const WARM_UP_MS = 500;

/**
 * Latency samples of running `queries` round-robin, in milliseconds. A warm-up first lets the JIT compile
 * the code paths (so that first calls do not pose as the 99th percentile), then a full garbage collection
 * clears the warm-up's garbage; collections that the sampled queries cause themselves are counted.
 */
export function sampleLatency(run: (query: string) => unknown, queries: readonly string[], samples: number): number[] {
  const warmUpStart = now();
  for (let round = 0; round < WARM_UP_ROUNDS || now() - warmUpStart < WARM_UP_MS; round++) for (const q of queries) run(q);
  collectGarbage();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const q = queries[i % queries.length]!;
    const start = now();
    run(q);
    latencies.push(now() - start);
  }
  return latencies;
}

/** The machine's 1-minute load average and its number of CPUs: figures taken under load are noisy. */
export function machineLoad(): { load: number; cpus: number } {
  return { load: loadavg()[0]!, cpus: availableParallelism() };
}

/** Formats milliseconds for a table: 3 significant figures below 10, whole numbers above. */
export function ms(value: number): string {
  return value < 10 ? value.toPrecision(3) : value.toFixed(0);
}

/** Prints rows as a left-aligned table with a header. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}
