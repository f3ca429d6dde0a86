/** Telling the person who clicked something what happened, privately, and reading Slack's error codes. */
import type { AllMiddlewareArgs, RespondFn } from '@slack/bolt';

/** Slack's error code in a failed Web API call ("not_in_channel"), or the error's message otherwise. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Says `text` to the user only: ephemerally through the click's response_url when there is one (messages),
 * otherwise in the user's direct message with the bot (App Home and modals have no response_url).
 */
export async function tellPrivately(
  target: { respond?: RespondFn; client: AllMiddlewareArgs['client']; userId: string },
  text: string,
): Promise<void> {
  if (target.respond) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, text });
  } else {
    await target.client.chat.postMessage({ channel: target.userId, text });
  }
}

/** Tells the person who clicked a button `text` privately (see tellPrivately), from the click's listener arguments. */
export async function tellClicker(
  args: { body: { response_url?: string; user: { id: string } }; respond: RespondFn; client: AllMiddlewareArgs['client'] },
  text: string,
): Promise<void> {
  await tellPrivately({ ...(args.body.response_url ? { respond: args.respond } : {}), client: args.client, userId: args.body.user.id }, text);
}
