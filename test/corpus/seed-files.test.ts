/**
 * Broken files in the articles folder: each is refused with a message naming the file and the
 * problem, through the real loading path (loadCorpus, and createEngine for the sidecars).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.js';
import { loadCorpus } from '../../src/corpus/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLUG = 'korea-us-supply-chain-dialogue';
const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const ARTICLE = seed(`${SLUG}.ko.txt`);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qa-seeds-'));
  dirs.push(dir);
  return dir;
}

/** An articles folder with the real article and its sidecars, `files` added or replacing them. */
function seeds(files: Record<string, string | Buffer>, options: { withSidecars?: boolean } = {}): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, `${SLUG}.ko.txt`), ARTICLE);
  if (options.withSidecars !== false) {
    for (const name of [`${SLUG}.en.json`, `${SLUG}.participants.json`, 'glossary.json']) writeFileSync(path.join(dir, name), seed(name));
  }
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const engineFor = (seedsDir: string) => createEngine({ config: { SEEDS_DIR: seedsDir, INDEX_DIR: path.join(tempDir(), 'index'), EMBEDDING_DIM: 64 } });

describe('article files that are not UTF-8 text', () => {
  it('refuses a megabyte of random bytes instead of reading thousands of "sentences" from it', async () => {
    const dir = seeds({ 'junk.ko.txt': randomBytes(1_000_000) });
    await expect(loadCorpus(dir)).rejects.toThrow(/junk\.ko\.txt: is not text \(a NUL byte at offset \d+\)/);
  });

  it.each([
    ['little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')])],
    ['big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ARTICLE, 'utf16le').swap16()])],
  ])('refuses UTF-16 (%s, with a byte-order mark), saying to save it as UTF-8', async (_label, bytes) => {
    const dir = seeds({ 'utf16.ko.txt': bytes });
    await expect(loadCorpus(dir)).rejects.toThrow(`${path.join(dir, 'utf16.ko.txt')}: is UTF-16 text; save it as UTF-8`);
  });

  it('refuses UTF-16 without a byte-order mark', async () => {
    const dir = seeds({ 'utf16.ko.txt': Buffer.from(ARTICLE, 'utf16le') });
    await expect(loadCorpus(dir)).rejects.toThrow(/utf16\.ko\.txt: is not text .*UTF-16 without a byte-order mark/);
  });

  it('refuses a file in another encoding (EUC-KR, Latin-1), naming the first bad byte', async () => {
    const dir = seeds({ 'latin1.en.txt': Buffer.from('Caf\xe9 society. The end.', 'latin1') });
    await expect(loadCorpus(dir)).rejects.toThrow(/latin1\.en\.txt: is not valid UTF-8 \(at byte 3\)/);
  });

  it('accepts UTF-8 with a byte-order mark, and leaves the mark out of the text', async () => {
    const dir = seeds({ [`${SLUG}.ko.txt`]: `\ufeff${ARTICLE}` });
    const corpus = await loadCorpus(dir);
    expect(corpus.documents[0]!.sentences[0]!.text.startsWith('\ufeff')).toBe(false);
    expect(corpus.raw.get(SLUG)).toBe(ARTICLE);
  });

  it('refuses a sidecar that is not UTF-8 text either', async () => {
    const dir = seeds({ 'glossary.json': Buffer.from([0x7b, 0x00, 0x7d]) });
    await expect(loadCorpus(dir)).rejects.toThrow(/glossary\.json: is not text/);
  });
});

describe('entries that are not files', () => {
  it('names a folder called like an article', async () => {
    const dir = seeds({});
    mkdirSync(path.join(dir, 'x.ko.txt'));
    await expect(loadCorpus(dir)).rejects.toThrow(`${path.join(dir, 'x.ko.txt')}: is a folder, not a file`);
  });

  it('names a folder called like a sidecar', async () => {
    const dir = seeds({});
    rmSync(path.join(dir, 'glossary.json'));
    mkdirSync(path.join(dir, 'glossary.json'));
    await expect(loadCorpus(dir)).rejects.toThrow(/glossary\.json: is a folder, not a file/);
  });
});

describe('empty files', () => {
  it.each([`${SLUG}.participants.json`, `${SLUG}.en.json`, 'glossary.json'])('says so for an empty %s instead of ignoring it', async (name) => {
    for (const content of ['', '  \n']) {
      const dir = seeds({ [name]: content });
      await expect(loadCorpus(dir)).rejects.toThrow(`${path.join(dir, name)}: is empty; fill it in, or delete it (it is optional)`);
    }
  });

  it('says so for an article with no text', async () => {
    const dir = seeds({ 'blank.ko.txt': ' \n\n' });
    await expect(loadCorpus(dir)).rejects.toThrow(`${path.join(dir, 'blank.ko.txt')}: has no article text`);
  });
});

describe('sidecars that are not valid JSON or lack fields', () => {
  it.each([`${SLUG}.participants.json`, `${SLUG}.en.json`, 'glossary.json'])('names %s and where its JSON breaks, without echoing it', async (name) => {
    const broken = seed(name).replace(/,(\s*\n)/, '$1'); // one comma missing
    const dir = seeds({ [name]: broken });
    const error = await loadCorpus(dir).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toMatch(new RegExp(`^${path.join(dir, name).replace(/[.\\]/g, '\\$&')}: is not valid JSON: .* at line \\d+, column \\d+$`));
    expect(error!.message.length).toBeLessThan(path.join(dir, name).length + 150);
  });

  it('names the participants file and the field that does not fit', async () => {
    const file = JSON.parse(seed(`${SLUG}.participants.json`)) as { participants: Record<string, unknown>[] };
    file.participants[2]!.country = 'Japan';
    const dir = seeds({ [`${SLUG}.participants.json`]: JSON.stringify(file) });
    await expect(engineFor(dir)).rejects.toThrow(/^korea-us-supply-chain-dialogue\.participants\.json: does not have the expected fields: participants\[2\]\.country: /);
  });

  it('names the English rendering file and the field that does not fit', async () => {
    const dir = seeds({ [`${SLUG}.en.json`]: JSON.stringify({ document: SLUG, language: 'fr', sentences: {} }) });
    await expect(engineFor(dir)).rejects.toThrow(/^korea-us-supply-chain-dialogue\.en\.json: does not have the expected fields: language: /);
  });

  it('names the glossary file and the field that does not fit', async () => {
    const dir = seeds({ 'glossary.json': JSON.stringify({ entries: [{ ko: ['공급망'], en: ['supply chain'] }, { ko: '반도체', en: ['chips'] }] }) });
    await expect(engineFor(dir)).rejects.toThrow(/^glossary\.json: does not have the expected fields: entries\[1\]\.ko: /);
  });

  it('still loads the untouched folder (the breakage, not the checks, makes the tests above fail)', async () => {
    const engine = await engineFor(seeds({}));
    expect(engine.participants.length).toBeGreaterThan(0);
  });
});
