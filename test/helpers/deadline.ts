import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Outcome of {@link runWithDeadline}. */
export interface DeadlineRun {
  /** True when the child was killed at the deadline. */
  timedOut: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript module in a child process and kills it at the deadline. vitest's timeout
 * cannot interrupt synchronous code (a quadratic regular expression holds the thread for minutes,
 * and the test then passes late), so work that must be linear runs here, with a deadline far above
 * what linear work needs and far below what quadratic work takes.
 */
export function runWithDeadline(module: string, args: readonly string[], deadlineMs: number): DeadlineRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', module, ...args], { cwd: ROOT, timeout: deadlineMs, killSignal: 'SIGKILL', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { timedOut: child.signal === 'SIGKILL', code: child.status, stdout: child.stdout, stderr: child.stderr };
}
