/** Runs a console session on a stand-in already connected to the app, as the person OFFLINE_USER. */
import type { SeedUser, SlackStandIn } from '../standin/index.js';
import { LineReader } from './line-reader.js';
import { ANSI_STYLE, PLAIN_STYLE } from './mrkdwn-text.js';
import { ConsoleSession } from './session.js';

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
