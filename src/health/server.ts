/**
 * A small HTTP server for supervisors and Prometheus: `GET /healthz` (200 when ready, 503 with
 * the reason otherwise) and `GET /metrics` (Prometheus text format). Nothing else.
 *
 * @module
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReadinessReport } from './readiness.js';

/** Options of {@link startHealthServer}. */
export interface HealthServerOptions {
  /** Address to listen on, e.g. `127.0.0.1`. */
  host: string;
  /** Port; 0 picks a free one (see {@link HealthServer.port}). */
  port: number;
  readiness: () => ReadinessReport;
  metrics: () => Promise<{ contentType: string; body: string }>;
}

/** A listening health server. */
export interface HealthServer {
  /** The port actually listened on. */
  port: number;
  /** `http://host:port`. */
  url: string;
  /** Stops listening and closes open connections (a scraper's keep-alive ones too). Idempotent. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, head: boolean): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

const json = (res: ServerResponse, status: number, value: unknown, head: boolean) => send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`, head);

async function handle(req: IncomingMessage, res: ServerResponse, options: HealthServerOptions): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (pathname !== '/healthz' && pathname !== '/metrics') return json(res, 404, { error: 'not found: try /healthz or /metrics' }, false);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return json(res, 405, { error: 'method not allowed' }, false);
  }
  const head = req.method === 'HEAD';
  if (pathname === '/healthz') {
    const report = options.readiness();
    const { ready, ...rest } = report;
    return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...rest }, head);
  }
  const { contentType, body } = await options.metrics();
  send(res, 200, contentType, body, head);
}

/**
 * Listens on `host:port`. Rejects with a message naming the address when it cannot
 * (port in use, address not on this machine).
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: error instanceof Error ? error.message : String(error) }, false);
      else res.destroy();
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  const listening = once(server, 'listening');
  server.listen({ host: options.host, port: options.port });
  try {
    await Promise.race([listening, once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EADDRNOTAVAIL' ? 'the address is not one of this machine' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new Error(`The health server cannot listen on ${options.host}:${options.port} (HEALTH_HOST, HEALTH_PORT): ${why}`);
  }
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
