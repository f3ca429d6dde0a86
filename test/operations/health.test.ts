/** The health report's store error says what went wrong without credentials, tokens or e-mail addresses. */
import { expect, it } from 'vitest';
import { healthReport } from '../../src/operations/health.js';

it('reports a failing store by name, code and message, with secrets masked', async () => {
  const error = Object.assign(new Error('connect ECONNREFUSED postgres://app:hunter2@db.internal:5432/orders for ops@example.org with xoxb-123-abc'), { code: 'ECONNREFUSED' });
  const report = await healthReport({
    state: () => 'running',
    publications: 22,
    store: { ping: () => Promise.reject(error), countOrdersByStatus: async () => ({}), outboxSummary: async () => ({ waiting: 0, retrying: 0, failed: 0 }) },
  });
  expect(report).toEqual({
    ok: false,
    state: 'running',
    publications: 22,
    store: 'error',
    storeError: 'Error [ECONNREFUSED]: connect ECONNREFUSED postgres://[credentials]@db.internal:5432/orders for [email] with [token]',
  });
});

it('is not ok while stopping or without a catalogue, and says when there is no store', async () => {
  expect(await healthReport({ state: () => 'stopping', publications: 22 })).toEqual({ ok: false, state: 'stopping', publications: 22, store: 'none' });
  expect((await healthReport({ state: () => 'running', publications: 0 })).ok).toBe(false);
  expect((await healthReport({ state: () => 'running', publications: 22 })).ok).toBe(true);
});
