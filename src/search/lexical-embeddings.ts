import { Embeddings } from '@langchain/core/embeddings';
import { ANALYZER_VERSION, charNgrams, splitWords, analyzeWord, hasHangul } from './tokenize.js';

/** Options of the built-in lexical embedder. */
export interface LexicalEmbeddingsOptions {
  /** Output dimension (hash buckets). */
  dimension?: number;
}

/** FNV-1a, 32 bit: a fast, stable string hash (stability matters: vectors are persisted). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One hashed feature of a word: its name (for IDF), its hash and its weight. */
interface WordFeature {
  name: string;
  hash: number;
  weight: number;
}

/** The features of an analysed word, and their hashes, worked out once per word (questions reuse the article's words). */
const wordFeatureCache = new Map<string, readonly WordFeature[]>();
const WORD_FEATURE_CACHE_LIMIT = 20_000;

function wordFeatures(key: string, hangul: boolean): readonly WordFeature[] {
  const cached = wordFeatureCache.get(key);
  if (cached) return cached;
  const found: WordFeature[] = [];
  const add = (name: string, weight: number) => found.push({ name, hash: fnv1a(name), weight });
  add(`w:${key}`, 1);
  if (hangul) {
    for (const g of charNgrams(key, 2)) add(`2:${g}`, 0.7);
    for (const g of charNgrams(key, 3)) add(`3:${g}`, 0.8);
  } else if (!/^\p{N}/u.test(key) && !hasHangul(key)) {
    for (const g of charNgrams(`<${key}>`, 3)) add(`3:${g}`, 0.4);
  }
  if (wordFeatureCache.size >= WORD_FEATURE_CACHE_LIMIT) wordFeatureCache.clear();
  wordFeatureCache.set(key, found);
  return found;
}

/** Weighted features of a text (words, and character n-grams that survive Korean inflection), each with its summed weight. */
function features(text: string): Map<string, { hash: number; weight: number }> {
  const counts = new Map<string, { hash: number; weight: number }>();
  for (const raw of splitWords(text)) {
    const word = analyzeWord(raw);
    if (!word) continue;
    for (const feature of wordFeatures(word.key, word.hangul)) {
      const seen = counts.get(feature.name);
      if (seen) seen.weight += feature.weight;
      else counts.set(feature.name, { hash: feature.hash, weight: feature.weight });
    }
  }
  return counts;
}

/**
 * The default embedder: deterministic and offline. Words and character n-grams (Hangul bigrams and
 * trigrams, Latin trigrams) are hashed into a fixed dimension with a sign bit, weighted by
 * sublinear term frequency and, once {@link LexicalEmbeddings.fit} has seen the corpus, by inverse
 * document frequency; vectors are L2-normalised so cosine distance applies.
 */
export class LexicalEmbeddings extends Embeddings {
  readonly dimension: number;
  private idf: Map<string, number> | null = null;
  private maxIdf = 1;

  constructor(options: LexicalEmbeddingsOptions = {}) {
    super({});
    this.dimension = options.dimension ?? 256;
  }

  /** Identifies the embedding function in index manifests: a change means vectors must be rebuilt. */
  get id(): string {
    return `lexical-v1-a${ANALYZER_VERSION}-d${this.dimension}`;
  }

  /** Learns inverse document frequencies from the corpus the index will hold. */
  fit(texts: readonly string[]): this {
    const df = new Map<string, number>();
    for (const text of texts) for (const f of features(text).keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const n = texts.length;
    this.idf = new Map([...df].map(([f, d]) => [f, Math.log(1 + n / d)]));
    this.maxIdf = Math.log(1 + n);
    return this;
  }

  /** Embeds synchronously (the work is pure arithmetic); the async methods wrap this. */
  embedSync(text: string): number[] {
    const vector = new Array<number>(this.dimension).fill(0);
    for (const [feature, { hash: h, weight: tf }] of features(text)) {
      const weight = (1 + Math.log(tf)) * (this.idf ? (this.idf.get(feature) ?? this.maxIdf) : 1);
      vector[h % this.dimension]! += h & 0x80000000 ? -weight : weight;
    }
    let norm = 0;
    for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
    return vector;
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embedSync(d));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return this.embedSync(document);
  }
}
