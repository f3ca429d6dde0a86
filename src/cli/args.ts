/** Command-line parsing shared by the entry points in src/cli: one way to say --help and bad usage. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints a usage problem and the usage to standard error; returns the exit status for bad usage (2). */
export function usageError(problem: string, usage: string): number {
  console.error(`${problem}\n${usage}`);
  return 2;
}

/**
 * Parses `config.args` with node:util's parseArgs, adding `--help`/`-h`. Returns the parsed values, or the
 * exit status when the command should stop: 0 after printing `usage` for --help, 2 after reporting bad usage.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
