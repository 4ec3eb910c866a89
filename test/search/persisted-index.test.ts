import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LexicalEmbeddings } from '../../src/search/lexical-embeddings.js';
import { ANALYZER_VERSION } from '../../src/search/tokenize.js';
import { ABANDONED_AFTER_MS, nodeIndexFileSystem, openVectorIndex, type IndexEntry, type IndexFileSystem, type IndexManifest, type OpenIndexOptions } from '../../src/search/persisted-index.js';

const TEXTS = [
  '한국 측에서는 이재용 삼성전자 부회장 등 8개 대기업 관계자가 참석했다.',
  '미국 측에서도 퀄컴, 구글, 코닝 등 8개 기업 관계자가 참석했다.',
  '이창양 장관과 러만도 상무장관은 서울 하얏트호텔에서 양해각서를 체결했다.',
  '양국은 반도체 공급망 협력을 논의했다.',
  '올해는 한미 자유무역협정 발효 10주년이다.',
  '써모 피셔 사이언티픽과 투자협력 양해각서를 체결했다.',
];
const ENTRIES: IndexEntry[] = TEXTS.map((text, i) => ({ key: `doc#S${i + 1}`, text, metadata: { id: `S${i + 1}` } }));
const QUERIES = ['참석한 기업', '양해각서 체결', '반도체', '투자협력'];

/** A log that records what it was told. */
function fakeLog() {
  const calls = { info: [] as unknown[][], warn: [] as unknown[][] };
  return { calls, log: { info: (...args: unknown[]) => void calls.info.push(args), warn: (...args: unknown[]) => void calls.warn.push(args) } as unknown as OpenIndexOptions['log'] };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qa-index-'));
  dirs.push(dir);
  return dir;
}

function options(directory: string, overrides: Partial<OpenIndexOptions> = {}): OpenIndexOptions {
  return { directory, corpusHash: 'corpus-1', entries: ENTRIES, embeddings: new LexicalEmbeddings({ dimension: 64 }).fit(TEXTS), ...overrides };
}

const store = (dir: string, ...names: string[]) => path.join(dir, 'store', ...names);

async function results(opened: Awaited<ReturnType<typeof openVectorIndex>>, embeddings = options('').embeddings) {
  const out = [];
  for (const q of QUERIES) out.push(opened.store.searchVector(await embeddings.embedQuery(q), 3));
  return out;
}

/** Builds an index in a fresh directory and returns the directory. */
async function builtIndex(): Promise<string> {
  const dir = tempDir();
  expect((await openVectorIndex(options(dir))).status).toBe('built');
  return dir;
}

describe('openVectorIndex', () => {
  it('builds an index in an empty folder, with a manifest that checks every file', async () => {
    const dir = tempDir();
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { log }));
    expect(opened.status).toBe('built');
    expect(opened.store.size).toBe(ENTRIES.length);
    const manifest = JSON.parse(readFileSync(store(dir, 'manifest.json'), 'utf8')) as IndexManifest;
    expect(manifest).toMatchObject({ corpusHash: 'corpus-1', embedder: new LexicalEmbeddings({ dimension: 64 }).id, dimension: 64, count: ENTRIES.length });
    for (const name of ['hnsw.bin', 'documents.json']) {
      const data = readFileSync(store(dir, name));
      expect(manifest.files[name]).toEqual({ bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    }
    expect(calls.warn).toHaveLength(0);
  });

  it('loads the saved index the second time and gives identical search results', async () => {
    const dir = tempDir();
    const first = await openVectorIndex(options(dir));
    const { calls, log } = fakeLog();
    const second = await openVectorIndex(options(dir, { log }));
    expect(second.status).toBe('loaded');
    expect(await results(second)).toEqual(await results(first));
    expect(second.store.document(0)).toMatchObject({ id: 'doc#S1', pageContent: TEXTS[0], metadata: { id: 'S1' } });
    expect(calls.warn).toHaveLength(0);
  });

  it('rebuilds when the corpus hash changed', async () => {
    const dir = await builtIndex();
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { corpusHash: 'corpus-2', log }));
    expect(opened.status).toBe('rebuilt');
    expect(opened.manifest.corpusHash).toBe('corpus-2');
    expect(calls.warn).toHaveLength(1);
    expect((await openVectorIndex(options(dir, { corpusHash: 'corpus-2' }))).status).toBe('loaded');
  });

  // The corpus hash covers the input files only; a code change can move sentence boundaries or
  // tokens under the same files, and hits are mapped to passages by position.
  it('rebuilds when the entries changed under the same corpus hash and count (sentence boundaries moved)', async () => {
    const dir = await builtIndex();
    const moved = ENTRIES.map((e, i) => (i === 1 ? { ...e, text: `${e.text} ${ENTRIES[2]!.text}` } : i === 2 ? { ...e, text: '양국은' } : e));
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { entries: moved, log }));
    expect(opened.status).toBe('rebuilt');
    expect(JSON.stringify(calls.warn[0])).toMatch(/sentences changed/);
    expect(opened.store.document(2)).toMatchObject({ pageContent: '양국은' });
  });

  it('rebuilds when only the keys changed (same texts, renumbered ids)', async () => {
    const dir = await builtIndex();
    const renumbered = ENTRIES.map((e, i) => ({ ...e, key: `doc#S${i + 2}` }));
    const opened = await openVectorIndex(options(dir, { entries: renumbered }));
    expect(opened.status).toBe('rebuilt');
    expect(opened.store.document(0)).toMatchObject({ id: 'doc#S2' });
  });

  it('rebuilds when the analyzer version changed, and records it', async () => {
    const dir = await builtIndex();
    expect(JSON.parse(readFileSync(store(dir, 'manifest.json'), 'utf8'))).toMatchObject({ analyzer: `tokenize-v${ANALYZER_VERSION}` });
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { analyzer: 'tokenize-v999', log }));
    expect(opened.status).toBe('rebuilt');
    expect(JSON.stringify(calls.warn[0])).toMatch(/analyzer/);
    expect(opened.manifest.analyzer).toBe('tokenize-v999');
    expect((await openVectorIndex(options(dir, { analyzer: 'tokenize-v999' }))).status).toBe('loaded');
  });

  it('rebuilds when the embedder dimension changed, and searches in the new dimension', async () => {
    const dir = await builtIndex();
    const embeddings = new LexicalEmbeddings({ dimension: 32 }).fit(TEXTS);
    const opened = await openVectorIndex(options(dir, { embeddings }));
    expect(opened.status).toBe('rebuilt');
    expect(opened.manifest).toMatchObject({ dimension: 32, embedder: new LexicalEmbeddings({ dimension: 32 }).id });
    const [hit] = opened.store.searchVector(await embeddings.embedQuery(TEXTS[3]!), 1);
    expect(hit!.label).toBe(3);
  });

  it('rebuilds when the number of entries changed under the same corpus hash', async () => {
    const dir = await builtIndex();
    const opened = await openVectorIndex(options(dir, { entries: ENTRIES.slice(0, 4) }));
    expect(opened.status).toBe('rebuilt');
    expect(opened.store.size).toBe(4);
  });

  it('rebuilds with a warning, not a crash, when hnsw.bin is truncated', async () => {
    const dir = await builtIndex();
    truncateSync(store(dir, 'hnsw.bin'), 100);
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { log }));
    expect(opened.status).toBe('rebuilt');
    expect(calls.warn).toHaveLength(1);
    expect(JSON.stringify(calls.warn[0])).toMatch(/hnsw\.bin/);
    expect(await results(opened)).toEqual(await results(await openVectorIndex(options(tempDir()))));
    expect((await openVectorIndex(options(dir))).status).toBe('loaded');
  });

  it('rebuilds with a warning when hnsw.bin is corrupt but the same size', async () => {
    const dir = await builtIndex();
    const data = readFileSync(store(dir, 'hnsw.bin'));
    for (let i = 0; i < 64; i++) data[data.length - 1 - i] = data[data.length - 1 - i]! ^ 0xff;
    writeFileSync(store(dir, 'hnsw.bin'), data);
    const { calls, log } = fakeLog();
    expect((await openVectorIndex(options(dir, { log }))).status).toBe('rebuilt');
    expect(calls.warn).toHaveLength(1);
  });

  it('rebuilds with a warning when documents.json is missing', async () => {
    const dir = await builtIndex();
    rmSync(store(dir, 'documents.json'));
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { log }));
    expect(opened.status).toBe('rebuilt');
    expect(JSON.stringify(calls.warn[0])).toMatch(/documents\.json/);
    expect(existsSync(store(dir, 'documents.json'))).toBe(true);
  });

  it('rebuilds with a warning when the manifest is valid JSON of the wrong shape', async () => {
    const dir = await builtIndex();
    writeFileSync(store(dir, 'manifest.json'), '{}');
    const { calls, log } = fakeLog();
    expect((await openVectorIndex(options(dir, { log }))).status).toBe('rebuilt');
    expect(calls.warn).toHaveLength(1);
  });

  // A damaged manifest is damage, not "no index yet": it must be reported, not silently replaced.
  it('rebuilds with a warning when the manifest is garbage', async () => {
    const dir = await builtIndex();
    writeFileSync(store(dir, 'manifest.json'), 'this is not json \u0000\u0001');
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { log }));
    expect(opened.status).toBe('rebuilt');
    expect(calls.warn).toHaveLength(1);
  });

  it('rebuilds with a warning when the manifest is truncated', async () => {
    const dir = await builtIndex();
    const manifest = readFileSync(store(dir, 'manifest.json'), 'utf8');
    writeFileSync(store(dir, 'manifest.json'), manifest.slice(0, manifest.length / 2));
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { log }));
    expect(opened.status).toBe('rebuilt');
    expect(calls.warn).toHaveLength(1);
  });

  it('never crashes on a garbage or truncated manifest: it builds a working index', async () => {
    const dir = await builtIndex();
    writeFileSync(store(dir, 'manifest.json'), '{"formatVersion": 1, "corp');
    const opened = await openVectorIndex(options(dir));
    expect(['built', 'rebuilt']).toContain(opened.status);
    expect(await results(opened)).toEqual(await results(await openVectorIndex(options(tempDir()))));
    expect((await openVectorIndex(options(dir))).status).toBe('loaded');
  });

  it('rebuilds on request even when the index matches', async () => {
    const dir = await builtIndex();
    expect((await openVectorIndex(options(dir, { rebuild: true }))).status).toBe('rebuilt');
  });

  it('leaves no temporary build or old-copy folders behind', async () => {
    const dir = await builtIndex();
    await openVectorIndex(options(dir, { corpusHash: 'corpus-2' }));
    await openVectorIndex(options(dir, { rebuild: true }));
    expect(readdirSync(dir)).toEqual(['store']);
    expect(readdirSync(store(dir)).sort()).toEqual(['documents.json', 'hnsw.bin', 'manifest.json']);
  });

  // Two builders of one folder (two processes starting at once, or two engines in one process)
  // race on `rename(temp, store)`: neither may fail.
  it('lets concurrent opens of an empty folder all succeed', async () => {
    // The race is timing-dependent: ten rounds of three make it near-certain to show.
    for (let round = 0; round < 10; round++) {
      const dir = tempDir();
      const opened = await Promise.all([1, 2, 3].map(() => openVectorIndex(options(dir))));
      expect(opened.map((o) => o.store.size)).toEqual([ENTRIES.length, ENTRIES.length, ENTRIES.length]);
    }
  });
});

/** An error as Node raises it for a failed file operation. */
function fsError(code: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, '${target}'`), { code });
}

/**
 * The real file system with every write under `dir` failing as on a read-only mount. Tests run as
 * root here, where chmod does not stop writes, so the failure is injected at the index's only seam.
 */
function readOnly(dir: string, code = 'EROFS'): IndexFileSystem {
  const guard = <A extends unknown[]>(target: (...args: A) => Promise<void>) =>
    (...args: A) => (String(args[0]).startsWith(dir) ? Promise.reject(fsError(code, String(args[0]))) : target(...args));
  return { mkdir: guard(nodeIndexFileSystem.mkdir), rename: guard(nodeIndexFileSystem.rename), remove: guard(nodeIndexFileSystem.remove), writeFile: guard(nodeIndexFileSystem.writeFile) };
}

/** Names of leftover build and old-copy folders in an index folder. */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

describe('openVectorIndex when the index folder cannot be written', () => {
  it('answers from memory with one warning when a stale index sits in a read-only folder', async () => {
    const dir = await builtIndex();
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { corpusHash: 'corpus-2', log, fileSystem: readOnly(dir) }));
    expect(opened).toMatchObject({ status: 'rebuilt', saved: false });
    expect(opened.store.size).toBe(ENTRIES.length);
    expect(await results(opened)).toEqual(await results(await openVectorIndex(options(tempDir()))));
    expect(calls.warn).toHaveLength(1);
    const warning = JSON.stringify(calls.warn[0]);
    expect(warning).toMatch(/read-only/);
    expect(warning).toMatch(/memory/);
    expect(warning).toMatch(/the articles changed/);
    // The stale copy on disk is left as it was.
    expect(JSON.parse(readFileSync(store(dir, 'manifest.json'), 'utf8'))).toMatchObject({ corpusHash: 'corpus-1' });
  });

  it('answers from memory with one warning when a damaged index sits in a folder it may not write', async () => {
    const dir = await builtIndex();
    truncateSync(store(dir, 'hnsw.bin'), 100);
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { log, fileSystem: readOnly(dir, 'EACCES') }));
    expect(opened).toMatchObject({ status: 'rebuilt', saved: false });
    expect(await results(opened)).toEqual(await results(await openVectorIndex(options(tempDir()))));
    expect(calls.warn).toHaveLength(1);
    expect(JSON.stringify(calls.warn[0])).toMatch(/not writable/);
    expect(JSON.stringify(calls.warn[0])).toMatch(/hnsw\.bin/);
  });

  it('says plainly that INDEX_DIR names a file, and still answers from memory', async () => {
    const file = path.join(tempDir(), 'index');
    writeFileSync(file, 'not a folder');
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(file, { log }));
    expect(opened).toMatchObject({ status: 'built', saved: false });
    expect(await results(opened)).toEqual(await results(await openVectorIndex(options(tempDir()))));
    expect(calls.warn).toHaveLength(1);
    const warning = JSON.stringify(calls.warn[0]);
    expect(warning).toContain(`${file} is a file, not a folder`);
    expect(warning).not.toMatch(/EEXIST|ENOTDIR/);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('does not turn a good rebuild into a failure when the old copy cannot be removed', async () => {
    const dir = await builtIndex();
    const fileSystem: IndexFileSystem = { ...nodeIndexFileSystem, remove: (target) => (path.basename(target).startsWith('.old-') ? Promise.reject(fsError('EBUSY', target)) : nodeIndexFileSystem.remove(target)) };
    const { calls, log } = fakeLog();
    const opened = await openVectorIndex(options(dir, { corpusHash: 'corpus-2', log, fileSystem }));
    expect(opened).toMatchObject({ status: 'rebuilt', saved: true });
    expect((await openVectorIndex(options(dir, { corpusHash: 'corpus-2' }))).status).toBe('loaded');
    expect(JSON.stringify(calls.warn)).toMatch(/\.old-/);
  });
});

describe('leftover build and old-copy folders', () => {
  /** The pid of a process that has exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
  const leftover = (dir: string, kind: 'build' | 'old', pid: number, ageMs = 0) => {
    const folder = path.join(dir, `.${kind}-${pid}-0b5e6a9c-3f52-4c1e-9d7a-2a4b8c6d0e1f`);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'hnsw.bin'), 'half written');
    const when = new Date(Date.now() - ageMs);
    utimesSync(folder, when, when);
    return path.basename(folder);
  };

  it('removes those of builders that have exited, and any older than the abandonment age', async () => {
    const dir = await builtIndex();
    leftover(dir, 'build', deadPid());
    leftover(dir, 'old', deadPid());
    leftover(dir, 'build', process.pid, ABANDONED_AFTER_MS + 60_000);
    expect(leftovers(dir)).toHaveLength(3);
    expect((await openVectorIndex(options(dir))).status).toBe('loaded');
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps a fresh one of a builder that is still running', async () => {
    const dir = await builtIndex();
    const live = leftover(dir, 'build', process.pid);
    await openVectorIndex(options(dir, { rebuild: true }));
    expect(leftovers(dir)).toEqual([live]);
  });

  it('leaves other dot-folders alone', async () => {
    const dir = await builtIndex();
    mkdirSync(path.join(dir, '.build-notes'));
    await openVectorIndex(options(dir));
    expect(leftovers(dir)).toEqual(['.build-notes']);
  });
});
