/**
 * Stopping as a container runtime or supervisor does: SIGTERM to the Node process itself (no npm in the
 * signal path), in HTTP mode against the stand-in for Slack, while a view submission is in flight. The
 * request is answered, then the process exits with status 0.
 *
 * The process runs `node --import tsx src/main.ts`, the same signal handling as the built `node dist/main.js`;
 * .ci/run also runs this file against the build (HANDBOOKS_MAIN_JS=dist/main.js).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/offline/standin/index.js';
import { ORDER_ACTION } from '../../src/slack/blocks/order-ids.js';
import { tempDir } from '../orders/fixtures.js';
import { topModal } from '../slack/orders-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USER = 'U0STOP';
/** A title with a single edition, so the first step needs only a quantity. */
const SINGLE_EDITION = 'community-engagement-preventing-responding';

let standIn: SlackStandIn;
let child: ChildProcess;
let stderr = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

beforeAll(async () => {
  standIn = await SlackStandIn.start({ users: [{ id: USER, realName: 'Stop Test', email: 'stop.test@example.org' }] });
  const entry = process.env.HANDBOOKS_MAIN_JS ? [process.env.HANDBOOKS_MAIN_JS] : ['--import', 'tsx', 'src/main.ts'];
  child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: standIn.botToken,
      SLACK_SIGNING_SECRET: standIn.signingSecret,
      SLACK_API_URL: standIn.apiUrl,
      PORT: '0',
      DATA_DIR: tempDir(),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /Listening on port (\d+)/.exec(stderr);
      if (listening?.[1]) resolve(listening[1]);
    });
    void exited.then(() => reject(new Error(`the app exited before listening:\n${stderr}`)));
  });
  standIn.connect(`http://127.0.0.1:${port}/slack/events`);
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await standIn.stop();
});

it('answers the request in flight when SIGTERM arrives, then exits with status 0', async () => {
  await standIn.slashCommand({ user: USER, text: 'order' });
  await standIn.waitFor((c) => c.method === 'views.open');
  await standIn.selectOption({ user: USER, source: topModal(standIn, USER), actionId: ORDER_ACTION.addPublication, value: SINGLE_EDITION });
  await standIn.waitFor((c) => c.method === 'views.update');

  // Moving on to the delivery step reads the Slack profile; a 429 with Retry-After keeps the submission in flight.
  standIn.failNext('users.info', { status: 429, retryAfter: 1 });
  const submission = standIn.submitView({ user: USER });
  await standIn.waitFor((c) => c.method === 'users.info' && c.result.error === 'ratelimited');
  child.kill('SIGTERM');

  const ack = await submission;
  expect(ack.status).toBe(200);
  expect(ack.body).toMatchObject({ response_action: 'update', view: { callback_id: 'order_step_delivery' } });
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(stderr).toMatch(/SIGTERM: stopping…\n[\s\S]*Stopped: requests finished, outbox stopped, order store closed\.\n$/);
  expect(stderr).not.toMatch(/still in progress|Stopped with an error/);
}, 30_000);
