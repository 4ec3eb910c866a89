/**
 * The entry points as a user runs them, in child processes: `npm start` (npm → node
 * scripts/run.mjs → the compiled bot when dist/ is current, else the source through tsx, in the
 * same process) and `node scripts/run.mjs …` directly: settings errors, .env, a full start against
 * the emulator, signals, a fatal gateway close, registering the commands.
 * (Malformed settings and a rejected token are covered in-process, faster, in config.test.ts,
 * settings.test.ts and start.int.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../fakes/discord-emulator.js';
import { askOptions, TEST_TOKEN } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUN = path.join(ROOT, 'scripts/run.mjs');
const SETTINGS = /^(DISCORD_|FEEDBACK_|ASK_|SEEDS_DIR|INDEX_DIR|EMBEDDING_DIM|EMBEDDER|OLLAMA_|LOG_LEVEL|HEALTH_)/;

let emu: DiscordEmulator;
let dir: string;

/** The parent's environment without any of the project's settings (nor npm's own variables), plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SETTINGS.test(key) && !key.startsWith('npm_')));
  return { ...inherited, ...env };
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Run {
  const child = spawn(command, args, { cwd, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** `node scripts/run.mjs <program>`, as npm's scripts run it. */
const runProgram = (program: string, env: Record<string, string>, cwd = ROOT) => run(process.execPath, [RUN, program], env, cwd);

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The JSON log lines on stderr (the launcher may add a plain line before them). */
function logLines(stderr: string): Array<Record<string, unknown>> {
  return stderr.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

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
  LOG_LEVEL: 'info',
  ...extra,
});

describe('the bot (npm start)', () => {
  it('without settings: exits 78 with one message naming each missing setting and where it looked, pointing to npm run ask', async () => {
    const cwd = mkdtempSync(path.join(dir, 'empty-'));
    const bot = runProgram('bot', {}, cwd);
    const { code } = await bot.exit;

    expect(code).toBe(78);
    expect(bot.stderr()).toContain(`DISCORD_TOKEN is required (the bot token from the Discord developer portal); it is not set in the environment and there is no ${path.join(cwd, '.env')}`);
    expect(bot.stderr()).toContain('DISCORD_CLIENT_ID is required');
    expect(bot.stderr()).toContain('npm run ask');
    expect(bot.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reads .env in its working directory, answers, and on SIGTERM destroys the client and exits 0 within 5 s; the token is never logged', async () => {
    const cwd = mkdtempSync(path.join(dir, 'dotenv-'));
    const settings = { ...botEnv(), SEEDS_DIR: path.join(ROOT, 'seeds'), INDEX_DIR: path.join(cwd, 'index') };
    writeFileSync(path.join(cwd, '.env'), Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'));
    const bot = runProgram('bot', {}, cwd);
    await until(() => bot.stderr().includes('"bot ready"'), 30_000, 'bot ready');

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

  it.each(['SIGTERM', 'SIGINT'] as const)('npm start passes %s on to the bot: npm exits 0 within 5 s and no process is left behind', async (signal) => {
    const npm = run('npm', ['start'], botEnv());
    await until(() => npm.stderr().includes('"bot ready"'), 30_000, 'bot ready');
    const ready = logLines(npm.stderr()).find((l) => l.msg === 'bot ready')!;
    const botPid = ready.pid as number;
    expect(botPid).not.toBe(npm.child.pid); // the bot is npm's child, not npm itself

    const signalled = Date.now();
    npm.child.kill(signal);
    const { code } = await npm.exit;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(logLines(npm.stderr()).some((l) => l.msg === 'stopped')).toBe(true);
    await until(() => !isAlive(botPid), 1_000, 'the bot process to be gone');
  });

  it('when Discord closes the gateway for good (4004 after READY), exits 78 with one log line naming the code', async () => {
    const bot = runProgram('bot', botEnv());
    await until(() => bot.stderr().includes('"bot ready"'), 30_000, 'bot ready');
    emu.closeGateway(4004);
    const { code } = await bot.exit;

    expect(code).toBe(78);
    const serious = logLines(bot.stderr()).filter((l) => (l.level as number) >= 40);
    expect(serious).toHaveLength(1);
    expect(serious[0]).toMatchObject({ level: 60, code: 4004 });
    expect(serious[0]!.msg).toContain('authentication failed');
  });
});

describe('npm run deploy-commands', () => {
  it('registers the five commands (four slash commands, one message command) for the guild and says so', async () => {
    const deploy = runProgram('deploy-commands', botEnv({ DISCORD_GUILD_ID: emu.guildId }));
    const { code } = await deploy.exit;

    expect(deploy.stderr()).toBe('');
    expect(code).toBe(0);
    expect(deploy.stdout()).toContain(`Registered 5 commands for guild ${emu.guildId}: /ask /participants /source /help "Check against the article" (message command)`);
    expect(emu.commands.guild[emu.guildId]).toHaveLength(5);
  });
});
