/**
 * One round of benchmark section "slack" in a process of its own (`--isolated`, see ./slack.ts): reads
 * `{ kind, settings, round }` as JSON from its first argument, measures that round of that app, and
 * writes the round's figures as JSON to standard output.
 */
import { type AppKind, measureRoundHere, type SlackLoadSettings } from './slack.js';

const { kind, settings, round } = JSON.parse(process.argv[2] ?? '{}') as { kind: AppKind; settings: SlackLoadSettings; round: number };
process.stdout.write(JSON.stringify(await measureRoundHere(kind, settings, round)));
