/**
 * On-article figures (issue 5, part 1): first build, full rebuild, warm per-question latency of
 * `engine.ask` over both eval sets, memory and index size. The cold start is measured apart, in
 * fresh processes, by {@link measureColdStart} (bench/cold-start.ts).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, QuestionError, type QaEngine } from '../src/answer/engine.js';
import { EMBEDDING_DIM, loadQuestionSets, SEEDS_DIR } from './inputs.js';
import { median, summarize } from './stats.js';
import type { ArticleResult } from './types.js';

/** Options of {@link measureArticle}. */
export interface ArticleOptions {
  /** Scratch index directory (never the project's index/). */
  indexDir: string;
  /** Measured passes over both question sets (after one warm-up pass). */
  passes: number;
  /** How many full rebuilds to time. */
  rebuilds: number;
}

/** Engine settings pointing at the article and a scratch index directory. */
export const engineConfig = (indexDir: string) => ({ SEEDS_DIR, INDEX_DIR: indexDir, EMBEDDING_DIM });

/** Every file under a directory with its size, paths relative to it. */
export async function directoryBytes(directory: string): Promise<{ total: number; files: Record<string, number> }> {
  const files: Record<string, number> = {};
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const bytes = (await stat(full)).size;
        files[path.relative(directory, full)] = bytes;
        total += bytes;
      }
    }
  };
  await walk(directory);
  return { total, files };
}

/** Time of one `ask`, or null when the engine refuses the question. */
async function timeAsk(engine: QaEngine, question: string): Promise<number | null> {
  const started = performance.now();
  try {
    await engine.ask(question);
  } catch (error) {
    if (error instanceof QuestionError) return null;
    throw error;
  }
  return performance.now() - started;
}

/** Measures build, rebuild, warm latency, memory and disk on the article (cold start excluded). */
export async function measureArticle(options: ArticleOptions): Promise<Omit<ArticleResult, 'coldStart'>> {
  const config = engineConfig(options.indexDir);
  let started = performance.now();
  let engine = await createEngine({ config });
  const firstBuildMs = performance.now() - started;
  if (engine.index.status !== 'built') throw new Error(`expected a fresh build in ${options.indexDir}, got ${engine.index.status}`);

  const rebuildRuns: number[] = [];
  for (let i = 0; i < options.rebuilds; i++) {
    started = performance.now();
    engine = await createEngine({ config, rebuild: true });
    rebuildRuns.push(performance.now() - started);
  }

  const sets = await loadQuestionSets();
  // Clear the rebuilds' garbage so the passes show a server's steady state (its own garbage still counts).
  (globalThis as { gc?: () => void }).gc?.();
  let refused = 0;
  for (const q of [...sets.ko, ...sets.en]) if ((await timeAsk(engine, q.q)) === null) refused++;
  const samples = { ko: [] as number[], en: [] as number[] };
  for (let pass = 0; pass < options.passes; pass++) {
    for (const language of ['ko', 'en'] as const) {
      for (const q of sets[language]) {
        const ms = await timeAsk(engine, q.q);
        if (ms !== null) samples[language].push(ms);
      }
    }
  }

  return {
    sentences: engine.passages.length,
    firstBuildMs,
    rebuildMs: { median: median(rebuildRuns), runs: rebuildRuns },
    warm: { ko: summarize(samples.ko), en: summarize(samples.en), all: summarize([...samples.ko, ...samples.en]), passes: options.passes },
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBytes: process.memoryUsage.rss(),
    indexBytes: await directoryBytes(options.indexDir),
    refused,
  };
}
