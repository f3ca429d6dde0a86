/**
 * File uploads the way Slack's files.uploadV2 flow works (what WebClient.filesUploadV2 calls):
 * `files.getUploadURLExternal` hands out an upload address on the stand-in, the content is POSTed there
 * (multipart, as the WebClient sends it), and `files.completeUploadExternal` shares the files in a
 * conversation, its initial comment posted by the bot. Uploaded files are kept for assertions and the console.
 */
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

export class FileUploads {
  readonly files: StoredFile[] = [];

  constructor(private readonly workspace: Workspace) {}

  /** Runs files.getUploadURLExternal or files.completeUploadExternal; `uploadBase` is the stand-in's address. */
  call(method: string, args: Json, uploadBase: string): Json {
    switch (method) {
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
