/**
 * App unfurls in the stand-in for Slack: which links of a person's message Slack tells the app about
 * (`link_shared`: the links in the app's unfurl domains, a domain covering its subdomains), and
 * `chat.unfurl`, which attaches the app's previews to the message — checked as Slack checks it: the message
 * named by `unfurl_id` + `source` or by `channel` + `ts`, `unfurls` a map from the links exactly as posted to
 * their blocks, each link one Slack told the app about. Pure state: no HTTP here.
 */
import { coveringDomain } from '../../slack/unfurl-domains.js';
import { isObject, type Json } from './elements.js';
import { SlackApiError, type StoredMessage } from './workspace.js';

/** A preview the app attached to a person's message: shown under it, its buttons clickable. */
export interface AppUnfurl {
  kind: 'unfurl';
  channel: string;
  /** The message's ts. */
  ts: string;
  /** The link as posted. */
  url: string;
  blocks: unknown[];
}

/** A link of a message as `link_shared` lists it: the registered domain that covers it and the address as posted. */
export interface SharedLink {
  domain: string;
  url: string;
}

/** A message whose links were shared with the app, and the previews attached to it so far. */
interface SharedMessage {
  message: StoredMessage;
  links: SharedLink[];
  unfurls: Map<string, AppUnfurl>;
}

const SOURCES = new Set(['composer', 'conversations_history']);

/** Characters that end a sentence rather than an address ("see https://…/x."), dropped from a bare link's end. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"’”]+$/;

/**
 * Every address in a message's text, in the order written and once each: Slack's `<url>` and `<url|label>`,
 * and bare `http(s)://` addresses as a person types them (without the punctuation that follows them).
 */
export function addressesIn(text: string): string[] {
  const found = Array.from(text.matchAll(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|(https?:\/\/[^\s<>]+)/gi), (m) => m[1] ?? (m[2] ?? '').replace(TRAILING_PUNCTUATION, ''));
  return [...new Set(found.filter((a) => a !== ''))];
}

export class LinkUnfurls {
  private readonly shared = new Map<string, SharedMessage>();
  private readonly byUnfurlId = new Map<string, SharedMessage>();

  constructor(readonly domains: readonly string[]) {}

  /** The links of `text` in the unfurl domains, as `link_shared` would list them. */
  linksIn(text: string): SharedLink[] {
    return addressesIn(text).flatMap((url) => {
      const domain = URL.canParse(url) ? coveringDomain(new URL(url).hostname, this.domains) : undefined;
      return domain === undefined ? [] : [{ domain, url }];
    });
  }

  /** Remembers that `message`'s links were shared with the app (in a `link_shared` event naming them `unfurlId`). */
  share(message: StoredMessage, links: SharedLink[], unfurlId: string): void {
    const entry: SharedMessage = { message, links, unfurls: new Map() };
    this.shared.set(keyOf(message.channel, message.ts), entry);
    this.byUnfurlId.set(unfurlId, entry);
  }

  /** The previews attached so far (to messages in `channel`, or anywhere), message by message in the order shared. */
  list(channel?: string): AppUnfurl[] {
    return [...this.shared.values()].flatMap((s) => (channel === undefined || s.message.channel === channel ? [...s.unfurls.values()] : []));
  }

  /** The previews attached to the message at `ts` in `channel`, in the order first attached (Slack's attachments). */
  of(message: { channel: string; ts: string }): AppUnfurl[] {
    return [...(this.shared.get(keyOf(message.channel, message.ts))?.unfurls.values() ?? [])];
  }

  /**
   * chat.unfurl: attaches (or, called again for a link, replaces) the previews. `messages` are the
   * workspace's, to tell a message whose links were never shared from one that does not exist.
   */
  unfurl(args: Json, messages: readonly StoredMessage[]): Json {
    const target = this.target(args, messages);
    const unfurls = args.unfurls;
    if (unfurls === undefined) throw new SlackApiError('missing_unfurls');
    if (!isObject(unfurls)) throw new SlackApiError('invalid_unfurls_format');
    const entries = Object.entries(unfurls);
    for (const [url, preview] of entries) {
      if (!isObject(preview)) throw new SlackApiError('invalid_unfurls_format');
      if (!target.links.some((l) => l.url === url)) {
        throw new SlackApiError(addressesIn(target.message.text).includes(url) ? 'cannot_unfurl_url' : 'cannot_unfurl_message');
      }
    }
    for (const [url, preview] of entries) {
      const blocks = (preview as Json).blocks;
      const shown = Array.isArray(blocks) ? blocks : [];
      const existing = target.unfurls.get(url);
      if (existing) existing.blocks = shown;
      else target.unfurls.set(url, { kind: 'unfurl', channel: target.message.channel, ts: target.message.ts, url, blocks: shown });
    }
    return {};
  }

  /** The shared message chat.unfurl names, or Slack's error for the arguments. */
  private target(args: Json, messages: readonly StoredMessage[]): SharedMessage {
    const given = (key: string) => (typeof args[key] === 'string' && args[key] !== '' ? (args[key] as string) : undefined);
    const unfurlId = given('unfurl_id');
    if (unfurlId !== undefined || given('source') !== undefined) {
      if (unfurlId === undefined) throw new SlackApiError('missing_unfurl_id');
      if (!SOURCES.has(given('source') ?? '')) throw new SlackApiError('invalid_source');
      const entry = this.byUnfurlId.get(unfurlId);
      if (entry === undefined) throw new SlackApiError('cannot_find_message');
      return entry;
    }
    const channel = given('channel');
    const ts = given('ts');
    if (channel === undefined) throw new SlackApiError('missing_channel');
    if (ts === undefined) throw new SlackApiError('missing_ts');
    if (!messages.some((m) => m.channel === channel)) throw new SlackApiError('cannot_find_channel');
    const entry = this.shared.get(keyOf(channel, ts));
    if (entry === undefined) {
      // A message that exists but whose links were never shared with the app cannot be unfurled by it.
      if (messages.some((m) => m.channel === channel && m.ts === ts)) throw new SlackApiError('cannot_unfurl_message');
      throw new SlackApiError('cannot_find_message');
    }
    return entry;
  }
}

function keyOf(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}
