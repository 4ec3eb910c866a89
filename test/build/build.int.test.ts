/**
 * `npm run build` and what it makes, in a production-like copy of the project: the sources and
 * scripts copied, `dist/` built by scripts/build.mjs, and a node_modules holding every installed
 * package except tsx and TypeScript (as after `npm ci --omit=dev`). Plain node must run the CLI and
 * the bot from there; an out-of-date build must be refused, not run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceHash, STAMP } from '../../scripts/build-state.mjs';
import { askOptions, TEST_TOKEN } from '../discord/harness.js';
import { startDiscordEmulator, type DiscordEmulator } from '../fakes/discord-emulator.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEV_ONLY = new Set(['tsx', 'typescript', '.bin', '.package-lock.json']);
const SETTINGS = /^(DISCORD_|FEEDBACK_|ASK_|SEEDS_DIR|INDEX_DIR|EMBEDDING_DIM|EMBEDDER|OLLAMA_|LOG_LEVEL|HEALTH_)/;
const QUESTION = '라운드테이블에 참석한 한국 기업은?';

let project: string;
let emu: DiscordEmulator;
let buildOutput: { code: number | null; stderr: string };

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SETTINGS.test(key) && !key.startsWith('npm_')));
  const child = spawn(process.execPath, args, { cwd: project, env: { ...inherited, INDEX_DIR: path.join(project, 'index'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, stdout: () => out, stderr: () => err, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'built-project-'));
  for (const entry of ['src', 'commands', 'scripts', 'seeds', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  mkdirSync(path.join(project, 'node_modules'));
  for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (!DEV_ONLY.has(name)) symlinkSync(path.join(ROOT, 'node_modules', name), path.join(project, 'node_modules', name));
  }
  // The build itself runs from the real checkout (it needs TypeScript) and writes into the copy.
  const build = spawn(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out-dir', path.join(project, 'dist')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  build.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  buildOutput = { code, stderr };
  emu = await startDiscordEmulator({ token: TEST_TOKEN });
}, 240_000);

afterAll(async () => {
  await emu?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('compiles src/ and commands/ to dist/ as ES modules and records the hash of the sources', () => {
    expect(buildOutput.stderr).toMatch(/built .*dist\/ in/);
    expect(buildOutput.code).toBe(0);
    for (const file of ['src/cli.js', 'src/bot.js', 'src/deploy-commands.js', 'commands/index.js']) expect(existsSync(path.join(project, 'dist', file))).toBe(true);
    expect(readFileSync(path.join(project, 'dist/src/cli.js'), 'utf8')).toMatch(/^import /m);
    expect(readFileSync(path.join(project, 'dist', STAMP), 'utf8').trim()).toBe(sourceHash(ROOT));
  });

  it('npm run ask (scripts/run.mjs) answers from dist/ with plain node, tsx and TypeScript absent', async () => {
    const ask = run(['scripts/run.mjs', 'cli', 'ask', '--json', QUESTION]);
    expect(await ask.exit).toBe(0);
    const answer = JSON.parse(ask.stdout()) as { answered: boolean; citations: { id: string }[] };
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]!.id).toBe('S24');
    expect(ask.stderr()).toBe('');
  });

  it('node dist/src/bot.js (the systemd unit’s command) logs in, answers, and exits 0 on SIGTERM', async () => {
    const bot = run(['dist/src/bot.js'], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, FEEDBACK_FILE: path.join(project, 'feedback.jsonl') });
    const deadline = Date.now() + 30_000;
    while (!bot.stderr().includes('"bot ready"')) {
      if (Date.now() > deadline || bot.child.exitCode !== null) throw new Error(`the bot did not start:\n${bot.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const final = await emu.sendChatInput({ name: 'ask', options: askOptions('Who attended the roundtable?') }).waitForFinal(3_000);
    expect(final).toMatchObject({ method: 'PATCH', status: 200 });

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
  });

  it('without tsx, a dist/ older than the sources is refused with a message saying how to build', async () => {
    appendFileSync(path.join(project, 'src/cli.ts'), '\n// changed after the build\n');
    const ask = run(['scripts/run.mjs', 'cli', 'ask', '--json', QUESTION]);

    expect(await ask.exit).toBe(1);
    expect(ask.stdout()).toBe('');
    expect(ask.stderr()).toContain('npm run build');
  });

  it('the prepare step (build --if-possible) leaves dist/ alone when TypeScript is not installed; a plain build says why it cannot', async () => {
    const prepare = run(['scripts/build.mjs', '--if-possible']);
    expect(await prepare.exit).toBe(0);
    expect(prepare.stderr()).toContain('build skipped');
    expect(existsSync(path.join(project, 'dist', STAMP))).toBe(true);

    const build = run(['scripts/build.mjs']);
    expect(await build.exit).toBe(1);
    expect(build.stderr()).toContain('TypeScript is not installed');
  });
});
