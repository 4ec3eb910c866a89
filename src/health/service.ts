/**
 * Health and metrics for `npm start`: off unless `HEALTH_PORT` is set; then a server on
 * `HEALTH_HOST` (127.0.0.1 by default) with readiness and metrics the bot updates.
 *
 * @module
 */
import type { Logger } from 'pino';
import type { BotConfig } from '../config.js';
import { BotMetrics } from './metrics.js';
import { Readiness } from './readiness.js';
import { startHealthServer } from './server.js';

/** What the bot updates while the health server reports it. */
export interface HealthService {
  metrics: BotMetrics;
  readiness: Readiness;
  /** `http://host:port` of the server. */
  url: string;
  /** Marks the bot as stopping and closes the server. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the health server when `HEALTH_PORT` is set; returns null (and listens on nothing) when
 * it is not. Rejects when the address cannot be listened on.
 */
export async function startHealthService(config: Pick<BotConfig, 'HEALTH_PORT' | 'HEALTH_HOST'>, log: Logger): Promise<HealthService | null> {
  if (config.HEALTH_PORT === undefined) return null;
  const metrics = new BotMetrics();
  const readiness = new Readiness();
  const server = await startHealthServer({ host: config.HEALTH_HOST, port: config.HEALTH_PORT, readiness: () => readiness.report(), metrics: () => metrics.render() });
  log.info({ url: server.url }, 'health and metrics server listening (/healthz, /metrics)');
  return {
    metrics,
    readiness,
    url: server.url,
    close: async () => {
      readiness.markStopping();
      await server.close();
    },
  };
}
