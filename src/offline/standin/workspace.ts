/**
 * The workspace a stand-in for Slack keeps: users, channels, messages, ephemeral messages, modal stacks
 * and App Home views, and the Web API methods the app calls on them. Pure state: no HTTP here.
 *
 * Each method behaves like Slack's for the arguments this app uses, including the errors it would get
 * (`message_not_found`, `expired_trigger_id`, `push_limit_reached`, `hash_conflict`, `not_in_channel`, …).
 */
import { initialStateEntry, interactiveElements, type Json } from './elements.js';

export interface SeedUser {
  id: string;
  name?: string;
  realName?: string;
  displayName?: string;
  email?: string;
  title?: string;
  tz?: string;
  /** Slack's locale for the person (`fr-FR`), returned by users.info with include_locale; default en-US. */
  locale?: string;
  isBot?: boolean;
}

export interface SeedChannel {
  id: string;
  name?: string;
  /** Whether the bot is a member; posting to a channel it is not in fails with `not_in_channel`. Default true. */
  isMember?: boolean;
}

/** A message in a channel or DM, as conversations.history would return it. */
export interface StoredMessage {
  kind: 'message';
  channel: string;
  ts: string;
  thread_ts?: string;
  /** Author: the bot's user id for the app's messages, or the person's id. */
  user: string;
  bot_id?: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Json };
  edited?: boolean;
}

/** An ephemeral message: visible only to `user`, never in history. */
export interface EphemeralMessage {
  kind: 'ephemeral';
  channel: string;
  ts: string;
  thread_ts?: string;
  /** The one person who sees it. */
  user: string;
  text: string;
  blocks: unknown[];
}

/** A modal or App Home view as Slack stores and returns it. */
export interface StoredView extends Json {
  id: string;
  type: 'modal' | 'home';
  /** The person the view belongs to. */
  user: string;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  hash: string;
  state: { values: Record<string, Record<string, Json>> };
}

/** A Web API error as Slack reports it: HTTP 200 with `{ ok: false, error }`. */
export class SlackApiError extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

const MAX_MODAL_STACK = 3;
const TRIGGER_LIFETIME_MS = 3000;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const need = (args: Json, key: string): string => {
  const v = str(args[key]);
  if (v === undefined) throw new SlackApiError(key === 'channel' ? 'channel_not_found' : 'invalid_arguments');
  return v;
};
const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;

export class Workspace {
  readonly users = new Map<string, SeedUser>();
  readonly channels = new Map<string, SeedChannel>();
  readonly messages: StoredMessage[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  /** Open modals per user, bottom first (at most 3, as in Slack). */
  readonly modalStacks = new Map<string, StoredView[]>();
  readonly homes = new Map<string, StoredView>();
  private readonly triggers = new Map<string, { user: string; issuedAt: number; used: boolean }>();
  private seq = 0;

  constructor(
    readonly teamId: string,
    readonly botUserId: string,
    readonly botId: string,
  ) {}

  /** A unique, increasing message timestamp such as "1732750000.000042". */
  nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(8, '0')}`;
  }

  /** The user, created with a plain profile on first mention (like a workspace full of colleagues). */
  user(id: string): SeedUser {
    let u = this.users.get(id);
    if (u === undefined) {
      u = { id, name: id.toLowerCase(), realName: `User ${id}`, email: `${id.toLowerCase()}@example.org` };
      this.users.set(id, u);
    }
    return u;
  }

  /** The DM channel between the bot and `userId` (stable, like Slack's D… ids). */
  dmChannel(userId: string): string {
    return `D${userId.replace(/^[UW]/, '')}`;
  }

  issueTrigger(user: string): string {
    const id = `${this.seq + 1}.${Date.now()}.standin${Math.random().toString(16).slice(2, 10)}`;
    this.seq += 1;
    this.triggers.set(id, { user, issuedAt: Date.now(), used: false });
    return id;
  }

  private useTrigger(triggerId: unknown): string {
    const id = str(triggerId);
    const trigger = id === undefined ? undefined : this.triggers.get(id);
    if (id === undefined || trigger === undefined) throw new SlackApiError('invalid_trigger_id');
    if (trigger.used || Date.now() - trigger.issuedAt > TRIGGER_LIFETIME_MS) throw new SlackApiError('expired_trigger_id');
    trigger.used = true;
    return trigger.user;
  }

  /** A channel or user id as a conversation id: a user id means the DM with that user. */
  private conversation(channel: string): string {
    if (/^[UW]/.test(channel)) return this.dmChannel(channel);
    const known = this.channels.get(channel);
    if (known?.isMember === false) throw new SlackApiError('not_in_channel');
    return channel;
  }

  private messageArgs(args: Json): { text: string; blocks: unknown[] } {
    const blocks = Array.isArray(args.blocks) ? args.blocks : [];
    const text = typeof args.text === 'string' ? args.text : '';
    if (text === '' && blocks.length === 0) throw new SlackApiError('no_text');
    return { text, blocks };
  }

  private findMessage(channel: string, ts: string): StoredMessage {
    const m = this.messages.find((x) => x.channel === channel && x.ts === ts);
    if (m === undefined) throw new SlackApiError('message_not_found');
    return m;
  }

  /** Stores a message a person wrote (used when the stand-in delivers their mention or DM). */
  addUserMessage(channel: string, user: string, text: string, threadTs?: string): StoredMessage {
    const message: StoredMessage = { kind: 'message', channel, ts: this.nextTs(), user, text, blocks: [], ...(threadTs ? { thread_ts: threadTs } : {}) };
    this.messages.push(message);
    return message;
  }

  /** Posts a message as the bot. */
  postAsBot(channel: string, text: string, blocks: unknown[], threadTs?: string, metadata?: StoredMessage['metadata']): StoredMessage {
    const message: StoredMessage = {
      kind: 'message',
      channel,
      ts: this.nextTs(),
      user: this.botUserId,
      bot_id: this.botId,
      text,
      blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(metadata ? { metadata } : {}),
    };
    this.messages.push(message);
    return message;
  }

  postEphemeral(channel: string, user: string, text: string, blocks: unknown[], threadTs?: string): EphemeralMessage {
    const message: EphemeralMessage = { kind: 'ephemeral', channel, ts: this.nextTs(), user, text, blocks, ...(threadTs ? { thread_ts: threadTs } : {}) };
    this.ephemerals.push(message);
    return message;
  }

  /** Replaces a message's content in place (chat.update, or response_url with replace_original). */
  replace(target: StoredMessage | EphemeralMessage, text: string, blocks: unknown[]): void {
    target.text = text;
    target.blocks = blocks;
    if (target.kind === 'message') target.edited = true;
  }

  remove(target: StoredMessage | EphemeralMessage): void {
    const list: (StoredMessage | EphemeralMessage)[] = target.kind === 'message' ? this.messages : this.ephemerals;
    const i = list.indexOf(target);
    if (i >= 0) list.splice(i, 1);
  }

  private makeView(user: string, view: unknown, previous?: StoredView): StoredView {
    if (typeof view !== 'object' || view === null) throw new SlackApiError('invalid_arguments');
    const v = view as Json;
    if (v.type !== 'modal' && v.type !== 'home') throw new SlackApiError('invalid_arguments');
    const blocks = Array.isArray(v.blocks) ? v.blocks : [];
    const values: Record<string, Record<string, Json>> = {};
    for (const found of interactiveElements(blocks)) {
      if (!found.inInput) continue;
      const actionId = String(found.element.action_id);
      const kept = previous?.state.values[found.blockId]?.[actionId];
      (values[found.blockId] ??= {})[actionId] = kept ?? initialStateEntry(found.element);
    }
    return {
      ...v,
      id: previous?.id ?? this.nextId('V'),
      team_id: this.teamId,
      type: v.type,
      user,
      blocks,
      private_metadata: typeof v.private_metadata === 'string' ? v.private_metadata : '',
      callback_id: typeof v.callback_id === 'string' ? v.callback_id : '',
      external_id: typeof v.external_id === 'string' ? v.external_id : (previous?.external_id ?? ''),
      hash: this.nextId('h'),
      state: { values },
      app_id: 'ASTANDIN',
      bot_id: this.botId,
    };
  }

  /** Finds a view (modal in any stack, or a Home view) by id or external id. */
  findView(by: { viewId?: string; externalId?: string }): StoredView | undefined {
    const all = [...[...this.modalStacks.values()].flat(), ...this.homes.values()];
    return all.find((v) => (by.viewId !== undefined ? v.id === by.viewId : by.externalId !== undefined && v.external_id === by.externalId));
  }

  /** Puts `replacement` where `old` was (modal stack or Home). */
  swapView(old: StoredView, replacement: StoredView): void {
    if (old.type === 'home') {
      this.homes.set(old.user, replacement);
      return;
    }
    const stack = this.modalStacks.get(old.user) ?? [];
    const i = stack.indexOf(old);
    if (i >= 0) stack[i] = replacement;
  }

  /** Runs one Web API method; returns the fields of a successful response or throws SlackApiError. */
  call(method: string, args: Json): Json {
    switch (method) {
      case 'auth.test':
        return { url: 'https://standin.slack.test/', team: 'Stand-in', user: 'handbooks', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false };

      case 'chat.postMessage': {
        const channel = this.conversation(need(args, 'channel'));
        const { text, blocks } = this.messageArgs(args);
        const metadata = typeof args.metadata === 'object' && args.metadata !== null ? (args.metadata as StoredMessage['metadata']) : undefined;
        const m = this.postAsBot(channel, text, blocks, str(args.thread_ts), metadata);
        return { channel, ts: m.ts, message: { type: 'message', ...m } };
      }
      case 'chat.postEphemeral': {
        const channel = this.conversation(need(args, 'channel'));
        const user = str(args.user);
        if (user === undefined) throw new SlackApiError('user_not_found');
        const { text, blocks } = this.messageArgs(args);
        return { message_ts: this.postEphemeral(channel, user, text, blocks, str(args.thread_ts)).ts };
      }
      case 'chat.update': {
        const channel = need(args, 'channel');
        const m = this.findMessage(channel, need(args, 'ts'));
        if (m.user !== this.botUserId) throw new SlackApiError('cant_update_message');
        const { text, blocks } = this.messageArgs(args);
        this.replace(m, text, blocks);
        if (typeof args.metadata === 'object' && args.metadata !== null) m.metadata = args.metadata as StoredMessage['metadata'];
        return { channel, ts: m.ts, text };
      }
      case 'chat.delete': {
        const channel = need(args, 'channel');
        const m = this.findMessage(channel, need(args, 'ts'));
        if (m.user !== this.botUserId) throw new SlackApiError('cant_delete_message');
        this.remove(m);
        return { channel, ts: m.ts };
      }
      case 'chat.getPermalink': {
        const channel = need(args, 'channel');
        const m = this.findMessage(channel, need(args, 'message_ts'));
        return { channel, permalink: `https://standin.slack.test/archives/${channel}/p${m.ts.replace('.', '')}` };
      }

      case 'conversations.open': {
        const users = str(args.users)?.split(',') ?? [];
        if (users.length !== 1 || users[0] === undefined) throw new SlackApiError('invalid_arguments');
        return { channel: { id: this.dmChannel(users[0]) } };
      }
      case 'conversations.info': {
        const id = need(args, 'channel');
        const known = this.channels.get(id);
        const isIm = id.startsWith('D');
        return { channel: { id, name: known?.name ?? (isIm ? undefined : id.toLowerCase()), is_channel: !isIm, is_im: isIm, is_private: id.startsWith('G'), is_member: known?.isMember ?? true } };
      }
      case 'conversations.history': {
        const channel = this.conversation(need(args, 'channel'));
        const withMetadata = truthy(args.include_all_metadata);
        const limit = Number(args.limit ?? 100) || 100;
        const oldest = Number(args.oldest ?? 0);
        const latest = args.latest === undefined ? Infinity : Number(args.latest);
        const inRange = this.messages.filter((m) => m.channel === channel && !m.thread_ts && Number(m.ts) >= oldest && Number(m.ts) <= latest);
        const newestFirst = inRange.reverse();
        const messages = newestFirst.slice(0, limit).map(({ kind: _k, channel: _c, metadata, ...m }) => ({ type: 'message', ...m, ...(withMetadata && metadata ? { metadata } : {}) }));
        return { messages, has_more: newestFirst.length > limit };
      }

      case 'users.info': {
        const id = need(args, 'user');
        const u = this.user(id);
        const locale = truthy(args.include_locale) ? { locale: u.locale ?? 'en-US' } : {};
        return {
          user: { id: u.id, team_id: this.teamId, name: u.name ?? id, real_name: u.realName ?? '', is_bot: u.isBot ?? false, tz: u.tz ?? 'Europe/Zurich', ...locale, profile: this.profile(u) },
        };
      }
      case 'users.profile.get': {
        const id = str(args.user);
        if (id === undefined) throw new SlackApiError('user_not_found');
        return { profile: this.profile(this.user(id)) };
      }

      case 'views.open': {
        const user = this.useTrigger(args.trigger_id);
        const view = this.makeView(user, args.view);
        if (view.type !== 'modal') throw new SlackApiError('invalid_arguments');
        view.root_view_id = view.id;
        this.modalStacks.set(user, [view]);
        return { view };
      }
      case 'views.push': {
        const user = this.useTrigger(args.trigger_id);
        const stack = this.modalStacks.get(user) ?? [];
        if (stack.length === 0) throw new SlackApiError('not_found');
        if (stack.length >= MAX_MODAL_STACK) throw new SlackApiError('push_limit_reached');
        const view = this.makeView(user, args.view);
        view.root_view_id = stack[0]?.id;
        view.previous_view_id = stack.at(-1)?.id;
        stack.push(view);
        return { view };
      }
      case 'views.update': {
        const old = this.findView({ viewId: str(args.view_id), externalId: str(args.external_id) });
        if (old === undefined) throw new SlackApiError('not_found');
        if (str(args.hash) !== undefined && args.hash !== old.hash) throw new SlackApiError('hash_conflict');
        const view = this.makeView(old.user, args.view, old);
        view.root_view_id = old.root_view_id;
        view.previous_view_id = old.previous_view_id;
        this.swapView(old, view);
        return { view };
      }
      case 'views.publish': {
        const user = need(args, 'user_id');
        const old = this.homes.get(user);
        if (str(args.hash) !== undefined && old !== undefined && args.hash !== old.hash) throw new SlackApiError('hash_conflict');
        const view = this.makeView(user, args.view);
        if (view.type !== 'home') throw new SlackApiError('invalid_arguments');
        this.homes.set(user, view);
        return { view };
      }
      default:
        throw new SlackApiError('unknown_method');
    }
  }

  private profile(u: SeedUser): Json {
    return {
      real_name: u.realName ?? '',
      display_name: u.displayName ?? u.name ?? '',
      email: u.email,
      title: u.title ?? '',
    };
  }
}
