/**
 * The offline console: the bot in a terminal, without a Slack workspace. It drives the very app of
 * production mode through the stand-in for Slack (../standin), as a person would in Slack — `/handbooks
 * …`, `@handbooks …`, direct messages, buttons pressed by number, dialogs filled in one field at a time,
 * App Home — and shows what the app posted, rendered from its Block Kit (./render.ts).
 *
 * At a terminal it prompts; with a script on standard input (`npm start < session.txt`) it reads the
 * same commands one a line and echoes each after its prompt, so the output is a readable transcript.
 *
 *   const session = await startAppWithStandIn({ deps });
 *   await runOfflineConsole({ standIn: session.standIn, input: process.stdin, output: process.stdout });
 *   await session.stop();
 */
import type { SeedUser, SlackStandIn } from '../standin/index.js';
import { LineReader } from './line-reader.js';
import { ANSI_STYLE, PLAIN_STYLE } from './mrkdwn-text.js';
import { ConsoleSession } from './session.js';

export { CONSOLE_HELP, ConsoleSession, type ConsoleSessionOptions } from './session.js';
export { LineReader } from './line-reader.js';
export { mrkdwnToText, ANSI_STYLE, PLAIN_STYLE, type Style } from './mrkdwn-text.js';
export { renderBlocks, type Control, type Rendered } from './render.js';

/** The person at the console, with the profile Slack would have for them (the order dialog pre-fills from it). */
export const OFFLINE_USER: SeedUser = {
  id: 'U0OFFLINE',
  name: 'alex.example',
  realName: 'Alex Example',
  displayName: 'Alex',
  email: 'alex.example@example.org',
  title: 'Programme officer',
  tz: 'Europe/Zurich',
};

export interface OfflineConsoleOptions {
  /** The stand-in, already connected to the app. */
  standIn: SlackStandIn;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Default: OFFLINE_USER. */
  user?: SeedUser;
  /** A person is typing: prompt rather than echo (default: whether input is a TTY). */
  interactive?: boolean;
  /** Bold and dim text with ANSI escapes (default: whether output is a TTY). */
  color?: boolean;
}

/** Runs a console session until `quit` or the end of input. */
export async function runOfflineConsole(options: OfflineConsoleOptions): Promise<void> {
  const reader = new LineReader({ input: options.input, output: options.output, interactive: options.interactive ?? options.input.isTTY === true });
  const session = new ConsoleSession({
    standIn: options.standIn,
    reader,
    write: (text) => options.output.write(text),
    style: (options.color ?? options.output.isTTY === true) ? ANSI_STYLE : PLAIN_STYLE,
    user: options.user ?? OFFLINE_USER,
  });
  try {
    await session.run();
  } finally {
    reader.close();
  }
}
