/**
 * Benchmark section "orders": order submissions through the order store, SQLite and PostgreSQL side by
 * side. 20 users submit at once, each one order after another (validation, pricing, the reference, the
 * order with its lines and history and its two notices, in one transaction); every 10th submission is sent
 * twice at the same moment, as a double click or a retry on another replica would. Per store it reports
 * submissions per second and the latency of one submission (p50, p99), then checks that nothing was lost or
 * doubled: one order per idempotency key, references 1…N of the year with no gap and no repeat, two notices
 * per order.
 *
 * Then the outbox: the notices of a burst of orders from many people (a confirmation DM each, and the
 * orders channel's notice) delivered through the app's deliverer to the stand-in for Slack on loopback, at
 * Slack's pace per conversation (one a second, bursts of 3); it reports how long until every DM was
 * delivered and how many channel notices went out meanwhile (that channel is paced at one a second).
 *
 * PostgreSQL is BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; the
 * section works in a schema of its own, dropped afterwards (./places.ts). Without a server, the PostgreSQL rows say why.
 * `npm run bench -- --only orders [--commands N]` (N submissions per store, default 2000).
 */
import { loadCatalogue } from '../catalogue/load.js';
import type { Publication } from '../catalogue/schema.js';
import { SlackStandIn } from '../offline/standin/index.js';
import { SLACK_CHANNEL_PACE } from '../orders/outbox.js';
import type { OrderDraftInput } from '../orders/schema.js';
import { formatReference, type OrderStore } from '../orders/store.js';
import { createLogger } from '../slack/logger.js';
import { OrderNotices } from '../slack/order-notices.js';
import { UserLanguages } from '../slack/user-languages.js';
import { openStorage } from '../storage.js';
import { type BenchSection, machineLoad, ms, now, percentile, printTable } from './measure.js';
import { benchPlaces } from './places.js';

const USERS = 20;
const DEFAULT_SUBMISSIONS = 2_000;
/** Every this-many-th submission is sent twice at once. */
const DOUBLE_EVERY = 10;
/** Orders of the outbox burst, each from another person. */
const BURST_ORDERS = 1_500;
const ORDERS_CHANNEL = 'C0BENCHORDERS';

/** A valid order of the first two titles of `catalogue`. */
function benchDraft(catalogue: readonly Publication[]): OrderDraftInput {
  const [a, b] = catalogue;
  if (!a || !b) throw new Error('the catalogue needs two titles');
  return {
    items: [
      { publicationId: a.id, quantity: 2, language: a.languages[0] },
      { publicationId: b.id, quantity: 1, language: b.languages[0] },
    ],
    delivery: {
      name: 'Bench Person',
      address: 'IOM Country Office\nAvenue de la Paix 12',
      country: 'CH',
      city: 'Geneva',
      postalCode: '1202',
      telephone: '+41 22 717 9111',
      email: 'bench.person@example.org',
    },
    payment: { currency: 'CHF', method: 'credit_card' },
  };
}

interface SubmissionFigures {
  perSecond: number;
  p50: number;
  p99: number;
  /** What the check found wrong; empty when nothing was lost or doubled. */
  problems: string[];
}

/** `total` submissions by USERS people at once, every DOUBLE_EVERY-th twice, then the check. */
async function submitAll(store: OrderStore, catalogue: readonly Publication[], total: number): Promise<SubmissionFigures> {
  const draft = benchDraft(catalogue);
  const latencies: number[] = [];
  let next = 0;
  const person = async (user: number) => {
    for (let i = next++; i < total; i = next++) {
      const requester = { userId: `U0BENCH${String(user).padStart(3, '0')}` };
      const key = `bench-${i}`;
      const start = now();
      const copies = i % DOUBLE_EVERY === 0 ? 2 : 1;
      await Promise.all(Array.from({ length: copies }, () => store.submit(draft, requester, key, catalogue)));
      latencies.push(now() - start);
    }
  };
  const start = now();
  await Promise.all(Array.from({ length: USERS }, (_, user) => person(user)));
  const seconds = (now() - start) / 1000;

  const orders = await store.listAll();
  const notices = await store.outbox.list();
  const problems: string[] = [];
  const year = new Date().getUTCFullYear();
  const references = orders.map((o) => o.reference);
  const expected = Array.from({ length: total }, (_, i) => formatReference(year, i + 1));
  if (orders.length !== total) problems.push(`${orders.length} orders stored for ${total} submissions`);
  if (new Set(references).size !== references.length) problems.push('a reference given twice');
  if ([...references].sort().join() !== expected.join()) problems.push('references are not 1…N with no gap');
  if (notices.length !== 2 * orders.length) problems.push(`${notices.length} notices for ${orders.length} orders`);
  return { perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), problems };
}

/** A burst of orders from BURST_ORDERS people, then the outbox delivered to the stand-in at Slack's pace. */
async function drainBurst(store: OrderStore, catalogue: readonly Publication[]): Promise<{ dmSeconds: number; dmPerSecond: number; channelDelivered: number }> {
  const draft = benchDraft(catalogue);
  for (let i = 0; i < BURST_ORDERS; i += USERS) {
    await Promise.all(
      Array.from({ length: Math.min(USERS, BURST_ORDERS - i) }, (_, j) => store.submit(draft, { userId: `U0DM${String(i + j).padStart(5, '0')}` }, `burst-${i + j}`, catalogue)),
    );
  }
  const standIn = await SlackStandIn.start({ channels: [{ id: ORDERS_CHANNEL, name: 'publications-orders' }] });
  const notices = new OrderNotices({
    orders: { store, outboxPace: SLACK_CHANNEL_PACE, outboxIntervalMs: 200 },
    ordersChannelId: ORDERS_CHANNEL,
    ordersLanguage: 'en',
    languages: new UserLanguages(undefined),
    botToken: standIn.botToken,
    slackApiUrl: standIn.apiUrl,
    logger: createLogger('error'),
  });
  const start = now();
  notices.start();
  const dms = () => standIn.callsTo('chat.postMessage').filter((c) => c.args.channel !== ORDERS_CHANNEL && c.result.ok === true).length;
  while (dms() < BURST_ORDERS && now() - start < 300_000) await new Promise((r) => setTimeout(r, 50));
  const dmSeconds = (now() - start) / 1000;
  const channelDelivered = standIn.messages(ORDERS_CHANNEL).length;
  await notices.stop();
  await standIn.stop();
  return { dmSeconds, dmPerSecond: dms() / dmSeconds, channelDelivered };
}

export const ordersBench: BenchSection = {
  name: 'orders',
  description: 'order submissions/s and p99, SQLite and PostgreSQL, 20 users at once, nothing lost or doubled; outbox drain after a burst',
  async run(options) {
    const total = options.commands ?? DEFAULT_SUBMISSIONS;
    const catalogue = loadCatalogue();
    const { load, cpus } = machineLoad();
    console.log(`${total} submissions per store by ${USERS} users at once (every ${DOUBLE_EVERY}th sent twice at once); load ${load.toFixed(2)} on ${cpus} CPUs\n`);
    const submissionRows: string[][] = [];
    const drainRows: string[][] = [];
    for (const { name, place } of await benchPlaces('orders')) {
      if (typeof place === 'string') {
        submissionRows.push([name, `skipped: ${place}`, '', '', '']);
        continue;
      }
      try {
        const storage = await openStorage(place.location);
        const { orders } = storage;
        const figures = await submitAll(orders, catalogue, total);
        submissionRows.push([name, figures.perSecond.toFixed(0), ms(figures.p50), ms(figures.p99), figures.problems.length === 0 ? 'none lost or doubled' : figures.problems.join('; ')]);
        const drain = await drainBurst(orders, catalogue);
        drainRows.push([name, `${BURST_ORDERS}`, drain.dmSeconds.toFixed(1), drain.dmPerSecond.toFixed(0), `${drain.channelDelivered}`]);
        await storage.close();
      } finally {
        await place.drop();
      }
    }
    printTable(['store', 'submissions/s', 'p50 ms', 'p99 ms', 'check'], submissionRows);
    console.log(`\nOutbox after a burst of ${BURST_ORDERS} orders from as many people (${2 * BURST_ORDERS} notices), delivered to the stand-in at Slack's pace:\n`);
    printTable(['store', 'DMs', 'all DMs delivered in s', 'DMs/s', 'orders-channel notices meanwhile'], drainRows);
  },
};
