import { Document } from '@langchain/core/documents';
import type { Corpus } from '../../src/corpus/load.js';
import type { BlockKind, Sentence } from '../../src/corpus/types.js';
import { Bm25Index } from '../../src/search/bm25.js';
import { HnswVectorStore } from '../../src/search/hnsw-store.js';
import { LexicalEmbeddings } from '../../src/search/lexical-embeddings.js';
import { buildPassages, type Passage } from '../../src/search/passages.js';
import { HybridRetriever } from '../../src/search/retriever.js';

/** One block of a hand-made article: its kind and its sentences, in reading order. */
export interface TinyBlock {
  kind?: BlockKind;
  sentences: string[];
}

/** The document slug of every tiny corpus. */
export const TINY_SLUG = 'tiny';

/**
 * A corpus of one invented article, given block by block, with every sentence's offsets into the
 * raw text it builds (blocks are lines; sentences in a block are joined by a space).
 */
export function tinyCorpus(blocks: readonly TinyBlock[]): Corpus {
  const sentences: Sentence[] = [];
  let raw = '';
  blocks.forEach((block, blockIndex) => {
    if (blockIndex > 0) raw += '\n';
    block.sentences.forEach((text, i) => {
      if (i > 0) raw += ' ';
      const ordinal = sentences.length + 1;
      sentences.push({ id: `S${ordinal}`, document: TINY_SLUG, ordinal, text, start: raw.length, end: raw.length + text.length, kind: block.kind ?? 'paragraph', block: blockIndex, section: null });
      raw += text;
    });
  });
  return { documents: [{ slug: TINY_SLUG, title: TINY_SLUG, publisher: null, sentences }], raw: new Map([[TINY_SLUG, raw]]), translations: new Map(), participants: new Map(), glossary: [], hash: TINY_SLUG };
}

/** The passages of a tiny corpus, built by the real passage builder. */
export function tinyPassages(blocks: readonly TinyBlock[]): Passage[] {
  return buildPassages(tinyCorpus(blocks));
}

/** A hybrid retriever over a tiny corpus, wired as the in-memory engine wires it (lexical vectors, HNSW, BM25). */
export function tinyRetriever(blocks: readonly TinyBlock[]): { retriever: HybridRetriever; passages: Passage[]; bm25: Bm25Index } {
  const passages = tinyPassages(blocks);
  const embeddings = new LexicalEmbeddings({ dimension: 128 }).fit(passages.map((p) => p.searchText));
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension, capacity: passages.length });
  store.addVectorsSync(passages.map((p) => embeddings.embedSync(p.searchText)), passages.map((p) => new Document({ pageContent: p.searchText, metadata: { id: p.sentence.id } })));
  const bm25 = new Bm25Index(passages.map((p) => p.tokenList));
  return { retriever: new HybridRetriever(passages, store, embeddings, bm25), passages, bm25 };
}
