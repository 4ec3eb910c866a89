/**
 * The entry points as a user runs them (`tsx src/bot.ts`, `tsx src/deploy-commands.ts`) in a
 * child process: settings errors, a full start against the emulator and SIGTERM, registering.
 * (Malformed settings and a rejected token are covered in-process, faster, in config.test.ts and
 * start.int.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../fakes/discord-emulator.js';
import { askOptions, TEST_TOKEN } from './harness.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const SETTINGS = /^(DISCORD_|FEEDBACK_|ASK_|SEEDS_DIR|INDEX_DIR|EMBEDDING_DIM|EMBEDDER|OLLAMA_|LOG_LEVEL)/;

let emu: DiscordEmulator;
let dir: string;

/** The parent's environment without any of the project's settings, plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SETTINGS.test(key)));
  return { ...inherited, ...env };
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs a script as `npm start` does (the tsx CLI, which relays signals to its node child), or
 * with `viaNode` straight in node with tsx's loader (one process fewer, faster).
 */
function run(script: string, env: Record<string, string>, opts: { viaNode?: boolean } = {}): Run {
  const [command, args] = opts.viaNode ? [process.execPath, ['--import', 'tsx', script]] : [TSX, [script]];
  const child = spawn(command, args, { env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  emu = await startDiscordEmulator({ token: TEST_TOKEN });
  dir = mkdtempSync(path.join(tmpdir(), 'bot-entry-'));
});
afterAll(async () => {
  await emu?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const botEnv = (extra: Record<string, string> = {}) => ({
  DISCORD_TOKEN: TEST_TOKEN,
  DISCORD_CLIENT_ID: emu.applicationId,
  DISCORD_API_URL: emu.apiBase,
  INDEX_DIR: path.join(dir, 'index'),
  FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
  ...extra,
});

describe('npm start (src/bot.ts)', () => {
  it('without settings: exits 1 with one message naming each missing setting and pointing to npm run ask', async () => {
    const bot = run('src/bot.ts', {}, { viaNode: true });
    const { code } = await bot.exit;

    expect(code).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_TOKEN is required');
    expect(bot.stderr()).toContain('DISCORD_CLIENT_ID is required');
    expect(bot.stderr()).toContain('npm run ask');
    expect(bot.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('starts, answers, and on SIGTERM destroys the client and exits 0 within 5 s; the token is never logged', async () => {
    const bot = run('src/bot.ts', botEnv());
    await until(() => bot.stderr().includes('"bot ready"'), 20_000, 'bot ready');

    const handle = emu.sendChatInput({ name: 'ask', options: askOptions('Who attended the roundtable?') });
    const final = await handle.waitForFinal(3_000);
    expect(final).toMatchObject({ method: 'PATCH', status: 200 });

    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const { code } = await bot.exit;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(bot.stderr()).toContain('"stopped"');
    expect(bot.stderr()).not.toContain(TEST_TOKEN);
    expect(bot.stderr()).not.toContain(handle.token);
  });
});

describe('npm run deploy-commands (src/deploy-commands.ts)', () => {
  it('registers the four commands for the guild and says so', async () => {
    const deploy = run('src/deploy-commands.ts', botEnv({ DISCORD_GUILD_ID: emu.guildId }), { viaNode: true });
    const { code } = await deploy.exit;

    expect(deploy.stderr()).toBe('');
    expect(code).toBe(0);
    expect(deploy.stdout()).toContain(`Registered 4 commands for guild ${emu.guildId}: /ask /participants /source /help`);
    expect(emu.commands.guild[emu.guildId]).toHaveLength(4);
  });
});
