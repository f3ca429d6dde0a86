/**
 * The app's logger: Bolt's Logger interface, writing one line per entry to stderr, and never printing a
 * secret or personal data. Tokens (xoxb-…, xapp-…) and e-mail addresses are masked wherever they appear,
 * Web API request bodies and headers (what people typed, profiles) are not logged at all, and errors are
 * reduced to their name, code and message.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import type { LogLevelName } from '../config.js';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
const TOKEN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** WebClient debug lines that would carry request or response content (views with addresses, profiles). */
const CONTENT_LINES = /^http request (?:body|headers|result)/;

/** Masks tokens and e-mail addresses in `text`. */
export function redact(text: string): string {
  return text.replace(TOKEN, '[token]').replace(EMAIL, '[email]');
}

/** One log argument as safe text: errors by name, code and message only; objects by their shape, not content. */
function describe(value: unknown): string {
  if (value instanceof Error) {
    const coded = value as Error & { code?: unknown; data?: { error?: unknown }; original?: unknown };
    // Bolt wraps errors thrown by listeners in an UnknownError that keeps the original.
    if (coded.code === 'slack_bolt_unknown_error' && coded.original instanceof Error) return describe(coded.original);
    const slackError = typeof coded.data?.error === 'string' ? ` (${coded.data.error})` : '';
    const code = typeof coded.code === 'string' ? ` [${coded.code}]` : '';
    return `${value.name}${code}: ${value.message}${slackError}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return `{${Object.keys(value as object).join(',')}}`;
}

/** A logger at `level` that writes redacted lines to `write` (default: stderr). */
export function createLogger(level: LogLevelName, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  let current = level as LogLevel;
  let name = 'handbooks';
  const log = (at: LogLevel, msg: unknown[]) => {
    if (SEVERITY[at] < SEVERITY[current]) return;
    const text = msg.map(describe).join(' ');
    if (CONTENT_LINES.test(text)) return;
    write(`${new Date().toISOString()} ${at.toUpperCase()} ${name}: ${redact(text)}`);
  };
  return {
    debug: (...msg) => log(LogLevel.DEBUG, msg),
    info: (...msg) => log(LogLevel.INFO, msg),
    warn: (...msg) => log(LogLevel.WARN, msg),
    error: (...msg) => log(LogLevel.ERROR, msg),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
