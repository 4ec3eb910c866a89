import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { Logger } from 'pino';
import type { IdentifiedEmbeddings } from './embedder.js';
import { HnswVectorStore, STORE_FILES, type HnswParameters } from './hnsw-store.js';
import { ANALYZER_VERSION } from './tokenize.js';

/** Bump when the on-disk layout or the meaning of stored vectors changes. */
export const INDEX_FORMAT_VERSION = 2;
/** The analyzer recorded by default: the tokenizer the lexical embedder and the passages are built with. */
export const DEFAULT_ANALYZER = `tokenize-v${ANALYZER_VERSION}`;
const STORE_DIR = 'store';
const MANIFEST = 'manifest.json';
/** Builds in progress and replaced copies, named with the pid of the process that made them. */
const LEFTOVER = /^\.(?:build|old)-(\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * Age after which a build or old-copy folder counts as abandoned even if its pid is running (the
 * pid may have been reused, or belong to another machine sharing the folder). A real build lives
 * for the seconds it takes to write the files, an old copy for the moment between two renames.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * The writes the index makes, apart from the store's own files. Replaceable so that tests can
 * simulate a read-only or failing disk (chmod does not stop root, who runs the tests here).
 */
export interface IndexFileSystem {
  /** Creates one folder; with `parents`, the missing folders above it too. */
  mkdir(directory: string, parents?: boolean): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a folder and everything in it. */
  remove(target: string): Promise<void>;
  writeFile(file: string, data: string): Promise<void>;
}

/** {@link IndexFileSystem} on node:fs. */
export const nodeIndexFileSystem: IndexFileSystem = {
  mkdir: async (directory, parents = false) => void (await mkdir(directory, { recursive: parents })),
  rename: (from, to) => rename(from, to),
  remove: (target) => rm(target, { recursive: true, force: true }),
  writeFile: (file, data) => writeFile(file, data),
};

/** What is recorded next to the vectors to decide whether they can be reused. */
export interface IndexManifest {
  formatVersion: number;
  corpusHash: string;
  /**
   * sha256 over every entry's key and text, in order. Search hits are mapped to passages by
   * position, so any change of boundaries, ids or texts (a code change, not only an input change)
   * must rebuild.
   */
  entriesHash: string;
  /** Version of the text analysis the vectors were made with. */
  analyzer: string;
  embedder: string;
  dimension: number;
  count: number;
  hnsw: { m: number; efConstruction: number };
  files: Record<string, { bytes: number; sha256: string }>;
  builtAt: string;
}

/** One text to index: `key` identifies it (document + sentence id), `text` is what gets embedded. */
export interface IndexEntry {
  key: string;
  text: string;
  metadata: Record<string, unknown>;
}

/** Outcome of opening the index. */
export interface OpenedIndex {
  store: HnswVectorStore;
  /** `loaded`: reused from disk; `built`: none was there; `rebuilt`: the one on disk was stale or damaged. */
  status: 'loaded' | 'built' | 'rebuilt';
  /** Why it was (re)built, for the log and the `index` command. */
  reason?: string;
  manifest: IndexManifest;
  /** False when a build could not be written to disk: the index then lives in memory only. */
  saved: boolean;
  /** Why it could not be written (`/srv/index is a file, not a folder`), when `saved` is false. */
  saveProblem?: string;
}

/** Options of {@link openVectorIndex}. */
export interface OpenIndexOptions {
  directory: string;
  corpusHash: string;
  entries: readonly IndexEntry[];
  /** Version of the text analysis behind the entries and the embedder; defaults to {@link DEFAULT_ANALYZER}. */
  analyzer?: string;
  embeddings: IdentifiedEmbeddings;
  parameters?: Partial<HnswParameters>;
  log?: Pick<Logger, 'info' | 'warn'>;
  /** Rebuild even when the stored index matches. */
  rebuild?: boolean;
  /** Defaults to {@link nodeIndexFileSystem}. */
  fileSystem?: IndexFileSystem;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** sha256 over the entries' keys and texts, in order (see {@link IndexManifest.entriesHash}). */
export function hashEntries(entries: readonly Pick<IndexEntry, 'key' | 'text'>[]): string {
  const hash = createHash('sha256');
  // One update per entry costs more than the hashing itself at a million entries: feed ~1 MB at a time.
  let batch = '';
  for (const { key, text } of entries) {
    batch += `${key}\0${text}\0`;
    if (batch.length >= 1 << 20) {
      hash.update(batch);
      batch = '';
    }
  }
  return hash.update(batch).digest('hex');
}

/** What the stored manifest must match for its vectors to be reused. */
type Expected = Pick<IndexManifest, 'corpusHash' | 'entriesHash' | 'analyzer' | 'embedder' | 'dimension' | 'count'>;

/** The stored manifest; null when there is none; `damaged` when it exists but cannot be read as one. */
async function readManifest(storeDir: string): Promise<IndexManifest | null | 'damaged'> {
  let text: string;
  try {
    text = await readFile(path.join(storeDir, MANIFEST), 'utf8');
  } catch {
    return null;
  }
  try {
    const manifest = JSON.parse(text) as unknown;
    return typeof manifest === 'object' && manifest !== null ? (manifest as IndexManifest) : 'damaged';
  } catch {
    return 'damaged';
  }
}

/** Names the first way the manifest does not fit the current corpus and embedder, or null if it fits. */
export function staleness(manifest: IndexManifest, expected: Expected): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return `format version ${manifest.formatVersion} ≠ ${INDEX_FORMAT_VERSION}`;
  if (manifest.corpusHash !== expected.corpusHash) return 'the articles changed';
  if (manifest.analyzer !== expected.analyzer) return `analyzer ${manifest.analyzer} ≠ ${expected.analyzer}`;
  if (manifest.embedder !== expected.embedder) return `embedder ${manifest.embedder} ≠ ${expected.embedder}`;
  if (manifest.dimension !== expected.dimension) return `dimension ${manifest.dimension} ≠ ${expected.dimension}`;
  if (manifest.count !== expected.count) return `${manifest.count} vectors stored, ${expected.count} expected`;
  if (manifest.entriesHash !== expected.entriesHash) return 'the sentences changed (ids or texts) under the same articles';
  return null;
}

/** Checks sizes and checksums before handing files to the native reader, which must never see a torn file. */
async function verifyFiles(storeDir: string, manifest: IndexManifest): Promise<string | null> {
  for (const name of Object.values(STORE_FILES)) {
    const expected = manifest.files?.[name];
    if (!expected) return `${name} is not listed in the manifest`;
    let data: Buffer;
    try {
      data = await readFile(path.join(storeDir, name));
    } catch {
      return `${name} is missing`;
    }
    if (data.length !== expected.bytes) return `${name} has ${data.length} bytes, ${expected.bytes} expected (truncated?)`;
    if (sha256(data) !== expected.sha256) return `${name} does not match its checksum (corrupt?)`;
  }
  return null;
}

/**
 * Moves a finished build into place. Another builder (a second process starting at the same time)
 * may swap its own copy in between our two renames; then we simply try again, and the last one wins.
 * Once the new copy is in place the build has succeeded: failing to delete the old copy only
 * leaves a leftover for a later start to clean up, with a warning.
 */
async function swapIn(temp: string, storeDir: string, fs: IndexFileSystem, log: OpenIndexOptions['log']): Promise<void> {
  const parent = path.dirname(storeDir);
  for (let attempt = 0; ; attempt++) {
    const old = path.join(parent, `.old-${process.pid}-${randomUUID()}`);
    const moved = await fs.rename(storeDir, old).then(() => true, () => false);
    try {
      await fs.rename(temp, storeDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const race = (code === 'ENOTEMPTY' || code === 'EEXIST') && attempt < 5;
      // Put the previous copy back unless another builder has already put its own there.
      if (moved && !race) await fs.rename(old, storeDir).catch(() => undefined);
      await fs.remove(old).catch(() => undefined);
      if (race) continue;
      throw error;
    }
    if (moved) {
      await fs.remove(old).catch((error: unknown) =>
        log?.warn({ leftover: old, error: (error as Error).message }, 'the new vector index is in place, but the previous copy could not be removed; a later start removes it'));
    }
    return;
  }
}

/** Builds the store in memory: embeds every entry and adds it in entry order (label = position). */
async function buildStore(options: OpenIndexOptions): Promise<HnswVectorStore> {
  const { embeddings, entries, parameters } = options;
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension, parameters, capacity: entries.length });
  const vectors = await embeddings.embedDocuments(entries.map((e) => e.text));
  store.addVectorsSync(vectors, entries.map((e) => new Document({ id: e.key, pageContent: e.text, metadata: e.metadata })));
  return store;
}

function expectation(options: OpenIndexOptions): Expected {
  return {
    corpusHash: options.corpusHash,
    entriesHash: hashEntries(options.entries),
    analyzer: options.analyzer ?? DEFAULT_ANALYZER,
    embedder: options.embeddings.id,
    dimension: options.embeddings.dimension,
    count: options.entries.length,
  };
}

function manifestOf(expected: Expected, store: HnswVectorStore, files: IndexManifest['files']): IndexManifest {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    ...expected,
    hnsw: { m: store.parameters.m, efConstruction: store.parameters.efConstruction },
    files,
    builtAt: new Date().toISOString(),
  };
}

/** Writes the store next to the live copy, then swaps it in by rename, so a reader never sees a half-written index. */
async function save(options: OpenIndexOptions, expected: Expected, store: HnswVectorStore, storeDir: string, fs: IndexFileSystem): Promise<IndexManifest> {
  const parent = path.dirname(storeDir);
  const temp = path.join(parent, `.build-${process.pid}-${randomUUID()}`);
  await fs.mkdir(parent, true);
  await fs.mkdir(temp);
  try {
    await store.save(temp);
    const files: IndexManifest['files'] = {};
    for (const name of Object.values(STORE_FILES)) {
      const data = await readFile(path.join(temp, name));
      files[name] = { bytes: data.length, sha256: sha256(data) };
    }
    const manifest = manifestOf(expected, store, files);
    await fs.writeFile(path.join(temp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapIn(temp, storeDir, fs, options.log);
    return manifest;
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}

/** Why the index folder could not be written, in words (the error code alone, e.g. EEXIST, says little). */
async function describeSaveFailure(error: unknown, directory: string): Promise<string> {
  const { code, message } = error as NodeJS.ErrnoException;
  const isFolder = await stat(directory).then((s) => s.isDirectory(), () => null);
  if (isFolder === false) return `${directory} is a file, not a folder`;
  switch (code) {
    case 'ENOTDIR':
    case 'EEXIST':
      return `a part of the path ${directory} is a file, not a folder`;
    case 'EROFS':
      return `${directory} is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `${directory} is not writable (permission denied)`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left for ${directory}`;
    default:
      return message;
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes build and old-copy folders left by builders that crashed or were killed: those whose
 * process no longer runs, and any older than {@link ABANDONED_AFTER_MS}. A fresh folder of a running
 * process is another builder at work and is left alone. Failures are quiet: a later start retries.
 */
async function removeLeftovers(directory: string, fs: IndexFileSystem, log: OpenIndexOptions['log']): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    if (!match) continue;
    const folder = path.join(directory, name);
    const modified = await stat(folder).then((s) => s.mtimeMs, () => null);
    if (modified === null) continue;
    const pid = Number(match[1]);
    const abandoned = Date.now() - modified > ABANDONED_AFTER_MS || (pid !== process.pid && !isRunning(pid));
    if (!abandoned) continue;
    await fs.remove(folder).then(
      () => log?.info({ leftover: folder }, 'removed a leftover of an interrupted index build'),
      (error: unknown) => log?.info({ leftover: folder, error: (error as Error).message }, 'could not remove a leftover of an interrupted index build'),
    );
  }
}

/**
 * Opens the persisted vector index under `directory`, reusing it when its manifest matches the
 * corpus and embedder, and rebuilding it (atomically) when it is missing, stale, truncated or corrupt.
 * A damaged index is a warning, never a crash; so is a folder the new index cannot be written to
 * (read-only, not a folder): the index is then used from memory, and rebuilt at every start.
 */
export async function openVectorIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const fs = options.fileSystem ?? nodeIndexFileSystem;
  const storeDir = path.join(options.directory, STORE_DIR);
  const expected = expectation(options);
  const manifest = await readManifest(storeDir);

  let reason: string;
  /** Set when what was on disk is stale or damaged, which deserves a warning. */
  let replaced = false;
  if (options.rebuild) reason = 'rebuild requested';
  else if (!manifest) reason = 'no index yet';
  else if (manifest === 'damaged') {
    reason = 'the manifest is unreadable (truncated or corrupt?)';
    replaced = true;
  } else {
    const problem = staleness(manifest, expected) ?? (await verifyFiles(storeDir, manifest));
    if (!problem) {
      try {
        const store = await HnswVectorStore.load(storeDir, options.embeddings, { dimension: manifest.dimension, parameters: options.parameters });
        await removeLeftovers(options.directory, fs, options.log);
        return { store, status: 'loaded', manifest, saved: true };
      } catch (error) {
        reason = `unreadable: ${(error as Error).message}`;
      }
    } else reason = problem;
    replaced = true;
  }
  options.log?.info({ index: storeDir, reason }, 'building the vector index');
  const store = await buildStore(options);
  const status = manifest === null ? 'built' : 'rebuilt';
  let saved: IndexManifest;
  try {
    saved = await save(options, expected, store, storeDir, fs);
  } catch (error) {
    // One warning says it all: what was wrong with the old index (if anything) and why the new one stays in memory.
    const problem = await describeSaveFailure(error, options.directory);
    const before = replaced ? 'vector index was stale or damaged; rebuilt it' : 'vector index built';
    options.log?.warn({ index: storeDir, reason, problem }, `${before}, but cannot save it (${problem}): answering from the index in memory, which is rebuilt at every start`);
    return { store, status, reason, manifest: manifestOf(expected, store, {}), saved: false, saveProblem: problem };
  }
  if (replaced) options.log?.warn({ index: storeDir, reason }, 'vector index was stale or damaged; rebuilt it');
  options.log?.info({ index: storeDir, vectors: options.entries.length, reason }, 'vector index built');
  await removeLeftovers(options.directory, fs, options.log);
  return { store, status, reason, manifest: saved, saved: true };
}
