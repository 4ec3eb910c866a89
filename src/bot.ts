/**
 * `npm start`: validates the settings, loads (or builds) the index once, logs the bot in, and
 * shuts down cleanly on SIGINT / SIGTERM.
 *
 * The heavy modules (discord.js, the search stack) are imported only once the settings are
 * known to be valid, so a settings problem is reported at once.
 *
 * Exit codes: 0 stopped by a signal; 78 (EX_CONFIG) a problem a restart cannot fix (invalid
 * settings, Discord closing the gateway for good: refused token, disallowed intents …), which the
 * systemd unit in deploy/ does not restart; 1 anything else (worth a restart).
 *
 * @module
 */
import { ConfigError, loadBotConfig, type BotConfig } from './config.js';
import { configHelp } from './discord/config-help.js';
import { installProcessHandlers } from './discord/process.js';
import { GatewayClosedError } from './discord/gateway-close.js';
import type { RunningBot } from './discord/start.js';
import type { HealthService } from './health/service.js';
import { createLogger } from './log.js';

/** EX_CONFIG of sysexits.h: the settings (or Discord's view of them) must change first. */
const EXIT_CONFIG = 78;

async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = loadBotConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configHelp(error));
    process.exitCode = EXIT_CONFIG;
    return;
  }
  const log = createLogger(config.LOG_LEVEL ?? 'info');
  let bot: RunningBot | null = null;
  let health: HealthService | null = null;
  installProcessHandlers(process, {
    log,
    secrets: [config.DISCORD_TOKEN],
    shutdown: async () => {
      await bot?.stop();
      await health?.close();
    },
  });
  // Before the index loads, so a supervisor sees "not ready" rather than nothing while it does.
  // prom-client is loaded only when the server is on.
  if (config.HEALTH_PORT !== undefined) health = await (await import('./health/service.js')).startHealthService(config, log);

  const [{ createEngine }, { startBot }, { commands }] = await Promise.all([import('./answer/engine.js'), import('./discord/start.js'), import('../commands/index.js')]);
  const engine = await createEngine({ config, log });
  log.info({ documents: engine.corpus.documents.length, sentences: engine.passages.length, index: engine.index.status }, 'article index ready');
  health?.readiness.markIndexLoaded();
  const running = await startBot({ config, engine, log, commands, metrics: health?.metrics, readiness: health?.readiness });
  bot = running;
  // startBot has logged the one line saying why; stop what is left and let the supervisor see it.
  void running.gatewayLost.then(async () => {
    await running.stop().catch(() => undefined);
    await health?.close().catch(() => undefined);
    process.exit(EXIT_CONFIG);
  });
  log.info({ startupMs: Math.round(performance.now()), rssMb: Math.round(process.memoryUsage().rss / 1e6) }, 'bot ready');
}

main().catch((error: unknown) => {
  // startBot and createEngine errors carry no secrets (tokens are cut out before they are thrown).
  console.error(`The Discord bot stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof GatewayClosedError ? EXIT_CONFIG : 1);
});
