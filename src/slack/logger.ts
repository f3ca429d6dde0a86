/**
 * The app's logger: Bolt's Logger interface, writing one line per entry to stderr, and never printing a
 * secret or personal data. Tokens (xoxb-…, xapp-…) and e-mail addresses are masked wherever they appear,
 * payload content (Web API request bodies, headers and results, Socket Mode envelopes, any serialised JSON:
 * what people typed, profiles) is never logged, and errors are reduced to their name, code and message.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import type { LogLevelName } from '../config.js';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
const TOKEN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/**
 * Library debug lines that carry request or payload content (views with addresses, profiles, what people
 * typed): the WebClient's request bodies, headers and results, and Socket Mode's raw envelopes and acks.
 * Only their label is logged.
 */
const CONTENT_LINES =
  /^(?:http request (?:body|headers|result)|Received a message on the WebSocket|Unable to parse an incoming WebSocket message|Calling ack\(\)|Sending a WebSocket message)/;
/** Serialised JSON objects or arrays inside a line: content, whoever logs it. */
const JSON_CONTENT = /[[{]\s*"[\s\S]*$/;

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

/** `text` without payload content: a content-carrying library line keeps only its label, JSON is cut out. */
function withoutContent(text: string): string {
  const label = CONTENT_LINES.exec(text);
  if (label) return `${label[0]} [content omitted]`;
  return text.replace(JSON_CONTENT, '[content omitted]');
}

/** A logger at `level` that writes redacted lines to `write` (default: stderr). */
export function createLogger(level: LogLevelName, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  let current = level as LogLevel;
  let name = 'handbooks';
  const log = (at: LogLevel, msg: unknown[]) => {
    if (SEVERITY[at] < SEVERITY[current]) return;
    const text = withoutContent(msg.map(describe).join(' '));
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
