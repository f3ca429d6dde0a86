/**
 * `npm run bench -- [--only NAME[,NAME]] [--sizes N[,N]]`
 *
 * Runs the benchmark sections in order and prints their figures. Each section lives in its own module
 * under src/bench/ and is listed here; `--only` picks some, `--sizes` sets the synthetic catalogue sizes
 * (default 10000,100000; `--sizes 10000` for a quick run).
 */
import { parseArgs } from 'node:util';
import type { BenchSection } from '../bench/measure.js';
import { relevanceBench } from '../bench/relevance.js';
import { searchBench } from '../bench/search.js';
import { slackBench } from '../bench/slack.js';

const SECTIONS: readonly BenchSection[] = [searchBench, relevanceBench, slackBench];
const DEFAULT_SIZES = [10_000, 100_000];

const USAGE = `usage: npm run bench -- [--only NAME[,NAME]] [--sizes N[,N]]

sections:
${SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join('\n')}
  --sizes     synthetic catalogue sizes (default ${DEFAULT_SIZES.join(',')}); --sizes 10000 for a quick run`;

function list(value: string | undefined): string[] | undefined {
  return value?.split(',').map((s) => s.trim()).filter(Boolean);
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { only: { type: 'string' }, sizes: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const only = list(values.only);
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name)) ?? [];
  const sizes = list(values.sizes)?.map(Number) ?? DEFAULT_SIZES;
  if (unknown.length > 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`${unknown.length > 0 ? `unknown section: ${unknown.join(', ')}` : `--sizes takes whole numbers, e.g. 10000,100000`}\n${USAGE}`);
    return 2;
  }
  for (const section of SECTIONS.filter((s) => !only || only.includes(s.name))) {
    console.log(`\n== ${section.name}: ${section.description}\n`);
    await section.run({ sizes });
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
