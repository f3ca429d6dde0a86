/**
 * Reading a listing page a person shared with the bot: `files.info` says what the file is, and only a text
 * file of at most LISTING_FILE_MAX_BYTES is downloaded, from its `url_private_download` with the bot token,
 * and only from Slack's own hosts (the token is never sent elsewhere). The file's name and the type the
 * message announced are not trusted: the size is checked again while reading, and the content must be UTF-8
 * text. Every refusal is a ListingFileError saying which problem it was.
 */
import type { webApi } from '@slack/bolt';

/** The largest listing page read (a listing of 1,000 titles is about 1 MB). */
export const LISTING_FILE_MAX_BYTES = 2 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** Why a shared file cannot be read as a listing page. */
export type ListingFileProblem = 'gone' | 'too-big' | 'not-text' | 'download-failed';

export class ListingFileError extends Error {
  constructor(
    readonly problem: ListingFileProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'ListingFileError';
  }
}

/** A listing page read from Slack: its id, its name (for display only) and its text. */
export interface ListingFile {
  id: string;
  name: string;
  text: string;
}

/** Types Slack gives text files (plain text, markdown, CSV…) besides a `text/*` mimetype. */
const TEXT_FILETYPES = new Set(['text', 'markdown', 'csv']);

/** Reads the shared file `fileId` as a listing page; throws ListingFileError when it is gone, too big, not text, or fails to download. */
export async function readListingFile(client: webApi.WebClient, fileId: string): Promise<ListingFile> {
  const file = await fileInfo(client, fileId);
  const size = typeof file.size === 'number' ? file.size : 0;
  if (size > LISTING_FILE_MAX_BYTES) throw new ListingFileError('too-big', `${size} bytes`);
  const isText = (file.mimetype ?? '').startsWith('text/') || TEXT_FILETYPES.has(file.filetype ?? '');
  if (!isText) throw new ListingFileError('not-text', `${file.mimetype ?? '?'} (${file.filetype ?? '?'})`);
  const url = file.url_private_download ?? file.url_private;
  if (url === undefined) throw new ListingFileError('gone', 'no download address');
  const bytes = await download(client, url);
  return { id: fileId, name: file.name ?? file.title ?? fileId, text: decodeText(bytes) };
}

async function fileInfo(client: webApi.WebClient, fileId: string) {
  try {
    const { file } = await client.files.info({ file: fileId });
    if (file === undefined) throw new ListingFileError('gone', 'files.info returned no file');
    return file;
  } catch (error) {
    if (error instanceof ListingFileError) throw error;
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'file_not_found' || code === 'file_deleted') throw new ListingFileError('gone', code);
    throw error;
  }
}

/** Whether the bot token may be sent to `url`: Slack's file hosts (files.slack.com), or the host of the Web API the client talks to (the stand-in). */
export function isSlackFileUrl(url: URL, apiUrl: string): boolean {
  if (url.origin === new URL(apiUrl).origin) return true;
  return url.protocol === 'https:' && url.hostname.endsWith('.slack.com');
}

/** The file's bytes, downloaded with the bot token, refusing more than LISTING_FILE_MAX_BYTES whatever files.info said. */
async function download(client: webApi.WebClient, address: string): Promise<Buffer> {
  const url = new URL(address);
  if (!isSlackFileUrl(url, client.slackApiUrl)) throw new ListingFileError('download-failed', `not a Slack file address: ${url.host}`);
  if (client.token === undefined) throw new ListingFileError('download-failed', 'no bot token');
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${client.token}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new ListingFileError('download-failed', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok || response.body === null) throw new ListingFileError('download-failed', `HTTP ${response.status}`);
  // Slack answers a download it refuses with its sign-in page, not an error status.
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) throw new ListingFileError('download-failed', 'Slack answered with a web page');
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    length += chunk.length;
    // Leaving the loop cancels the rest of the download.
    if (length > LISTING_FILE_MAX_BYTES) throw new ListingFileError('too-big', `over ${LISTING_FILE_MAX_BYTES} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The bytes as UTF-8 text (a byte-order mark dropped); refuses bytes that are not UTF-8 or hold NUL characters. */
function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ListingFileError('not-text', 'not UTF-8');
  }
  if (text.includes('\u0000')) throw new ListingFileError('not-text', 'binary content');
  return text;
}
