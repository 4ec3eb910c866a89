/** What machine and which library versions a run measured. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './inputs.js';
import type { MachineInfo } from './types.js';

/** Libraries whose versions go into the report. */
const LIBRARIES = ['hnswlib-node', '@langchain/core', 'minisearch', '@orama/orama', 'tsx'];

function version(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** CPU model, core count, memory, OS, Node and library versions, and the commit measured. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, version(name)])),
    commit: commit(),
    loadAverage: { start: os.loadavg()[0] ?? 0, end: Number.NaN },
  };
}
