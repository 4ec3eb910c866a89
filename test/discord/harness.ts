/**
 * Test harness: the Discord emulator plus the bot started exactly as `src/bot.ts` starts it
 * (config from an environment record, engine built once, `startBot`), logs captured in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, type QaEngine } from '../../src/answer/engine.js';
import { loadBotConfig, type BotConfig } from '../../src/config.js';
import { commands } from '../../commands/index.js';
import { startBot, type RestTuning, type RunningBot } from '../../src/discord/start.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle, type OptionInput, type RecordedRequest } from '../fakes/discord-emulator.js';

/** A token shaped like a real bot token (three base64url parts), long enough for the config check. */
export const TEST_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.bm90LWEtcmVhbC10b2tlbi1qdXN0LWEtdGVzdA';

/** Captured log lines, parsed. */
export class LogCapture {
  readonly raw: string[] = [];
  write(line: string): void {
    this.raw.push(line);
  }
  get entries(): Array<Record<string, unknown>> {
    return this.raw.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  text(): string {
    return this.raw.join('');
  }
}

/** Builds the engine once over the real article, with a throw-away index folder. */
export async function buildTestEngine(): Promise<{ engine: QaEngine; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bot-test-'));
  const engine = await createEngine({ config: { SEEDS_DIR: 'seeds', INDEX_DIR: path.join(dir, 'index'), EMBEDDING_DIM: 256 } });
  return { engine, dir };
}

/** A running emulator and bot. */
export interface Harness {
  emu: DiscordEmulator;
  bot: RunningBot;
  engine: QaEngine;
  config: BotConfig;
  logs: LogCapture;
  dir: string;
  feedbackFile: string;
  /** A fresh user id (so cooldowns of different tests never meet). */
  newUser(): string;
  /** Stops bot and emulator, removes the temp folder. */
  close(): Promise<void>;
}

let userCounter = 0n;

/** Starts an emulator and the bot against it. */
export async function startHarness(opts: { env?: Record<string, string>; rest?: RestTuning; engine?: QaEngine; logLevel?: string; now?: () => number } = {}): Promise<Harness> {
  const built = opts.engine ? { engine: opts.engine, dir: mkdtempSync(path.join(tmpdir(), 'bot-test-')) } : await buildTestEngine();
  const emu = await startDiscordEmulator({ token: TEST_TOKEN });
  const feedbackFile = path.join(built.dir, 'data', 'feedback.jsonl');
  const config = loadBotConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: emu.applicationId,
    DISCORD_API_URL: emu.apiBase,
    FEEDBACK_FILE: feedbackFile,
    FEEDBACK_SALT: 'test-salt-0123456789abcdef',
    SEEDS_DIR: 'seeds',
    INDEX_DIR: path.join(built.dir, 'index'),
    LOG_LEVEL: opts.logLevel ?? 'debug',
    ...opts.env,
  });
  const logs = new LogCapture();
  const log: Logger = createLogger(config.LOG_LEVEL, logs);
  const bot = await startBot({ config, engine: built.engine, commands, log, rest: opts.rest, now: opts.now });
  return {
    emu,
    bot,
    engine: built.engine,
    config,
    logs,
    dir: built.dir,
    feedbackFile,
    newUser: () => String(300_000_000_000_000_000n + ++userCounter),
    close: async () => {
      await bot.stop();
      await emu.stop();
      rmSync(built.dir, { recursive: true, force: true });
    },
  };
}

/** The options of `/ask`. */
export function askOptions(question: string, hidden?: boolean): OptionInput[] {
  return [{ name: 'question', type: 3, value: question }, ...(hidden === undefined ? [] : [{ name: 'private', type: 5, value: hidden }])];
}

/** An embed as the bot sends it over REST. */
export interface EmbedJson {
  type?: string;
  title?: string;
  description?: string;
  color?: number;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

/** A message body as the bot sends it: an interaction callback's `data`, or a webhook body. */
export interface MessageBody {
  content?: string;
  embeds?: EmbedJson[];
  components?: Array<{ components: Array<{ custom_id?: string; label?: string; disabled?: boolean }> }>;
  allowed_mentions?: unknown;
  flags?: number;
}

/** The message a request carries: the `data` of a callback (reply or update), or the body of a webhook request. */
export function messageOf(request: RecordedRequest): MessageBody | undefined {
  const body = request.body as { type?: number; data?: MessageBody } & MessageBody;
  if (request.route.endsWith('/callback')) return body.type === 4 || body.type === 7 ? body.data : undefined;
  if (request.route.startsWith('/webhooks/') && (request.method === 'PATCH' || request.method === 'POST')) return body;
  return undefined;
}

/** Waits for an interaction's final response and returns the message it carries. */
export async function finalMessage(handle: InteractionHandle, timeoutMs = 5_000): Promise<MessageBody> {
  const final = await handle.waitForFinal(timeoutMs);
  const message = messageOf(final);
  if (!message) throw new Error(`no message in final response ${final.method} ${final.route}`);
  return message;
}
