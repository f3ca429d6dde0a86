/**
 * A guard in front of Bolt's HTTPReceiver, so that no request can take the app down.
 *
 * Bolt's receiver verifies the signature and refuses stale timestamps, but then trusts the body's shape: a
 * signed body of `payload=null` or JSON `null` throws a TypeError (reading `ssl_check`) outside any handler,
 * which ends the process, and a timestamp far in the future is accepted. The guard wraps the receiver's
 * public `requestListener` (the documented way to serve the receiver from another server) rather than
 * forking it: for POSTs to the Slack endpoints it buffers the body, verifies it with Bolt's own
 * `verifySlackRequest`, refuses timestamps more than five minutes in the future (401, like stale ones) and
 * bodies that are not a Slack payload (400), then hands the buffered request to Bolt, which verifies and
 * parses it again as usual. Refusals are logged with the reason only, never the body.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isRawBodyError, verifySlackRequest, type HTTPReceiver, type Logger } from '@slack/bolt';
import { z } from 'zod';

/** Slack's rule: a request timestamp may differ from the clock by at most five minutes, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Why a request was refused (a metrics label): 401 signature or timestamp, 400 malformed body, 413 too large. */
export type RefusalReason = 'signature' | 'malformed' | 'too_large';

export interface RequestGuardOptions {
  signingSecret: string;
  /** The receiver's event paths (default `/slack/events`). */
  endpoints: readonly string[];
  logger: Logger;
  /** Largest body accepted, in bytes (Bolt's default, 4 MB). */
  bodyLimit?: number;
  /** Told of every refusal (metrics). */
  onRefused?: (reason: RefusalReason) => void;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

const user = z.looseObject({ id: z.string() });
const interactionShapes = {
  block_actions: z.looseObject({ user, actions: z.array(z.looseObject({ action_id: z.string() })).min(1) }),
  block_suggestion: z.looseObject({ user, action_id: z.string(), value: z.string() }),
  view_submission: z.looseObject({
    user,
    view: z.looseObject({ id: z.string(), callback_id: z.string(), private_metadata: z.string(), state: z.looseObject({ values: z.record(z.string(), z.unknown()) }) }),
  }),
  view_closed: z.looseObject({ user, view: z.looseObject({ id: z.string(), callback_id: z.string(), private_metadata: z.string() }) }),
  shortcut: z.looseObject({ user, callback_id: z.string() }),
  message_action: z.looseObject({ user, callback_id: z.string() }),
  event_callback: z.looseObject({ event: z.looseObject({ type: z.string() }) }),
  url_verification: z.looseObject({ challenge: z.string() }),
} as const;
const slashCommand = z.looseObject({ command: z.string(), text: z.string(), user_id: z.string(), channel_id: z.string() });

/**
 * What is wrong with a parsed request body, in words that quote nothing from it; undefined when it has the
 * shape Bolt and the listeners rely on (a slash command, or a typed payload with the fields its type needs;
 * types the app does not handle only need their `type`).
 */
export function slackPayloadProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`}, not an object`;
  }
  const { type, command } = body as { type?: unknown; command?: unknown };
  if (command !== undefined) return shapeProblem(slashCommand, body, 'slash command');
  if (typeof type !== 'string') return 'the body has no type';
  const shape = (interactionShapes as Record<string, z.ZodType>)[type];
  return shape === undefined ? undefined : shapeProblem(shape, body, type);
}

function shapeProblem(shape: z.ZodType, body: unknown, what: string): string | undefined {
  const parsed = shape.safeParse(body);
  if (parsed.success) return undefined;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
  return `a ${what} without a valid ${fields.join(', ')}`;
}

/** Wraps `receiver.requestListener` with the guard; other paths and methods go straight to Bolt. */
export function guardSlackRequests(receiver: HTTPReceiver, options: RequestGuardOptions): void {
  const bolt: RequestListener = receiver.requestListener;
  const guarded: RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !options.endpoints.includes(path)) {
      bolt(req, res);
      return;
    }
    check(req, options).then(
      (refusal) => {
        if (refusal === undefined) return bolt(req, res);
        options.onRefused?.(refusal.reason);
        options.logger.warn(`Refused a request to ${path} (${refusal.status}): ${refusal.why}`);
        answer(res, refusal.status);
      },
      (error: unknown) => {
        options.logger.error(`Failed to check a request to ${path}:`, error);
        answer(res, 500);
      },
    );
  };
  receiver.requestListener = guarded;
}

interface Refusal {
  status: 400 | 401 | 413;
  reason: RefusalReason;
  why: string;
}

/** Buffers and checks one request to a Slack endpoint; undefined when Bolt may have it. */
async function check(req: IncomingMessage, options: RequestGuardOptions): Promise<Refusal | undefined> {
  let buffered;
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit);
  } catch (error) {
    if (isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413) {
      return { status: 413, reason: 'too_large', why: 'the body is larger than the limit' };
    }
    return { status: 400, reason: 'malformed', why: 'the body could not be read' };
  }
  const text = buffered.rawBody.toString();
  const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
  // Slack's unsigned SSL check: Bolt answers it (and strips anything else from the body).
  if (form && new URLSearchParams(text).get('ssl_check') === '1') return undefined;

  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: text,
      headers: { 'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''), 'x-slack-request-timestamp': timestamp },
    });
  } catch (error) {
    return { status: 401, reason: 'signature', why: (error as Error).message };
  }
  const nowSeconds = Math.floor((options.now?.() ?? Date.now()) / 1000);
  if (timestamp > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
    return { status: 401, reason: 'signature', why: 'x-slack-request-timestamp is more than 5 minutes in the future' };
  }

  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return { status: 400, reason: 'malformed', why: 'the body is not valid JSON' };
  }
  const problem = slackPayloadProblem(body);
  return problem === undefined ? undefined : { status: 400, reason: 'malformed', why: problem };
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}
