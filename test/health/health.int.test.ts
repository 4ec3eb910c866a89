/**
 * Health and metrics over loopback, with the real bot (startBot, as `npm start` wires it) against
 * the Discord emulator: readiness before and after start-up, counters moved by real questions,
 * votes, a gateway resume and a REST 429; and no server at all when HEALTH_PORT is unset.
 */
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import type { QaEngine } from '../../src/answer/engine.js';
import { loadBotConfig, type BotConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/start.js';
import { startHealthService, type HealthService } from '../../src/health/service.js';
import { createLogger } from '../../src/log.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle } from '../fakes/discord-emulator.js';
import { askOptions, buildTestEngine, LogCapture, TEST_TOKEN } from '../discord/harness.js';

const tcpServers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

/** The value of one sample in Prometheus text format, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(/,(?=[a-zA-Z_]\w*=")/) : [];
    if (wanted.length === have.length && wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(5_000) });

describe('HEALTH_PORT unset', () => {
  it('starts no server: nothing listens', async () => {
    const before = tcpServers();
    const config = loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: '100000000000000001' });
    const health = await startHealthService(config, createLogger('silent'));

    expect(config.HEALTH_PORT).toBeUndefined();
    expect(health).toBeNull();
    expect(tcpServers()).toBe(before);
  });
});

describe('HEALTH_PORT set, with the bot against the emulator', () => {
  let emu: DiscordEmulator;
  let engine: QaEngine;
  let dir: string;
  let config: BotConfig;
  let health: HealthService;
  let bot: RunningBot;
  const logs = new LogCapture();
  let users = 0n;
  const newUser = () => String(400_000_000_000_000_000n + ++users);
  const metrics = async () => (await get(`${health.url}/metrics`)).text();
  const ask = (question: string): InteractionHandle => emu.sendChatInput({ name: 'ask', options: askOptions(question), userId: newUser() });
  const answered = (handle: InteractionHandle) => handle.waitFor((r) => r.method === 'PATCH' && r.status === 200);

  beforeAll(async () => {
    emu = await startDiscordEmulator({ token: TEST_TOKEN });
  });
  afterAll(async () => {
    await bot?.stop();
    await health?.close();
    await emu?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 by default and says 503 with a reason while the index loads', async () => {
    config = loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, HEALTH_PORT: '0', LOG_LEVEL: 'debug' });
    health = (await startHealthService(config, createLogger('debug', logs)))!;

    expect(health.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await get(`${health.url}/healthz`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'not ready', index: 'loading', gateway: 'not connected', reason: 'the article index is still loading' });
  });

  it('says 503 until the gateway is connected, then 200 ready', async () => {
    ({ engine, dir } = await buildTestEngine());
    config = { ...config, FEEDBACK_FILE: `${dir}/feedback.jsonl`, INDEX_DIR: `${dir}/index` };
    health.readiness.markIndexLoaded();
    const waiting = await get(`${health.url}/healthz`);
    expect(waiting.status).toBe(503);
    expect(await waiting.json()).toMatchObject({ index: 'loaded', gateway: 'not connected', reason: 'the Discord gateway is not connected' });

    bot = await startBot({ config, engine, commands, log: createLogger('debug', logs), metrics: health.metrics, readiness: health.readiness });
    const ready = await get(`${health.url}/healthz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', index: 'loaded', gateway: 'connected' });
  });

  it('/metrics counts questions by command and language, answered and declined, and their latency', async () => {
    const before = await metrics();
    expect(sample(before, 'article_qa_answers_total', { outcome: 'answered' })).toBe(0);
    expect(sample(before, 'article_qa_questions_total', { command: 'ask', language: 'ko' })).toBeUndefined();

    await answered(ask('Who attended the roundtable from Korea?'));
    await answered(ask('라운드테이블에 참석한 한국 기업은?'));
    await answered(ask('What is the weather on Mars tomorrow?'));
    const after = await metrics();

    expect(sample(after, 'article_qa_questions_total', { command: 'ask', language: 'en' })).toBe(2);
    expect(sample(after, 'article_qa_questions_total', { command: 'ask', language: 'ko' })).toBe(1);
    expect(sample(after, 'article_qa_answers_total', { outcome: 'answered' })).toBe(2);
    expect(sample(after, 'article_qa_answers_total', { outcome: 'declined' })).toBe(1);
    expect(sample(after, 'article_qa_answer_duration_seconds_count', { outcome: 'answered' })).toBe(2);
    expect(sample(after, 'article_qa_answer_duration_seconds_bucket', { outcome: 'answered', le: '+Inf' })).toBe(2);
    expect(sample(after, 'article_qa_answer_duration_seconds_sum', { outcome: 'declined' })).toBeGreaterThan(0);
  });

  it('/metrics counts 👍 and 👎, a repeated click once', async () => {
    const answer = ask('Who attended the roundtable from Korea?');
    await answered(answer);
    const user = newUser();
    const click = (vote: string) => emu.sendButton({ customId: `ask:${vote}:${answer.id}`, messageId: answer.original!.id, userId: user }).waitForFinal();
    await click('up');
    await click('up');
    await click('down');

    const text = await metrics();
    expect(sample(text, 'article_qa_feedback_votes_total', { vote: 'up' })).toBe(1);
    expect(sample(text, 'article_qa_feedback_votes_total', { vote: 'down' })).toBe(1);
  });

  it('/metrics counts a REST 429 on the interaction callback, which discord.js retries', async () => {
    emu.failNext({ method: 'POST', pathIncludes: '/callback' }, 429, 1);
    const handle = ask('Who attended the roundtable from Korea?');
    await answered(handle);

    expect(handle.responses.some((r) => r.status === 429)).toBe(true);
    expect(sample(await metrics(), 'discord_rest_429_total', { route: '/interactions/:id/:token/callback' })).toBe(1);
  });

  it('/healthz says 503 while the gateway is down, 200 once resumed; /metrics counts the reconnect', async () => {
    const resumed = once(bot.client, Events.ShardResume);
    emu.closeGateway(4000);
    await vi.waitFor(async () => expect((await get(`${health.url}/healthz`)).status).toBe(503), { timeout: 2_000, interval: 5 });
    await resumed;

    expect((await get(`${health.url}/healthz`)).status).toBe(200);
    const text = await metrics();
    expect(sample(text, 'discord_gateway_reconnects_total', { event: 'reconnecting' })).toBe(1);
    expect(sample(text, 'discord_gateway_reconnects_total', { event: 'resumed' })).toBe(1);
  });

  it('/metrics includes the default process metrics in Prometheus text format', async () => {
    const response = await get(`${health.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('says 503 shutting down once the bot stops, and closing leaves nothing listening', async () => {
    const servers = tcpServers();
    await bot.stop();
    const stopping = await get(`${health.url}/healthz`);
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toMatchObject({ reason: 'shutting down' });

    await health.close();
    await expect(get(`${health.url}/healthz`)).rejects.toThrow();
    expect(tcpServers()).toBe(servers - 1);
  });
});
