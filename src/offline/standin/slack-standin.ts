/**
 * A local stand-in for Slack: a Web API server on loopback that the app calls (via SLACK_API_URL), and a
 * driver that sends the app signed requests as Slack would. See ./index.ts for the full API description.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBlockKitLimits, type SurfaceKind } from '../../slack/limits-check.js';
import { UNFURL_DOMAINS } from '../../slack/unfurl-domains.js';
import { FileUploads, type SharedFile } from './files.js';
import { actionEntry, findElement, interactiveElements, isObject, stateEntry, type FieldValue, type Json } from './elements.js';
import { httpTransport, type InboundRequest, type Transport } from './transport.js';
import { LinkUnfurls, type AppUnfurl } from './unfurls.js';
import {
  SlackApiError,
  Workspace,
  type EphemeralMessage,
  type SeedChannel,
  type SeedUser,
  type StoredMessage,
  type StoredView,
} from './workspace.js';

export interface StandInOptions {
  /** The bot token the app must present (default `xoxb-standin-token`). */
  botToken?: string;
  /** The app-level token Socket Mode presents to `apps.connections.open` (default `xapp-standin-token`). */
  appToken?: string;
  /**
   * The WebSocket address `apps.connections.open` hands out (a Socket Mode server the caller runs, e.g.
   * `ws://127.0.0.1:PORT/`); without it the method answers `socket_mode_not_enabled`.
   */
  socketModeUrl?: string;
  /** Secret inbound requests are signed with (default: 32 random hex characters). */
  signingSecret?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  users?: SeedUser[];
  channels?: SeedChannel[];
  /** The app's unfurl domains (its manifest's `features.unfurl_domains`); default UNFURL_DOMAINS. */
  unfurlDomains?: readonly string[];
}

/** One call the app made: a Web API method, or `response_url` for a post to a response URL. */
export interface RecordedCall {
  method: string;
  args: Json;
  /** Milliseconds since the epoch. */
  at: number;
  /** Slack's answer: `{ ok: true, … }`, or `{ ok: false, error }`. */
  result: Json;
  /** For `response_url` calls: the address posted to. */
  responseUrl?: string;
}

export interface RecordedViolation {
  method: string;
  path: string;
  message: string;
}

export interface InjectedFailure {
  /** Slack error code, e.g. `not_in_channel`, `channel_not_found` (default `ratelimited` for 429, else `internal_error`). */
  error?: string;
  /** HTTP status to answer with: 429 (with Retry-After) or 5xx. Default 200 with `{ ok: false, error }`. */
  status?: number;
  /** Seconds for the Retry-After header of a 429 (default 1). */
  retryAfter?: number;
  /** How many consecutive calls fail (default 1). */
  times?: number;
  /** Only calls whose `channel` argument is this fail (others go through); default any call. */
  channel?: string;
}

/** The app's answer to an inbound request: HTTP status and acknowledgement body (parsed JSON, text, or undefined when empty). */
export interface Ack {
  status: number;
  body: unknown;
}

export interface EventDelivery extends Ack {
  eventId: string;
  /** The event_callback envelope that was sent, for redelivery with {@link SlackStandIn.retryEvent}. */
  envelope: Json;
}

/** Something shown to a person: a channel or DM message, an ephemeral message, a view, or a link's preview under a message. */
export type Surface = StoredMessage | EphemeralMessage | StoredView | AppUnfurl;

interface ResponseUrlContext {
  channel: string;
  user: string;
  source?: StoredMessage | EphemeralMessage;
  uses: number;
  createdAt: number;
}

const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;
const JSON_ARGS = ['blocks', 'attachments', 'view', 'metadata', 'unfurls'];
export const DEFAULT_CHANNEL = 'C0GENERAL';

const isView = (s: Surface): s is StoredView => !('kind' in s);

export class SlackStandIn {
  readonly workspace: Workspace;
  /** Files the app uploaded (files.uploadV2: getUploadURLExternal, the upload, completeUploadExternal). */
  readonly uploads: FileUploads;
  /** Links shared with the app (`link_shared`) and the previews it attached to them (chat.unfurl). */
  private readonly linkUnfurls: LinkUnfurls;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  /** Every call the app made, in order. */
  readonly calls: RecordedCall[] = [];
  /** Every Block Kit limit broken by a payload the app sent. */
  readonly limitViolations: RecordedViolation[] = [];
  private readonly failures = new Map<string, Required<Pick<InjectedFailure, 'times'>> & InjectedFailure>();
  private readonly holds: { method: string; matches: (args: Json) => boolean; answerOnly: boolean; held: () => void; released: Promise<void> }[] = [];
  private readonly responseUrls = new Map<string, ResponseUrlContext>();
  private readonly busyProbes: (() => boolean)[] = [];
  private readonly callListeners = new Set<(call: RecordedCall) => void>();
  private transport: Transport | undefined;
  private readonly socketModeUrl: string | undefined;
  private inFlight = 0;
  private mark = 0;
  private baseUrl = '';

  private constructor(
    private readonly server: Server,
    options: StandInOptions,
  ) {
    this.botToken = options.botToken ?? 'xoxb-standin-token';
    this.appToken = options.appToken ?? 'xapp-standin-token';
    this.socketModeUrl = options.socketModeUrl;
    this.signingSecret = options.signingSecret ?? randomBytes(16).toString('hex');
    this.workspace = new Workspace(options.teamId ?? 'T0STANDIN', options.botUserId ?? 'U0HANDBOOKS', options.botId ?? 'B0HANDBOOKS');
    for (const u of options.users ?? []) this.workspace.users.set(u.id, u);
    for (const c of [{ id: DEFAULT_CHANNEL, name: 'general' }, ...(options.channels ?? [])]) this.workspace.channels.set(c.id, c);
    this.uploads = new FileUploads(this.workspace);
    this.linkUnfurls = new LinkUnfurls(options.unfurlDomains ?? UNFURL_DOMAINS);
  }

  /** Starts the stand-in on 127.0.0.1 on a free port. */
  static async start(options: StandInOptions = {}): Promise<SlackStandIn> {
    let standIn: SlackStandIn | undefined;
    const server = createServer((req, res) => void standIn?.handle(req, res));
    standIn = new SlackStandIn(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    standIn.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** Base address of the Web API, for SLACK_API_URL / `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get teamId(): string {
    return this.workspace.teamId;
  }
  get botUserId(): string {
    return this.workspace.botUserId;
  }
  get botId(): string {
    return this.workspace.botId;
  }

  /** Where inbound requests go: the app's request URL (signed HTTP), or any transport. */
  connect(target: string | Transport): void {
    this.transport = typeof target === 'string' ? httpTransport(target, this.signingSecret) : target;
  }

  /** Adds a check `idle()` waits on, e.g. "the app is still processing an event". */
  trackBusy(isBusy: () => boolean): void {
    this.busyProbes.push(isBusy);
  }

  /** Closes the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- state for assertions and the console

  /** Messages in a channel or DM (oldest first), or in every conversation. */
  messages(channel?: string): StoredMessage[] {
    return this.workspace.messages.filter((m) => channel === undefined || m.channel === channel);
  }

  /** Ephemeral messages shown to `user`, oldest first. */
  ephemerals(user: string): EphemeralMessage[] {
    return this.workspace.ephemerals.filter((m) => m.user === user);
  }

  /** Previews the app attached to people's links (chat.unfurl), in a channel or everywhere, message by message. */
  unfurls(channel?: string): AppUnfurl[] {
    return this.linkUnfurls.list(channel);
  }

  /** The user's open modals, bottom first (at most 3). */
  modalStack(user: string): StoredView[] {
    return [...(this.workspace.modalStacks.get(user) ?? [])];
  }

  /** The modal the user sees, if any. */
  topModal(user: string): StoredView | undefined {
    return this.workspace.modalStacks.get(user)?.at(-1);
  }

  /** The user's App Home view, once the app published one. */
  home(user: string): StoredView | undefined {
    return this.workspace.homes.get(user);
  }

  /** The DM channel id between the bot and `user`. */
  dmChannel(user: string): string {
    return this.workspace.dmChannel(user);
  }

  seedUser(user: SeedUser): void {
    this.workspace.users.set(user.id, user);
  }

  setChannel(channel: SeedChannel): void {
    this.workspace.channels.set(channel.id, channel);
  }

  /** Makes the next `times` calls of `method` (or `response_url`) fail as described. */
  failNext(method: string, failure: InjectedFailure = {}): void {
    this.failures.set(method, { ...failure, times: failure.times ?? 1 });
  }

  /**
   * Holds the next call of `method` whose arguments match: a hung call. By default the call is carried out
   * only on `release()` (never, if it is not released); with `answerOnly` it is carried out at once and only
   * the answer waits — Slack did it, but the caller never heard. `held` resolves when such a call arrives.
   */
  holdNext(method: string, matches: (args: Json) => boolean = () => true, options: { answerOnly?: boolean } = {}): { held: Promise<void>; release(): void } {
    let held: () => void = () => undefined;
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (held = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, matches, answerOnly: options.answerOnly ?? false, held, released });
    return { held: arrived, release };
  }

  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first call matching `predicate` made since the latest inbound request was sent (or
   * since call index `since`), waiting for it up to `timeoutMs` (default 3000), or until `signal` aborts.
   */
  waitFor(predicate: (call: RecordedCall) => boolean, options: { timeoutMs?: number; since?: number; signal?: AbortSignal } = {}): Promise<RecordedCall> {
    const since = options.since ?? this.mark;
    const existing = this.calls.slice(since).find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.callListeners.delete(listener);
        options.signal?.removeEventListener('abort', abandon);
      };
      const listener = (call: RecordedCall) => {
        if (!predicate(call)) return;
        done();
        resolve(call);
      };
      const abandon = () => {
        done();
        reject(new Error('No longer waited for'));
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.calls.slice(since).map((c) => c.method).join(', ') || 'none';
        reject(new Error(`No matching Slack call within ${options.timeoutMs ?? 3000} ms; calls since: ${seen}`));
      }, options.timeoutMs ?? 3000);
      this.callListeners.add(listener);
      options.signal?.addEventListener('abort', abandon);
    });
  }

  /** Resolves once no inbound request, Web API call or tracked app work is in flight. */
  async idle(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    while (quietChecks < 3) {
      if (Date.now() > deadline) throw new Error(`The app was still busy after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
      const busy = this.inFlight > 0 || this.busyProbes.some((probe) => probe());
      quietChecks = busy ? 0 : quietChecks + 1;
    }
  }

  // ---------------------------------------------------------------- driving the app as Slack does

  /**
   * A person types `/handbooks text` (or another command) in `channel`. An acknowledgement carrying a
   * message is shown as Slack shows an immediate response (see showCommandResponse).
   */
  async slashCommand(options: { user: string; text: string; channel?: string; command?: string }): Promise<Ack> {
    const channel = options.channel ?? DEFAULT_CHANNEL;
    const user = this.workspace.user(options.user);
    const fields = {
      token: 'standin-verification-token',
      team_id: this.teamId,
      team_domain: 'standin',
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : (this.workspace.channels.get(channel)?.name ?? channel.toLowerCase()),
      user_id: user.id,
      user_name: user.name ?? user.id,
      command: options.command ?? '/handbooks',
      text: options.text,
      api_app_id: 'ASTANDIN',
      is_enterprise_install: 'false',
      response_url: this.responseUrl({ channel, user: user.id }),
      trigger_id: this.workspace.issueTrigger(user.id),
    };
    const ack = await this.deliverForm(new URLSearchParams(fields).toString());
    const message = ack.status === 200 ? messageInAck(ack.body) : undefined;
    if (message) this.showCommandResponse(message, channel, user.id, fields.response_url);
    return ack;
  }

  /**
   * A slash command acknowledged with a message (an immediate response): Slack shows it as it would a post
   * to the command's response_url, ephemeral unless `response_type` is `in_channel`. Recorded as a call of
   * method `command_response`, with the command's response URL.
   */
  private showCommandResponse(body: Json, channel: string, user: string, responseUrl: string): void {
    const refused = this.checkLimits('command_response', 'message', body);
    if (!refused) this.postResponse(body, channel, user);
    this.record({ method: 'command_response', args: body, at: Date.now(), result: refused ? { ok: false, error: 'invalid_blocks' } : { ok: true }, responseUrl });
  }

  /** A person @mentions the bot in `channel` (optionally in a thread). The bot mention is prefixed unless present. */
  mention(options: { user: string; channel: string; text: string; threadTs?: string }): Promise<EventDelivery> {
    const text = options.text.includes(`<@${this.botUserId}>`) ? options.text : `<@${this.botUserId}> ${options.text}`;
    const message = this.workspace.addUserMessage(options.channel, options.user, text, options.threadTs);
    return this.withSharedLinks(
      message,
      this.sendEvent({
        type: 'app_mention',
        user: options.user,
        text,
        ts: message.ts,
        channel: options.channel,
        event_ts: message.ts,
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      }),
    );
  }

  /** A person writes to the bot in their DM with it. */
  directMessage(options: { user: string; text: string; threadTs?: string }): Promise<EventDelivery> {
    const channel = this.dmChannel(options.user);
    const message = this.workspace.addUserMessage(channel, options.user, options.text, options.threadTs);
    return this.withSharedLinks(
      message,
      this.sendEvent({
        type: 'message',
        channel,
        channel_type: 'im',
        user: options.user,
        text: options.text,
        ts: message.ts,
        event_ts: message.ts,
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      }),
    );
  }

  /**
   * A person posts a message in a channel without mentioning the bot. The app subscribes to no channel
   * messages, so Slack tells it only of the message's links in its unfurl domains (`link_shared`), and only
   * where the bot is a member; resolves with that delivery, or null when Slack sends nothing.
   */
  async say(options: { user: string; channel: string; text: string; threadTs?: string }): Promise<EventDelivery | null> {
    const message = this.workspace.addUserMessage(options.channel, options.user, options.text, options.threadTs);
    return this.shareLinks(message);
  }

  /** Delivers `event`, then the `link_shared` event of `message`'s links if it has some (as Slack sends both); resolves with the first. */
  private async withSharedLinks(message: StoredMessage, event: Promise<EventDelivery>): Promise<EventDelivery> {
    const delivery = await event;
    // Calls made for either count as answering the message: waitFor looks from before the first.
    await this.shareLinks(message, { keepMark: true });
    return delivery;
  }

  /**
   * Sends the app `link_shared` for the links of `message` in its unfurl domains, when the bot is in the
   * conversation (a DM with it, or a channel it is a member of); null when there is nothing to send.
   */
  private async shareLinks(message: StoredMessage, options: { keepMark?: boolean } = {}): Promise<EventDelivery | null> {
    const links = this.linkUnfurls.linksIn(message.text);
    const dm = message.channel === this.dmChannel(message.user);
    if (links.length === 0 || (!dm && this.workspace.channels.get(message.channel)?.isMember === false)) return null;
    const unfurlId = `${message.channel}.${message.ts}.${randomBytes(16).toString('hex')}`;
    this.linkUnfurls.share(message, links, unfurlId);
    return this.sendEvent(
      {
        type: 'link_shared',
        channel: message.channel,
        is_bot_user_member: true,
        user: message.user,
        message_ts: message.ts,
        unfurl_id: unfurlId,
        source: 'conversations_history',
        links,
        event_ts: this.workspace.nextTs(),
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      },
      options,
    );
  }

  /**
   * A person uploads a file in their DM with the bot (or in `channel`), optionally with a comment: Slack's
   * `message` event of subtype `file_share` carrying the file as files.info describes it. The file is then
   * readable with files.info and downloadable, with the bot token, from its `url_private_download`.
   */
  async shareFile(options: { user: string; name: string; content: string | Uint8Array; mimetype?: string; comment?: string; channel?: string }): Promise<EventDelivery & { file: SharedFile }> {
    const channel = options.channel ?? this.dmChannel(options.user);
    const file = this.uploads.share(options.user, channel, options);
    const text = options.comment ?? '';
    const message = this.workspace.addUserMessage(channel, options.user, text);
    const delivery = await this.sendEvent({
      type: 'message',
      subtype: 'file_share',
      channel,
      channel_type: channel.startsWith('D') ? 'im' : channel.startsWith('G') ? 'group' : 'channel',
      user: options.user,
      text,
      ts: message.ts,
      event_ts: message.ts,
      upload: true,
      display_as_bot: false,
      files: [this.uploads.describe(file, this.baseUrl)],
    });
    return { ...delivery, file };
  }

  /** A person opens the bot's App Home tab. */
  openHome(user: string): Promise<EventDelivery> {
    const home = this.home(user);
    return this.sendEvent({ type: 'app_home_opened', user, channel: this.dmChannel(user), tab: 'home', event_ts: this.workspace.nextTs(), ...(home ? { view: home } : {}) });
  }

  /**
   * Sends any Events API event, wrapped in an event_callback envelope with a fresh event_id. With
   * `keepMark`, waitFor still looks from before the previous request (an event that follows another).
   */
  sendEvent(event: Json, options: { retryNum?: number; retryReason?: string; keepMark?: boolean } = {}): Promise<EventDelivery> {
    const envelope: Json = {
      token: 'standin-verification-token',
      team_id: this.teamId,
      api_app_id: 'ASTANDIN',
      event: { team: this.teamId, ...event },
      type: 'event_callback',
      event_id: this.workspace.nextId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.teamId, user_id: this.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
    return this.deliverEnvelope(envelope, options.retryNum, options.retryReason, options.keepMark);
  }

  /** Delivers the same event again as Slack's retry number `retryNum` (X-Slack-Retry-Num / -Reason). */
  retryEvent(delivery: EventDelivery, retryNum = 1, retryReason = 'http_timeout'): Promise<EventDelivery> {
    return this.deliverEnvelope(delivery.envelope, retryNum, retryReason);
  }

  /** A person clicks a button in a message, an ephemeral message, a modal or App Home. */
  clickButton(options: { user: string; source: Surface; actionId: string; blockId?: string; value?: string }): Promise<Ack> {
    const source = this.current(options.source);
    const found = findElement(source.blocks, options.actionId, options.blockId);
    return this.deliverAction(options.user, source, actionEntry(found, options.value, this.workspace.nextTs()));
  }

  /**
   * A person picks an option (select, overflow, radio, checkboxes, date…) by its value. In a modal's input
   * block without dispatch_action, Slack sends nothing: the value is only kept in the view's state, and
   * this resolves to null.
   */
  async selectOption(options: { user: string; source: Surface; actionId: string; blockId?: string; value: FieldValue }): Promise<Ack | null> {
    const source = this.current(options.source);
    const found = findElement(source.blocks, options.actionId, options.blockId);
    if (isView(source) && found.inInput) {
      this.setState(source, found.blockId, String(found.element.action_id), stateEntry(found.element, options.value));
      if (!found.dispatchAction) return null;
    }
    return this.deliverAction(options.user, source, actionEntry(found, options.value, this.workspace.nextTs()));
  }

  /** Types into / chooses in input elements of a view without sending anything (as Slack's client keeps state). */
  fillView(options: { view: StoredView; values: Record<string, FieldValue> }): StoredView {
    const view = this.current(options.view) as StoredView;
    for (const [actionId, value] of Object.entries(options.values)) {
      const found = interactiveElements(view.blocks).find((f) => f.inInput && f.element.action_id === actionId);
      if (found === undefined) throw new Error(`No input element with action_id "${actionId}" in view ${view.id}`);
      this.setState(view, found.blockId, actionId, stateEntry(found.element, value));
    }
    return view;
  }

  /**
   * A person submits a modal (default: their top modal) after entering `values` (keyed by action_id).
   * Applies the acknowledgement as Slack does: `errors` keeps the view, `update` replaces it, `push` stacks
   * a new one, `clear` closes all, an empty ack closes this one. Returns the ack so tests can read errors.
   */
  async submitView(options: { user: string; view?: StoredView; values?: Record<string, FieldValue> }): Promise<Ack> {
    const view = this.modalFor(options.user, options.view);
    this.fillView({ view, values: options.values ?? {} });
    const ack = await this.deliverInteraction({
      type: 'view_submission',
      team: { id: this.teamId, domain: 'standin' },
      user: this.userRef(options.user),
      api_app_id: 'ASTANDIN',
      token: 'standin-verification-token',
      trigger_id: this.workspace.issueTrigger(options.user),
      view: this.viewPayload(view),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    if (ack.status === 200) this.applyResponseAction(options.user, view, ack.body);
    return ack;
  }

  /** A person closes a modal (default: their top one); the app hears of it only when the view has notify_on_close. */
  async closeView(options: { user: string; view?: StoredView }): Promise<Ack | null> {
    const view = this.modalFor(options.user, options.view);
    const stack = this.workspace.modalStacks.get(options.user) ?? [];
    stack.splice(stack.indexOf(view), 1);
    if (view.notify_on_close !== true) return null;
    return this.deliverInteraction({
      type: 'view_closed',
      team: { id: this.teamId, domain: 'standin' },
      user: this.userRef(options.user),
      api_app_id: 'ASTANDIN',
      token: 'standin-verification-token',
      view: this.viewPayload(view),
      is_cleared: false,
      is_enterprise_install: false,
    });
  }

  /**
   * A person types `value` in an external_select: Slack asks the app for options (block_suggestion). The
   * answer is checked against Block Kit limits (at most 100 options, text and value at most 75 characters).
   */
  async requestOptions(options: { user: string; source: Surface; actionId: string; blockId?: string; value: string }): Promise<Ack> {
    const source = this.current(options.source);
    const found = findElement(source.blocks, options.actionId, options.blockId);
    const ack = await this.deliverInteraction({
      type: 'block_suggestion',
      user: this.userRef(options.user),
      container: this.container(source),
      api_app_id: 'ASTANDIN',
      token: 'standin-verification-token',
      action_id: options.actionId,
      block_id: found.blockId,
      value: options.value,
      team: { id: this.teamId, domain: 'standin' },
      ...(isView(source) ? { view: this.viewPayload(source) } : { channel: { id: source.channel } }),
    });
    if (ack.status === 200) this.checkLimits('block_suggestion', 'options', typeof ack.body === 'object' && ack.body !== null ? ack.body : {});
    return ack;
  }

  // ---------------------------------------------------------------- inbound plumbing

  private async deliver(request: InboundRequest, keepMark = false): Promise<Ack> {
    if (this.transport === undefined) throw new Error('The stand-in is not connected to an app: call connect(url) first');
    if (!keepMark) this.mark = this.calls.length;
    this.inFlight += 1;
    try {
      const response = await this.transport(request);
      return { status: response.status, body: parseBody(response.body) };
    } finally {
      this.inFlight -= 1;
    }
  }

  private deliverForm(body: string): Promise<Ack> {
    return this.deliver({ contentType: 'application/x-www-form-urlencoded', body });
  }

  private deliverInteraction(payload: Json): Promise<Ack> {
    return this.deliverForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  private async deliverEnvelope(envelope: Json, retryNum?: number, retryReason?: string, keepMark = false): Promise<EventDelivery> {
    const headers: Record<string, string> = {};
    if (retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(retryNum);
      headers['x-slack-retry-reason'] = retryReason ?? 'http_timeout';
    }
    const ack = await this.deliver({ contentType: 'application/json', body: JSON.stringify(envelope), headers }, keepMark);
    return { ...ack, eventId: String(envelope.event_id), envelope };
  }

  private deliverAction(user: string, source: Surface, action: Json): Promise<Ack> {
    const common = {
      type: 'block_actions',
      user: this.userRef(user),
      api_app_id: 'ASTANDIN',
      token: 'standin-verification-token',
      container: this.container(source),
      trigger_id: this.workspace.issueTrigger(user),
      team: { id: this.teamId, domain: 'standin' },
      enterprise: null,
      is_enterprise_install: false,
      actions: [action],
    };
    if (isView(source)) return this.deliverInteraction({ ...common, view: this.viewPayload(source) });
    const unfurled = source.kind === 'unfurl' ? this.workspace.messages.find((m) => m.channel === source.channel && m.ts === source.ts) : undefined;
    return this.deliverInteraction({
      ...common,
      channel: { id: source.channel, name: this.workspace.channels.get(source.channel)?.name ?? source.channel.toLowerCase() },
      ...(source.kind === 'message' ? { message: messagePayload(source) } : {}),
      // A button in a link's preview: Slack sends the person's message and the preview (its attachment).
      ...(source.kind === 'unfurl' ? { ...(unfurled ? { message: messagePayload(unfurled) } : {}), app_unfurl: { app_unfurl_url: source.url, is_app_unfurl: true, blocks: source.blocks } } : {}),
      state: { values: {} },
      response_url: this.responseUrl({ channel: source.channel, user, ...(source.kind === 'unfurl' ? {} : { source }) }),
    });
  }

  private userRef(id: string): Json {
    const u = this.workspace.user(id);
    return { id, username: u.name ?? id, name: u.name ?? id, team_id: this.teamId };
  }

  private container(source: Surface): Json {
    if (isView(source)) return { type: 'view', view_id: source.id };
    if (source.kind === 'unfurl') {
      const attachmentId = this.linkUnfurls.of(source).indexOf(source) + 1;
      return { type: 'message_attachment', message_ts: source.ts, attachment_id: attachmentId, channel_id: source.channel, is_ephemeral: false, is_app_unfurl: true, app_unfurl_url: source.url };
    }
    return { type: 'message', message_ts: source.ts, channel_id: source.channel, is_ephemeral: source.kind === 'ephemeral' };
  }

  private viewPayload(view: StoredView): Json {
    const { user: _user, ...payload } = view;
    return payload;
  }

  /** The latest stored version of a surface (views are replaced by views.update; messages change in place). */
  private current(source: Surface): Surface {
    if (!isView(source)) return source;
    const latest = this.workspace.findView({ viewId: source.id });
    if (latest === undefined) throw new Error(`View ${source.id} is no longer open`);
    return latest;
  }

  private modalFor(user: string, view?: StoredView): StoredView {
    const found = view === undefined ? this.topModal(user) : (this.modalStack(user).find((v) => v.id === view.id));
    if (found === undefined) throw new Error(`User ${user} has no such modal open`);
    return found;
  }

  private setState(view: StoredView, blockId: string, actionId: string, entry: Json): void {
    (view.state.values[blockId] ??= {})[actionId] = entry;
  }

  private applyResponseAction(user: string, view: StoredView, body: unknown): void {
    const stack = this.workspace.modalStacks.get(user) ?? [];
    const ack = typeof body === 'object' && body !== null ? (body as Json) : {};
    const action = ack.response_action;
    if (action === 'errors') return this.checkErrors(view, ack);
    if (action === 'clear') return void stack.splice(0);
    if (action === 'update' || action === 'push') {
      const kind = action === 'update' ? 'view_submission(update)' : 'view_submission(push)';
      this.checkLimits(kind, 'modal', ack.view);
      const method = action === 'update' ? 'views.update' : 'views.push';
      const args: Json = action === 'update' ? { view_id: view.id, view: ack.view } : { trigger_id: this.workspace.issueTrigger(user), view: ack.view };
      try {
        this.workspace.call(method, args);
      } catch (error) {
        if (!(error instanceof SlackApiError)) throw error;
        this.limitViolations.push({ method: kind, path: 'response_action', message: `Slack would refuse it: ${error.error}` });
      }
      return;
    }
    stack.splice(stack.indexOf(view), 1);
  }

  /**
   * Checks a `response_action: 'errors'` acknowledgement: messages within limits, each under an input block
   * of the view (Slack refuses errors for a block the view does not have, and the person sees none).
   */
  private checkErrors(view: StoredView, ack: Json): void {
    const method = 'view_submission(errors)';
    this.checkLimits(method, 'errors', ack);
    const inputs = new Set(
      view.blocks.flatMap((b) => {
        const block = b as Json;
        return block.type === 'input' && typeof block.block_id === 'string' ? [block.block_id] : [];
      }),
    );
    for (const blockId of Object.keys(typeof ack.errors === 'object' && ack.errors !== null ? ack.errors : {})) {
      if (!inputs.has(blockId)) this.limitViolations.push({ method, path: `errors.${blockId}`, message: 'names no input block of the view' });
    }
  }

  private responseUrl(context: Omit<ResponseUrlContext, 'uses' | 'createdAt'>): string {
    const id = this.workspace.nextId('R');
    this.responseUrls.set(id, { ...context, uses: 0, createdAt: Date.now() });
    return `${this.baseUrl}/response/${id}`;
  }

  // ---------------------------------------------------------------- Web API server

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight += 1;
    try {
      const url = new URL(req.url ?? '/', this.baseUrl);
      const raw = await readBody(req);
      const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
      const response = /^\/response\/(\w+)$/.exec(url.pathname);
      const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && api?.[1] !== undefined) await this.handleApi(api[1], req, raw, res);
      else if (req.method === 'POST' && response?.[1] !== undefined) this.handleResponseUrl(response[1], url.href, raw, res);
      else if (req.method === 'GET' && url.pathname.startsWith('/files-pri/')) this.serveFile(url.pathname, req, res);
      else if (req.method === 'POST' && upload?.[1] !== undefined) {
        const received = this.uploads.receive(upload[1], req.headers['content-type'], raw);
        res.writeHead(received ? 200 : 404, { 'content-type': 'text/plain' }).end(received ? 'OK' : 'Not Found');
      }
      else send(res, 404, { ok: false, error: 'unknown_method' });
    } catch (error) {
      send(res, 400, { ok: false, error: 'invalid_request', detail: error instanceof Error ? error.message : String(error) });
    } finally {
      this.inFlight -= 1;
    }
  }

  /** A download of a shared file (url_private / url_private_download), recorded as a call of method `files.download`. */
  private serveFile(path: string, req: IncomingMessage, res: ServerResponse): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const download = this.uploads.download(path, token, this.botToken);
    const file = download.status === 200 ? download.file : undefined;
    this.record({ method: 'files.download', args: { path, authorized: token !== undefined }, at: Date.now(), result: { ok: file !== undefined, status: download.status } });
    if (file === undefined) return void res.writeHead(download.status, { 'content-type': 'text/plain' }).end(download.status === 404 ? 'Not Found' : 'Unauthorized');
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.content.length) }).end(file.content);
  }

  private async handleApi(method: string, req: IncomingMessage, raw: string, res: ServerResponse): Promise<void> {
    const args = parseArgs(req.headers['content-type'], raw);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    const { token: _token, ...recordedArgs } = args;
    const hold = this.holds.find((h) => h.method === method && h.matches(args));
    if (hold) this.holds.splice(this.holds.indexOf(hold), 1);
    hold?.held();
    if (hold && !hold.answerOnly) await hold.released;
    const finish = (status: number, result: Json, headers: Record<string, string> = {}) => {
      this.record({ method, args: recordedArgs, at: Date.now(), result });
      if (hold?.answerOnly) void hold.released.then(() => send(res, status, result, headers));
      else send(res, status, result, headers);
    };
    if (this.injectFailure(method, finish, args)) return;
    if (token === undefined) return finish(200, { ok: false, error: 'not_authed' });
    if (method === 'apps.connections.open') return finish(200, this.openSocketConnection(token));
    if (token !== this.botToken) return finish(200, { ok: false, error: 'invalid_auth' });
    const surface = surfaceOf(method, args);
    if (surface !== undefined && this.checkLimits(method, surface.kind, surface.payload)) {
      return finish(200, { ok: false, error: surface.kind === 'message' ? 'invalid_blocks' : 'invalid_arguments' });
    }
    if (method === 'chat.unfurl' && this.checkUnfurlLimits(args)) return finish(200, { ok: false, error: 'invalid_blocks' });
    try {
      const result = method.startsWith('files.')
        ? this.uploads.call(method, args, this.baseUrl)
        : method === 'chat.unfurl'
          ? this.linkUnfurls.unfurl(args, this.workspace.messages)
          : this.workspace.call(method, args);
      finish(200, { ok: true, ...result });
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      finish(200, { ok: false, error: error.error });
    }
  }

  /** Socket Mode's `apps.connections.open`: only with the app-level token, as Slack does. */
  private openSocketConnection(token: string): Json {
    if (token === this.botToken) return { ok: false, error: 'not_allowed_token_type' };
    if (token !== this.appToken) return { ok: false, error: 'invalid_auth' };
    if (this.socketModeUrl === undefined) return { ok: false, error: 'socket_mode_not_enabled' };
    return { ok: true, url: this.socketModeUrl };
  }

  private handleResponseUrl(id: string, href: string, raw: string, res: ServerResponse): void {
    const args = parseArgs('application/json', raw);
    const finish = (status: number, result: Json, headers: Record<string, string> = {}) => {
      this.record({ method: 'response_url', args, at: Date.now(), result, responseUrl: href });
      send(res, status, result, headers);
    };
    if (this.injectFailure('response_url', finish)) return;
    const context = this.responseUrls.get(id);
    if (context === undefined) return finish(404, { ok: false, error: 'invalid_url' });
    context.uses += 1;
    if (context.uses > RESPONSE_URL_USES || Date.now() - context.createdAt > RESPONSE_URL_LIFETIME_MS) {
      return finish(404, { ok: false, error: 'expired_url' });
    }
    if (args.delete_original === true) {
      if (context.source === undefined) return finish(404, { ok: false, error: 'message_not_found' });
      this.workspace.remove(context.source);
      return finish(200, { ok: true });
    }
    if (this.checkLimits('response_url', 'message', args)) return finish(400, { ok: false, error: 'invalid_blocks' });
    if (args.replace_original === true) {
      if (context.source === undefined) return finish(404, { ok: false, error: 'message_not_found' });
      const { text, blocks } = responseContent(args);
      this.workspace.replace(context.source, text, blocks);
    } else {
      this.postResponse(args, context.channel, context.user);
    }
    finish(200, { ok: true });
  }

  /** Shows a response to a command or an action: in the channel for `in_channel`, otherwise ephemeral to `user`. */
  private postResponse(args: Json, channel: string, user: string): void {
    const { text, blocks, threadTs } = responseContent(args);
    if (args.response_type === 'in_channel') this.workspace.postAsBot(channel, text, blocks, threadTs);
    else this.workspace.postEphemeral(channel, user, text, blocks, threadTs);
  }

  /** Answers with an injected failure if one is pending for `method`. */
  private injectFailure(method: string, finish: (status: number, result: Json, headers?: Record<string, string>) => void, args: Json = {}): boolean {
    const failure = this.failures.get(method);
    if (failure === undefined || (failure.channel !== undefined && args.channel !== failure.channel)) return false;
    failure.times -= 1;
    if (failure.times <= 0) this.failures.delete(method);
    const status = failure.status ?? 200;
    const error = failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
    const headers: Record<string, string> = status === 429 ? { 'retry-after': String(failure.retryAfter ?? 1) } : {};
    finish(status, { ok: false, error }, headers);
    return true;
  }

  /** Checks each preview of a chat.unfurl as a message of its own (what is no map of previews is refused later); true when one breaks a limit. */
  private checkUnfurlLimits(args: Json): boolean {
    const previews = isObject(args.unfurls) ? Object.entries(args.unfurls).filter(([, preview]) => isObject(preview)) : [];
    return previews.filter(([url, preview]) => this.checkLimits(`chat.unfurl ${url}`, 'message', preview)).length > 0;
  }

  /** Records any limit violations of a payload the app sent; true when there were some. */
  private checkLimits(method: string, kind: SurfaceKind, payload: unknown): boolean {
    const violations = checkBlockKitLimits(kind, payload);
    for (const v of violations) this.limitViolations.push({ method, ...v });
    return violations.length > 0;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const listener of [...this.callListeners]) listener(call);
  }
}

/** Which Block Kit surface a Web API call carries, for the limits check. */
function surfaceOf(method: string, args: Json): { kind: SurfaceKind; payload: unknown } | undefined {
  if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update') return { kind: 'message', payload: args };
  if (method === 'views.open' || method === 'views.push') return { kind: 'modal', payload: args.view };
  if (method === 'views.publish') return { kind: 'home', payload: args.view };
  if (method === 'views.update') {
    const view = args.view as Json | undefined;
    return { kind: view?.type === 'home' ? 'home' : 'modal', payload: view };
  }
  return undefined;
}

function messagePayload(m: StoredMessage): Json {
  const { kind: _kind, channel: _channel, ...rest } = m;
  return { type: 'message', ...rest };
}

/** The text, blocks and thread of a response (to a response URL, or in a command's acknowledgement). */
function responseContent(args: Json): { text: string; blocks: unknown[]; threadTs: string | undefined } {
  return {
    text: typeof args.text === 'string' ? args.text : '',
    blocks: Array.isArray(args.blocks) ? args.blocks : [],
    threadTs: typeof args.thread_ts === 'string' ? args.thread_ts : undefined,
  };
}

/** The message a slash command's acknowledgement body carries (text, or an object with text or blocks), if any. */
function messageInAck(body: unknown): Json | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : { text: body };
  return typeof body === 'object' && body !== null && ('text' in body || 'blocks' in body) ? (body as Json) : undefined;
}

/** Web API arguments from a form-encoded or JSON body; JSON-valued form fields (blocks, view…) are parsed. */
function parseArgs(contentType: string | undefined, raw: string): Json {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Json;
  const args: Json = Object.fromEntries(new URLSearchParams(raw));
  for (const key of JSON_ARGS) {
    const value = args[key];
    if (typeof value === 'string' && /^[[{]/.test(value)) args[key] = JSON.parse(value);
  }
  return args;
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

