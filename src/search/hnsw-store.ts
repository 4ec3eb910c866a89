import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VectorStore } from '@langchain/core/vectorstores';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';

/** HNSW graph parameters. */
export interface HnswParameters {
  /** Max links per node (memory vs. recall). */
  m: number;
  /** Candidate list size while building. */
  efConstruction: number;
  /** Candidate list size while searching (recall vs. latency). */
  efSearch: number;
}

/**
 * efSearch 256: recall@10 0.98 at 1M sentences for ~2.3 ms; efConstruction 100: the same recall as
 * 200 at 100k sentences for half the build time (bench/out/report.md, ef sweep and efConstruction study).
 */
export const DEFAULT_HNSW: HnswParameters = { m: 16, efConstruction: 100, efSearch: 256 };

/** A hit from the vector index: hnswlib's cosine distance (0 = same direction, 2 = opposite). */
export interface VectorHit {
  label: number;
  distance: number;
}

/** File names inside a persisted store directory. */
export const STORE_FILES = { graph: 'hnsw.bin', documents: 'documents.json' } as const;

/**
 * A LangChain `VectorStore` over hnswlib-node with cosine space. Documents are labelled by their
 * insertion order. `similaritySearchVectorWithScore` follows LangChain's convention of "higher is
 * better" and returns a cosine *similarity* (1 − distance); {@link HnswVectorStore.searchVector}
 * exposes the raw distance.
 */
export class HnswVectorStore extends VectorStore {
  declare FilterType: (document: DocumentInterface) => boolean;
  readonly dimension: number;
  readonly parameters: HnswParameters;
  private index: hnswlib.HierarchicalNSW;
  private readonly documents: DocumentInterface[] = [];

  constructor(embeddings: EmbeddingsInterface, options: { dimension: number; parameters?: Partial<HnswParameters>; capacity?: number }) {
    super(embeddings, {});
    this.dimension = options.dimension;
    this.parameters = { ...DEFAULT_HNSW, ...options.parameters };
    this.index = new hnswlib.HierarchicalNSW('cosine', this.dimension);
    this.index.initIndex({ maxElements: Math.max(16, options.capacity ?? 1024), m: this.parameters.m, efConstruction: this.parameters.efConstruction, randomSeed: 100 });
    this.index.setEf(this.parameters.efSearch);
  }

  override _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  /** Number of stored vectors. */
  get size(): number {
    return this.documents.length;
  }

  /** The stored document with this label. */
  document(label: number): DocumentInterface | undefined {
    return this.documents[label];
  }

  override async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    this.addVectorsSync(vectors, documents);
    return documents.map((d, i) => d.id ?? String(this.documents.length - documents.length + i));
  }

  /** Synchronous insert, growing the graph as needed. */
  addVectorsSync(vectors: readonly number[][], documents: readonly DocumentInterface[]): void {
    if (vectors.length !== documents.length) throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
    const needed = this.documents.length + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    vectors.forEach((vector, i) => {
      if (vector.length !== this.dimension) throw new Error(`addVectors: vector of dimension ${vector.length}, index has ${this.dimension}`);
      this.index.addPoint(vector, this.documents.length);
      this.documents.push(documents[i]!);
    });
  }

  override async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents);
  }

  /** The stored (normalised) vector of a label. */
  vector(label: number): number[] {
    return this.index.getPoint(label);
  }

  /** The k nearest labels with their cosine distances, nearest first. */
  searchVector(query: readonly number[], k: number, filter?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.documents.length);
    if (n === 0) return [];
    if (this.index.getEf() < n) this.index.setEf(n);
    const { neighbors, distances } = this.index.searchKnn(query as number[], n, filter);
    return neighbors.map((label, i) => ({ label, distance: distances[i]! }));
  }

  override async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    const labelFilter = filter ? (label: number) => filter(this.documents[label]!) : undefined;
    return this.searchVector(query, k, labelFilter).map(({ label, distance }) => [this.documents[label]!, 1 - distance]);
  }

  /** Writes the graph and documents into an existing directory. */
  async save(directory: string): Promise<void> {
    await this.index.writeIndex(path.join(directory, STORE_FILES.graph));
    const documents = this.documents.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata, id: d.id }));
    await writeFile(path.join(directory, STORE_FILES.documents), JSON.stringify(documents));
  }

  /** Reads a store written by {@link HnswVectorStore.save}. The caller verifies file integrity first. */
  static async load(directory: string, embeddings: EmbeddingsInterface, options: { dimension: number; parameters?: Partial<HnswParameters> }): Promise<HnswVectorStore> {
    const store = new HnswVectorStore(embeddings, { ...options, capacity: 16 });
    const documents = JSON.parse(await readFile(path.join(directory, STORE_FILES.documents), 'utf8')) as { pageContent: string; metadata: Record<string, unknown>; id?: string }[];
    store.index = new hnswlib.HierarchicalNSW('cosine', options.dimension);
    await store.index.readIndex(path.join(directory, STORE_FILES.graph));
    if (store.index.getCurrentCount() !== documents.length) {
      throw new Error(`index holds ${store.index.getCurrentCount()} vectors but ${documents.length} documents`);
    }
    store.index.setEf(store.parameters.efSearch);
    // One push per document: spreading a million arguments into one call overflows the stack.
    for (const d of documents) store.documents.push(new Document(d));
    return store;
  }
}
