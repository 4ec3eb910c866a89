/**
 * `npm run bench:startup`: start-up time and memory of the two programs a user starts, for every
 * way of starting them, in one run (issue 9).
 *
 * - **ask**: spawn → exit of `ask --json "question"` with the index already on disk (the answer is
 *   printed just before exit), and the peak memory of the whole process tree (npm, shells, the
 *   TypeScript loader's own process included: that is what the machine spends).
 * - **bot**: spawn → the `"bot ready"` log line against the local Discord emulator
 *   (test/fakes/discord-emulator.ts), the tree's RSS one second after ready, then SIGTERM to the
 *   spawned process: time to exit, exit code, and whether any process of the tree was left behind.
 *
 * Each way runs `--runs` times (default 7) after one unmeasured warm-up (which also builds the
 * index), round-robin with the other ways so that a busy machine slows them alike; the report
 * gives the median and the range. Writes `bench/out/startup.md` and `startup.json` (or `--out
 * DIR`). `--before DIR` measures another checkout of the project in the same run (one with its own
 * node_modules, e.g. the commit before the build existed; `--before-label` names it); ways whose
 * files are missing in a checkout are skipped. `--only ask|bot` measures one program; `--render
 * FILE` rewrites startup.md from a saved startup.json.
 *
 * Memory is read from /proc (Linux only): the tree is found by parent pid every 20 ms; a process's
 * peak is its VmHWM at the last sample, and the tree's peak is the sum of those peaks (an upper
 * bound: the processes may not peak at the same moment).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startDiscordEmulator } from '../test/fakes/discord-emulator.js';
import { ROOT } from './inputs.js';
import { median } from './stats.js';

const QUESTION = '라운드테이블에 참석한 한국 기업은?';
/** A token shaped like a real one (the emulator accepts exactly this one). */
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.bm90LWEtcmVhbC10b2tlbi1qdXN0LWEtdGVzdA';
const SETTINGS = /^(DISCORD_|FEEDBACK_|ASK_|SEEDS_DIR|INDEX_DIR|EMBEDDING_DIM|EMBEDDER|OLLAMA_|LOG_LEVEL|HEALTH_)/;

/** One way of starting a program: the command line, run in the root of a checkout. */
interface Way {
  label: string;
  command: string;
  args: string[];
  /** A file that must exist for this way to run (relative to the root). */
  needs: string;
  /** The checkout: its folder and its name in the report. */
  root: string;
  checkout: string;
}

interface Sample {
  ms: number;
  treeMb: number;
  mainMb: number;
}

interface BotSample extends Sample {
  processes: number;
  stopMs: number;
  exitCode: number | null;
  leftBehind: number;
}

/** Median and range of one figure. */
interface Figure {
  median: number;
  min: number;
  max: number;
}

interface AskRow {
  checkout: string;
  way: string;
  command: string;
  runs: number;
  ms: Figure;
  treePeakMb: Figure;
  mainPeakMb: Figure;
}

interface BotRow {
  checkout: string;
  way: string;
  command: string;
  runs: number;
  readyMs: Figure;
  treeRssMb: Figure;
  mainRssMb: Figure;
  processes: number;
  stopMs: Figure;
  exitCodes: (number | null)[];
  leftBehind: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function figure(values: number[]): Figure {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of stat, after the command name in parentheses (which may contain spaces).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/** `root` and all its descendants alive now. */
function tree(root: number): number[] {
  const map = parents();
  const found = new Set(map.has(root) ? [root] : []);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of map) {
      if (found.has(ppid) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** A field of /proc/PID/status in MB (VmRSS, VmHWM), or null when the process is gone. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(/(\d+)/.exec(line)?.[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SETTINGS.test(key) && !key.startsWith('npm_')));
  return { ...inherited, NO_COLOR: '1', ...extra };
}

async function runAsk(way: Way, env: NodeJS.ProcessEnv): Promise<Sample> {
  const started = performance.now();
  const child = spawn(way.command, way.args, { cwd: way.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const peaks = new Map<number, number>();
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    for (const pid of tree(child.pid!)) {
      const hwm = statusMb(pid, 'VmHWM');
      if (hwm !== null) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
    }
    await Promise.race([sleep(20), exited]);
  }
  const code = await exited;
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${way.label} exited ${code}:\n${err}`);
  const answer = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { answered?: boolean };
  if (answer.answered !== true) throw new Error(`${way.label} did not answer: ${out}`);
  const values = [...peaks.values()];
  return { ms, treeMb: values.reduce((a, b) => a + b, 0), mainMb: Math.max(...values) };
}

async function runBot(way: Way, env: NodeJS.ProcessEnv): Promise<BotSample> {
  const started = performance.now();
  const child = spawn(way.command, way.args, { cwd: way.root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  while (!err.includes('"bot ready"')) {
    if (performance.now() - started > 60_000 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`${way.label} did not get ready:\n${err}`);
    }
    await sleep(5);
  }
  const ms = performance.now() - started;
  await sleep(1_000);
  const pids = tree(child.pid!);
  const rss = pids.map((pid) => statusMb(pid, 'VmRSS') ?? 0);
  const signalled = performance.now();
  child.kill('SIGTERM');
  const exitCode = await Promise.race([exited, sleep(10_000).then(() => 'timeout' as const)]);
  const stopMs = performance.now() - signalled;
  await sleep(200);
  const alive = pids.filter((pid) => statusMb(pid, 'VmRSS') !== null);
  // Whatever this run left behind is ours to clean up (by pid).
  for (const pid of alive) process.kill(pid, 'SIGKILL');
  return {
    ms,
    treeMb: rss.reduce((a, b) => a + b, 0),
    mainMb: Math.max(...rss),
    processes: pids.length,
    stopMs,
    exitCode: exitCode === 'timeout' ? null : exitCode,
    leftBehind: alive.length,
  };
}

function ways(root: string, checkout: string, program: 'ask' | 'bot'): Way[] {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const node = process.execPath;
  const all: Array<Omit<Way, 'root' | 'checkout'>> =
    program === 'ask'
      ? [
          { label: 'npm run ask', command: 'npm', args: ['run', '--silent', 'ask', '--', '--json', QUESTION], needs: 'package.json' },
          { label: 'node dist', command: node, args: ['dist/src/cli.js', 'ask', '--json', QUESTION], needs: 'dist/src/cli.js' },
          { label: 'tsx', command: tsx, args: ['src/cli.ts', 'ask', '--json', QUESTION], needs: 'src/cli.ts' },
        ]
      : [
          { label: 'npm start', command: 'npm', args: ['start'], needs: 'package.json' },
          { label: 'node dist', command: node, args: ['dist/src/bot.js'], needs: 'dist/src/bot.js' },
          { label: 'tsx', command: tsx, args: ['src/bot.ts'], needs: 'src/bot.ts' },
        ];
  return all.filter((w) => existsSync(path.join(root, w.needs))).map((w) => ({ ...w, root, checkout }));
}

/** Runs every way once as a warm-up, then `runs` rounds of every way in turn; samples per way. */
async function roundRobin<T>(all: Way[], runs: number, once: (way: Way) => Promise<T>): Promise<T[][]> {
  for (const way of all) await once(way);
  const samples: T[][] = all.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [n, way] of all.entries()) samples[n]!.push(await once(way));
    progress(`round ${i + 1}/${runs}`);
  }
  return samples;
}

const commandLine = (way: Way) => [way.command === process.execPath ? 'node' : path.basename(way.command), ...way.args].map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');

function progress(message: string): void {
  process.stderr.write(`[startup] ${message}\n`);
}

async function measureAsk(all: Way[], scratch: string, runs: number): Promise<AskRow[]> {
  const envOf = (way: Way) => environment({ INDEX_DIR: path.join(scratch, `ask-index-${way.checkout.replace(/\W+/g, '-')}`) });
  const samples = await roundRobin(all, runs, (way) => runAsk(way, envOf(way)));
  return all.map((way, n) => {
    const mine = samples[n]!;
    const row = { checkout: way.checkout, way: way.label, command: commandLine(way), runs, ms: figure(mine.map((s) => s.ms)), treePeakMb: figure(mine.map((s) => s.treeMb)), mainPeakMb: figure(mine.map((s) => s.mainMb)) };
    progress(`ask, ${way.checkout}, ${way.label}: ${row.ms.median.toFixed(0)} ms, tree peak ${row.treePeakMb.median.toFixed(0)} MB`);
    return row;
  });
}

async function measureBot(all: Way[], scratch: string, runs: number): Promise<BotRow[]> {
  const emu = await startDiscordEmulator({ token: TOKEN });
  const envOf = (way: Way) =>
    environment({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiBase,
      INDEX_DIR: path.join(scratch, `bot-index-${way.checkout.replace(/\W+/g, '-')}`),
      FEEDBACK_FILE: path.join(scratch, 'feedback.jsonl'),
      FEEDBACK_SALT: 'startup-bench-salt-0123456789',
    });
  try {
    const samples = await roundRobin(all, runs, (way) => runBot(way, envOf(way)));
    return all.map((way, n) => {
      const mine = samples[n]!;
      const row: BotRow = {
        checkout: way.checkout,
        way: way.label,
        command: commandLine(way),
        runs,
        readyMs: figure(mine.map((s) => s.ms)),
        treeRssMb: figure(mine.map((s) => s.treeMb)),
        mainRssMb: figure(mine.map((s) => s.mainMb)),
        processes: Math.max(...mine.map((s) => s.processes)),
        stopMs: figure(mine.map((s) => s.stopMs)),
        exitCodes: [...new Set(mine.map((s) => s.exitCode))],
        leftBehind: mine.reduce((count, s) => count + s.leftBehind, 0),
      };
      progress(`bot, ${way.checkout}, ${way.label}: ready ${row.readyMs.median.toFixed(0)} ms, tree ${row.treeRssMb.median.toFixed(0)} MB, left behind ${row.leftBehind}`);
      return row;
    });
  } finally {
    await emu.stop();
  }
}

const range = (f: Figure, digits = 0) => `${f.median.toFixed(digits)} (${f.min.toFixed(digits)}–${f.max.toFixed(digits)})`;

interface StartupReport {
  generatedAt: string;
  checkouts: Array<{ name: string; root: string }>;
  node: string;
  cpu: string;
  cores: number;
  loadAverage: number[];
  ask: AskRow[];
  bot: BotRow[];
}

function markdown(report: { generatedAt: string; checkouts: Array<{ name: string; root: string }>; node: string; cpu: string; cores: number; loadAverage: number[]; ask: AskRow[]; bot: BotRow[] }): string {
  return [
    '# Start-up benchmark',
    '',
    `Generated ${report.generatedAt} by \`npm run bench:startup\` on ${report.cpu}, ${report.cores} cores, Node ${report.node}; load average (1 min) at start / end ${report.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    `Checkouts: ${report.checkouts.map((c) => `**${c.name}** (${c.root})`).join(', ')}. The ways ran round-robin, so a busy machine slowed them alike.`,
    'Median over the runs, range in parentheses. Method: bench/README.md, "Start-up".',
    '',
    '## `ask --json`: spawn → answer printed and exited (index on disk)',
    '',
    '| checkout | way | command | runs | time (ms) | peak RSS, whole tree (MB) | peak RSS, largest process (MB) |',
    '|---|---|---|---:|---:|---:|---:|',
    ...report.ask.map((r) => `| ${r.checkout} | ${r.way} | \`${r.command}\` | ${r.runs} | ${range(r.ms)} | ${range(r.treePeakMb)} | ${range(r.mainPeakMb)} |`),
    '',
    '## The bot against the local Discord emulator',
    '',
    '| checkout | way | command | runs | spawn → ready (ms) | RSS at rest, whole tree (MB) | RSS, largest process (MB) | processes | SIGTERM → exit (ms) | exit codes | processes left behind |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|',
    ...report.bot.map((r) => `| ${r.checkout} | ${r.way} | \`${r.command}\` | ${r.runs} | ${range(r.readyMs)} | ${range(r.treeRssMb)} | ${range(r.mainRssMb)} | ${r.processes} | ${range(r.stopMs)} | ${r.exitCodes.map((c) => (c === null ? 'killed by the signal' : String(c))).join(', ')} | ${r.leftBehind} |`),
    '',
  ].join('\n');
}

/** The commit of a git checkout (with "+dirty" when it has changes), else null. */
function commitOf(root: string): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '7' }, before: { type: 'string' }, 'before-label': { type: 'string' }, out: { type: 'string' }, only: { type: 'string' }, render: { type: 'string' } },
  });
  if (values.render) {
    // Re-render the Markdown of a saved startup.json next to it; measures nothing.
    const report = JSON.parse(readFileSync(values.render, 'utf8')) as StartupReport;
    await writeFile(path.join(path.dirname(values.render), 'startup.md'), markdown(report));
    return;
  }
  const runs = Number(values.runs);
  const checkouts = [{ name: commitOf(ROOT) ?? 'this checkout', root: ROOT }];
  if (values.before) {
    const root = path.resolve(values.before);
    checkouts.push({ name: values['before-label'] ?? commitOf(root) ?? 'before', root });
  }
  const outDir = path.resolve(values.out ?? path.join(ROOT, 'bench/out'));
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'startup-bench-'));
  const loadStart = os.loadavg()[0] ?? 0;
  try {
    const waysOf = (program: 'ask' | 'bot') => checkouts.flatMap((c) => ways(c.root, c.name, program));
    const ask = values.only === 'bot' ? [] : await measureAsk(waysOf('ask'), scratch, runs);
    const bot = values.only === 'ask' ? [] : await measureBot(waysOf('bot'), scratch, runs);
    const report: StartupReport = {
      generatedAt: new Date().toISOString(),
      checkouts,
      node: process.version,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      loadAverage: [loadStart, os.loadavg()[0] ?? 0],
      ask,
      bot,
    };
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'startup.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(outDir, 'startup.md'), markdown(report));
    progress(`wrote ${path.relative(ROOT, outDir) || '.'}/startup.md and startup.json`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
