/**
 * Cold start on the article, measured inside a fresh process: import the engine, open the index
 * already on disk, answer one question. Nothing from src/ is imported before the clock starts
 * (only types), so the import time is real.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** One cold start (ms, except `status`). */
export interface ColdStartSample {
  importMs: number;
  createEngineMs: number;
  firstAskMs: number;
  /** `performance.now()` at the first answer: time since the process started. */
  processToFirstAnswerMs: number;
  status: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Measures one cold start against an index directory that already holds a valid index. */
export async function measureColdStart(indexDir: string, question: string): Promise<ColdStartSample> {
  let started = performance.now();
  const { createEngine } = await import('../src/answer/engine.js');
  const importMs = performance.now() - started;
  started = performance.now();
  const engine = await createEngine({ config: { SEEDS_DIR: path.join(ROOT, 'seeds'), INDEX_DIR: indexDir, EMBEDDING_DIM: 256 } });
  const createEngineMs = performance.now() - started;
  started = performance.now();
  await engine.ask(question);
  const firstAskMs = performance.now() - started;
  return { importMs, createEngineMs, firstAskMs, processToFirstAnswerMs: performance.now(), status: engine.index.status };
}
