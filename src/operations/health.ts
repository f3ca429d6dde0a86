/**
 * The health report served at `GET /healthz`: whether the app is receiving, the catalogue is loaded and the
 * order store answers. Healthy means all three; a load balancer or supervisor reads the status code (200
 * or 503), a person the JSON. Store errors are reported by name, code and message, with credentials in
 * addresses, tokens and e-mail addresses masked.
 */
import { redact } from '../slack/logger.js';
import type { StoreStatus } from './store-status.js';

export interface HealthReport {
  ok: boolean;
  /** The app's state: new, running, stopping or stopped. */
  state: string;
  /** Publications in the loaded catalogue. */
  publications: number;
  /** `ok`, `error` (with `storeError`), or `none` when the app runs without an order store. */
  store: 'ok' | 'error' | 'none';
  storeError?: string;
}

export interface HealthSource {
  state(): string;
  publications: number;
  store?: StoreStatus;
}

/** Checks the store and reports; `ok` only when running, with a catalogue, and with a store that answers (if any). */
export async function healthReport(source: HealthSource): Promise<HealthReport> {
  const state = source.state();
  let store: HealthReport['store'] = 'none';
  let storeError: string | undefined;
  if (source.store !== undefined) {
    try {
      await source.store.ping();
      store = 'ok';
    } catch (error) {
      store = 'error';
      storeError = describeError(error);
    }
  }
  const ok = state === 'running' && source.publications > 0 && store !== 'error';
  return { ok, state, publications: source.publications, store, ...(storeError !== undefined ? { storeError } : {}) };
}

/** An error as safe text: no credentials in addresses, no tokens, no e-mail addresses. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  const text = `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
  return redact(text.replace(/\/\/[^\s/@]*@/g, '//[credentials]@'));
}
