/**
 * Several replicas of the bot on one PostgreSQL database, as an organisation runs it: real app processes
 * (src/main.ts in HTTP mode, so nothing is shared but the database), Slack's requests signed and sent
 * alternately to each, their Web API calls going to the stand-in for Slack on loopback. The outbox lease is
 * 4 s here (OUTBOX_LEASE_SECONDS) so that a dead replica's notices are taken over quickly.
 *
 * - a Slack retry of a mention delivered to the other replica gets no second answer;
 * - a language chosen on App Home of one replica is the language of the other's next answer;
 * - the catalogue is seeded once however many start together, and a change made by another (a third
 *   process here) is answered by each within a poll of the live catalogue;
 * - an order submitted on one replica is listed by `/handbooks orders` on the other, and its notice reaches
 *   the orders channel exactly once;
 * - a replica starting while another is posting a notice (Slack slow to answer) posts nothing twice;
 * - SIGKILL of a replica in the middle of a burst of orders loses none and doubles none;
 * - a replica killed while sending a notice: another delivers it within a minute, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLiveCatalogue } from '../../src/catalogue/live.js';
import { DEFAULT_CHANNEL, SlackStandIn, httpTransport, type Transport } from '../../src/offline/standin/index.js';
import type { OrderStore } from '../../src/orders/store.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { openStorage } from '../../src/storage.js';
import { textOf } from '../slack/block-query.js';
import { fillValidOrder } from '../slack/orders-flow.js';

/** Two titles of the committed catalogue (which the replicas load), the first with a French edition. */
const TITLES = ['iom-public-communication-campaign-toolkit', 'ventanillas-informativas-migracion'] as const;
import { describePostgres, freshPostgresUrl } from '../support/stores.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ORDERS_CHANNEL = 'C0ORDERS';
const ADMIN = 'U0ADMIN';

interface Replica {
  name: string;
  child: ChildProcess;
  transport: Transport;
  logs: string[];
  exited: Promise<void>;
}

let standIn: SlackStandIn;
let databaseUrl: string;
let store: OrderStore;
const replicas: Replica[] = [];
/** Where requests go: the replica pinned, or each live replica in turn. */
let pinned: Replica | undefined;
let turn = 0;

/** Starts `node --import tsx src/main.ts` in HTTP mode against the stand-in and the test database; resolves once it listens. */
async function startReplica(name: string): Promise<Replica> {
  const { DATABASE_URL: _d, DATA_DIR: _data, LOG_LEVEL: _l, ...base } = process.env;
  // Node itself with tsx as its loader, not the tsx command (which runs the app in a child process of its own
  // and would leave it running when killed).
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main.ts')], {
    cwd: root,
    env: {
      ...base,
      SLACK_BOT_TOKEN: standIn.botToken,
      SLACK_SIGNING_SECRET: standIn.signingSecret,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: standIn.apiUrl,
      PORT: '0',
      ORDERS_CHANNEL_ID: ORDERS_CHANNEL,
      ORDER_ADMIN_IDS: ADMIN,
      DATABASE_URL: databaseUrl,
      OUTBOX_LEASE_SECONDS: '4',
      OUTBOX_CHANNEL_PACE_MS: '20',
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        logs.push(line);
        const listening = /Listening on port (\d+)/.exec(line);
        if (listening?.[1]) resolve(Number(listening[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`${name} exited before listening:\n${logs.join('\n')}`)));
  });
  const replica = { name, child, logs, exited, transport: httpTransport(`http://127.0.0.1:${port}/slack/events`, standIn.signingSecret) };
  replicas.push(replica);
  return replica;
}

/** Kills a replica at once (no clean stop) and takes it out of the rotation. */
async function kill(replica: Replica): Promise<void> {
  replica.child.kill('SIGKILL');
  await replica.exited;
  replicas.splice(replicas.indexOf(replica), 1);
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Posts in a conversation that carry the outbox metadata of `reference`. */
function noticesIn(channel: string, reference: string) {
  return standIn.messages(channel).filter((m) => m.metadata?.event_type === 'handbooks_outbox' && m.metadata.event_payload.reference === reference);
}

async function allDelivered(): Promise<boolean> {
  return (await store.outbox.list()).every((m) => m.state === 'delivered');
}

/** The orders channel notice of the requester's order, as the outbox has it. */
async function orderNotice(requester: string) {
  const [order] = await store.listByRequester(requester);
  return (await store.outbox.list(order?.reference)).find((m) => m.kind === 'order_notice');
}

/** Every order stored once, each notice to the orders channel and each confirmation posted exactly once. */
async function expectEachOrderOnceAndNoticedOnce(requesters: readonly string[]): Promise<void> {
  const orders = await store.listAll();
  const mine = orders.filter((o) => requesters.includes(o.requester.userId));
  expect(mine.map((o) => o.requester.userId).sort()).toEqual([...requesters].sort());
  for (const order of mine) {
    expect(noticesIn(ORDERS_CHANNEL, order.reference), `${order.reference} in the orders channel`).toHaveLength(1);
    expect(noticesIn(standIn.dmChannel(order.requester.userId), order.reference), `${order.reference} to its requester`).toHaveLength(1);
  }
}

describePostgres('two replicas on one database', () => {
  beforeAll(async () => {
    standIn = await SlackStandIn.start({ channels: [{ id: ORDERS_CHANNEL, name: 'publications-orders' }] });
    databaseUrl = await freshPostgresUrl('file');
    // Both start together: the schema is migrated once, under the migration lock.
    await Promise.all([startReplica('A'), startReplica('B')]);
    store = (await openStorage({ databaseUrl })).orders;
    standIn.connect((request) => {
      const replica = pinned ?? replicas[turn++ % replicas.length];
      if (!replica) throw new Error('no replica running');
      return replica.transport(request);
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => kill(r)));
    await store?.close();
    await standIn?.stop();
  });

  it('answers a mention once when Slack retries it on the other replica', async () => {
    const [a, b] = replicas;
    pinned = a;
    const delivery = await standIn.mention({ user: 'U0MIA', channel: DEFAULT_CHANNEL, text: 'trafficking in French' });
    expect(delivery.status).toBe(200);
    const answer = await standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === DEFAULT_CHANNEL, { timeoutMs: 10_000 });
    pinned = b;
    expect((await standIn.retryEvent(delivery, 1, 'http_timeout')).status).toBe(200);
    await until(() => b?.logs.some((l) => l.includes('Dropped a repeated delivery')) ?? false, 'B dropped the retry');
    pinned = undefined;
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === DEFAULT_CHANNEL)).toEqual([answer]);
  });

  it('answers on one replica in the language chosen on App Home of the other, from the next request on', async () => {
    const [a, b] = replicas;
    standIn.seedUser({ id: 'U0LEA', locale: 'en-US' });
    const searchOn = async (replica: Replica | undefined) => {
      pinned = replica;
      await standIn.slashCommand({ user: 'U0LEA', text: 'trafficking' });
      await standIn.waitFor((c) => c.method === 'command_response' || c.method === 'response_url', { timeoutMs: 10_000 });
      return textOf(standIn.ephemerals('U0LEA').at(-1)?.blocks ?? []).split('\n')[0];
    };
    const chooseOn = async (replica: Replica | undefined, value: string, title: string) => {
      pinned = replica;
      await standIn.openHome('U0LEA');
      await standIn.waitFor((c) => c.method === 'views.publish', { timeoutMs: 10_000 });
      const view = standIn.home('U0LEA');
      if (!view) throw new Error('no Home');
      await standIn.selectOption({ user: 'U0LEA', source: view, actionId: ACTION.language, value });
      await standIn.waitFor((c) => c.method === 'views.publish' && textOf((c.args.view as { blocks: unknown[] }).blocks).includes(title), { timeoutMs: 10_000 });
    };
    // B learns Lea's Slack locale (English) and remembers it; her choice made on A then wins there at once.
    expect(await searchOn(b)).toBe('Searched for *trafficking*');
    await chooseOn(a, 'fr', 'Manuels et guides');
    expect(await searchOn(b)).toBe('Recherche\u00a0: *trafficking*');
    await chooseOn(a, 'auto', 'Handbooks and manuals');
    expect(await searchOn(b)).toBe('Searched for *trafficking*');
    pinned = undefined;
  });

  it('seeds the catalogue once, and answers on both replicas with a change made by a third within a poll', async () => {
    for (const replica of replicas) expect(replica.logs.join('\n')).toMatch(/22 publications loaded from the live catalogue \(version 1\) in the PostgreSQL database/);
    const storage = await openStorage({ databaseUrl });
    let title = '';
    try {
      const live = await openLiveCatalogue(storage.catalogue, { seed: [] });
      expect((await live.history(10)).filter((c) => c.action === 'seed')).toHaveLength(1);
      const entry = live.publications.find((p) => p.id === TITLES[0])!;
      title = entry.title;
      await live.apply({ action: 'edit', actorId: ADMIN, summary: 'Keyword added', publications: [{ ...entry, keywords: [...entry.keywords, 'quokkaworld'] }], baseVersion: live.version });
    } finally {
      await storage.close();
    }
    for (const replica of replicas) {
      pinned = replica;
      await until(async () => {
        const before = standIn.ephemerals('U0KAI').length;
        await standIn.slashCommand({ user: 'U0KAI', text: 'quokkaworld' });
        await until(() => standIn.ephemerals('U0KAI').length > before, `${replica.name} answered`, 10_000);
        return textOf(standIn.ephemerals('U0KAI').at(-1)?.blocks ?? []).includes(title);
      }, `${replica.name} found the changed title`, 20_000);
    }
    pinned = undefined;
  });

  it('lists an order submitted on one replica on the other, and notices it in the orders channel once', async () => {
    await fillValidOrder(standIn, 'U0ANA', TITLES); // each step on the other replica in turn
    const [a, b] = replicas;
    pinned = a;
    expect((await standIn.submitView({ user: 'U0ANA' })).status).toBe(200);
    const [order] = await store.listByRequester('U0ANA');
    if (!order) throw new Error('the order was not stored');
    for (const replica of [b, a]) {
      pinned = replica;
      await standIn.slashCommand({ user: 'U0ANA', text: 'orders' });
      const listed = await standIn.waitFor((c) => c.method === 'command_response' || c.method === 'response_url', { timeoutMs: 10_000 });
      expect(textOf((listed.args.blocks ?? []) as unknown[])).toContain(order.reference);
    }
    pinned = undefined;
    await until(allDelivered, 'the notices are delivered');
    await expectEachOrderOnceAndNoticedOnce(['U0ANA']);
  });

  it('posts a notice once when a replica starts while another waits for Slack to answer its post', async () => {
    // Slack posts the notice but its answer never comes back: the poster times out not knowing.
    const slow = standIn.holdNext('chat.postMessage', (args) => args.channel === ORDERS_CHANNEL, { answerOnly: true });
    await fillValidOrder(standIn, 'U0BEA', TITLES);
    await standIn.submitView({ user: 'U0BEA' });
    await slow.held;
    await startReplica('C');
    await until(allDelivered, 'the notice is recorded as delivered', 20_000);
    slow.release();
    await expectEachOrderOnceAndNoticedOnce(['U0BEA']);
    // The first attempt went unanswered; the second found the post by its metadata instead of posting again.
    expect(await orderNotice('U0BEA')).toMatchObject({ attempts: 2, uncertain: true });
  }, 40_000);

  it('loses and doubles no order when a replica is killed in the middle of a burst', async () => {
    const users = Array.from({ length: 16 }, (_, i) => `U0BURST${String(i).padStart(2, '0')}`);
    for (const user of users) await fillValidOrder(standIn, user, TITLES);
    const [victim] = replicas;
    if (!victim) throw new Error('no replica');
    // Submissions in two waves, in turn to each replica. As the second wave goes out, one replica freezes
    // (whatever it was doing: answering, storing, posting the first wave's notices) and is then killed.
    const submit = (user: string) => standIn.submitView({ user }).then((ack) => ack.status === 200, () => false);
    const first = await Promise.all(users.slice(0, 8).map(submit));
    const second = users.slice(8).map(submit);
    victim.child.kill('SIGSTOP');
    await new Promise((r) => setTimeout(r, 300));
    await kill(victim);
    const acknowledged = [...first, ...(await Promise.all(second))];
    expect(acknowledged.filter((ok) => !ok).length).toBeGreaterThan(0);
    // Slack shows an error for what was not acknowledged; those people press Submit again (on a live replica).
    for (const [i, user] of users.entries()) {
      if (!acknowledged[i]) expect((await standIn.submitView({ user })).status).toBe(200);
    }
    await until(allDelivered, 'every notice is delivered', 30_000);
    await expectEachOrderOnceAndNoticedOnce(users);
  }, 60_000);

  it('delivers, within a minute and once, a notice a killed replica was sending', async () => {
    const [poster, other] = replicas;
    if (!poster || !other) throw new Error('two replicas needed');
    // The other replica pauses (as a process can, in a long GC or on a starved host), so that the poster claims the notice…
    other.child.kill('SIGSTOP');
    const hung = standIn.holdNext('chat.postMessage', (args) => args.channel === ORDERS_CHANNEL);
    pinned = poster;
    await fillValidOrder(standIn, 'U0DEV', TITLES);
    await standIn.submitView({ user: 'U0DEV' });
    await hung.held;
    // …and dies while Slack has not answered. The other wakes up and takes the notice over once the lease ran out.
    await kill(poster);
    other.child.kill('SIGCONT');
    pinned = undefined;
    const killedAt = Date.now();
    await until(allDelivered, 'the notice is delivered', 60_000);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    await expectEachOrderOnceAndNoticedOnce(['U0DEV']);
    expect(await orderNotice('U0DEV')).toMatchObject({ attempts: 2, uncertain: true });
  }, 90_000);
});
