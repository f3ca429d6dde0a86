/**
 * `npm run bench -- [--only NAME[,NAME]] [--sizes N[,N]] [--commands N] [--concurrency N] [--rounds N] [--isolated]`
 *
 * Runs the benchmark sections in order and prints their figures. Each section lives in its own module
 * under src/bench/ and is listed here; `--only` picks some, `--sizes` sets the synthetic catalogue sizes
 * (default 10000,100000; `--sizes 10000` for a quick run); the slack section takes how many commands to
 * send per app and round, how many at a time, how many rounds, and whether each round runs in a process
 * of its own; the orders section takes how many orders to submit per store (`--commands`).
 */
import { catalogueBench } from '../bench/catalogue.js';
import type { BenchSection } from '../bench/measure.js';
import { ordersBench } from '../bench/orders.js';
import { relevanceBench } from '../bench/relevance.js';
import { searchBench } from '../bench/search.js';
import { slackBench } from '../bench/slack.js';
import { usageBench } from '../bench/usage.js';
import { parseCommandLine, usageError } from './args.js';

const SECTIONS: readonly BenchSection[] = [searchBench, relevanceBench, slackBench, ordersBench, usageBench, catalogueBench];
const DEFAULT_SIZES = [10_000, 100_000];

const USAGE = `usage: npm run bench -- [--only NAME[,NAME]] [--sizes N[,N]] [--commands N] [--concurrency N] [--rounds N] [--isolated]

sections:
${SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join('\n')}
  --sizes        synthetic catalogue sizes (default ${DEFAULT_SIZES.join(',')}); --sizes 10000 for a quick run
  --commands     slack: signed slash commands per app and round (default 500); orders: submissions per store (default 2000)
  --concurrency  slack: commands in flight at a time (default 20)
  --rounds       slack: measured rounds per app (default 5)
  --isolated     slack: each round in a Node process of its own`;

function list(value: string | undefined): string[] | undefined {
  return value?.split(',').map((s) => s.trim()).filter(Boolean);
}

/** An option's whole number of at least 1: undefined when not given, NaN when malformed. */
function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : Number.NaN;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(
    {
      args: argv,
      options: {
        only: { type: 'string' },
        sizes: { type: 'string' },
        commands: { type: 'string' },
        concurrency: { type: 'string' },
        rounds: { type: 'string' },
        isolated: { type: 'boolean' },
      },
    },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values } = args;
  const only = list(values.only);
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) return usageError(`unknown section: ${unknown.join(', ')}`, USAGE);
  const sizes = list(values.sizes)?.map(Number) ?? DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) return usageError('--sizes takes whole numbers, e.g. 10000,100000', USAGE);
  const commands = count(values.commands);
  const concurrency = count(values.concurrency);
  const rounds = count(values.rounds);
  const malformed = Object.entries({ commands, concurrency, rounds }).find(([, n]) => Number.isNaN(n));
  if (malformed) return usageError(`--${malformed[0]} takes a whole number of at least 1`, USAGE);
  const options = { sizes, ...(commands && { commands }), ...(concurrency && { concurrency }), ...(rounds && { rounds }), isolated: values.isolated === true };
  for (const section of SECTIONS.filter((s) => !only || only.includes(s.name))) {
    console.log(`\n== ${section.name}: ${section.description}\n`);
    await section.run(options);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
