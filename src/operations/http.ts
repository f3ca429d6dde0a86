/**
 * The operations endpoints, `GET /healthz` (JSON, 200 or 503) and `GET /metrics` (Prometheus' text format):
 * as Bolt custom routes on the HTTP receiver's port in HTTP mode, or on a small server of their own
 * (METRICS_PORT) in Socket Mode, where the app has no HTTP server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@slack/bolt';
import { healthReport, type HealthSource } from './health.js';
import type { AppMetrics } from './metrics.js';

export interface OperationsRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** The two routes, in the shape of Bolt's `customRoutes`. */
export function operationsRoutes(health: HealthSource, metrics: AppMetrics, logger: Logger): OperationsRoute[] {
  const fail = (res: ServerResponse, what: string) => (error: unknown) => {
    logger.error(`Could not serve ${what}:`, error);
    if (!res.headersSent) res.writeHead(500).end();
  };
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        healthReport(health).then((report) => {
          res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify(report));
        }, fail(res, '/healthz'));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        metrics.registry.metrics().then((text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        }, fail(res, '/metrics'));
      },
    },
  ];
}

/** A server for `routes` alone (Socket Mode's METRICS_PORT); anything else is 404. Resolves once listening. */
export async function startOperationsServer(routes: readonly OperationsRoute[], port: number, host?: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) route.handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
