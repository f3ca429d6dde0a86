/**
 * The offline console's session: reads what a person types (or a script), drives the app through the
 * stand-in for Slack exactly as Slack would (slash command, mention, DM, App Home, button clicks, modal
 * input, submissions, options requests), and shows everything the app posted or opened, rendered by
 * ./render.ts. It holds no bot logic of its own: every answer comes from the app's listeners.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DEFAULT_CHANNEL, type Ack, type SeedUser, type SlackStandIn, type StoredView, type Surface } from '../standin/index.js';
import type { AppUnfurl, EphemeralMessage, StoredMessage } from '../standin/index.js';
import {
  choiceLines,
  choiceState,
  emptyState,
  fieldKind,
  inputFields,
  missingRequired,
  numberedChoices,
  pickChoices,
  renumbered,
  typedAnswer,
  type Choice,
  type InputField,
} from './inputs.js';
import { truncate } from '../../slack/mrkdwn.js';
import { isComment, type LineReader } from './line-reader.js';
import { mrkdwnToText, shortUrl, type Style } from './mrkdwn-text.js';
import { blockIdOf, describeValue, renderBlocks, textObject, type Control } from './render.js';
import { isObject, type Json } from '../standin/elements.js';

/** How a step of the session ended: go on, the person asked to quit, or input ended. */
type Outcome = 'continue' | 'quit' | 'eof';
/** What the person chose in a dialog's menu: it is done (submitted, closed, pressed), fill in again, errors to fix, or leave. */
type MenuChoice = 'done' | 'refill' | 'quit' | 'eof' | { errors: Record<string, string> };
/** What the person answered to a field: the state entry to keep, nothing (keep what is there), input ended, or leave the dialog. */
type FieldAnswer = Json | undefined | 'eof' | 'leave';

export interface ConsoleSessionOptions {
  standIn: SlackStandIn;
  reader: LineReader;
  write: (text: string) => void;
  style: Style;
  /** The person at the console (seeded in the stand-in so that profile look-ups find them). */
  user: SeedUser;
  /** Where slash commands and mentions are typed (default the stand-in's #general). */
  channel?: string;
  /** How long to wait for the app to finish a request before moving on (default 10 s). */
  settleTimeoutMs?: number;
}

export const BOT_NAME = 'handbooks';
const MENTION = new RegExp(`^@${BOT_NAME}\\b[:,]?\\s*`, 'i');
const PROMPT = '> ';
const FIELD_PROMPT = '  > ';
const MODAL_PROMPT = 'dialog> ';
/** Options listed in full up to this many; longer lists are found by typing. */
const LIST_AT_MOST = 25;
/** While a person is at the prompt, how often late answers from the app are looked for. */
const LATE_OUTPUT_POLL_MS = 200;
/** `/upload PATH [comment]`: a file uploaded into the DM with the bot. */
const UPLOAD = /^\/upload(?:\s+([\s\S]*))?$/i;
/** Typed at any prompt of a dialog (a field, a search, its menu): leaves it as its Cancel button does. */
export const LEAVE_DIALOG = '/cancel';

export const CONSOLE_HELP = [
  'Type what you would type in Slack:',
  `  /${BOT_NAME} TEXT        the slash command, e.g. /${BOT_NAME} trafficking in French (answers only you see)`,
  `  @${BOT_NAME} TEXT        a mention in #general; the bot answers in a thread`,
  '  TEXT                   anything else is a direct message to the bot',
  '  dm TEXT                a direct message that starts with a console word (dm help)',
  '  /upload PATH [TEXT]    uploads the file PATH into your DM with the bot (a listing page to import),',
  '                         with TEXT as its comment; a path with spaces goes in quotes',
  '  say TEXT               a message in #general that does not mention the bot: links to publication',
  '                         pages in it are previewed (as are links in a DM or a mention)',
  'and to the console:',
  '  1, 2, …                press the button with that number',
  '  home                   open the App Home tab',
  '  help                   this list',
  '  quit                   leave (Ctrl-D too)',
  '  # …                    a comment (for scripts)',
  'In a dialog each field is asked in turn: Enter keeps the value shown, "-" clears it; a text of several',
  'lines ends with an empty line. Options are chosen by name, or by number in the list shown last. Then:',
  's = submit, c = cancel or close, e = fill in the fields again, or a number or name presses one of the',
  `dialog's buttons. ${LEAVE_DIALOG}, typed at any point of a dialog, leaves it as its Cancel button does.`,
].join('\n');

/** What the console shows as it comes: the bot's messages, ephemeral messages, and the previews of links. */
type Shown = StoredMessage | EphemeralMessage | AppUnfurl;

/** A message or ephemeral message as last shown, to notice when it is updated or removed. */
interface Seen {
  text: string;
  blocks: unknown[];
}

export class ConsoleSession {
  private readonly standIn: SlackStandIn;
  private readonly reader: LineReader;
  private readonly write: (text: string) => void;
  private readonly style: Style;
  private readonly user: SeedUser;
  private readonly channel: string;
  private readonly settleTimeoutMs: number;
  /** Buttons and menus of the messages shown since the last typed command, by number. */
  private readonly controls = new Map<number, { control: Control; source: Surface }>();
  private nextNumber = 1;
  /** Buttons of the dialog as last shown, by number. */
  private readonly modalControls = new Map<number, Control>();
  private readonly seen = new Map<Shown, Seen>();
  private violationsShown = 0;
  /** Whether the dialog being followed has already shown how to leave it (once per dialog is enough). */
  private leaveShown = false;

  constructor(options: ConsoleSessionOptions) {
    this.standIn = options.standIn;
    this.reader = options.reader;
    this.write = options.write;
    this.style = options.style;
    this.user = options.user;
    this.channel = options.channel ?? DEFAULT_CHANNEL;
    this.settleTimeoutMs = options.settleTimeoutMs ?? 10_000;
    this.standIn.seedUser(this.user);
  }

  /** Runs until `quit` or the end of input, then waits for the app to finish what it was doing. */
  async run(): Promise<void> {
    this.takeNew(); // what was there before the session is not news
    this.print(this.welcome());
    for (;;) {
      const line = await this.readWatching(PROMPT);
      if (line === null) break;
      const outcome = await this.execute(line);
      if (outcome !== 'continue') break;
    }
    await this.settle();
    this.showNew();
  }

  /** Carries out one typed line; problems are told, never thrown. */
  async execute(line: string): Promise<Outcome> {
    const text = line.trim();
    try {
      return await this.dispatch(text);
    } catch (error) {
      this.print(`(${error instanceof Error ? error.message : String(error)})`);
      return 'continue';
    }
  }

  private async dispatch(text: string): Promise<Outcome> {
    const lower = text.toLowerCase();
    if (text === '' || isComment(text)) return 'continue';
    if (lower === 'quit' || lower === 'exit') return 'quit';
    if (lower === 'help' || lower === '?') {
      this.print(CONSOLE_HELP);
      return 'continue';
    }
    if (lower === 'home') return this.openHome();
    const number = /^\[?(\d+)\]?$/.exec(text);
    if (number) return this.press(Number(number[1]));
    const user = this.user.id;
    const upload = UPLOAD.exec(text);
    if (upload) return this.upload(upload[1] ?? '');
    if (text.startsWith('/')) {
      const [command = '', ...rest] = text.split(/\s+/);
      if (command.toLowerCase() !== `/${BOT_NAME}`) {
        this.print(`There is no ${command} command here: only /${BOT_NAME}. Type help for the console's commands.`);
        return 'continue';
      }
      this.resetControls();
      return this.afterRequest(await this.standIn.slashCommand({ user, text: rest.join(' '), channel: this.channel, command: `/${BOT_NAME}` }));
    }
    this.resetControls();
    const said = /^say\s+/i.exec(text);
    if (said) return this.say(text.slice(said[0].length));
    if (MENTION.test(text)) return this.afterRequest(await this.standIn.mention({ user, channel: this.channel, text: text.replace(MENTION, '') }));
    const dm = /^dm\s+/i.exec(text);
    return this.afterRequest(await this.standIn.directMessage({ user, text: dm ? text.slice(dm[0].length) : text }));
  }

  /**
   * Uploads a file from this computer into the DM with the bot, as Slack's client does (the app hears a
   * `file_share` message and reads the file through files.info and its download address).
   */
  private async upload(args: string): Promise<Outcome> {
    const { path, comment } = uploadArguments(args);
    if (path === '') {
      this.print('Say which file to upload: /upload PATH [comment], e.g. /upload listing.txt import');
      return 'continue';
    }
    let content: Buffer;
    try {
      content = await readFile(path);
    } catch (error) {
      this.print(`(cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 'continue';
    }
    this.resetControls();
    this.print(this.style.dim(`(uploading ${basename(path)}, ${content.length} bytes, into your DM with the bot)`));
    return this.afterRequest(await this.standIn.shareFile({ user: this.user.id, name: basename(path), content, ...(comment !== '' ? { comment } : {}) }));
  }

  /** A message in the channel that does not mention the bot: Slack tells the app only of its links to the unfurl domains. */
  private async say(text: string): Promise<Outcome> {
    const delivery = await this.standIn.say({ user: this.user.id, channel: this.channel, text });
    if (delivery === null) this.print(this.style.dim(`(posted; Slack tells ${BOT_NAME} only of links to publication sites, and this message has none)`));
    return this.afterRequest(delivery);
  }

  // ------------------------------------------------------------------ showing what the app did

  /** After a request: tells a refusal, shows what the app posted, then follows any dialog it opened. */
  private async afterRequest(ack: Ack | null): Promise<Outcome> {
    if (ack !== null) this.showAck(ack);
    await this.settle();
    this.showNew();
    return this.followModals();
  }

  /** Tells a refused request. (A message in a command's acknowledgement is shown by the stand-in, as Slack does, and printed with the rest.) */
  private showAck(ack: Ack): void {
    if (ack.status !== 200) this.print(this.style.dim(`(the app answered with HTTP status ${ack.status})`));
  }

  /** Waits until the app has finished what the last request started. */
  private async settle(): Promise<void> {
    try {
      await this.standIn.idle(this.settleTimeoutMs);
    } catch {
      this.print(this.style.dim('(the app is still working; its answer will show when it comes)'));
    }
  }

  /** Prints messages the app posted or changed since last shown. */
  private showNew(): void {
    const text = this.takeNew();
    if (text !== '') this.print(text);
  }

  /**
   * Everything new since the last look, as text: the bot's messages anywhere (channels, threads, DMs),
   * ephemeral messages to this person and the bot's previews of links, new or updated, oldest first;
   * removed ones; refused payloads.
   */
  private takeNew(): string {
    const current: Shown[] = [
      ...this.standIn.messages().filter((m) => m.user === this.standIn.botUserId),
      ...this.standIn.ephemerals(this.user.id),
      ...this.standIn.unfurls(),
    ];
    const out: string[] = [];
    for (const [message] of this.seen) {
      if (!current.includes(message)) {
        this.seen.delete(message);
        this.forgetControls(message);
        out.push(this.style.dim(`(${this.where(message)}: a message was removed)`));
      }
    }
    const fresh = current
      .filter((m) => {
        const before = this.seen.get(m);
        return before === undefined || before.blocks !== m.blocks || before.text !== textOf(m);
      })
      .sort((a, b) => compareTs(a.ts, b.ts));
    for (const m of fresh) {
      const updated = this.seen.has(m);
      this.forgetControls(m);
      this.seen.set(m, { text: textOf(m), blocks: m.blocks });
      // A preview is shown under the link it previews, as Slack shows it under the message.
      const lines = m.kind === 'unfurl' ? [this.style.dim(shortUrl(m.url)), ...this.messageLines({ text: '', blocks: m.blocks }, m)] : this.messageLines(m, m);
      out.push(this.frame(`${this.where(m)}${updated ? ' (updated)' : ''}`, lines));
    }
    for (const v of this.standIn.limitViolations.slice(this.violationsShown)) {
      out.push(`(Slack would refuse what the app sent with ${v.method}: ${v.path} ${v.message})`);
    }
    this.violationsShown = this.standIn.limitViolations.length;
    return out.join('\n');
  }

  /** Where a message was posted, as its header says: "#general, in thread", "DM", "… (only you can see this)", "#general, preview of a link". */
  private where(m: Shown): string {
    const place = m.channel.startsWith('D') ? 'DM' : `#${this.standIn.workspace.channels.get(m.channel)?.name ?? m.channel}`;
    if (m.kind === 'unfurl') return `${place}, preview of a link`;
    const thread = m.thread_ts !== undefined && m.thread_ts !== m.ts ? ', in thread' : '';
    return `${place}${thread}${m.kind === 'ephemeral' ? ' (only you can see this)' : ''}`;
  }

  /** A message's lines; its controls are numbered on from the last ones shown when it is a surface to press on. */
  private messageLines(message: { text: string; blocks: unknown[] }, source: Surface | undefined): string[] {
    if (message.blocks.length === 0) return mrkdwnToText(message.text, this.style).split('\n');
    const rendered = renderBlocks(message.blocks, { style: this.style, firstNumber: this.nextNumber });
    if (source !== undefined) this.register(rendered.controls, source);
    return rendered.lines;
  }

  private register(controls: readonly Control[], source: Surface): void {
    for (const control of controls) this.controls.set(control.number, { control, source });
    this.nextNumber += controls.length;
  }

  /** Drops the numbers of a message's controls once it changed or went away (its new version gets new ones). */
  private forgetControls(source: Surface): void {
    for (const [number, entry] of this.controls) if (entry.source === source) this.controls.delete(number);
  }

  private resetControls(): void {
    this.controls.clear();
    this.nextNumber = 1;
  }

  /** A titled block of lines: "── handbooks in #general ──" then the lines, indented. */
  private frame(title: string, lines: readonly string[]): string {
    const head = `── ${BOT_NAME} in ${title} `;
    return [this.style.dim(`${head}${'─'.repeat(Math.max(3, 60 - head.length))}`), ...lines.map((l) => (l === '' ? '' : `  ${l}`))].join('\n');
  }

  private async openHome(): Promise<Outcome> {
    this.resetControls();
    await this.standIn.openHome(this.user.id);
    await this.settle();
    this.showNew();
    const home = this.standIn.home(this.user.id);
    if (home === undefined) {
      this.print('(the app published no App Home)');
      return 'continue';
    }
    const rendered = renderBlocks(home.blocks, { style: this.style, firstNumber: this.nextNumber });
    this.register(rendered.controls, home);
    this.print([this.style.dim(`══ App Home of ${BOT_NAME} ${'═'.repeat(40)}`), ...rendered.lines.map((l) => (l === '' ? '' : `  ${l}`))].join('\n'));
    return this.followModals();
  }

  // ------------------------------------------------------------------ buttons and menus in messages

  private async press(number: number): Promise<Outcome> {
    const entry = this.controls.get(number);
    if (entry === undefined) {
      const shown = [...this.controls.keys()];
      const range = shown.length === 0 ? 'none is shown now' : `those shown are [${Math.min(...shown)}]–[${Math.max(...shown)}]`;
      this.print(`There is no button [${number}]: ${range}.`);
      return 'continue';
    }
    const { control, source } = entry;
    this.print(this.style.dim(`(you pressed ${control.label})`));
    const value = await this.controlValue(control, source);
    if (value === 'eof') return 'eof';
    if (value === undefined) return 'continue';
    const target = { user: this.user.id, source, actionId: control.actionId, blockId: control.blockId };
    const ack =
      control.element.type === 'button'
        ? await this.standIn.clickButton({ ...target, ...(typeof control.element.value === 'string' ? { value: control.element.value } : {}) })
        : await this.standIn.selectOption({ ...target, value: value.value });
    return this.afterRequest(ack);
  }

  /**
   * What pressing a control sends: nothing to ask for a button (whose link, if any, is shown), the chosen
   * option of a menu. Undefined when the person chose nothing.
   */
  private async controlValue(control: Control, source: Surface): Promise<{ value: string | Json } | undefined | 'eof'> {
    const { element } = control;
    if (element.type === 'button') {
      if (typeof element.url === 'string') this.print(`(your browser would open ${shortUrl(element.url)})`);
      return { value: '' };
    }
    const field: InputField = {
      blockId: control.blockId,
      actionId: control.actionId,
      element,
      kind: element.type === 'overflow' ? 'choice' : fieldKind(element),
      label: control.label,
      hint: '',
      optional: true,
      dispatchAction: true,
    };
    const answer = await this.askField(field, source, undefined);
    if (answer === 'eof') return 'eof';
    if (answer === undefined || answer === 'leave') return undefined;
    if (element.type === 'overflow') {
      const option = answer.selected_option;
      return isObject(option) && typeof option.value === 'string' ? { value: option.value } : undefined;
    }
    return { value: answer };
  }

  // ------------------------------------------------------------------ dialogs (modals)

  /** While the person has a dialog open: shows it, asks for its fields, and submits, closes or presses. */
  private async followModals(): Promise<Outcome> {
    let shown: string | undefined;
    let errors: Record<string, string> = {};
    /** Versions of views already filled in: one seen again (a pushed view closed above it) is shown, not asked again. */
    const filled = new Set<string>();
    this.leaveShown = false;
    for (;;) {
      const view = this.standIn.topModal(this.user.id);
      if (view === undefined) return 'continue';
      const key = `${view.id}:${view.hash}`;
      let fill: { ask: (f: InputField) => boolean; errors: Record<string, string> } | undefined;
      if (key !== shown) fill = { ask: () => !filled.has(key), errors: {} };
      else {
        const choice = await this.modalMenu(view, errors);
        if (choice === 'eof') return this.inputEndedInDialog();
        if (choice === 'quit') return choice;
        if (choice === 'refill') fill = { ask: () => true, errors: {} };
        else if (choice !== 'done') fill = { ask: (f) => f.blockId in choice.errors, errors: choice.errors };
      }
      if (fill === undefined) continue;
      const outcome = await this.fillModal(fill.ask, fill.errors);
      if (outcome === 'eof') return this.inputEndedInDialog();
      if (outcome === 'left') {
        shown = undefined; // a dialog under the one left is shown again before its menu
        continue;
      }
      if (outcome !== 'continue') return outcome;
      errors = fill.errors;
      shown = this.modalKey();
      if (shown !== undefined) filled.add(shown);
    }
  }

  /** Input ended with a dialog open: closes the dialogs, as Slack does when the window goes, and says so. */
  private async inputEndedInDialog(): Promise<Outcome> {
    for (let view = this.standIn.topModal(this.user.id); view !== undefined; view = this.standIn.topModal(this.user.id)) {
      await this.standIn.closeView({ user: this.user.id, view });
    }
    await this.settle();
    this.print(`${this.reader.interactive ? '\n' : ''}(input ended: the dialog was closed without being submitted)`);
    this.showNew();
    return 'eof';
  }

  /** Closes `view` as its Cancel (close) button does. */
  private async closeDialog(view: StoredView): Promise<void> {
    await this.standIn.closeView({ user: this.user.id, view });
    await this.settle();
    this.showNew();
  }

  private modalKey(): string | undefined {
    const view = this.standIn.topModal(this.user.id);
    return view === undefined ? undefined : `${view.id}:${view.hash}`;
  }

  /**
   * Shows the top dialog block by block, asking for the fields `ask` selects where they stand. When a
   * field whose change the app hears of (dispatch_action) makes the app update the dialog, the new dialog
   * is shown and the fields not yet asked are asked.
   */
  private async fillModal(ask: (field: InputField) => boolean, errors: Record<string, string>): Promise<Outcome | 'left'> {
    const asked = new Set<string>();
    let shownErrors = errors;
    restart: for (;;) {
      const view = this.standIn.topModal(this.user.id);
      if (view === undefined) return 'continue';
      const fields = new Map(inputFields(view.blocks, this.style).map((f) => [f.blockId, f]));
      this.modalControls.clear();
      this.print(this.modalTitle(view));
      for (const [index, block] of view.blocks.entries()) {
        const field = isObject(block) && block.type === 'input' ? fields.get(blockIdOf(block, index)) : undefined;
        if (field === undefined || field.kind === 'unsupported' || !ask(field) || asked.has(fieldKey(field))) {
          const rendered = renderBlocks([block], {
            style: this.style,
            firstIndex: index,
            firstNumber: this.modalControls.size + 1,
            state: view.state.values,
            errors: shownErrors,
          });
          for (const c of rendered.controls) this.modalControls.set(c.number, c);
          if (rendered.lines.length > 0) this.print(framed(rendered.lines));
          continue;
        }
        asked.add(fieldKey(field));
        const answer = await this.askField(field, view, shownErrors[field.blockId]);
        if (answer === 'eof') return 'eof';
        if (answer === 'leave') {
          this.print(this.style.dim(`(you pressed ${textObject(view.close, this.style) || 'Cancel'})`));
          await this.closeDialog(view);
          return 'left';
        }
        if (answer === undefined) continue;
        const ack = await this.standIn.selectOption({ user: this.user.id, source: view, actionId: field.actionId, blockId: field.blockId, value: answer });
        if (ack === null) continue;
        await this.settle();
        this.showNew();
        const now = this.standIn.topModal(this.user.id);
        if (now === undefined || now.id !== view.id || now.hash !== view.hash) {
          this.print(this.style.dim('(the dialog changed)'));
          shownErrors = {};
          continue restart;
        }
      }
      return 'continue';
    }
  }

  private modalTitle(view: StoredView): string {
    const title = textObject(view.title, this.style) || 'Dialog';
    const head = `┌─ ${title} `;
    return this.style.bold(`${head}${'─'.repeat(Math.max(3, 60 - head.length))}`);
  }

  /**
   * The dialog's menu: submit, close, fill in again, or press one of its buttons. Resolves with the errors
   * to show when a submission was refused (by Slack's client checks or by the app).
   */
  private async modalMenu(view: StoredView, errors: Record<string, string>): Promise<MenuChoice> {
    const submit = textObject(view.submit, this.style);
    const close = textObject(view.close, this.style) || 'Cancel';
    const buttons = [...this.modalControls.values()];
    const keys = [
      ...(submit !== '' ? [`s = ${submit}`] : []),
      `c = ${close}`,
      ...(inputFields(view.blocks, this.style).length > 0 ? ['e = edit the fields'] : []),
      ...buttons.map((b) => `${b.number} = ${b.label}${b.beside ? ` (${truncate(b.beside, 40)})` : ''}`),
    ];
    this.print(this.style.bold(`└─ ${keys.join(' · ')}`));
    for (;;) {
      const line = await this.reader.read(MODAL_PROMPT);
      if (line === null) return 'eof';
      const text = line.trim().toLowerCase();
      if (text === '') continue;
      if (text === 'quit' || text === 'exit') return 'quit';
      if (text === 'help' || text === '?') this.print(CONSOLE_HELP);
      else if (submit !== '' && (text === 's' || text === 'submit' || text === submit.toLowerCase())) return this.submit(view);
      else if (text === 'c' || text === 'cancel' || text === 'close' || text === LEAVE_DIALOG || text === close.toLowerCase()) {
        await this.closeDialog(view);
        return 'done';
      } else if (text === 'e' || text === 'edit') return 'refill';
      else {
        const button = buttons.find((b) => String(b.number) === text.replace(/^\[(\d+)\]$/, '$1') || b.label.toLowerCase() === text);
        if (button !== undefined) return this.pressInModal(view, button);
        this.print(`Type ${keys.map((k) => k.split(' = ')[0]).join(', ')} (or help).`);
        if (Object.keys(errors).length > 0) this.print(this.style.dim('The fields marked ! still need a look: e fills them in again.'));
      }
    }
  }

  private async pressInModal(view: StoredView, button: Control): Promise<MenuChoice> {
    this.print(this.style.dim(`(you pressed ${button.label})`));
    const value = typeof button.element.value === 'string' ? { value: button.element.value } : {};
    const ack = await this.standIn.clickButton({ user: this.user.id, source: view, actionId: button.actionId, blockId: button.blockId, ...value });
    this.showAck(ack);
    await this.settle();
    this.showNew();
    return 'done';
  }

  /** Submits the dialog as Slack would: its client's checks first, then the app's acknowledgement. */
  private async submit(view: StoredView): Promise<MenuChoice> {
    const fields = inputFields(view.blocks, this.style);
    const missing = missingRequired(fields, view.state.values);
    if (Object.keys(missing).length > 0) {
      this.print('Some required fields are empty:');
      return { errors: missing };
    }
    const ack = await this.standIn.submitView({ user: this.user.id, view });
    const body = isObject(ack.body) ? ack.body : {};
    await this.settle();
    if (ack.status === 200 && body.response_action === 'errors' && isObject(body.errors)) {
      const errors = Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)]));
      const fieldIds = new Set(fields.map((f) => f.blockId));
      this.print('The app did not accept this yet:');
      for (const [blockId, message] of Object.entries(errors)) if (!fieldIds.has(blockId)) this.print(`! ${message}`);
      this.showNew();
      return { errors };
    }
    if (ack.status !== 200) this.showAck(ack);
    this.showNew();
    return 'done';
  }

  // ------------------------------------------------------------------ asking for one field

  /**
   * Asks for one field: its label, hint, error and current value, its options where it has some, then
   * reads the answer. Resolves with the state entry to keep, undefined to keep what is there, 'leave' when
   * the person typed LEAVE_DIALOG. In a dialog, the first field asked also tells how to leave it.
   */
  private async askField(field: InputField, source: Surface, error: string | undefined): Promise<FieldAnswer> {
    const entry = isView(source) ? source.state.values[field.blockId]?.[field.actionId] : undefined;
    const current = describeValue(entry, this.style);
    const lines = [`${this.style.bold(`? ${field.label}`)}${field.optional ? ' (optional)' : ''}`];
    if (field.hint !== '') lines.push(this.style.dim(`  ${field.hint}`));
    if (error !== undefined) lines.push(`  ! ${error}`);
    const choices = field.kind === 'choice' || field.kind === 'choices' ? numberedChoices(field.element, this.style) : [];
    /** The options whose numbers can be typed: those listed last. */
    let shown: readonly Choice[] = choices.length <= LIST_AT_MOST ? choices : [];
    lines.push(...(choices.length <= LIST_AT_MOST ? choiceLines(choices) : [`  ${choices.length} options: type a few letters of the one you want to see them.`]));
    const leave = isView(source) && !this.leaveShown ? ` · ${LEAVE_DIALOG} leaves the dialog` : '';
    if (leave !== '') this.leaveShown = true;
    lines.push(this.style.dim(`  ${this.answerHint(field, current)}${leave}`));
    this.print(lines.join('\n'));
    for (;;) {
      const line = field.kind === 'multiline' ? await this.readLines() : await this.reader.read(FIELD_PROMPT);
      if (line === null) return 'eof';
      const text = line.trim();
      if (isLeave(text)) return 'leave';
      if (text === '') return undefined;
      if (text === '-') return emptyState(field);
      const answer = await this.answer(field, source, text, choices, shown);
      if (!(answer instanceof Refusal)) return answer;
      this.print(`  ! ${answer.error}`);
      if (answer.shown !== undefined) shown = answer.shown;
    }
  }

  private answerHint(field: InputField, current: string): string {
    const keep = current === '' ? 'Enter leaves it empty' : `now: ${current.replace(/\n/g, ' / ')} — Enter keeps it`;
    const clear = current === '' ? '' : ', "-" clears it';
    switch (field.kind) {
      case 'choice':
        return `a number or a name (${keep}${clear})`;
      case 'choices':
        return `numbers or names, separated by commas (${keep}${clear})`;
      case 'search':
      case 'searches':
        return `type to search (${keep}${clear})`;
      case 'multiline':
        return `one or more lines, then an empty line (${keep}${clear})`;
      default:
        return `(${keep}${clear})`;
    }
  }

  /**
   * One answer to a field: chosen options, found options, or typed text. When several options fit what was
   * typed they are listed numbered from 1, and `shown` of the refusal is that list.
   */
  private async answer(
    field: InputField,
    source: Surface,
    text: string,
    choices: readonly Choice[],
    shown: readonly Choice[],
  ): Promise<FieldAnswer | Refusal> {
    switch (field.kind) {
      case 'choice':
      case 'choices': {
        const picked = pickChoices(text, choices, field.kind === 'choices', shown);
        if ('picked' in picked) return choiceState(field, picked.picked);
        if (picked.matches.length === 0) return new Refusal(noOption(picked.part, shown));
        const list = renumbered(picked.matches);
        return new Refusal(`Several options fit "${picked.part}":\n${shortList(list).join('\n')}`, list.slice(0, LIST_AT_MOST));
      }
      case 'search':
      case 'searches':
        return this.search(field, source, text);
      default: {
        const typed = typedAnswer(field, text);
        return typed.ok ? typed.state : new Refusal(typed.error);
      }
    }
  }

  /** Asks the app for options matching `query` (as Slack does for an external select), then lets the person pick. */
  private async search(field: InputField, source: Surface, firstQuery: string): Promise<FieldAnswer | Refusal> {
    const minLength = typeof field.element.min_query_length === 'number' ? field.element.min_query_length : 3;
    let query = firstQuery;
    for (;;) {
      if (query.length < minLength) return new Refusal(`Type at least ${minLength} characters to search.`);
      const ack = await this.standIn.requestOptions({ user: this.user.id, source, actionId: field.actionId, blockId: field.blockId, value: query });
      const choices = isObject(ack.body) ? numberedChoices(ack.body, this.style) : [];
      if (choices.length === 0) return new Refusal(`Nothing found for "${query}": try other words.`);
      const shown = choices.slice(0, LIST_AT_MOST);
      this.print([...shortList(choices), this.style.dim('  a number or a name to choose, other words to search again, Enter to choose nothing')].join('\n'));
      const line = await this.reader.read(FIELD_PROMPT);
      if (line === null) return 'eof';
      const text = line.trim();
      if (isLeave(text)) return 'leave';
      if (text === '') return undefined;
      const picked = pickChoices(text, choices, field.kind === 'searches', shown);
      if ('picked' in picked) return choiceState(field, picked.picked);
      if (/^\d+$/.test(picked.part)) return new Refusal(noOption(picked.part, shown));
      query = text;
    }
  }

  /**
   * Several lines, up to an empty line or one holding only "."; an empty first line keeps the value (null at
   * the end of input). LEAVE_DIALOG on a line of its own is returned as such, whatever came before it.
   */
  private async readLines(): Promise<string | null> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.reader.read(FIELD_PROMPT);
      if (line === null) return lines.length === 0 ? null : lines.join('\n');
      if (isLeave(line.trim())) return line;
      if (line.trim() === '.' || line.trim() === '') return lines.join('\n');
      lines.push(line);
    }
  }

  // ------------------------------------------------------------------ input and output

  /** Reads a line at the main prompt; at a terminal, answers that arrive late are shown while waiting. */
  private async readWatching(prompt: string): Promise<string | null> {
    if (!this.reader.interactive) {
      this.showNew();
      return this.reader.read(prompt);
    }
    const timer = setInterval(() => {
      const text = this.takeNew();
      if (text !== '') this.reader.interrupt(`${text}\n`);
    }, LATE_OUTPUT_POLL_MS);
    try {
      return await this.reader.read(prompt);
    } finally {
      clearInterval(timer);
    }
  }

  private welcome(): string {
    const channel = this.standIn.workspace.channels.get(this.channel)?.name ?? this.channel;
    const who = `${this.user.realName ?? this.user.name ?? this.user.id}${this.user.email ? ` <${this.user.email}>` : ''}`;
    return `You are ${who}, in #${channel}. Type help for the commands, quit to leave.`;
  }

  private print(text: string): void {
    this.write(`${text}\n`);
  }
}

/** An answer a field cannot take: why, and the options listed with it when several fit (their numbers now count). */
class Refusal {
  constructor(
    readonly error: string,
    readonly shown?: Choice[],
  ) {}
}

/** Whether a typed line (trimmed) is LEAVE_DIALOG. */
const isLeave = (text: string) => text.toLowerCase() === LEAVE_DIALOG;

/** Why a piece of an answer names no option: a number not in the list shown, or letters no option has. */
function noOption(part: string, shown: readonly Choice[]): string {
  if (!/^\d+$/.test(part)) return `No option fits "${part}": type a number or other letters.`;
  if (shown.length === 0) return `No list is shown to pick ${part} from: type a few letters of the option first.`;
  return `There is no ${part} in the list shown (1–${Math.max(...shown.map((c) => c.number))}): type one of its numbers, or letters of a name.`;
}

/** Choices as lines, at most LIST_AT_MOST of them. */
function shortList(choices: readonly Choice[]): string[] {
  const more = choices.length - LIST_AT_MOST;
  return [...choiceLines(choices.slice(0, LIST_AT_MOST)), ...(more > 0 ? [`  … and ${more} more: type more letters.`] : [])];
}

const isView = (s: Surface): s is StoredView => !('kind' in s);
const framed = (lines: readonly string[]) => lines.map((l) => (l === '' ? '│' : `│ ${l}`)).join('\n');
const fieldKey = (f: InputField) => `${f.blockId}/${f.actionId}`;

/** The text that tells whether something shown changed: a message's text, the address a preview is of. */
function textOf(shown: Shown): string {
  return shown.kind === 'unfurl' ? shown.url : shown.text;
}

/** Orders Slack timestamps ("1732750000.000042") without losing digits to floating point. */
function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af) - Number(bf);
}

/** The path (quoted when it holds spaces) and the comment of `/upload PATH [comment]`. */
export function uploadArguments(args: string): { path: string; comment: string } {
  const quoted = /^\s*(["'])(.*?)\1\s*([\s\S]*)$/.exec(args);
  if (quoted) return { path: quoted[2] ?? '', comment: (quoted[3] ?? '').trim() };
  const [path = '', ...rest] = args.trim().split(/\s+/);
  return { path, comment: rest.join(' ') };
}
