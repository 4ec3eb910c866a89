/**
 * How the bot ends: a stop lets running answers finish or tells their users to ask again, and
 * turns away what arrives meanwhile; Discord closing the gateway for good is reported once.
 * The real client against the emulator, with a test command whose handler the test holds.
 */
import { rmSync } from 'node:fs';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { QaEngine } from '../../src/answer/engine.js';
import { loadBotConfig } from '../../src/config.js';
import type { Command } from '../../src/discord/command.js';
import { FATAL_CLOSE_CODES, GatewayClosedError } from '../../src/discord/gateway-close.js';
import { defer, edit } from '../../src/discord/respond.js';
import { startBot, type RunningBot } from '../../src/discord/start.js';
import { createLogger } from '../../src/log.js';
import { startDiscordEmulator, type DiscordEmulator, type EmulatorOptions } from '../fakes/discord-emulator.js';
import { askOptions, buildTestEngine, LogCapture, TEST_TOKEN } from './harness.js';

let engine: QaEngine;
let dir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  ({ engine, dir } = await buildTestEngine());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A command that defers, then waits for the test to let it answer. */
function heldCommand(): { command: Command; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let markStarted!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const command: Command = {
    data: new SlashCommandBuilder().setName('held').setDescription('answers when the test says so'),
    async execute(interaction) {
      await defer(interaction);
      markStarted();
      await gate;
      await edit(interaction, { content: 'the real answer' });
    },
  };
  return { command, release, started };
}

async function start(extra: Command[] = [], emulator: EmulatorOptions = {}): Promise<{ emu: DiscordEmulator; bot: RunningBot; logs: LogCapture }> {
  const emu = await startDiscordEmulator({ token: TEST_TOKEN, ...emulator });
  cleanups.push(() => emu.stop());
  const logs = new LogCapture();
  const config = loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, FEEDBACK_FILE: `${dir}/f.jsonl`, FEEDBACK_SALT: 'test-salt-0123456789abcdef' });
  const bot = await startBot({ config, engine, log: createLogger('debug', logs), commands: [...extra, ...commands] });
  cleanups.push(() => bot.stop());
  return { emu, bot, logs };
}

const content = (body: unknown) => (body as { content?: string; data?: { content?: string; flags?: number } } | undefined);

describe('stopping', () => {
  it('lets an answer that finishes within the drain time finish', async () => {
    const held = heldCommand();
    const { emu, bot } = await start([held.command]);
    const handle = emu.sendChatInput({ name: 'held' });
    await held.started;

    const stopped = bot.stop();
    setTimeout(held.release, 300);
    await stopped;

    const final = await handle.waitForFinal(1_000);
    expect(final.method).toBe('PATCH');
    expect(content(final.body)?.content).toBe('the real answer');
  });

  it('tells the user of an answer still running after the drain time to ask again, and turns away what arrives meanwhile', async () => {
    const held = heldCommand();
    const { emu, bot, logs } = await start([held.command]);
    const running = emu.sendChatInput({ name: 'held' });
    await held.started;

    const started = Date.now();
    const stopped = bot.stop();
    const late = emu.sendChatInput({ name: 'ask', options: askOptions('Who attended the roundtable?') });
    const turnedAway = await late.waitForFinal(2_000);
    await stopped;
    const elapsed = Date.now() - started;

    // Arrived during shutdown: a private reply, at once, in the user's language (en-US here).
    expect(turnedAway.route).toMatch(/\/callback$/);
    expect(content(turnedAway.body)?.data).toMatchObject({ flags: 64, content: expect.stringContaining('restarting') });
    expect(turnedAway.time - late.dispatchedAt).toBeLessThan(1_000);
    // Still running when the 2 s were up: its "thinking…" became the request to ask again.
    expect(running.original?.content).toMatch(/restarting.*ask again/);
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(4_000);
    expect(logs.entries.filter((e) => e.msg === 'interactions still running at shutdown: asking their users to ask again')).toHaveLength(1);
    held.release();
  });

  it('stops at once when nothing is running', async () => {
    const { bot } = await start();
    const started = Date.now();
    await bot.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(bot.client.isReady()).toBe(false);
  });
});

describe('Discord closing the gateway for good', () => {
  it.each([...FATAL_CLOSE_CODES.keys()])('after READY, close %i settles gatewayLost and logs exactly one line, at level fatal', async (code) => {
    const { emu, bot, logs } = await start();
    emu.closeGateway(code);
    const lost = await bot.gatewayLost;

    expect(lost).toEqual({ code, reason: FATAL_CLOSE_CODES.get(code) });
    await new Promise((resolve) => setTimeout(resolve, 50)); // let discord.js emit whatever else it emits
    const serious = logs.entries.filter((e) => (e.level as number) >= 40);
    expect(serious).toHaveLength(1);
    expect(serious[0]).toMatchObject({ level: 60, code });
    expect(serious[0]!.msg).toContain(`(${code}, `);
  });

  it('while logging in, rejects startBot at once with GatewayClosedError instead of waiting for the ready timeout', async () => {
    const emu = await startDiscordEmulator({ token: TEST_TOKEN, identifyCloseCode: 4014 });
    cleanups.push(() => emu.stop());
    const config = loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, FEEDBACK_FILE: `${dir}/f.jsonl` });
    const started = Date.now();
    const error = await startBot({ config, engine, log: createLogger('silent'), commands, readyTimeoutMs: 20_000 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayClosedError);
    expect((error as GatewayClosedError).lost.code).toBe(4014);
    expect((error as Error).message).toContain('disallowed intents');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
