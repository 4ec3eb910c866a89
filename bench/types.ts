/** Shapes of the figures each part of the benchmark produces; report.json is a {@link BenchReport}. */
import type { GrowthFit, LatencySummary } from './stats.js';

/** The machine and software the run measured. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  v8: string;
  /** Versions of the libraries under test. */
  libraries: Record<string, string>;
  /** Commit of the working tree (with `+dirty` when it has changes). */
  commit: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews timings. */
  loadAverage: { start: number; end: number };
}

/** Figures on the real article (issue 5, part 1). */
export interface ArticleResult {
  sentences: number;
  /** First build of the index into an empty directory, in the same process (ms). */
  firstBuildMs: number;
  /** `createEngine({ rebuild: true })`, repeated; median and all runs (ms). */
  rebuildMs: { median: number; runs: number[] };
  /** Cold start in a fresh process with the index on disk, repeated (medians). */
  coldStart: ColdStartResult;
  /** Warm `engine.ask` latency per language and over both sets (ms). */
  warm: { ko: LatencySummary; en: LatencySummary; all: LatencySummary; passes: number };
  /** Peak resident set size of the process that built, rebuilt and queried (bytes). */
  peakRssBytes: number;
  /** Resident set size after warm querying (bytes). */
  rssBytes: number;
  /** Bytes the index directory takes on disk, per file and in total. */
  indexBytes: { total: number; files: Record<string, number> };
  /** Questions refused by `ask` (QuestionError), which are left out of the latency figures. */
  refused: number;
}

/** A cold start measured in a fresh process (medians over `runs`). */
export interface ColdStartResult {
  runs: number;
  /** Importing the engine module graph (ms). */
  importMs: number;
  /** `createEngine` with a valid index on disk (ms): read article, fit embedder, load index. */
  createEngineMs: number;
  /** The first `ask` after `createEngine` (ms). */
  firstAskMs: number;
  /** From process start to the first answer, including the TypeScript loader (ms). */
  processToFirstAnswerMs: number;
  /** What `openVectorIndex` reported: `loaded` confirms the on-disk index was reused. */
  status: string;
}

/** One configuration of a peer (or ours) on the eval sets. */
export interface PeerResult {
  /** Display name, e.g. `MiniSearch (default)`. */
  name: string;
  library: string;
  /** What was changed from the library's defaults. */
  settings: string;
  /** Time to index the article's passages (ms). */
  indexMs: number;
  ko: PeerLanguageResult;
  en: PeerLanguageResult;
  /** The same on the held-out question sets (test/eval/heldout.*.json). */
  heldout: { ko: PeerLanguageResult; en: PeerLanguageResult };
}

/** Retrieval quality and speed of one configuration on one language's question set. */
export interface PeerLanguageResult {
  /** Answerable questions scored. */
  questions: number;
  /** Share of answerable questions with a gold sentence in the top 3. */
  recallAt3: number;
  /** Mean reciprocal rank of the first gold sentence within the top 10. */
  mrr: number;
  /** Per-question search latency (ms). */
  latency: LatencySummary;
}

/** Build-side figures of one synthetic corpus size. */
export interface ScaleBuildResult {
  size: number;
  corpus: { koreanShare: number; meanChars: { ko: number; en: number }; documents: number; generateMs: number };
  /** LexicalEmbeddings.fit over the corpus (IDF) (ms). */
  fitMs: number;
  /** Embedding every sentence (ms). */
  embedMs: number;
  /** Inserting every vector into HnswVectorStore (ms). */
  insertMs: number;
  /** fit + embed + insert (ms): what building our index costs. */
  buildMs: number;
  /** Vectors inserted per second. */
  insertRate: number;
  /** HnswVectorStore.save (ms). */
  saveMs: number;
  /** Files written by HnswVectorStore.save (bytes). */
  diskBytes: { total: number; files: Record<string, number> };
  memory: {
    /** RSS growth across embedding and insertion: the in-process cost of the index (bytes). */
    indexDeltaBytes: number;
    /** RSS after the build (bytes). */
    rssAfterBuildBytes: number;
    /** Peak RSS of the build process, which also holds the corpus text and a flat copy of the vectors for brute force (bytes). */
    peakRssBytes: number;
  };
  queries: number;
  /** Embedding one query (ms). */
  queryEmbed: LatencySummary;
  /** Ours: embed + HNSW search k=10 with the store's ef (ms). */
  query: LatencySummary;
  /** HNSW recall@10 against exact search (tie-aware, see bench/README.md). */
  recallAt10: number;
  efSearch: number;
  /** The store's efConstruction (absent in reports written before it was recorded: 200). */
  efConstruction?: number;
  bruteForce: {
    /** Embed + exact scan over a Float32Array of all vectors (ms). */
    query: LatencySummary;
    /** What brute force needs before it can answer: fit + embed (ms). */
    buildMs: number;
    /** Memory of the flat vector array (bytes). */
    bytes: number;
  };
}

/** Figures of one synthetic corpus size measured in a fresh process that loads the saved index. */
export interface ScaleLoadResult {
  size: number;
  /**
   * Which loader produced the figures: the store's own, or — when `HnswVectorStore.load` throws —
   * the bench's equivalent without the failing step (see bench/scale.ts), with the store's error.
   */
  loader: { used: 'HnswVectorStore.load' | 'bench loader'; storeLoadError?: string; failedAfterMs?: number };
  /** Documents held once loaded. */
  documents: number;
  /** LexicalEmbeddings.fit, which the engine repeats at every start (ms). */
  fitMs: number;
  /** Reading and SHA-256 hashing the store files, which openVectorIndex does before loading (ms). */
  verifyMs: number;
  /** HnswVectorStore.load (ms). */
  loadMs: number;
  /** fit + verify + load: the cold start of a server over this corpus, not counting reading the corpus (ms). */
  coldStartMs: number;
  /** RSS once loaded, corpus text included: what a server would hold (bytes). */
  servingRssBytes: number;
  /** Embed + search on the loaded index (ms). */
  query: LatencySummary;
  recallAt10: number;
  /** Recall@10 and search-only latency of the same graph at other ef values. */
  efSweep: { ef: number; recallAt10: number; search: LatencySummary }[];
}

/** One graph of the efConstruction study (raw hnswlib, m=16). */
export interface ConstructionSweepResult {
  size: number;
  efConstruction: number;
  /** Inserting every vector (ms). */
  insertMs: number;
  insertRate: number;
  /** Recall@10 and search-only latency at several ef. */
  search: { ef: number; recallAt10: number; search: LatencySummary }[];
}

/** One corpus size: build and load figures together. */
export interface ScaleResult {
  size: number;
  build: ScaleBuildResult;
  /** Null when the load process failed (see `loadError`). */
  load: ScaleLoadResult | null;
  loadError?: string;
  /** Wall time of both processes (ms). */
  wallMs: number;
}

/** How each scale figure grows with corpus size. */
export type ScaleGrowth = Record<string, GrowthFit | null>;

/** A target of issue 5 with the figure that meets or misses it. */
export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean | null;
}

/** Everything one run produced (bench/out/report.json). */
export interface BenchReport {
  generatedAt: string;
  mode: 'quick' | 'full';
  durationMs: number;
  machine: MachineInfo;
  article: ArticleResult;
  peers: PeerResult[];
  scale: ScaleResult[];
  /** efConstruction study at one size (full runs), empty when skipped. */
  constructionSweep: ConstructionSweepResult[];
  /** Sizes whose child process failed (out of memory, say), with the error. */
  scaleFailures: { size: number; error: string }[];
  growth: ScaleGrowth;
  targets: TargetCheck[];
  /** Settings of the synthetic generator and the query set. */
  synthetic: Record<string, unknown>;
}
