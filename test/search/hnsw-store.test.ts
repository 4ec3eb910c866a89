import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { VectorStore } from '@langchain/core/vectorstores';
import { afterAll, describe, expect, it } from 'vitest';
import { HnswVectorStore } from '../../src/search/hnsw-store.js';
import { LexicalEmbeddings } from '../../src/search/lexical-embeddings.js';

const TEXTS = [
  '한국 측에서는 이재용 삼성전자 부회장 등 8개 대기업 관계자가 참석했다.',
  '미국 측에서도 퀄컴, 구글, 코닝 등 8개 기업 관계자가 참석했다.',
  '이창양 장관과 러만도 상무장관은 서울 하얏트호텔에서 양해각서를 체결했다.',
  '양국은 반도체 공급망 협력을 논의했다.',
  '올해는 한미 자유무역협정 발효 10주년이다.',
];
const embeddings = new LexicalEmbeddings({ dimension: 64 }).fit(TEXTS);
const docs = () => TEXTS.map((t, i) => new Document({ pageContent: t, metadata: { id: `S${i + 1}` } }));

async function filledStore(capacity?: number): Promise<HnswVectorStore> {
  const store = new HnswVectorStore(embeddings, { dimension: 64, capacity });
  await store.addDocuments(docs());
  return store;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('HnswVectorStore through the LangChain interface', () => {
  it('is a LangChain VectorStore', async () => {
    expect(await filledStore()).toBeInstanceOf(VectorStore);
  });

  it('finds a stored text first with a similarity of about 1 (higher is better)', async () => {
    const store = await filledStore();
    for (const [i, text] of TEXTS.entries()) {
      const [[doc, score]] = (await store.similaritySearchWithScore(text, 1)) as [[Document, number]];
      expect(doc.metadata.id).toBe(`S${i + 1}`);
      expect(score).toBeCloseTo(1, 5);
    }
  });

  it('returns results best first, with similarities in [-1, 1]', async () => {
    const results = await (await filledStore()).similaritySearchWithScore('반도체 공급망 협력을 논의', 5);
    expect(results).toHaveLength(5);
    expect(results[0]![0].metadata.id).toBe('S4');
    const scores = results.map(([, s]) => s);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) expect(Math.abs(s)).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('reports a similarity that equals the cosine of the two vectors, i.e. 1 − hnswlib distance', async () => {
    const store = await filledStore();
    const q = await embeddings.embedQuery('참석한 기업');
    const [hit] = store.searchVector(q, 1);
    const [[, score]] = (await store.similaritySearchVectorWithScore(q, 1)) as [[Document, number]];
    expect(score).toBeCloseTo(1 - hit!.distance, 10);
    const stored = store.vector(hit!.label);
    const cos = q.reduce((s, x, i) => s + x * stored[i]!, 0);
    expect(score).toBeCloseTo(cos, 5);
  });

  it('answers similaritySearch with documents and honours a filter', async () => {
    const store = await filledStore();
    const all = await store.similaritySearch('참석했다', 2);
    expect(all).toHaveLength(2);
    const filtered = await store.similaritySearch('참석했다', 2, (d) => d.metadata.id === 'S5');
    expect(filtered.map((d) => d.metadata.id)).toEqual(['S5']);
  });

  it('returns no more hits than it holds, and none when empty', async () => {
    expect(await (await filledStore()).similaritySearchWithScore('기업', 50)).toHaveLength(TEXTS.length);
    expect(await new HnswVectorStore(embeddings, { dimension: 64 }).similaritySearchWithScore('기업', 3)).toEqual([]);
  });

  it('grows past its initial capacity', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 64, capacity: 16 });
    const many = Array.from({ length: 40 }, (_, i) => new Document({ pageContent: `${TEXTS[i % 5]} ${i}번째`, metadata: { i } }));
    await store.addDocuments(many);
    expect(store.size).toBe(40);
    const [[doc]] = (await store.similaritySearchWithScore(many[37]!.pageContent, 1)) as [[Document, number]];
    expect(doc.metadata.i).toBe(37);
  });

  it('refuses a vector of the wrong dimension', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 64 });
    await expect(store.addVectors([[1, 0, 0]], [new Document({ pageContent: 'x' })])).rejects.toThrow(/dimension/);
  });

  it('saves and loads: the loaded store gives the same documents and scores', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qa-hnsw-'));
    dirs.push(dir);
    const store = await filledStore();
    await store.save(dir);
    const loaded = await HnswVectorStore.load(dir, embeddings, { dimension: 64 });
    expect(loaded.size).toBe(TEXTS.length);
    for (const q of ['참석한 기업', '양해각서 체결', '자유무역협정']) {
      const a = await store.similaritySearchWithScore(q, 3);
      const b = await loaded.similaritySearchWithScore(q, 3);
      expect(b.map(([d, s]) => [d.pageContent, d.metadata, s])).toEqual(a.map(([d, s]) => [d.pageContent, d.metadata, s]));
    }
  });
});
