/**
 * `src/bot.ts` with HEALTH_PORT set, in a child process as `npm start` runs it: the server comes
 * up before the index, turns ready with the gateway, counts a real question, and is gone after SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../fakes/discord-emulator.js';
import { askOptions, TEST_TOKEN } from '../discord/harness.js';

const SETTINGS = /^(DISCORD_|FEEDBACK_|ASK_|SEEDS_DIR|INDEX_DIR|EMBEDDING_DIM|EMBEDDER|OLLAMA_|LOG_LEVEL|HEALTH_)/;
let emu: DiscordEmulator;
let dir: string;

beforeAll(async () => {
  emu = await startDiscordEmulator({ token: TEST_TOKEN });
  dir = mkdtempSync(path.join(tmpdir(), 'bot-health-'));
});
afterAll(async () => {
  await emu?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm start with HEALTH_PORT', () => {
  it('serves /healthz and /metrics from start-up to SIGTERM, then listens no more', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SETTINGS.test(key)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], {
      env: { ...env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, INDEX_DIR: path.join(dir, 'index'), FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'), HEALTH_PORT: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await until(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(stderr)?.[1], 20_000, 'the health server');
      const ready = await until(async () => ((await fetch(`${url}/healthz`)).status === 200 ? true : undefined), 30_000, 'ready');
      expect(ready).toBe(true);

      await emu.sendChatInput({ name: 'ask', options: askOptions('Who attended the roundtable?') }).waitForFinal(5_000);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/^article_qa_questions_total\{command="ask",language="en"\} 1$/m);

      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  });
});
