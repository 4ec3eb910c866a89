import { createServer } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/health/server.js';
import { Readiness } from '../../src/health/readiness.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ready = new Readiness();
ready.markIndexLoaded();
ready.watchGateway(() => true);
const start = (metrics = async () => ({ contentType: 'text/plain', body: 'm 1\n' })) =>
  startHealthServer({ host: '127.0.0.1', port: 0, readiness: () => ready.report(), metrics });

describe('health server', () => {
  it('answers GET and HEAD on /healthz and /metrics, 404 elsewhere, 405 for other methods', async () => {
    server = await start();
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual({ status: 'ready', index: 'loaded', gateway: 'connected' });

    const head = await fetch(`${server.url}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(await (await fetch(`${server.url}/metrics?x=1`)).text()).toBe('m 1\n');

    expect((await fetch(`${server.url}/`)).status).toBe(404);
    const post = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 500 when the metrics cannot be collected, and keeps serving', async () => {
    server = await start(async () => {
      throw new Error('collector broke');
    });
    const broken = await fetch(`${server.url}/metrics`);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: 'collector broke' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('names the address and the setting when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startHealthServer({ host: '127.0.0.1', port, readiness: () => ready.report(), metrics: async () => ({ contentType: 'text/plain', body: '' }) })).rejects.toThrow(
        `The health server cannot listen on 127.0.0.1:${port} (HEALTH_HOST, HEALTH_PORT): the port is in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('closes idempotently, keep-alive connections included', async () => {
    server = await start();
    await fetch(`${server.url}/healthz`, { headers: { connection: 'keep-alive' } });
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
