/**
 * Peers on the same questions (issue 5, part 3): MiniSearch and Orama, each with its defaults and
 * with our tokenizer, Orama also hybrid with our embedding vectors, next to our own ranking
 * (`engine.rank`). Every system indexes the same text per sentence (the Korean original followed
 * by its English rendering, `Passage.searchText`) and is scored the same way as src/eval/metrics.ts:
 * recall@3 and MRR (top 10) over the answerable questions. The held-out sets are scored too:
 * the engine's weights were tuned on the main sets, the peers' were not.
 */
import { performance } from 'node:perf_hooks';
import { create, insertMultiple, search as oramaSearch, type AnyOrama, type AnySchema } from '@orama/orama';
import MiniSearch from 'minisearch';
import { createEngine, QuestionError, type QaEngine } from '../src/answer/engine.js';
import type { EvalQuestion } from '../src/eval/question-set.js';
import { evaluate } from '../src/eval/metrics.js';
import { LexicalEmbeddings } from '../src/search/lexical-embeddings.js';
import type { Passage } from '../src/search/passages.js';
import { indexTokens } from '../src/search/tokenize.js';
import { engineConfig } from './article.js';
import { EMBEDDING_DIM, loadPassages, loadQuestionSets } from './inputs.js';
import { summarize } from './stats.js';
import type { PeerLanguageResult, PeerResult } from './types.js';

/** A retrieval system under comparison. */
export interface Retriever {
  name: string;
  library: string;
  /** What differs from the library's defaults. */
  settings: string;
  /** Indexes the passages (timed). */
  build(passages: readonly Passage[]): Promise<void>;
  /** Indices (into the passages) of the top 10 for a question, best first. */
  search(question: string): Promise<number[]>;
}

const TOP = 10;

/** Our engine's ranking: `createEngine({ rebuild: true })`, then `engine.rank(question, 10)`. */
export function ours(indexDir: string): Retriever & { engine(): QaEngine } {
  let engine: QaEngine | null = null;
  let byKey = new Map<string, number>();
  return {
    name: 'Ours (hybrid: HNSW + BM25 + support)',
    library: 'this project',
    settings: 'engine.rank(question, 10)',
    async build(passages) {
      engine = await createEngine({ config: engineConfig(indexDir), rebuild: true });
      byKey = new Map(passages.map((p, i) => [p.key, i]));
    },
    async search(question) {
      if (!engine) throw new Error('not built');
      try {
        return (await engine.rank(question, TOP)).map((r) => byKey.get(r.passage.key) ?? -1);
      } catch (error) {
        if (error instanceof QuestionError) return [];
        throw error;
      }
    },
    engine() {
      if (!engine) throw new Error('not built');
      return engine;
    },
  };
}

/** MiniSearch (BM25+), with its default tokenizer or with ours. */
export function miniSearch(tokenizer: 'default' | 'ours'): Retriever {
  let index: MiniSearch<{ id: number; text: string }> | null = null;
  return {
    name: `MiniSearch (${tokenizer === 'default' ? 'default' : 'our tokenizer'})`,
    library: 'minisearch',
    settings: tokenizer === 'default' ? 'defaults (OR query, no fuzzy, no prefix)' : 'tokenize: indexTokens (documents and queries)',
    async build(passages) {
      index = new MiniSearch({ fields: ['text'], ...(tokenizer === 'ours' ? { tokenize: (text: string) => indexTokens(text) } : {}) });
      index.addAll(passages.map((p, id) => ({ id, text: p.searchText })));
    },
    async search(question) {
      if (!index) throw new Error('not built');
      return index.search(question).slice(0, TOP).map((r) => Number(r.id));
    },
  };
}

/**
 * Orama: full-text (BM25) or hybrid with our embedding vectors, default tokenizer or ours.
 * `similarity` is Orama's vector threshold. At its default (0.8) no vector hit of a lexical
 * embedding passes on these questions (their cosine similarities to a sentence are lower), so
 * hybrid ranks exactly as full-text; 0 lets every vector hit through.
 */
export function orama(mode: 'fulltext' | 'hybrid', tokenizer: 'default' | 'ours', similarity?: number): Retriever {
  let db: AnyOrama | null = null;
  let embeddings: LexicalEmbeddings | null = null;
  const settings = [
    tokenizer === 'ours' ? 'tokenizer: indexTokens' : 'default tokenizer (english)',
    mode === 'hybrid' ? `hybrid with our 256-d vectors, ${similarity === undefined ? 'default similarity (0.8)' : `similarity: ${similarity}`}` : 'full-text',
  ].join('; ');
  const variant = [tokenizer === 'default' ? 'default' : 'our tokenizer', ...(similarity === undefined ? [] : [`sim ${similarity}`])].join(', ');
  return {
    name: `Orama ${mode === 'hybrid' ? 'hybrid' : 'full-text'} (${variant})`,
    library: '@orama/orama',
    settings,
    async build(passages) {
      const schema: AnySchema = mode === 'hybrid' ? { text: 'string', embedding: `vector[${EMBEDDING_DIM}]` } : { text: 'string' };
      const components = tokenizer === 'ours' ? { tokenizer: { language: 'english', normalizationCache: new Map<string, string>(), tokenize: (raw: string) => indexTokens(raw) } } : undefined;
      db = create({ schema, ...(components ? { components } : {}) }) as AnyOrama;
      if (mode === 'hybrid') embeddings = new LexicalEmbeddings({ dimension: EMBEDDING_DIM }).fit(passages.map((p) => p.searchText));
      const docs = passages.map((p, i) => ({ id: String(i), text: p.searchText, ...(embeddings ? { embedding: embeddings.embedSync(p.searchText) } : {}) }));
      await insertMultiple(db, docs);
    },
    async search(question) {
      if (!db) throw new Error('not built');
      const results = embeddings
        ? await oramaSearch(db, { mode: 'hybrid', term: question, vector: { value: embeddings.embedSync(question), property: 'embedding' }, limit: TOP, ...(similarity === undefined ? {} : { similarity }) })
        : await oramaSearch(db, { term: question, limit: TOP });
      return results.hits.map((hit) => Number(hit.id));
    },
  };
}

/** Scores one retriever on one question set: recall@3 and MRR over answerable questions, latency over all. */
async function scoreLanguage(retriever: Retriever, passages: readonly Passage[], questions: readonly EvalQuestion[], passes: number): Promise<PeerLanguageResult> {
  for (const q of questions) await retriever.search(q.q);
  const samples: number[] = [];
  let ranked: number[][] = [];
  for (let pass = 0; pass < passes; pass++) {
    ranked = [];
    for (const q of questions) {
      const started = performance.now();
      ranked.push(await retriever.search(q.q));
      samples.push(performance.now() - started);
    }
  }
  let hits = 0, reciprocal = 0, answerable = 0;
  questions.forEach((q, i) => {
    if (q.gold.length === 0) return;
    answerable++;
    const gold = new Set(q.gold);
    const first = (ranked[i] ?? []).findIndex((index) => index >= 0 && gold.has(passages[index]!.sentence.id));
    if (first >= 0 && first < 3) hits++;
    if (first >= 0) reciprocal += 1 / (first + 1);
  });
  return { questions: answerable, recallAt3: answerable ? hits / answerable : 1, mrr: answerable ? reciprocal / answerable : 1, latency: summarize(samples) };
}

/** Runs ours and every peer on both question sets. */
export async function comparePeers(options: { indexDir: string; passes: number }): Promise<PeerResult[]> {
  const passages = await loadPassages();
  const sets = await loadQuestionSets();
  const heldout = await loadQuestionSets('heldout');
  const our = ours(options.indexDir);
  const retrievers: Retriever[] = [
    our,
    miniSearch('default'),
    miniSearch('ours'),
    orama('fulltext', 'default'),
    orama('fulltext', 'ours'),
    orama('hybrid', 'default'),
    orama('hybrid', 'default', 0),
    orama('hybrid', 'ours', 0),
  ];
  const results: PeerResult[] = [];
  for (const retriever of retrievers) {
    const started = performance.now();
    await retriever.build(passages);
    const indexMs = performance.now() - started;
    const ko = await scoreLanguage(retriever, passages, sets.ko, options.passes);
    const en = await scoreLanguage(retriever, passages, sets.en, options.passes);
    const held = { ko: await scoreLanguage(retriever, passages, heldout.ko, 1), en: await scoreLanguage(retriever, passages, heldout.en, 1) };
    results.push({ name: retriever.name, library: retriever.library, settings: retriever.settings, indexMs, ko, en, heldout: held });
  }
  // Our figures must agree with the project's own evaluation (src/eval/metrics.ts).
  for (const language of ['ko', 'en'] as const) {
    const reference = await evaluate(our.engine(), sets[language]);
    const mine = results[0]![language];
    if (Math.abs(reference.recallAt3 - mine.recallAt3) > 1e-9 || Math.abs(reference.mrr - mine.mrr) > 1e-9) {
      throw new Error(`bench scoring disagrees with src/eval/metrics.ts on ${language}: ${mine.recallAt3}/${mine.mrr} vs ${reference.recallAt3}/${reference.mrr}`);
    }
  }
  return results;
}
