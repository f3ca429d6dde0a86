/** Files the bot sends a person (an admin's CSV exports) in their direct message with the bot. */
import type { AllMiddlewareArgs } from '@slack/bolt';

/** A text file to send: its content, file name, title, and the message that comes with it. */
export interface DmFile {
  content: string;
  filename: string;
  title: string;
  comment: string;
}

/** Sends `file` to `userId` in their direct message with the bot (conversations.open, then files.uploadV2). Rejects with Slack's error. */
export async function sendFileInDm(client: AllMiddlewareArgs['client'], userId: string, file: DmFile): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (channel === undefined) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({ channel_id: channel, content: file.content, filename: file.filename, title: file.title, initial_comment: file.comment });
}
