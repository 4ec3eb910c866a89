import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.js';
import { OllamaEmbeddings } from '../../src/search/ollama-embeddings.js';

/** A local stand-in for Ollama's `POST /api/embed`: deterministic 16-dimension vectors from character codes. */
function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(16).fill(0);
  for (const ch of text) v[ch.codePointAt(0)! % 16]! += 1;
  return v;
}

async function readJson(req: IncomingMessage): Promise<{ model?: string; input?: string[] }> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body) as { model?: string; input?: string[] };
}

let server: Server;
let baseUrl: string;
const received: { model?: string; count: number }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/embed') {
      res.writeHead(404).end();
      return;
    }
    void readJson(req).then(({ model, input }) => {
      received.push({ model, count: input?.length ?? 0 });
      if (model !== 'test-embed') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `model "${model}" not found` }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ model, embeddings: (input ?? []).map(fakeEmbedding) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('OllamaEmbeddings against a local server speaking the Ollama embed API', () => {
  it('learns the dimension on connect and returns the server vectors', async () => {
    const embeddings = await new OllamaEmbeddings({ baseUrl, model: 'test-embed' }).connect();
    expect(embeddings.dimension).toBe(16);
    expect(embeddings.id).toBe('ollama:test-embed');
    expect(await embeddings.embedQuery('가나다')).toEqual(fakeEmbedding('가나다'));
    expect(await embeddings.embedDocuments(['a', 'b'])).toEqual([fakeEmbedding('a'), fakeEmbedding('b')]);
  });

  it('names the model when the server does not have it', async () => {
    await expect(new OllamaEmbeddings({ baseUrl, model: 'missing-model' }).connect()).rejects.toThrow(/404.*missing-model/);
  });

  it('says plainly when no server is listening, pointing back to the built-in embedder', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new OllamaEmbeddings({ baseUrl: `http://127.0.0.1:${port}`, model: 'test-embed', timeoutMs: 2000 }).connect()).rejects.toThrow(/not reachable.*EMBEDDER/);
  });

  it('plugs into the engine: the index is built from its vectors and answers keep verbatim citations', async () => {
    const indexDir = mkdtempSync(path.join(tmpdir(), 'qa-ollama-'));
    try {
      const engine = await createEngine({ config: { SEEDS_DIR: 'seeds', INDEX_DIR: indexDir, EMBEDDING_DIM: 256, EMBEDDER: 'ollama', OLLAMA_URL: baseUrl, OLLAMA_MODEL: 'test-embed' } });
      expect(engine.index.manifest.embedder).toBe('ollama:test-embed');
      expect(engine.index.manifest.dimension).toBe(16);
      const result = await engine.ask('하얏트호텔에서 양해각서를 체결한 사람은?');
      expect(result.answered).toBe(true);
      for (const c of result.citations) expect(engine.passage(c.document, c.id)?.sentence.text).toBe(c.text);
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  });
});
