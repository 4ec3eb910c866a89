import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { OLLAMA_DEFAULTS, type CoreConfig } from '../config.js';
import { loadCorpus, type Corpus } from '../corpus/load.js';
import { parseParticipants, participantsFileName, type Participant } from '../corpus/participants.js';
import type { Sentence } from '../corpus/types.js';
import { Bm25Index } from '../search/bm25.js';
import { GlossaryMatcher, parseGlossary } from '../search/glossary.js';
import { LexicalEmbeddings } from '../search/lexical-embeddings.js';
import { OllamaEmbeddings } from '../search/ollama-embeddings.js';
import { buildPassages, passageKey, type Passage } from '../search/passages.js';
import { openVectorIndex, type OpenedIndex } from '../search/persisted-index.js';
import { analyzeQuery } from '../search/query.js';
import { looksLikeKoreanVerb, type AnalyzedWord } from '../search/tokenize.js';
import { HybridRetriever, type RankedPassage } from '../search/retriever.js';
import { composeAnswer, DEFAULT_POLICY, notInArticle, type ComposePolicy } from './compose.js';
import { detectIntent, intentBoost } from './intent.js';
import { answerFromParticipants } from './participants-answer.js';
import { checkQuestion, detectLanguage } from './question.js';
import type { AnswerResult } from './types.js';
import { unfaithfulCitations, type SourceLookup } from './verify.js';

/** The question-answering core shared by the CLI and the bot. */
export interface QaEngine {
  /** Answers one question. Throws only for a refused question (see {@link checkQuestion}). */
  ask(question: string): Promise<AnswerResult>;
  /** The retrieval ranking behind an answer (for evaluation and "related" lists). */
  rank(question: string, k?: number): Promise<RankedPassage[]>;
  corpus: Corpus;
  passages: readonly Passage[];
  /** Looks a sentence up by document and id, with its passage (translation included). */
  passage(document: string, id: string): Passage | undefined;
  /** Verified participants of every document (companies and officials), in article order. */
  participants: readonly Participant[];
  index: OpenedIndex;
  retriever: HybridRetriever;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  config: Pick<CoreConfig, 'SEEDS_DIR' | 'INDEX_DIR' | 'EMBEDDING_DIM'> & Partial<Pick<CoreConfig, 'EMBEDDER' | 'OLLAMA_URL' | 'OLLAMA_MODEL'>>;
  log?: Logger;
  rebuild?: boolean;
  policy?: ComposePolicy;
}

/** Raised for questions that cannot be answered as asked (empty, too long, no words). */
export class QuestionError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'QuestionError';
  }
}

/**
 * Unseen words that look like names: capitalised Latin words (not the first word) and Hangul nouns.
 * Returned as the user wrote them, particles removed (`인텔에선` → `인텔`).
 */
function namesOutsideCorpus(question: string, unseen: readonly AnalyzedWord[]): string[] {
  const capitalised = new Set((question.match(/(?<=\s)\p{Lu}[\p{L}\p{N}]*/gu) ?? []).map((w) => w.toLowerCase()));
  return unseen
    .filter((w) => (w.hangul ? !looksLikeKoreanVerb(w.key) : capitalised.has(w.key)))
    .map((w) => (w.hangul ? w.key : question.match(new RegExp(`\\b${w.key}\\b`, 'iu'))?.[0] ?? w.key));
}

/** Loads the article(s), opens or builds the index and returns the engine. */
export async function createEngine(options: EngineOptions): Promise<QaEngine> {
  const { config, log } = options;
  const corpus = await loadCorpus(config.SEEDS_DIR);
  const passages = buildPassages(corpus);
  const embeddings =
    config.EMBEDDER === 'ollama'
      ? await new OllamaEmbeddings({ baseUrl: config.OLLAMA_URL ?? OLLAMA_DEFAULTS.url, model: config.OLLAMA_MODEL ?? OLLAMA_DEFAULTS.model }).connect()
      : new LexicalEmbeddings({ dimension: config.EMBEDDING_DIM }).fit(passages.map((p) => p.searchText));
  const index = await openVectorIndex({
    directory: config.INDEX_DIR,
    corpusHash: corpus.hash,
    embeddings,
    entries: passages.map((p) => ({ key: p.key, text: p.searchText, metadata: { document: p.sentence.document, id: p.sentence.id } })),
    log,
    rebuild: options.rebuild,
  });
  const participantsByDocument = corpus.documents.map((document) => {
    const json = corpus.sidecars.get(participantsFileName(document.slug));
    return { document: document.slug, participants: json ? parseParticipants(json, document) : [] };
  });
  const glossaryJson = corpus.sidecars.get('glossary.json');
  const glossary = glossaryJson ? new GlossaryMatcher(parseGlossary(glossaryJson)) : null;
  const retriever = new HybridRetriever(passages, index.store, embeddings, new Bm25Index(passages.map((p) => p.tokenList)));
  const byKey = new Map(passages.map((p) => [p.key, p]));
  const source: SourceLookup = {
    sentence: (document, id): Sentence | undefined => byKey.get(passageKey(document, id))?.sentence,
    raw: (document) => corpus.raw.get(document),
  };
  const policy = options.policy ?? DEFAULT_POLICY;

  function accept(rawQuestion: string): string {
    const checked = checkQuestion(rawQuestion);
    if (!checked.ok) throw new QuestionError(checked.problem.code, checked.problem.message);
    return checked.question;
  }

  async function rank(rawQuestion: string, k = 8): Promise<RankedPassage[]> {
    const question = accept(rawQuestion);
    const intent = detectIntent(question);
    return retriever.retrieve(analyzeQuery(question, glossary), k, (p) => intentBoost(intent, p));
  }

  async function ask(rawQuestion: string): Promise<AnswerResult> {
    const started = performance.now();
    const question = accept(rawQuestion);
    const language = detectLanguage(question);
    const intent = detectIntent(question);
    const query = analyzeQuery(question, glossary);
    const unknownNames = namesOutsideCorpus(question, retriever.unseenWords(query));
    const fromParticipants = participantsByDocument
      .map(({ document, participants }) =>
        answerFromParticipants({ question, language, intent, participants, document, unknownNames, translate: (id) => byKey.get(passageKey(document, id))?.translation }))
      .find((c) => c !== null);
    const composed = fromParticipants ?? composeAnswer(await retriever.retrieve(query, 8, (p) => intentBoost(intent, p)), intent, language, policy);
    const bad = unfaithfulCitations([...composed.citations, ...composed.related], source);
    if (bad.length > 0) {
      // Cannot happen unless ingest is broken; an answer resting on a misquote is no answer.
      log?.error({ ids: bad.map((c) => c.id) }, 'citation text does not match the article; answer withdrawn');
      const related = composed.related.filter((c) => !bad.includes(c));
      Object.assign(composed, { answered: false, answer: notInArticle(language), citations: [], related });
    }
    return { question, language, ...composed, ms: Math.round((performance.now() - started) * 1000) / 1000 };
  }

  return { ask, rank, corpus, passages, participants: participantsByDocument.flatMap((d) => d.participants), passage: (document, id) => byKey.get(passageKey(document, id)), index, retriever };
}
