/**
 * Benchmark section "catalogue": the live catalogue on a synthetic catalogue of 1,000 titles, SQLite and
 * PostgreSQL side by side. Per store it times
 * - the first start: seeding the empty store and indexing it;
 * - Apply to answer: a catalogue admin's change (one entry given a keyword no title has) from the call of
 *   `apply` (write, re-index) to a search for that keyword that finds the entry — the time a person waits
 *   between Apply and seeing the change answered; and the undo of such a change, to the search that no
 *   longer finds it;
 * - an import of 20 new titles, to the answer finding the last of them;
 * - another replica's change: on PostgreSQL, from the call of `apply` on one replica to the other's answer,
 *   told by the store's notification (Storage.watchCatalogue, then its `refresh()`); on SQLite, which has
 *   no notifications, from the other's `refresh()` (the poll that notices the new version, loads and
 *   re-indexes) to its answer, the wait for the poll's tick (up to 5 s) not counted.
 * `npm run bench -- --only catalogue`. PostgreSQL as for the orders section (./places.ts).
 */
import { openLiveCatalogue, type LiveCatalogue } from '../catalogue/live.js';
import { loadCatalogue } from '../catalogue/load.js';
import type { Publication } from '../catalogue/schema.js';
import { openStorage, type Storage } from '../storage.js';
import { type BenchSection, machineLoad, ms, now, percentile, printTable } from './measure.js';
import { benchPlaces } from './places.js';
import { syntheticCatalogue } from './synthetic.js';

const TITLES = 1_000;
const ROUNDS = 20;
const IMPORTED = 20;
const ADMIN = 'U0BENCHADMIN';

/** A made-up word no synthetic title holds, different for each n ("quokkabench" + letters). */
function uniqueWord(n: number): string {
  return `quokkabench${[...String(n)].map((d) => String.fromCharCode(97 + Number(d))).join('')}`;
}

/** Milliseconds from the start of `change` until `found()` is true (checked once `change` resolved: it must be). */
async function untilAnswered(change: () => Promise<unknown>, found: () => boolean): Promise<number> {
  const start = now();
  await change();
  if (!found()) throw new Error('the change was not answered once applied');
  return now() - start;
}

const finds = (catalogue: LiveCatalogue, query: string, id: string): boolean => catalogue.engine.search(query).hits.some((h) => h.publication.id === id);

/** Figures of one store. */
interface Figures {
  seedMs: number;
  apply: number[];
  undo: number[];
  importMs: number;
  /** Another replica's change: see the module's comment. */
  otherReplica: number[];
}

/** Times a change until another replica answers with it (`found()`), in milliseconds. */
type UntilAnswered = (change: () => Promise<unknown>, found: () => boolean) => Promise<number>;

/**
 * Lets `watchCatalogue` tell `other` of each change (it then refreshes) and resolves once it listens, with
 * a timer from the start of a change until `other` answers with it (`found()` checked after each refresh).
 */
async function whenNotified(watchCatalogue: NonNullable<Storage['watchCatalogue']>, other: LiveCatalogue): Promise<UntilAnswered> {
  let afterRefresh = (_error?: unknown): void => undefined;
  await new Promise<void>((listening) => {
    afterRefresh = () => listening();
    watchCatalogue(() => void other.refresh().then(() => afterRefresh(), afterRefresh));
  });
  return async (change, found) => {
    const answered = new Promise<void>((resolve, reject) => {
      afterRefresh = (error) => (error ? reject(error as Error) : found() && resolve());
    });
    const start = now();
    await change();
    await answered;
    return now() - start;
  };
}

async function measure(storage: Storage, second: Storage, publications: readonly Publication[]): Promise<Figures> {
  const start = now();
  const live = await openLiveCatalogue(storage.catalogue, { seed: publications, seedSource: 'the bench' });
  const seedMs = now() - start;
  const other = await openLiveCatalogue(second.catalogue, { seed: publications });
  const apply: number[] = [];
  const undo: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const entry = live.publications[(round * 37) % live.publications.length]!;
    const word = uniqueWord(round);
    const changed = { ...entry, keywords: [...entry.keywords, word] };
    apply.push(
      await untilAnswered(
        () => live.apply({ action: 'edit', actorId: ADMIN, summary: `Edited ${entry.id}`, publications: [changed], baseVersion: live.version }),
        () => finds(live, word, entry.id),
      ),
    );
    if (round % 2 === 1) undo.push(await untilAnswered(() => live.undo(ADMIN), () => !finds(live, word, entry.id)));
  }
  const imported = Array.from({ length: IMPORTED }, (_, i): Publication => ({ ...publications[i]!, id: `bench-import-${i + 1}`, keywords: [uniqueWord(1000 + i)] }));
  const importMs = await untilAnswered(
    () => live.apply({ action: 'import', actorId: ADMIN, summary: `Imported ${IMPORTED} titles`, publications: imported, baseVersion: live.version }),
    () => finds(live, uniqueWord(1000 + IMPORTED - 1), imported.at(-1)!.id),
  );
  // Told only now, so that the other replica's refreshes take nothing from the timings above.
  const notified = second.watchCatalogue && (await whenNotified(second.watchCatalogue, other));
  const otherReplica: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const entry = live.publications[(round * 53 + 11) % live.publications.length]!;
    const word = uniqueWord(2000 + round);
    const change = () =>
      live.apply({ action: 'edit', actorId: ADMIN, summary: `Edited ${entry.id}`, publications: [{ ...entry, keywords: [word] }], baseVersion: live.version });
    const found = () => finds(other, word, entry.id);
    if (notified) otherReplica.push(await notified(change, found));
    else {
      await change();
      otherReplica.push(await untilAnswered(() => other.refresh(), found));
    }
  }
  return { seedMs, apply, undo, importMs, otherReplica };
}

/** "p50 / p99 / max" of some samples in milliseconds. */
const spread = (samples: number[]): string => `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))} / ${ms(Math.max(...samples))}`;

export const catalogueBench: BenchSection = {
  name: 'catalogue',
  description: `live catalogue of ${TITLES.toLocaleString('en')} synthetic titles: Apply (write + re-index) to answer, undo, import, another replica's change`,
  async run() {
    const { load, cpus } = machineLoad();
    console.log(`Load average ${load.toFixed(2)} on ${cpus} CPUs${load > cpus / 2 ? ': the machine is busy, times will be noisy' : ''}`);
    const publications = syntheticCatalogue(loadCatalogue(), TITLES);
    const rows: string[][] = [];
    for (const { name, place } of await benchPlaces('catalogue')) {
      if (typeof place === 'string') {
        rows.push([name, `skipped: ${place}`, '', '', '', '', '']);
        continue;
      }
      try {
        // Two openings of one store: this process's, and another replica's.
        const storage = await openStorage(place.location);
        const second = await openStorage(place.location);
        try {
          const f = await measure(storage, second, publications);
          rows.push([name, ms(f.seedMs), spread(f.apply), spread(f.undo), ms(f.importMs), spread(f.otherReplica), machineLoad().load.toFixed(2)]);
        } finally {
          await second.close();
          await storage.close();
        }
      } finally {
        await place.drop();
      }
    }
    console.log();
    printTable(
      ['store', 'seed + index ms', 'Apply → answer ms (p50 / p99 / max)', 'undo → answer ms', `import of ${IMPORTED} → answer ms`, "other replica's change → its answer ms", 'load'],
      rows,
    );
    console.log(`\n${ROUNDS} edits of one entry each (and ${ROUNDS / 2} undos) on ${TITLES.toLocaleString('en')} titles; Apply → answer is the wait between a catalogue admin's Apply and the bot answering with the change (goal: under 1 s). Another replica's change: on PostgreSQL from Apply on one replica to the other's answer, told by notification; on SQLite from the other's poll (refresh) to its answer, after waiting up to 5 s for the poll.`);
  },
};
