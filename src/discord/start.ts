/**
 * The bot's wiring: a discord.js client logged in, with the command router on interactions.
 * `src/bot.ts` calls {@link startBot}; the end-to-end tests call it the same way, with
 * `DISCORD_API_URL` pointing at an emulator.
 *
 * @module
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, RESTEvents, Status, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { ClaimChecker } from '../answer/claims.js';
import type { QaEngine } from '../answer/engine.js';
import type { BotConfig } from '../config.js';
import { AnswerStore } from './answers.js';
import { ConversationMemory } from './conversations.js';
import type { BotContext, Command } from './command.js';
import { Cooldown } from './cooldown.js';
import { tellToRetry, turnAway } from './drain.js';
import { describeError } from './errors.js';
import { FATAL_CLOSE_CODES, GatewayClosedError, type GatewayLost } from './gateway-close.js';
import { noMetrics, type MetricsSink } from '../health/sink.js';
import type { Readiness } from '../health/readiness.js';
import { FeedbackLog } from './feedback.js';
import { createRouter } from './router.js';
import { SentenceIndex } from './sentences.js';

/** Settings the bot reads (a subset of {@link BotConfig}). */
export type StartConfig = Pick<BotConfig, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'FEEDBACK_FILE' | 'ASK_COOLDOWN_PER_MINUTE'> & Partial<Pick<BotConfig, 'FEEDBACK_SALT'>>;

/** REST tuning passed to discord.js. */
export interface RestTuning {
  /** Per-request timeout in ms (discord.js default 15 s; an interaction must be acknowledged in 3 s). */
  timeout?: number;
  /** Retries after a 5xx or a timeout (discord.js default 3). */
  retries?: number;
  /**
   * discord.js's client-side global cap (default 50/s) counts interaction responses too, though
   * Discord exempts interaction endpoints from its global limit; this bot only calls those.
   */
  globalRequestsPerSecond?: number;
}

/** Options of {@link startBot}. */
export interface StartOptions {
  config: StartConfig;
  /** The question-answering core, index already loaded. */
  engine: QaEngine;
  log: Logger;
  /** The commands to serve: the entry point passes the list in `commands/index.ts` (this layer never imports it). */
  commands: readonly Command[];
  rest?: RestTuning;
  /** Give up waiting for the gateway's READY after this many ms. Default 30 s. */
  readyTimeoutMs?: number;
  /** Metrics to update (the health server's); default: nothing is counted. */
  metrics?: MetricsSink;
  /** Told how to see whether the gateway is connected, and when the bot stops. */
  readiness?: Readiness;
  /** Clock in ms for what the bot remembers over time (follow-up context, cooldowns). Default `Date.now`. */
  now?: () => number;
}

/** A running bot. */
export interface RunningBot {
  client: Client<true>;
  ctx: BotContext;
  /** Milliseconds from `login()` to READY. */
  readyMs: number;
  /** Interactions being handled right now. */
  readonly inFlight: number;
  /**
   * Settles when Discord closes the gateway with a code discord.js does not recover from
   * ({@link FATAL_CLOSE_CODES}); one fatal log line says which. Never settles otherwise.
   */
  readonly gatewayLost: Promise<GatewayLost>;
  /**
   * Stops: interactions that arrive from now on are told to ask again; running ones get up to
   * 2 s to finish, then their users are told to ask again; the client is destroyed. Idempotent.
   */
  stop(): Promise<void>;
}

/** Default REST tuning: answer within Discord's 3 s window, never wait on a cap Discord does not apply. */
export const DEFAULT_REST: Required<RestTuning> = { timeout: 10_000, retries: 3, globalRequestsPerSecond: 500 };

const DRAIN_MS = 2_000;
/** How long the "ask again" messages of unfinished interactions may take before the client goes. */
const RETRY_NOTICE_MS = 1_500;

/** A timer as a promise, cancelled once a race is decided so that it never holds the process open. */
function delay(ms: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Builds the context, logs the client in and resolves once the gateway is READY.
 * Rejects (with the client destroyed) when login fails or READY does not come in time.
 */
export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config, engine, log } = options;
  const secrets = [config.DISCORD_TOKEN];
  const rest = { ...DEFAULT_REST, ...options.rest };
  const ctx: BotContext = {
    engine,
    sentences: new SentenceIndex(engine.passages, engine.corpus.documents),
    cooldown: new Cooldown(config.ASK_COOLDOWN_PER_MINUTE, options.now),
    feedback: await FeedbackLog.open({ file: config.FEEDBACK_FILE, key: config.FEEDBACK_SALT, log }),
    answers: new AnswerStore(),
    conversations: new ConversationMemory({ now: options.now }),
    claims: new ClaimChecker(engine),
    metrics: options.metrics ?? noMetrics,
    log,
  };

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Belt and braces: the respond helper sets this on every message already.
    allowedMentions: { parse: [] },
    rest: { ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), ...rest },
  });
  const route = createRouter({ commands: options.commands, ctx, secrets });
  // Interactions in the works: handled by a command, or being turned away during shutdown.
  const running = new Map<Promise<void>, { interaction: Interaction; turnedAway: boolean }>();
  let draining = false;
  const track = (interaction: Interaction, turnedAway: boolean, work: Promise<void>) => {
    const handled = work.finally(() => running.delete(handled));
    running.set(handled, { interaction, turnedAway });
  };
  const onInteraction = (interaction: Interaction) => {
    if (!draining) track(interaction, false, route(interaction));
    else track(interaction, true, turnAway(interaction).catch((error: unknown) => log.warn({ interaction: interaction.id, err: describeError(error, secrets) }, 'could not turn an interaction away during shutdown')));
  };

  let lost: GatewayLost | null = null;
  let markLost: (value: GatewayLost) => void = () => undefined;
  const gatewayLost = new Promise<GatewayLost>((resolve) => (markLost = resolve));
  let ready = false;
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.Error, (error) => log.error({ err: describeError(error, secrets) }, 'discord.js client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord.js warning'));
  // discord.js emits ShardDisconnect only for close codes it will not recover from.
  client.on(Events.ShardDisconnect, (event, shard) => {
    const reason = FATAL_CLOSE_CODES.get(event.code);
    if (reason === undefined) {
      log.warn({ shard, code: event.code }, 'gateway disconnected');
      return;
    }
    if (lost) return;
    lost = { code: event.code, reason };
    // While logging in, startBot's rejection carries the reason instead (one message either way).
    if (ready) log.fatal({ shard, code: event.code }, `Discord closed the gateway for good (${event.code}, ${reason}); the bot cannot go on`);
    markLost(lost);
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  // After a fatal close discord.js also reports it as an error: already said above.
  client.on(Events.ShardError, (error, shard) => {
    if (!lost) log.error({ shard, err: describeError(error, secrets) }, 'gateway error');
  });
  client.on(Events.Invalidated, () => log.error('gateway session invalidated'));
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn({ route: info.route, global: info.global, waitMs: info.timeToReset }, 'REST rate limited'));
  if (options.metrics) observe(client, options.metrics, log);
  // The manager's own status stays Ready through a resume; the shards' statuses do not.
  options.readiness?.watchGateway(() => client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready));

  const started = performance.now();
  const timeout = delay(options.readyTimeoutMs ?? 30_000);
  try {
    const readyEvent = once(client, Events.ClientReady);
    await Promise.race([
      client.login(config.DISCORD_TOKEN).then(() => readyEvent),
      timeout.promise.then(() => Promise.reject(new Error('The Discord gateway did not become ready in time'))),
      gatewayLost.then((value) => Promise.reject(new GatewayClosedError(value))),
    ]);
  } catch (error) {
    await client.destroy();
    await ctx.feedback.close();
    if (lost) throw new GatewayClosedError(lost);
    throw new Error(`Could not log in to Discord: ${describeError(error, secrets).message}`);
  } finally {
    timeout.cancel();
  }
  ready = true;
  const readyMs = performance.now() - started;
  if (!client.isReady()) throw new Error('discord.js reported ready without a ready client');
  log.info({ user: client.user.tag, guilds: client.guilds.cache.size, readyMs: Math.round(readyMs) }, 'connected to Discord');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      options.readiness?.markStopping();
      draining = true;
      const drain = delay(DRAIN_MS);
      await Promise.race([Promise.allSettled([...running.keys()]), drain.promise]);
      drain.cancel();
      const unfinished = [...running.values()].filter((entry) => !entry.turnedAway).map((entry) => entry.interaction);
      if (unfinished.length > 0) log.warn({ count: unfinished.length }, 'interactions still running at shutdown: asking their users to ask again');
      const notices = unfinished.map((interaction) =>
        tellToRetry(interaction).catch((error: unknown) => log.warn({ interaction: interaction.id, err: describeError(error, secrets) }, 'could not ask a user to ask again')),
      );
      // The notices, and any turning-away still under way, get a little more time before the client goes.
      const notice = delay(RETRY_NOTICE_MS);
      const turningAway = [...running].filter(([, entry]) => entry.turnedAway).map(([work]) => work);
      await Promise.race([Promise.allSettled([...notices, ...turningAway]), notice.promise]);
      notice.cancel();
      client.off(Events.InteractionCreate, onInteraction);
      await client.destroy();
      await ctx.feedback.close();
    })());

  return {
    client,
    ctx,
    readyMs,
    get inFlight() {
      return running.size;
    },
    gatewayLost,
    stop,
  };
}

/**
 * Counts gateway reconnects and REST rate limits. discord.js's `rateLimited` event fires only
 * when it holds a request back for an empty bucket, never for a 429 on an interaction callback,
 * so 429s are counted from the responses themselves.
 */
function observe(client: Client, metrics: MetricsSink, log: Logger): void {
  client.on(Events.ShardReconnecting, () => metrics.gatewayReconnect('reconnecting'));
  client.on(Events.ShardResume, () => metrics.gatewayReconnect('resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) => metrics.restRateLimitWait(info.route, info.global));
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    metrics.restRateLimited(request.route);
    log.warn({ route: request.route, method: request.method }, 'REST 429 (rate limited); discord.js retries after Retry-After');
  });
}
