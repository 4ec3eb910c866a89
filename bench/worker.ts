/**
 * Entry point of the benchmark's child processes: `worker.ts <job> <options JSON> <result file>`.
 * Each job runs in a fresh process so that its memory and cold-start figures are its own; the
 * job's module is imported only after the job is chosen (the cold start must import the engine itself).
 */
import { writeFile } from 'node:fs/promises';

/** Jobs a child process can run. */
export type WorkerJob = 'article' | 'cold' | 'peers' | 'scale-build' | 'scale-load' | 'efc-sweep';

async function run(job: WorkerJob, options: Record<string, unknown>): Promise<unknown> {
  switch (job) {
    case 'article': {
      const { measureArticle } = await import('./article.js');
      return measureArticle(options as unknown as import('./article.js').ArticleOptions);
    }
    case 'cold': {
      const { measureColdStart } = await import('./cold-start.js');
      return measureColdStart(String(options.indexDir), String(options.question));
    }
    case 'peers': {
      const { comparePeers } = await import('./peers.js');
      return comparePeers({ indexDir: String(options.indexDir), passes: Number(options.passes) });
    }
    case 'scale-build': {
      const { buildScale } = await import('./scale.js');
      return buildScale(options as unknown as import('./scale.js').ScaleOptions);
    }
    case 'scale-load': {
      const { loadScale } = await import('./scale.js');
      return loadScale(options as unknown as import('./scale.js').ScaleOptions);
    }
    case 'efc-sweep': {
      const { sweepConstruction } = await import('./scale.js');
      return sweepConstruction(options as unknown as import('./scale.js').ScaleOptions);
    }
  }
}

const [job, json, out] = process.argv.slice(2);
if (!job || !json || !out) {
  process.stderr.write('usage: worker.ts <job> <options JSON> <result file>\n');
  process.exit(2);
}
const result = await run(job as WorkerJob, JSON.parse(json) as Record<string, unknown>);
await writeFile(out, JSON.stringify(result));
