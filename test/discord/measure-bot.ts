/**
 * Measures the bot through the Discord emulator (not a test; run `npx tsx test/discord/measure-bot.ts`).
 *
 * A. `node scripts/run.mjs bot` in a child process, as `npm start` runs it (the compiled bot when
 *    dist/ is current, else the source through tsx): time to ready, memory at rest, and
 *    INTERACTION_CREATE → final reply over a burst of 50 `/ask` from 10 users. Start-up alone, every
 *    way of starting, is measured by `npm run bench:startup`.
 * B. The same burst in-process through `startBot`, with discord.js's default client-side global
 *    cap (50 requests/s) and with the bot's setting, to show what that cap costs.
 *
 * Latency is the emulator's clock: from handing INTERACTION_CREATE to the gateway to receiving the
 * response that completes the answer (the PATCH after the defer).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_REST } from '../../src/discord/start.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle } from '../fakes/discord-emulator.js';
import { askOptions, buildTestEngine, startHarness, TEST_TOKEN } from './harness.js';

const QUESTIONS = ['Who attended the roundtable?', '라운드테이블에 참석한 기업은?', 'Who signed the MOU?', '한미 공급망 대화의 목적은?', 'What is the weather on Mars?'];
const BURST = 50;
const USERS = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface BurstResult {
  p50: number;
  p99: number;
  max: number;
  ackP99: number;
  answered: number;
  limited: number;
}

async function burst(emu: DiscordEmulator, count = BURST): Promise<BurstResult> {
  const users = Array.from({ length: USERS }, (_, i) => String(400_000_000_000_000_000n + BigInt(Date.now() % 1_000_000) * 100n + BigInt(i)));
  const handles: InteractionHandle[] = Array.from({ length: count }, (_, i) =>
    emu.sendChatInput({ name: 'ask', options: askOptions(QUESTIONS[i % QUESTIONS.length]!), userId: users[i % USERS] }),
  );
  const finals = await Promise.all(handles.map((h) => h.waitForFinal(10_000)));
  const latencies = finals.map((f, i) => f.time - handles[i]!.dispatchedAt).sort((a, b) => a - b);
  const acks = handles.map((h) => (h.responses[0]?.time ?? Infinity) - h.dispatchedAt).sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1)!,
    ackP99: percentile(acks, 99),
    answered: finals.filter((f) => f.method === 'PATCH').length,
    limited: finals.filter((f) => f.route.endsWith('/callback')).length,
  };
}

/** VmRSS of a process in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measureChild(): Promise<Record<string, string>> {
  const emu = await startDiscordEmulator({ token: TEST_TOKEN });
  const dir = mkdtempSync(path.join(tmpdir(), 'measure-bot-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|FEEDBACK_|ASK_|INDEX_DIR|SEEDS_DIR|LOG_LEVEL)/.test(k)));
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/run.mjs', 'bot'], {
    env: { ...env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase, INDEX_DIR: path.join(dir, 'index'), FEEDBACK_FILE: path.join(dir, 'f.jsonl') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  while (!stderr.includes('"bot ready"')) {
    if (performance.now() - started > 30_000) throw new Error(`bot did not start:\n${stderr}`);
    await sleep(10);
  }
  const toReady = performance.now() - started;
  const readyLine = JSON.parse(stderr.split('\n').find((l) => l.includes('"bot ready"'))!) as { pid: number; startupMs: number };
  const connected = JSON.parse(stderr.split('\n').find((l) => l.includes('"connected to Discord"'))!) as { readyMs: number };
  await sleep(1_000);
  const restBefore = rssMb(readyLine.pid);
  const result = await burst(emu);
  await sleep(1_000);
  const restAfter = rssMb(readyLine.pid);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const signalled = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  const stopMs = performance.now() - signalled;
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    'start-up: spawn → "bot ready" (imports, index build, login)': `${toReady.toFixed(0)} ms`,
    'start-up: process uptime at ready (as the bot logs it)': `${readyLine.startupMs} ms`,
    'start-up: login() → READY': `${connected.readyMs} ms`,
    'memory at rest after start-up (RSS)': `${restBefore.toFixed(1)} MB`,
    'memory at rest after the burst (RSS)': `${restAfter.toFixed(1)} MB`,
    [`burst of ${BURST} /ask from ${USERS} users: answered / rate-limited`]: `${result.answered} / ${result.limited}`,
    'INTERACTION_CREATE → defer, p99': `${result.ackP99} ms`,
    'INTERACTION_CREATE → final reply, p50': `${result.p50} ms`,
    'INTERACTION_CREATE → final reply, p99': `${result.p99} ms`,
    'SIGTERM → exit': `${stopMs.toFixed(0)} ms (code ${code})`,
  };
}

const REPEATS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median over {@link REPEATS} bursts of `count` /ask with the given cap (cooldown off). */
async function measureCap(globalRequestsPerSecond: number, count: number): Promise<BurstResult> {
  const { engine, dir } = await buildTestEngine();
  const h = await startHarness({ engine, env: { ASK_COOLDOWN_PER_MINUTE: '100000' }, rest: { globalRequestsPerSecond }, logLevel: 'warn' });
  await burst(h.emu, 20); // warm-up (JIT)
  const runs: BurstResult[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await sleep(1_100); // let discord.js's one-second global window reset
    runs.push(await burst(h.emu, count));
  }
  await h.close();
  rmSync(dir, { recursive: true, force: true });
  const pick = (key: keyof BurstResult) => median(runs.map((r) => r[key]));
  return { p50: pick('p50'), p99: pick('p99'), max: pick('max'), ackP99: pick('ackP99'), answered: Math.min(...runs.map((r) => r.answered)), limited: pick('limited') };
}

function table(rows: Record<string, string>): string {
  const width = Math.max(...Object.keys(rows).map((k) => k.length));
  return Object.entries(rows)
    .map(([k, v]) => `${k.padEnd(width)}  ${v}`)
    .join('\n');
}

const child = await measureChild();
console.log(`A. node scripts/run.mjs bot (npm start without npm) against the emulator, Node ${process.version}\n`);
console.log(table(child));
console.log(`\nB. In-process startBot (emulator in the same process), cooldown off, median of ${REPEATS} bursts:\n   effect of discord.js's client-side global cap on follow-up edits\n`);
const rows: Record<string, string> = {};
for (const count of [50, 200]) {
  for (const cap of [50, DEFAULT_REST.globalRequestsPerSecond]) {
    const r = await measureCap(cap, count);
    rows[`${count} /ask, globalRequestsPerSecond ${cap}${cap === 50 ? ' (discord.js default)' : ' (bot default)'}`] = `p50 ${r.p50} ms, p99 ${r.p99} ms, defer p99 ${r.ackP99} ms, all ${r.answered === count ? 'answered' : `answered: ${r.answered}/${count}`}`;
  }
}
console.log(table(rows));
