/**
 * Lines typed at a terminal, or read from a script on standard input. At a terminal each read shows its
 * prompt (with line editing and history, from node:readline) and Ctrl-C ends input like Ctrl-D; from a
 * script each line is echoed after its prompt, so the output reads as a transcript of the session, and
 * comment lines ("# …") are shown but answer nothing.
 */
import { createInterface, type Interface } from 'node:readline';

export interface LineReaderOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person is typing (a TTY): prompt and let them edit; otherwise echo each line read. */
  interactive: boolean;
}

export class LineReader {
  readonly interactive: boolean;
  private readonly output: NodeJS.WritableStream;
  private readonly rl: Interface;
  private readonly queue: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private ended = false;

  constructor({ input, output, interactive }: LineReaderOptions) {
    this.interactive = interactive;
    this.output = output;
    this.rl = interactive ? createInterface({ input, output, terminal: true, historySize: 200 }) : createInterface({ input, terminal: false });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(null);
    });
    if (interactive) this.rl.on('SIGINT', () => this.rl.close());
  }

  /** The next line (without its line break), or null once input has ended. Comments in a script are shown and skipped. */
  async read(prompt: string): Promise<string | null> {
    for (;;) {
      const line = await this.next(prompt);
      if (line === null || this.interactive || !isComment(line)) return line;
    }
  }

  private next(prompt: string): Promise<string | null> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(this.echo(prompt, queued));
    if (this.ended) return Promise.resolve(null);
    if (this.interactive) {
      this.rl.setPrompt(prompt);
      this.rl.prompt();
    }
    return new Promise((resolve) => {
      this.waiting = (line) => resolve(line === null ? null : this.echo(prompt, line));
    });
  }

  /** Whether a read is waiting for a line right now. */
  get isWaiting(): boolean {
    return this.waiting !== undefined;
  }

  /** Writes `text` while a prompt may be showing: above the prompt, which is then shown again. */
  interrupt(text: string): void {
    if (!this.interactive || this.waiting === undefined) {
      this.output.write(text);
      return;
    }
    this.output.write(`\r\x1b[K${text}`);
    this.rl.prompt(true);
  }

  /** Stops reading. */
  close(): void {
    this.rl.close();
  }

  private deliver(line: string | null): void {
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting(line);
    } else if (line !== null) {
      this.queue.push(line);
    }
  }

  /** From a script, shows the line after its prompt as if it had been typed (a comment on its own). */
  private echo(prompt: string, line: string): string {
    if (!this.interactive) this.output.write(isComment(line) ? `${line}\n` : `${prompt}${line}\n`);
    return line;
  }
}

/** A script line that is a comment: "#" alone or followed by a space (so "#5 Main Street" is an answer). */
export function isComment(line: string): boolean {
  return /^#(\s|$)/.test(line.trim());
}
