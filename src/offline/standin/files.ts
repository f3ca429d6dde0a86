/**
 * Files, both ways, as Slack keeps them.
 *
 * The app's uploads, the way Slack's files.uploadV2 flow works (what WebClient.filesUploadV2 calls):
 * `files.getUploadURLExternal` hands out an upload address on the stand-in, the content is POSTed there
 * (multipart, as the WebClient sends it), and `files.completeUploadExternal` shares the files in a
 * conversation, its initial comment posted by the bot. Uploaded files are kept for assertions and the console.
 *
 * Files people share (`share`): described by `files.info` as Slack describes them — size, mimetype,
 * filetype and `url_private_download`, an address on the stand-in that serves the content only to a
 * request bearing the bot token (`Authorization: Bearer …`), as files.slack.com does.
 */
import { extname } from 'node:path';
import type { Json } from './elements.js';
import { SlackApiError, type Workspace } from './workspace.js';

/** A file the app uploaded. */
export interface StoredFile {
  id: string;
  filename: string;
  title: string;
  /** Byte length announced by getUploadURLExternal. */
  length: number;
  /** The uploaded content as text, once received. */
  content?: string;
  /** Conversation it was shared in (a DM channel for a user id), once completed. */
  channel?: string;
}

/** A file a person shared in a conversation (uploaded from Slack's client). */
export interface SharedFile {
  id: string;
  /** The name it was uploaded under (the person's choice: nothing to trust). */
  name: string;
  mimetype: string;
  /** Slack's file type ("text", "markdown", "pdf", "png", "binary"…). */
  filetype: string;
  /** Who shared it. */
  user: string;
  /** Where it was shared. */
  channel: string;
  content: Buffer;
  /** Seconds since the epoch. */
  created: number;
}

/** Slack's filetype and mimetype for a file name's extension (what Slack's client works out on upload). */
const TYPES_BY_EXTENSION: Readonly<Record<string, { filetype: string; mimetype: string }>> = {
  '.txt': { filetype: 'text', mimetype: 'text/plain' },
  '.md': { filetype: 'markdown', mimetype: 'text/markdown' },
  '.csv': { filetype: 'csv', mimetype: 'text/csv' },
  '.pdf': { filetype: 'pdf', mimetype: 'application/pdf' },
  '.png': { filetype: 'png', mimetype: 'image/png' },
};
const BINARY = { filetype: 'binary', mimetype: 'application/octet-stream' };

/** What a download of a shared file gets: its content, or a refusal. */
export type Download = { status: 200; file: SharedFile } | { status: 401 | 403 | 404 };

export class FileUploads {
  /** Files the app uploaded. */
  readonly files: StoredFile[] = [];
  /** Files people shared. */
  readonly shared: SharedFile[] = [];

  constructor(private readonly workspace: Workspace) {}

  /** Records a file `user` shares in `channel`; its types follow the name's extension unless `mimetype` is given. */
  share(user: string, channel: string, file: { name: string; content: string | Uint8Array; mimetype?: string }): SharedFile {
    const types = TYPES_BY_EXTENSION[extname(file.name).toLowerCase()] ?? BINARY;
    const shared: SharedFile = {
      id: this.workspace.nextId('F'),
      name: file.name,
      mimetype: file.mimetype ?? types.mimetype,
      filetype: file.mimetype === undefined ? types.filetype : BINARY.filetype,
      user,
      channel,
      content: Buffer.from(file.content),
      created: Math.floor(Date.now() / 1000),
    };
    this.shared.push(shared);
    return shared;
  }

  /** A shared file as Slack describes it (in files.info and in the `files` of a message event); `base` is the stand-in's address. */
  describe(file: SharedFile, base: string): Json {
    const path = `${base}/files-pri/${this.workspace.teamId}-${file.id}`;
    const name = encodeURIComponent(file.name);
    return {
      id: file.id,
      created: file.created,
      timestamp: file.created,
      name: file.name,
      title: file.name,
      mimetype: file.mimetype,
      filetype: file.filetype,
      user: file.user,
      size: file.content.length,
      mode: 'hosted',
      is_external: false,
      is_public: false,
      url_private: `${path}/${name}`,
      url_private_download: `${path}/download/${name}`,
      channels: [],
      ims: [file.channel],
    };
  }

  /** Serves a shared file's content at its `url_private(_download)` path, only with the bot token (401 without a token, 403 with another). */
  download(path: string, token: string | undefined, botToken: string): Download {
    const id = /^\/files-pri\/[^-/]+-(\w+)\//.exec(path)?.[1];
    const file = this.shared.find((f) => f.id === id);
    if (token === undefined) return { status: 401 };
    if (token !== botToken) return { status: 403 };
    return file === undefined ? { status: 404 } : { status: 200, file };
  }

  /** Runs files.info, files.getUploadURLExternal or files.completeUploadExternal; `uploadBase` is the stand-in's address. */
  call(method: string, args: Json, uploadBase: string): Json {
    switch (method) {
      case 'files.info': {
        const file = this.shared.find((f) => f.id === args.file);
        if (file === undefined) throw new SlackApiError('file_not_found');
        return { file: this.describe(file, uploadBase) };
      }
      case 'files.getUploadURLExternal': {
        const filename = typeof args.filename === 'string' ? args.filename : '';
        const length = Number(args.length);
        if (filename === '' || !Number.isInteger(length) || length < 0) throw new SlackApiError('invalid_arguments');
        const file: StoredFile = { id: this.workspace.nextId('F'), filename, title: filename, length };
        this.files.push(file);
        return { upload_url: `${uploadBase}/upload/${file.id}`, file_id: file.id };
      }
      case 'files.completeUploadExternal': {
        const listed = typeof args.files === 'string' ? (JSON.parse(args.files) as unknown) : args.files;
        const entries = Array.isArray(listed) ? (listed as { id?: string; title?: string }[]) : [];
        const files = entries.map((e) => {
          const file = this.files.find((f) => f.id === e.id);
          if (file === undefined || file.content === undefined) throw new SlackApiError('file_not_found');
          if (typeof e.title === 'string') file.title = e.title;
          return file;
        });
        if (files.length === 0) throw new SlackApiError('invalid_arguments');
        if (typeof args.channel_id === 'string' && args.channel_id !== '') {
          const comment = typeof args.initial_comment === 'string' && args.initial_comment !== '' ? args.initial_comment : files.map((f) => f.title).join(', ');
          const posted = this.workspace.call('chat.postMessage', { channel: args.channel_id, text: comment });
          for (const f of files) f.channel = String(posted.channel);
        }
        return { files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        throw new SlackApiError('unknown_method');
    }
  }

  /** Receives the content POSTed to a file's upload address; false when there is no such pending file. */
  receive(id: string, contentType: string | undefined, raw: string): boolean {
    const file = this.files.find((f) => f.id === id);
    if (file === undefined || file.content !== undefined) return false;
    file.content = multipartContent(contentType, raw) ?? raw;
    return true;
  }
}

/** The first part's content of a multipart/form-data body, or undefined when the body is not multipart. */
function multipartContent(contentType: string | undefined, raw: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!contentType?.startsWith('multipart/') || marker === undefined) return undefined;
  const part = raw.split(`--${marker}`).find((p) => p.includes('\r\n\r\n'));
  if (part === undefined) return undefined;
  return part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
}
