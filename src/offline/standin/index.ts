/**
 * A local stand-in for Slack, for tests and the offline mode. It plays both of Slack's roles:
 *
 * **Web API** (`standIn.apiUrl`, `http://127.0.0.1:PORT/api/`, given to the app as SLACK_API_URL):
 * auth.test, chat.postMessage / postEphemeral / update / delete / getPermalink, views.open / push /
 * update / publish, users.info, users.profile.get, conversations.open / info / history
 * (`include_all_metadata` returns message metadata), files.getUploadURLExternal / completeUploadExternal
 * with the upload in between (WebClient.filesUploadV2; uploaded files in `uploads.files`), files.info on
 * the files people shared (`uploads.shared`; downloads from their `url_private_download` need the bot
 * token and are recorded as calls of method `files.download`), chat.unfurl
 * (checked as Slack does: `unfurl_id` + `source` or `channel` + `ts` naming a message whose links were
 * shared with the app, `unfurls` keyed by those links as posted; the previews in `unfurls(channel?)`, each
 * checked against Block Kit limits as a message), and Socket Mode's apps.connections.open (with the app-level token, answering the `socketModeUrl` option: the test
 * runs the WebSocket server). Form-encoded and JSON bodies; the bot token is checked (`not_authed`, `invalid_auth`). State is kept as Slack
 * would: messages per channel (a user id as channel means the DM), ephemeral messages per user, a
 * modal stack per user (3 views at most: `push_limit_reached`), App Home per user, trigger_ids usable once within 3 s, users created with a
 * plain profile on first use unless seeded. Posting to a channel seeded with `isMember: false` fails with
 * `not_in_channel`. Every payload of chat.*, views.* and response_url is checked against Block Kit limits
 * (src/slack/limits-check.ts): violations are recorded in `limitViolations` and the call is refused
 * (`invalid_blocks` / `invalid_arguments`) as Slack would. Every call is recorded in `calls`
 * (`{ method, args, at, result }`; posts to a response URL have method `response_url`, and a slash
 * command acknowledged with a message — an immediate response, shown like a post to its response URL —
 * has method `command_response`).
 *
 * **Response URLs** (`http://127.0.0.1:PORT/response/ID`), handed out with slash commands and message
 * actions: `response_type: 'in_channel'` posts in the channel, the default posts an ephemeral message,
 * `replace_original` / `delete_original` change the message the action came from; 5 uses, 30 minutes.
 *
 * **Driving the app** (after `connect(requestUrl)`), each resolving with the app's acknowledgement
 * `{ status, body }` (body parsed as JSON when it is JSON):
 * - `slashCommand({ user, text, channel?, command? = '/handbooks' })`
 * - `mention({ user, channel, text, threadTs? })`, `directMessage({ user, text })`, `openHome(user)`,
 *   `shareFile({ user, name, content, mimetype?, comment?, channel? })` (a file uploaded in the DM),
 *   `say({ user, channel, text })` (a message that does not mention the bot: Slack sends only `link_shared`;
 *   mentions and DMs with links get a `link_shared` event too, for the links in the unfurl domains, where
 *   the bot is a member),
 *   `sendEvent(event, { retryNum?, retryReason? })`, `retryEvent(delivery, retryNum?, reason?)` — these
 *   resolve with `{ status, body, eventId, envelope }`
 * - `clickButton({ user, source, actionId, blockId?, value? })` — source: a message from `messages()`, an ephemeral
 *   from `ephemerals()`, a modal from `topModal()` / `modalStack()`, `home(user)`, or a link's preview from
 *   `unfurls()`; `blockId` (here and below) picks the element when an action_id repeats across blocks
 * - `selectOption({ user, source, actionId, blockId?, value })` (null when Slack would send nothing: an input
 *   block without dispatch_action; the value is kept in the view's state)
 * - `fillView({ view, values })`, `submitView({ user, view?, values? })` (values keyed by action_id: text,
 *   an option value, a list of values, or Slack's raw state object; the ack's response_action is applied
 *   to the modal stack), `closeView({ user, view? })`, `requestOptions({ user, source, actionId, blockId?, value })`
 * Requests are signed as Slack signs them (./transport.ts); a custom {@link Transport} can be connected.
 *
 * **Waiting and failures**: `waitFor(call => …, { timeoutMs?, since? })` resolves with the first matching
 * call made since the latest inbound request; `idle()` waits until nothing is in flight (requests, Web API
 * calls, and the app's own work once `trackBusy` is given a probe); `failNext(method, { error?, status?,
 * retryAfter?, times? })` makes the next calls of a method (or `response_url`) fail — e.g.
 * `{ error: 'not_in_channel' }`, or `{ status: 429, retryAfter: 1 }`.
 * `holdNext(method, matches?, { answerOnly? })` holds the next matching call until `release()`: a hung
 * call, carried out on release (or at once, with only its answer held).
 *
 * Start it with `SlackStandIn.start(options)`, or with the app already wired to it by
 * `startAppWithStandIn({ deps })` (./with-app.ts).
 */
export { DEFAULT_CHANNEL, SlackStandIn } from './slack-standin.js';
export type { Ack, EventDelivery, InjectedFailure, RecordedCall, RecordedViolation, StandInOptions, Surface } from './slack-standin.js';
export type { EphemeralMessage, SeedChannel, SeedUser, StoredMessage, StoredView } from './workspace.js';
export type { FieldValue } from './elements.js';
export type { SharedFile, StoredFile } from './files.js';
export type { AppUnfurl, SharedLink } from './unfurls.js';
export { httpTransport, signRequest, type InboundRequest, type InboundResponse, type Transport } from './transport.js';
export { startAppWithStandIn, type AppWithStandIn, type AppWithStandInOptions } from './with-app.js';
