/**
 * Scale benchmark of our vector path on synthetic corpora: build (fit + embed + HNSW insert),
 * size on disk, memory, query latency, HNSW recall@10 against exact search, brute-force latency
 * ({@link buildScale}); then, in a fresh process, cold load, serving memory and an ef sweep
 * ({@link loadScale}). Each runs in its own child process so memory figures are not mixed up.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document } from '@langchain/core/documents';
import hnswlib from 'hnswlib-node';
import { DEFAULT_HNSW, HnswVectorStore, STORE_FILES } from '../src/search/hnsw-store.js';
import { LexicalEmbeddings } from '../src/search/lexical-embeddings.js';
import { FlatIndex, recallAtK, type Neighbours } from './bruteforce.js';
import { EMBEDDING_DIM, loadArticleProfile, loadQuestionSets } from './inputs.js';
import { summarize } from './stats.js';
import { buildQueries, SyntheticNews, type SyntheticQuery } from './synthetic.js';
import type { ConstructionSweepResult, ScaleBuildResult, ScaleLoadResult } from './types.js';

/** Options shared by the build and load steps of one corpus size. */
export interface ScaleOptions {
  /** Number of synthetic sentences. */
  size: number;
  /** Scratch directory for this size (the store goes in `store/`, ground truth in `truth.json`). */
  directory: string;
  /** Number of benchmark queries (half eval questions, half corpus fragments). */
  queries: number;
  /** Measured passes over the queries (after one warm-up pass). */
  passes: number;
}

/** ef values tried on the loaded graph (the store's own is {@link HnswVectorStore.parameters}). */
export const EF_SWEEP = [16, 32, 64, 128, 256, 512] as const;
/** efConstruction values tried by {@link sweepConstruction} (the store's own: `DEFAULT_HNSW.efConstruction`). */
export const EFC_SWEEP = [50, 100] as const;
/** ef values at which each {@link sweepConstruction} graph is queried. */
export const EFC_SWEEP_EF = [64, 128, 256] as const;
const K = 10;
const BATCH = 1000;

/** Writes a progress line to stderr (stdout is kept for `--json`). */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs a full garbage collection when the process was started with --expose-gc. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const rss = () => process.memoryUsage.rss();
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** The synthetic corpus of a size, with the document each sentence belongs to. */
async function generateCorpus(size: number): Promise<{ texts: string[]; documents: Uint32Array; korean: Uint8Array; generateMs: number }> {
  const started = performance.now();
  const generator = new SyntheticNews(await loadArticleProfile());
  const texts = new Array<string>(size);
  const documents = new Uint32Array(size);
  const korean = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const sentence = generator.next();
    texts[i] = sentence.text;
    documents[i] = sentence.document;
    korean[i] = sentence.korean ? 1 : 0;
  }
  return { texts, documents, korean, generateMs: performance.now() - started };
}

/** The query set of a corpus (deterministic). */
async function corpusQueries(texts: readonly string[], count: number): Promise<SyntheticQuery[]> {
  const sets = await loadQuestionSets();
  const half = Math.floor(count / 4);
  const evalQuestions = [...sets.ko.slice(0, half).map((q) => ({ q: q.q, korean: true })), ...sets.en.slice(0, half).map((q) => ({ q: q.q, korean: false }))];
  return buildQueries(texts, evalQuestions, count);
}

/**
 * Times `run` over every item: one unmeasured warm-up pass, then `passes` measured ones. A full
 * garbage collection first clears what the build or load left behind, so the figures show the
 * steady state of a server (whose own garbage is still collected during the passes).
 */
function timePasses<T, R>(items: readonly T[], passes: number, run: (item: T) => R): { samples: number[]; results: R[] } {
  collect();
  for (const item of items) run(item);
  const samples: number[] = [];
  let results: R[] = [];
  for (let pass = 0; pass < passes; pass++) {
    results = [];
    for (const item of items) {
      const started = performance.now();
      results.push(run(item));
      samples.push(performance.now() - started);
    }
  }
  return { samples, results };
}

const toNeighbours = (hits: readonly { label: number; distance: number }[]): Neighbours => ({ labels: hits.map((h) => h.label), distances: hits.map((h) => h.distance) });

async function filesBytes(directory: string, names: readonly string[]): Promise<{ total: number; files: Record<string, number> }> {
  const files: Record<string, number> = {};
  let total = 0;
  for (const name of names) {
    const bytes = (await stat(path.join(directory, name))).size;
    files[name] = bytes;
    total += bytes;
  }
  return { total, files };
}

/**
 * Exact top-10 of every query by a full scan, timed per query (embedding included). Brute force
 * is slow at 1M (a scan per query), so it warms up on five queries and measures one pass.
 */
function exactSearch(flat: FlatIndex, queries: readonly (() => number[])[]): { samples: number[]; results: Neighbours[] } {
  collect();
  for (const embed of queries.slice(0, 5)) flat.search(embed(), K);
  const samples: number[] = [];
  const results: Neighbours[] = [];
  for (const embed of queries) {
    const started = performance.now();
    results.push(flat.search(embed(), K));
    samples.push(performance.now() - started);
  }
  return { samples, results };
}

/** Builds our index over a synthetic corpus and measures it against brute force (run in a fresh process). */
export async function buildScale(options: ScaleOptions): Promise<ScaleBuildResult> {
  const { size, directory } = options;
  const storeDir = path.join(directory, 'store');
  await mkdir(storeDir, { recursive: true });
  progress(`scale ${size}: generating corpus`);
  const corpus = await generateCorpus(size);
  const { texts } = corpus;

  progress(`scale ${size}: fitting embedder`);
  let started = performance.now();
  const embeddings = new LexicalEmbeddings({ dimension: EMBEDDING_DIM }).fit(texts);
  const fitMs = performance.now() - started;

  const flat = new FlatIndex(EMBEDDING_DIM, size);
  collect();
  const rssBefore = rss();
  const store = new HnswVectorStore(embeddings, { dimension: EMBEDDING_DIM, capacity: size });
  let embedMs = 0, insertMs = 0;
  let nextReport = 0.1;
  for (let from = 0; from < size; from += BATCH) {
    const to = Math.min(size, from + BATCH);
    started = performance.now();
    const vectors: number[][] = [];
    for (let i = from; i < to; i++) vectors.push(embeddings.embedSync(texts[i]!));
    embedMs += performance.now() - started;
    for (const vector of vectors) flat.add(vector);
    started = performance.now();
    const documents = [];
    for (let i = from; i < to; i++) documents.push(new Document({ id: `syn${corpus.documents[i]}#S${i}`, pageContent: texts[i]!, metadata: { document: `syn${corpus.documents[i]}`, id: `S${i}` } }));
    store.addVectorsSync(vectors, documents);
    insertMs += performance.now() - started;
    if (to / size >= nextReport) {
      const rate = to / (insertMs / 1000);
      progress(`scale ${size}: ${to} inserted (${Math.round(rate)}/s, ETA ${Math.round((size - to) / rate)} s)`);
      nextReport += 0.1;
    }
  }
  collect();
  const rssAfterBuild = rss();

  progress(`scale ${size}: saving`);
  started = performance.now();
  await store.save(storeDir);
  const saveMs = performance.now() - started;
  const diskBytes = await filesBytes(storeDir, Object.values(STORE_FILES));

  progress(`scale ${size}: querying (${options.queries} queries)`);
  const queries = await corpusQueries(texts, options.queries);
  const questionTexts = queries.map((q) => q.text);
  const embedTimes = timePasses(questionTexts, options.passes, (q) => embeddings.embedSync(q));
  const hnsw = timePasses(questionTexts, options.passes, (q) => toNeighbours(store.searchVector(embeddings.embedSync(q), K)));

  progress(`scale ${size}: brute force`);
  const exact = exactSearch(flat, questionTexts.map((q) => () => embeddings.embedSync(q)));
  await writeFile(path.join(directory, 'truth.json'), JSON.stringify(exact.results));

  const koreanCount = corpus.korean.reduce((n, k) => n + k, 0);
  const meanChars = (korean: number) => {
    let chars = 0, count = 0;
    for (let i = 0; i < size; i++) if (corpus.korean[i] === korean) (chars += texts[i]!.length), count++;
    return count ? chars / count : 0;
  };
  return {
    size,
    corpus: {
      koreanShare: koreanCount / size,
      meanChars: { ko: meanChars(1), en: meanChars(0) },
      documents: (corpus.documents[size - 1] ?? 0) + 1,
      generateMs: corpus.generateMs,
    },
    fitMs,
    embedMs,
    insertMs,
    buildMs: fitMs + embedMs + insertMs,
    insertRate: size / (insertMs / 1000),
    saveMs,
    diskBytes,
    memory: { indexDeltaBytes: rssAfterBuild - rssBefore, rssAfterBuildBytes: rssAfterBuild, peakRssBytes: peakRss() },
    queries: queries.length,
    queryEmbed: summarize(embedTimes.samples),
    query: summarize(hnsw.samples),
    recallAt10: recallAtK(hnsw.results, exact.results, K),
    efSearch: store.parameters.efSearch,
    efConstruction: store.parameters.efConstruction,
    bruteForce: { query: summarize(exact.samples), buildMs: fitMs + embedMs, bytes: flat.bytes },
  };
}

/** A loaded index as the load test uses it. */
interface LoadedIndex {
  search(vector: number[], k: number): Neighbours;
  /** Number of documents held (keeps them alive while memory is measured). */
  documents: number;
}

/**
 * What `HnswVectorStore.load` does — read the graph, parse documents.json, build the `Document`s —
 * for when the store's own loader fails, so a size still gets load figures (flagged in the
 * report). Before ee8eb44 the store spread every document into one `push(...)` call, which
 * overflows the call stack beyond ≈125k documents; the first full run met it at 1M.
 */
async function benchLoad(storeDir: string): Promise<LoadedIndex> {
  const graph = new hnswlib.HierarchicalNSW('cosine', EMBEDDING_DIM);
  await graph.readIndex(path.join(storeDir, STORE_FILES.graph));
  graph.setEf(DEFAULT_HNSW.efSearch);
  const raw = JSON.parse(await readFile(path.join(storeDir, STORE_FILES.documents), 'utf8')) as { pageContent: string; metadata: Record<string, unknown>; id?: string }[];
  const documents = raw.map((d) => new Document(d));
  if (graph.getCurrentCount() !== documents.length) throw new Error(`index holds ${graph.getCurrentCount()} vectors but ${documents.length} documents`);
  return {
    search(vector, k) {
      const n = Math.min(k, documents.length);
      if (graph.getEf() < n) graph.setEf(n);
      const { neighbors, distances } = graph.searchKnn(vector, n);
      return { labels: neighbors, distances };
    },
    documents: documents.length,
  };
}

/** Loads the index {@link buildScale} saved, as a server would at start, and measures it (run in a fresh process). */
export async function loadScale(options: ScaleOptions): Promise<ScaleLoadResult> {
  const { size, directory } = options;
  const storeDir = path.join(directory, 'store');
  progress(`scale ${size}: regenerating corpus for the load test`);
  const { texts } = await generateCorpus(size);
  const truth = JSON.parse(await readFile(path.join(directory, 'truth.json'), 'utf8')) as Neighbours[];

  let started = performance.now();
  const embeddings = new LexicalEmbeddings({ dimension: EMBEDDING_DIM }).fit(texts);
  const fitMs = performance.now() - started;
  started = performance.now();
  let index: LoadedIndex;
  let loader: ScaleLoadResult['loader'];
  try {
    const store = await HnswVectorStore.load(storeDir, embeddings, { dimension: EMBEDDING_DIM });
    index = { search: (vector, k) => toNeighbours(store.searchVector(vector, k)), documents: store.size };
    loader = { used: 'HnswVectorStore.load' };
  } catch (error) {
    // Measure what a fixed loader would give rather than nothing, and say so.
    const failedAfterMs = performance.now() - started;
    progress(`scale ${size}: HnswVectorStore.load failed (${(error as Error).message}); measuring the bench loader instead`);
    collect();
    started = performance.now();
    index = await benchLoad(storeDir);
    loader = { used: 'bench loader', storeLoadError: `${(error as Error).name}: ${(error as Error).message}`, failedAfterMs };
  }
  const loadMs = performance.now() - started;
  collect();
  const servingRssBytes = rss();

  const queries = (await corpusQueries(texts, options.queries)).map((q) => q.text);
  const measured = timePasses(queries, options.passes, (q) => index.search(embeddings.embedSync(q), K));

  // openVectorIndex reads and hashes both files before it loads them; timed here, after the
  // memory figure (it holds a transient copy of each file).
  started = performance.now();
  for (const name of Object.values(STORE_FILES)) createHash('sha256').update(await readFile(path.join(storeDir, name))).digest('hex');
  const verifyMs = performance.now() - started;

  progress(`scale ${size}: ef sweep`);
  const graph = new hnswlib.HierarchicalNSW('cosine', EMBEDDING_DIM);
  await graph.readIndex(path.join(storeDir, STORE_FILES.graph));
  const vectors = queries.map((q) => embeddings.embedSync(q));
  const efSweep: ScaleLoadResult['efSweep'] = [];
  for (const ef of EF_SWEEP) {
    graph.setEf(ef);
    const run = timePasses(vectors, options.passes, (v) => {
      const { neighbors, distances } = graph.searchKnn(v, K);
      return { labels: neighbors, distances };
    });
    efSweep.push({ ef, recallAt10: recallAtK(run.results, truth, K), search: summarize(run.samples) });
  }

  return {
    size,
    loader,
    documents: index.documents,
    fitMs,
    verifyMs,
    loadMs,
    coldStartMs: fitMs + verifyMs + loadMs,
    servingRssBytes,
    query: summarize(measured.samples),
    recallAt10: recallAtK(measured.results, truth, K),
    efSweep,
  };
}


/**
 * Build-parameter study (not our store's settings): the same corpus inserted into raw hnswlib
 * graphs with m=16 and each efConstruction of {@link EFC_SWEEP}, then queried at the ef values of
 * {@link EFC_SWEEP_EF}. Shows what a cheaper build would cost in recall (run in a fresh process).
 */
export async function sweepConstruction(options: ScaleOptions): Promise<ConstructionSweepResult[]> {
  const { size } = options;
  progress(`efConstruction sweep at ${size}: preparing corpus and exact neighbours`);
  const { texts } = await generateCorpus(size);
  const embeddings = new LexicalEmbeddings({ dimension: EMBEDDING_DIM }).fit(texts);
  const flat = new FlatIndex(EMBEDDING_DIM, size);
  const vectors = texts.map((t) => embeddings.embedSync(t));
  for (const v of vectors) flat.add(v);
  const queries = (await corpusQueries(texts, options.queries)).map((q) => embeddings.embedSync(q.text));
  const exact = exactSearch(flat, queries.map((v) => () => v)).results;
  const results: ConstructionSweepResult[] = [];
  for (const efConstruction of EFC_SWEEP) {
    progress(`efConstruction sweep at ${size}: efConstruction=${efConstruction}`);
    const graph = new hnswlib.HierarchicalNSW('cosine', EMBEDDING_DIM);
    graph.initIndex({ maxElements: size, m: 16, efConstruction, randomSeed: 100 });
    const started = performance.now();
    vectors.forEach((v, label) => graph.addPoint(v, label));
    const insertMs = performance.now() - started;
    const search = EFC_SWEEP_EF.map((ef) => {
      graph.setEf(ef);
      const run = timePasses(queries, options.passes, (v) => {
        const { neighbors, distances } = graph.searchKnn(v, K);
        return { labels: neighbors, distances };
      });
      return { ef, recallAt10: recallAtK(run.results, exact, K), search: summarize(run.samples) };
    });
    results.push({ size, efConstruction, insertMs, insertRate: size / (insertMs / 1000), search });
  }
  return results;
}
