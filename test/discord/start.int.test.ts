/** startBot's own contract: failures to log in, idempotent stop, nothing left open. */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import type { QaEngine } from '../../src/answer/engine.js';
import { loadBotConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/start.js';
import { createLogger } from '../../src/log.js';
import { startDiscordEmulator, type DiscordEmulator } from '../fakes/discord-emulator.js';
import { buildTestEngine, LogCapture, TEST_TOKEN } from './harness.js';

let engine: QaEngine;
let dir: string;
let emu: DiscordEmulator;
const tcp = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
let baseline = 0;

beforeAll(async () => {
  baseline = tcp();
  ({ engine, dir } = await buildTestEngine());
  emu = await startDiscordEmulator({ token: TEST_TOKEN });
});
afterAll(async () => {
  await emu?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const config = (token: string) => loadBotConfig({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, FEEDBACK_FILE: `${dir}/f.jsonl` });

describe('startBot', () => {
  it('rejects a token Discord refuses with a message that does not contain it', async () => {
    const wrong = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.d3JvbmctdG9rZW4td3JvbmctdG9rZW4td3Jvbmc';
    const logs = new LogCapture();
    const error = await startBot({ config: config(wrong), engine, commands, log: createLogger('debug', logs) }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Could not log in to Discord/);
    expect((error as Error).message).not.toContain(wrong);
    expect(logs.text()).not.toContain(wrong);
  });

  it('stops idempotently and leaves no socket open', async () => {
    const bot = await startBot({ config: config(TEST_TOKEN), engine, commands, log: createLogger('silent') });
    expect(bot.client.isReady()).toBe(true);
    await Promise.all([bot.stop(), bot.stop()]);
    await bot.stop();

    expect(bot.client.isReady()).toBe(false);
    await emu.stop();
    await vi.waitFor(() => expect(tcp()).toBeLessThanOrEqual(baseline), { timeout: 2_000 });
  });
});
