import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { Logger } from 'pino';
import type { IdentifiedEmbeddings } from './embedder.js';
import { HnswVectorStore, STORE_FILES, type HnswParameters } from './hnsw-store.js';

/** Bump when the on-disk layout or the meaning of stored vectors changes. */
export const INDEX_FORMAT_VERSION = 1;
const STORE_DIR = 'store';
const MANIFEST = 'manifest.json';

/** What is recorded next to the vectors to decide whether they can be reused. */
export interface IndexManifest {
  formatVersion: number;
  corpusHash: string;
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
}

/** Options of {@link openVectorIndex}. */
export interface OpenIndexOptions {
  directory: string;
  corpusHash: string;
  entries: readonly IndexEntry[];
  embeddings: IdentifiedEmbeddings;
  parameters?: Partial<HnswParameters>;
  log?: Pick<Logger, 'info' | 'warn'>;
  /** Rebuild even when the stored index matches. */
  rebuild?: boolean;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

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
export function staleness(manifest: IndexManifest, expected: Pick<IndexManifest, 'corpusHash' | 'embedder' | 'dimension' | 'count'>): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return `format version ${manifest.formatVersion} ≠ ${INDEX_FORMAT_VERSION}`;
  if (manifest.corpusHash !== expected.corpusHash) return 'the articles changed';
  if (manifest.embedder !== expected.embedder) return `embedder ${manifest.embedder} ≠ ${expected.embedder}`;
  if (manifest.dimension !== expected.dimension) return `dimension ${manifest.dimension} ≠ ${expected.dimension}`;
  if (manifest.count !== expected.count) return `${manifest.count} vectors stored, ${expected.count} expected`;
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
 */
async function swapIn(temp: string, storeDir: string): Promise<void> {
  const parent = path.dirname(storeDir);
  for (let attempt = 0; ; attempt++) {
    const old = path.join(parent, `.old-${process.pid}-${randomUUID()}`);
    await rename(storeDir, old).catch(() => undefined);
    try {
      await rename(temp, storeDir);
      await rm(old, { recursive: true, force: true });
      return;
    } catch (error) {
      await rm(old, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 5) throw error;
    }
  }
}

async function build(options: OpenIndexOptions, storeDir: string): Promise<{ store: HnswVectorStore; manifest: IndexManifest }> {
  const { embeddings, entries, parameters } = options;
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension, parameters, capacity: entries.length });
  const vectors = await embeddings.embedDocuments(entries.map((e) => e.text));
  store.addVectorsSync(vectors, entries.map((e) => new Document({ id: e.key, pageContent: e.text, metadata: e.metadata })));

  // Write next to the live copy, then swap by rename, so a reader never sees a half-written index.
  const parent = path.dirname(storeDir);
  const temp = path.join(parent, `.build-${process.pid}-${randomUUID()}`);
  await mkdir(temp, { recursive: true });
  try {
    await store.save(temp);
    const files: IndexManifest['files'] = {};
    for (const name of Object.values(STORE_FILES)) {
      const data = await readFile(path.join(temp, name));
      files[name] = { bytes: data.length, sha256: sha256(data) };
    }
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      corpusHash: options.corpusHash,
      embedder: embeddings.id,
      dimension: embeddings.dimension,
      count: entries.length,
      hnsw: { m: store.parameters.m, efConstruction: store.parameters.efConstruction },
      files,
      builtAt: new Date().toISOString(),
    };
    await writeFile(path.join(temp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapIn(temp, storeDir);
    return { store, manifest };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Opens the persisted vector index under `directory`, reusing it when its manifest matches the
 * corpus and embedder, and rebuilding it (atomically) when it is missing, stale, truncated or corrupt.
 * A damaged index is a warning, never a crash.
 */
export async function openVectorIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const storeDir = path.join(options.directory, STORE_DIR);
  await mkdir(options.directory, { recursive: true });
  const expected = { corpusHash: options.corpusHash, embedder: options.embeddings.id, dimension: options.embeddings.dimension, count: options.entries.length };
  const manifest = await readManifest(storeDir);

  let reason: string;
  if (options.rebuild) reason = 'rebuild requested';
  else if (!manifest) reason = 'no index yet';
  else if (manifest === 'damaged') {
    reason = 'the manifest is unreadable (truncated or corrupt?)';
    options.log?.warn({ index: storeDir, reason }, 'vector index is damaged; rebuilding');
  } else {
    const problem = staleness(manifest, expected) ?? (await verifyFiles(storeDir, manifest));
    if (!problem) {
      try {
        const store = await HnswVectorStore.load(storeDir, options.embeddings, { dimension: manifest.dimension, parameters: options.parameters });
        return { store, status: 'loaded', manifest };
      } catch (error) {
        reason = `unreadable: ${(error as Error).message}`;
      }
    } else reason = problem;
    options.log?.warn({ index: storeDir, reason }, 'vector index is stale or damaged; rebuilding');
  }
  const built = await build(options, storeDir);
  options.log?.info({ index: storeDir, vectors: options.entries.length, reason }, 'vector index built');
  return { ...built, status: manifest === null ? 'built' : 'rebuilt', reason };
}
