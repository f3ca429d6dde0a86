/**
 * Socket Mode honours SLACK_API_URL: the app asks the stand-in for Slack (not slack.com) for its socket
 * address with apps.connections.open, connects to the WebSocket server found there, answers a slash
 * command delivered over the socket in its acknowledgement, and serves /metrics and /healthz on METRICS_PORT.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { SlackStandIn } from '../../src/offline/standin/index.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createLogger } from '../../src/slack/logger.js';
import { CATALOGUE } from '../orders/fixtures.js';

let sockets: WebSocketServer;
let standIn: SlackStandIn;
let slackApp: SlackApp;
let metricsPort: number;
const connections: { path: string; socket: WebSocket }[] = [];
const received: { envelope_id: string; payload?: unknown }[] = [];

beforeAll(async () => {
  sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => sockets.once('listening', resolve));
  sockets.on('connection', (socket, request) => {
    connections.push({ path: request.url ?? '', socket });
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as { envelope_id: string }));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'ASTANDIN' }, debug_info: { host: 'standin' } }));
  });
  const { port } = sockets.address() as AddressInfo;
  standIn = await SlackStandIn.start({ socketModeUrl: `ws://127.0.0.1:${port}/link/?ticket=standin-ticket` });
  slackApp = createSlackApp({
    connection: { mode: 'socket', botToken: standIn.botToken, appToken: standIn.appToken, signingSecret: undefined },
    deps: { engine: createSearchEngine(CATALOGUE), ordersChannelId: undefined, adminIds: [] },
    slackApiUrl: standIn.apiUrl,
    identity: { botId: standIn.botId, botUserId: standIn.botUserId },
    logger: createLogger('error', () => {}),
    metricsPort: 0,
    host: '127.0.0.1',
  });
  const started = await slackApp.start();
  metricsPort = started.metricsPort ?? -1;
});

afterAll(async () => {
  await slackApp.stop();
  await new Promise((resolve) => sockets.close(resolve));
  await standIn.stop();
});

it('opens its socket at the address apps.connections.open gave at SLACK_API_URL, with the app-level token', () => {
  expect(standIn.callsTo('apps.connections.open').map((c) => c.result)).toEqual([{ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\//) }]);
  expect(connections.map((c) => c.path)).toEqual(['/link/?ticket=standin-ticket']);
});

it('answers a slash command delivered over the socket in its acknowledgement', async () => {
  const [connection] = connections;
  connection!.socket.send(
    JSON.stringify({
      envelope_id: 'env-command-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { command: '/handbooks', text: 'gender-based violence', user_id: 'U0ALICE', channel_id: 'C0GENERAL', team_id: 'T0STANDIN', response_url: `${standIn.apiUrl}unused`, trigger_id: 't' },
    }),
  );
  await expect.poll(() => received.find((m) => m.envelope_id === 'env-command-1'), { timeout: 5000 }).toBeDefined();
  const ack = received.find((m) => m.envelope_id === 'env-command-1')!;
  expect(JSON.stringify(ack.payload)).toContain('Institutional Framework for Addressing Gender-Based Violence in Crises');
});

it('serves /metrics and /healthz on METRICS_PORT', async () => {
  const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  expect(metrics).toMatch(/^handbooks_requests_total\{surface="command"\} 1$/m);
  expect(metrics).toMatch(/^handbooks_ack_seconds_count\{surface="command"\} 1$/m);
  const health = await fetch(`http://127.0.0.1:${metricsPort}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, state: 'running', store: 'none' });
  expect((await fetch(`http://127.0.0.1:${metricsPort}/slack/events`)).status).toBe(404);
});
