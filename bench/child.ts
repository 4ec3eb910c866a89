/** Runs a benchmark job in a fresh Node process (see bench/worker.ts) and returns its result. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkerJob } from './worker.js';
import { ROOT } from './inputs.js';

/** Options of {@link runJob}. */
export interface JobOptions {
  /** V8 old-space limit of the child (MB); large corpora need more than the default. */
  maxOldSpaceMb?: number;
}

/**
 * Spawns `node --expose-gc --import tsx bench/worker.ts <job> …`, waits for it and parses the
 * result file it writes. The child's stdout and stderr go to our stderr, so `--json` output stays clean.
 */
export async function runJob<T>(job: WorkerJob, options: object, jobOptions: JobOptions = {}): Promise<{ result: T; wallMs: number }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-job-'));
  const out = path.join(scratch, 'result.json');
  const args = ['--expose-gc', ...(jobOptions.maxOldSpaceMb ? [`--max-old-space-size=${jobOptions.maxOldSpaceMb}`] : []), '--import', 'tsx', path.join(ROOT, 'bench/worker.ts'), job, JSON.stringify(options), out];
  const started = performance.now();
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
      child.on('error', reject);
      child.on('exit', (exitCode, signal) => resolve(signal ? -1 : exitCode));
    });
    if (code !== 0) throw new Error(`benchmark job ${job} failed (exit ${code})`);
    return { result: JSON.parse(await readFile(out, 'utf8')) as T, wallMs: performance.now() - started };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
