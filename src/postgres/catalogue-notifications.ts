/**
 * Catalogue changes told to every replica on PostgreSQL at once. A write or an undo of the live catalogue
 * calls notifyCatalogueChange inside its transaction (PostgreSQL delivers the notification on commit, and
 * never for a change rolled back); each replica's watchCatalogue LISTENs and calls back, so that it re-reads
 * the catalogue now rather than at its next poll. The poll stays, for whatever a notification can miss.
 *
 * NOTIFY channels are the database's, not a schema's: the payload names the schema the change was made in
 * (JSON: schema and new version), and a watcher calls back for its own schema only.
 *
 * The listener is a client of its own, made from the pool's config as the pool makes its clients
 * (node-postgres's advice for LISTEN), not a pooled client held for the process's life: a held client
 * would take one of the pool's connections from the queries for good, and would keep pool.end() waiting
 * for its release; and the session that LISTENs must be one we reopen ourselves when it drops.
 */
import pg from 'pg';

/** The channel of catalogue changes, one for the database (the payload names the schema). */
export const CATALOGUE_CHANNEL = 'handbooks_catalogue';

/** The pause before listening again after the connection failed or dropped: 1 s, doubling, at most 30 s. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Tells the watchers of the catalogue in the current schema that it is now at `version`, once `client`'s transaction commits. */
export async function notifyCatalogueChange(client: pg.ClientBase, version: number): Promise<void> {
  await client.query(`SELECT pg_notify($1, json_build_object('schema', current_schema(), 'version', $2::integer)::text)`, [CATALOGUE_CHANNEL, version]);
}

/** A running watch of the catalogue's changes. */
export interface CatalogueWatch {
  /** Stops listening and closes the connection; resolves once it is closed. Idempotent. */
  stop(): Promise<void>;
}

/** Options of watchCatalogue. */
export interface CatalogueWatchOptions {
  /** Told each time the listening connection fails or drops (it is opened again after a short pause). */
  onError?: (error: unknown) => void;
}

/**
 * Listens, on a connection of its own made from `config`, for changes to the catalogue in the schema that
 * connection uses, and calls `onChange` for each, and each time it (re)starts listening (a change may have
 * been made while nothing listened). A connection that fails or drops is reported to `options.onError` and
 * opened again after a pause; nothing is thrown or emitted unhandled.
 */
export function watchCatalogue(config: pg.ClientConfig, onChange: () => void, options: CatalogueWatchOptions = {}): CatalogueWatch {
  const listener = new CatalogueListener(config, onChange, options.onError ?? (() => undefined));
  listener.listen();
  return listener;
}

class CatalogueListener implements CatalogueWatch {
  /** The client listening or connecting; undefined while waiting to retry, and once stopped. */
  #client: pg.Client | undefined;
  #retry: NodeJS.Timeout | undefined;
  #retryMs = FIRST_RETRY_MS;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  listen(): void {
    // Keep-alive probes end a connection whose server vanished without a word, which would otherwise listen to nothing.
    const client = new pg.Client({ ...this.config, keepAlive: true });
    this.#client = client;
    let schema: string | undefined;
    client.on('notification', (message) => {
      if (message.channel === CATALOGUE_CHANNEL && schema !== undefined && schemaOf(message.payload) === schema) this.onChange();
    });
    // A dropped connection is an 'error' event (then 'end'): unhandled, it would end the process.
    client.on('error', (error) => this.#drop(client, error));
    client.on('end', () => this.#drop(client, new Error('the connection ended')));
    void (async () => {
      try {
        await client.connect();
        const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
        schema = rows[0]!.schema;
        await client.query(`LISTEN ${CATALOGUE_CHANNEL}`);
      } catch (error) {
        this.#drop(client, error);
        return;
      }
      if (this.#client !== client) return;
      this.#retryMs = FIRST_RETRY_MS;
      this.onChange();
    })();
  }

  /** Gives up `client` once (later events of the same client are ignored) and, unless stopped, listens again after a pause. */
  #drop(client: pg.Client, error: unknown): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.onError(error);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.listen();
    }, this.#retryMs);
    this.#retry.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
  }

  async stop(): Promise<void> {
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** The schema a notification's payload names, or undefined when it is not one of ours. */
function schemaOf(payload: string | undefined): string | undefined {
  try {
    const parsed: unknown = JSON.parse(payload ?? '');
    const schema = (parsed as { schema?: unknown } | null)?.schema;
    return typeof schema === 'string' ? schema : undefined;
  } catch {
    return undefined;
  }
}
