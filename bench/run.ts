/**
 * `npm run bench -- [--quick]` / `npm run --silent bench -- --json`: the benchmark of issue 5 in one command.
 *
 * Runs, each in a fresh child process (bench/worker.ts): the on-article figures, cold starts, the
 * peer comparison, and for each synthetic corpus size a build process and a load process. Writes
 * report.json, report.md and chart.svg to bench/out/ (a --quick run to bench/out/quick/, git-ignored, so it
 * never overwrites the full report), prints the JSON report on stdout with --json, progress on stderr.
 *
 * Options: --quick (sizes 10k and 100k, fewer repetitions), --json, --sizes 10000,50000
 * (override the sizes), --out DIR, --keep (keep the scratch directory with the built indexes),
 * --render FILE (re-render an existing report.json; measures nothing).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ColdStartSample } from './cold-start.js';
import { renderChart } from './chart.js';
import { runJob } from './child.js';
import { size as formatSize } from './format.js';
import { loadQuestionSets, ROOT } from './inputs.js';
import { machineInfo } from './machine.js';
import { renderMarkdown } from './report.js';
import { progress } from './scale.js';
import { median } from './stats.js';
import { SYNTHETIC_DEFAULTS, ZIPF_EXPONENT, ZIPF_OFFSET } from './synthetic.js';
import { checkTargets, fitScaleGrowth } from './targets.js';
import type { ArticleResult, BenchReport, ConstructionSweepResult, PeerResult, ScaleBuildResult, ScaleLoadResult, ScaleResult } from './types.js';

/** Repetitions and sizes of a run. */
export interface RunPlan {
  mode: 'quick' | 'full';
  sizes: number[];
  articlePasses: number;
  rebuilds: number;
  coldRuns: number;
  peerPasses: number;
  scaleQueries: number;
  scalePasses: number;
  /** Corpus size of the efConstruction study, or null to skip it. */
  constructionSweepSize: number | null;
}

/** The plan of a full or a --quick run. */
export function plan(quick: boolean): RunPlan {
  return quick
    ? { mode: 'quick', sizes: [10_000, 100_000], articlePasses: 3, rebuilds: 3, coldRuns: 3, peerPasses: 3, scaleQueries: 200, scalePasses: 2, constructionSweepSize: null }
    : { mode: 'full', sizes: [10_000, 100_000, 1_000_000], articlePasses: 10, rebuilds: 10, coldRuns: 5, peerPasses: 5, scaleQueries: 200, scalePasses: 3, constructionSweepSize: 100_000 };
}

async function measureArticle(scratch: string, p: RunPlan): Promise<ArticleResult> {
  const indexDir = path.join(scratch, 'article-index');
  progress('article: build, rebuilds, warm questions');
  const { result } = await runJob<Omit<ArticleResult, 'coldStart'>>('article', { indexDir, passes: p.articlePasses, rebuilds: p.rebuilds });
  progress(`article: ${p.coldRuns} cold starts`);
  const question = (await loadQuestionSets()).ko[0]?.q ?? '공급망 대화는 무엇인가요?';
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < p.coldRuns; i++) samples.push((await runJob<ColdStartSample>('cold', { indexDir, question })).result);
  const mid = (pick: (s: ColdStartSample) => number) => median(samples.map(pick));
  const statuses = [...new Set(samples.map((s) => s.status))].join(', ');
  return {
    ...result,
    coldStart: {
      runs: samples.length,
      importMs: mid((s) => s.importMs),
      createEngineMs: mid((s) => s.createEngineMs),
      firstAskMs: mid((s) => s.firstAskMs),
      processToFirstAnswerMs: mid((s) => s.processToFirstAnswerMs),
      status: statuses,
    },
  };
}

async function measureScale(scratch: string, p: RunPlan, keep: boolean): Promise<{ results: ScaleResult[]; failures: { size: number; error: string }[] }> {
  const results: ScaleResult[] = [];
  const failures: { size: number; error: string }[] = [];
  for (const size of p.sizes) {
    const directory = path.join(scratch, `scale-${size}`);
    const options = { size, directory, queries: p.scaleQueries, passes: p.scalePasses };
    // Room for the corpus text, the documents array and JSON of the largest size.
    const jobOptions = { maxOldSpaceMb: 16_384 };
    try {
      const build = await runJob<ScaleBuildResult>('scale-build', options, jobOptions);
      progress(`scale ${formatSize(size)}: build ${Math.round(build.result.buildMs / 1000)} s, query p99 ${build.result.query.p99.toFixed(2)} ms, recall@10 ${build.result.recallAt10.toFixed(3)}`);
      // A failed load must not lose the build figures (the 1M build takes most of the run).
      try {
        const load = await runJob<ScaleLoadResult>('scale-load', options, jobOptions);
        results.push({ size, build: build.result, load: load.result, wallMs: build.wallMs + load.wallMs });
      } catch (error) {
        results.push({ size, build: build.result, load: null, loadError: (error as Error).message, wallMs: build.wallMs });
        failures.push({ size, error: `load: ${(error as Error).message}` });
      }
    } catch (error) {
      failures.push({ size, error: (error as Error).message });
      progress(`scale ${formatSize(size)} failed: ${(error as Error).message}`);
    } finally {
      if (!keep) await rm(directory, { recursive: true, force: true });
    }
  }
  return { results, failures };
}

/** Duration of the last --quick run, from its report (for the target check of a full run). */
async function lastQuickDuration(outDir: string): Promise<number | null> {
  try {
    const quick = JSON.parse(await readFile(path.join(outDir, 'quick', 'report.json'), 'utf8')) as Pick<BenchReport, 'durationMs'>;
    return quick.durationMs;
  } catch {
    return null;
  }
}

/** Writes chart.svg, report.md and report.json for a report into a directory. */
async function writeOutputs(report: BenchReport, outDir: string): Promise<void> {
  const { machine } = report;
  const ef = report.scale[0]?.build.efSearch;
  const efConstruction = report.scale[0]?.build.efConstruction ?? 200;
  const caption = `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; ${report.mode} run ${report.generatedAt.slice(0, 10)}; HNSW m=16 efC=${efConstruction}${ef ? ` ef=${ef}` : ''}, 256-d lexical vectors`;
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'chart.svg'), renderChart(report.scale, caption));
  await writeFile(path.join(outDir, 'report.md'), renderMarkdown(report, { chart: 'chart.svg' }));
  await writeFile(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * `--render FILE`: rebuilds report.md and chart.svg from an existing report.json (growth fits and
 * targets are recomputed, picking up the latest --quick duration) without measuring anything.
 */
async function render(file: string, outDir: string | undefined): Promise<void> {
  const report = JSON.parse(await readFile(file, 'utf8')) as BenchReport;
  const { targets: _previous, ...measured } = report;
  const draft = { ...measured, growth: fitScaleGrowth(measured.scale) };
  const rendered: BenchReport = { ...draft, targets: checkTargets(draft, report.mode === 'full' ? await lastQuickDuration(path.join(ROOT, 'bench/out')) : null) };
  const target = outDir ? path.resolve(outDir) : path.dirname(path.resolve(file));
  await writeOutputs(rendered, target);
  progress(`rendered ${path.relative(ROOT, target) || '.'}/report.md, report.json, chart.svg from ${file}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      render: { type: 'string' },
    },
  });
  if (values.render) return render(values.render, values.out);
  const started = performance.now();
  const p = plan(values.quick ?? false);
  if (values.sizes) {
    p.sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
    if (p.constructionSweepSize) p.constructionSweepSize = Math.min(p.constructionSweepSize, Math.max(...p.sizes));
  }
  const benchOut = path.join(ROOT, 'bench/out');
  const outDir = values.out ? path.resolve(values.out) : p.mode === 'quick' ? path.join(benchOut, 'quick') : benchOut;
  await mkdir(outDir, { recursive: true });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'article-qa-bench-'));
  progress(`${p.mode} run, sizes ${p.sizes.map(formatSize).join(', ')}; scratch ${scratch}`);

  try {
    const machine = machineInfo();
    const article = await measureArticle(scratch, p);
    progress('peers: MiniSearch, Orama and ours on the eval sets');
    const peers = (await runJob<PeerResult[]>('peers', { indexDir: path.join(scratch, 'peers-index'), passes: p.peerPasses })).result;
    const { results: scale, failures } = await measureScale(scratch, p, values.keep ?? false);
    let constructionSweep: ConstructionSweepResult[] = [];
    if (p.constructionSweepSize) {
      const options = { size: p.constructionSweepSize, directory: scratch, queries: p.scaleQueries, passes: p.scalePasses };
      try {
        constructionSweep = (await runJob<ConstructionSweepResult[]>('efc-sweep', options, { maxOldSpaceMb: 16_384 })).result;
      } catch (error) {
        failures.push({ size: p.constructionSweepSize, error: `efConstruction sweep: ${(error as Error).message}` });
      }
    }

    machine.loadAverage.end = os.loadavg()[0] ?? 0;
    const draft: Omit<BenchReport, 'targets'> = {
      generatedAt: new Date().toISOString(),
      mode: p.mode,
      durationMs: performance.now() - started,
      machine,
      article,
      peers,
      scale,
      constructionSweep,
      scaleFailures: failures,
      growth: fitScaleGrowth(scale),
      synthetic: { ...SYNTHETIC_DEFAULTS, zipfExponent: ZIPF_EXPONENT, zipfOffset: ZIPF_OFFSET, queries: p.scaleQueries, queryPasses: p.scalePasses, sizes: p.sizes },
    };
    const report: BenchReport = { ...draft, targets: checkTargets(draft, p.mode === 'full' ? await lastQuickDuration(benchOut) : null) };
    await writeOutputs(report, outDir);
    progress(`done in ${(report.durationMs / 1000).toFixed(1)} s; wrote ${path.relative(ROOT, outDir)}/report.md, report.json, chart.svg`);
    for (const t of report.targets) progress(`${t.met === null ? '—' : t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.figure}`);
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (values.keep) progress(`kept ${scratch}`);
    else await rm(scratch, { recursive: true, force: true });
  }
}

await main();
