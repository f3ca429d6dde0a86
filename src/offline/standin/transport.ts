/**
 * How the stand-in for Slack delivers inbound requests to the app: signed HTTP, exactly as Slack sends them.
 *
 * A {@link Transport} is one function from an inbound request to the app's acknowledgement. Tests, the
 * benchmark and the offline console all use {@link httpTransport} against Bolt's real HTTPReceiver.
 */
import { createHmac } from 'node:crypto';

export interface InboundRequest {
  /** `application/x-www-form-urlencoded` (commands, interactivity) or `application/json` (events). */
  contentType: string;
  /** The raw body, exactly the bytes that are signed. */
  body: string;
  /** Extra headers, e.g. `X-Slack-Retry-Num`. */
  headers?: Record<string, string>;
}

export interface InboundResponse {
  status: number;
  /** The raw response body ('' when Bolt acknowledged without content). */
  body: string;
}

export type Transport = (request: InboundRequest) => Promise<InboundResponse>;

/** Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{rawBody}`). */
export function signRequest(signingSecret: string, rawBody: string, timestampSeconds: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
}

/** Delivers requests to `url` (the app's `/slack/events`), signed with `signingSecret` and the current time. */
export function httpTransport(url: string, signingSecret: string): Transport {
  return async ({ contentType, body, headers = {} }) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signRequest(signingSecret, body, timestamp),
        ...headers,
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  };
}
