/**
 * Measuring helpers shared by benchmark sections: timing, percentiles, heap in use, aligned tables.
 */
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

/** Heap in use after a full garbage collection, in MB. */
export function heapUsedMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
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
