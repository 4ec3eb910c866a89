import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { OLLAMA_DEFAULTS, type CoreConfig } from '../config.js';
import { buildCorpus, loadCorpus, type Corpus } from '../corpus/load.js';
import { Document } from '@langchain/core/documents';
import { HnswVectorStore } from '../search/hnsw-store.js';
import type { IdentifiedEmbeddings } from '../search/embedder.js';
import type { Participant } from '../corpus/participants.js';
import type { Sentence } from '../corpus/types.js';
import { Bm25Index } from '../search/bm25.js';
import { GlossaryMatcher } from '../search/glossary.js';
import { LexicalEmbeddings } from '../search/lexical-embeddings.js';
import { OllamaEmbeddings } from '../search/ollama-embeddings.js';
import { buildPassages, passageKey, type Passage } from '../search/passages.js';
import { DEFAULT_ANALYZER, openVectorIndex, type OpenedIndex } from '../search/persisted-index.js';
import { analyzeQuery, type AnalyzedQuery } from '../search/query.js';
import { HybridRetriever, type RankedPassage } from '../search/retriever.js';
import { composeAnswer, composeStoryDate, composeSummary, DEFAULT_POLICY, notInArticle, type ComposePolicy, type Composition } from './compose.js';
import { summarySentences } from './summary.js';
import { followUpCue, namesLittle, readWithPrevious, type FollowUpCue } from './follow-up.js';
import { asksForInstances, DEFAULT_SHAPE_WEIGHTS, intentBoost, listsNames } from './intent.js';
import { KindLexicon } from './kinds.js';
import { addsNothing, questionKeys } from './novelty.js';
import { reportsAnotherSpeaker } from './speaker.js';
import { asksBeyondHeading, understandQuestion, type UnderstoodQuestion } from './understand.js';
import { answerFromParticipants } from './participants-answer.js';
import { checkQuestion } from './question.js';
import { askedDimension, comparable, findNumbers, type NumberMention } from './numbers.js';
import type { AnswerResult } from './types.js';
import { unfaithfulCitations, type SourceLookup } from './verify.js';

/** "When was this?": a time asked of the story itself, nothing named to look for. */
const asksStoryDate = (q: UnderstoodQuestion) => q.intent === 'when' && q.query.concepts.length === 0 && q.structure === null && !q.summary;

/** Where a question stands in a conversation. */
export interface AskOptions {
  /**
   * The previous answered question of the same conversation, as it was read (its `readAs`, else
   * its question). A question that does not stand on its own is read together with it.
   */
  previous?: string;
}

/** How a question was read: alone, or together with the previous one (and why). */
export interface QuestionReading {
  understood: UnderstoodQuestion;
  /** The question as read with the previous one; absent when it was read alone. */
  readAs?: string;
  /** Why it was read with the previous one. */
  cue?: FollowUpCue;
  /** Sentences (passage keys) the previous answer cited, which a "who else?" follow-up asks past. */
  answeredBefore?: ReadonlySet<string>;
}

/** The question-answering core shared by the CLI and the bot. */
export interface QaEngine {
  /** Answers one question. Throws only for a refused question (see {@link checkQuestion}). */
  ask(question: string, options?: AskOptions): Promise<AnswerResult>;
  /** The retrieval ranking behind an answer (for evaluation and "related" lists). */
  rank(question: string, k?: number, options?: AskOptions): Promise<RankedPassage[]>;
  /** How a question was read, understood and ranked, for evaluation and calibration. */
  inspect(question: string, k?: number, options?: AskOptions): Promise<QuestionReading & { ranked: RankedPassage[] }>;
  corpus: Corpus;
  passages: readonly Passage[];
  /** Looks a sentence up by document and id, with its passage (translation included). */
  passage(document: string, id: string): Passage | undefined;
  /** Verified participants of every document (companies and officials), in article order. */
  participants: readonly Participant[];
  index: OpenedIndex;
  retriever: HybridRetriever;
  /** The bilingual glossary of the seeds, when there is one. */
  glossary: GlossaryMatcher | null;
}

/** Intents whose answer a heading only names the topic of: the body sentence holds the place, time, person or count. */
const REFERS_TO_STRUCTURE: ReadonlySet<string> = new Set(['where', 'when', 'who', 'how-many', 'how-much']);

/** Glyphs that mark list items or section heads in news text; a question may quote one to point at them. */
const LIST_MARKERS = /[▲△▶▷◆◇■□●○•]/gu;

/** Most sentences a summary quotes. */
const SUMMARY_CITATIONS = 4;
/** Bonus for a sentence of the kind the question names (headline, sub-headline). */
const STRUCTURE_BOOST = 0.15;
/** What the previous answer cited sinks below everything else for a follow-up that asks for more ("who else?", "또 뭘?"): it has been shown. */
const ANSWERED_BEFORE_PENALTY = 1;

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
  return assembleEngine({ corpus, passages, embeddings, index, log, policy: options.policy });
}

/**
 * Builds an engine wholly in memory from article files (name → content), with the built-in
 * embedder: no disk, no network. Used to measure the method on text it was never tuned for.
 */
export async function createMemoryEngine(files: ReadonlyMap<string, string>, options: { dimension?: number; policy?: ComposePolicy } = {}): Promise<QaEngine> {
  const corpus = buildCorpus(files);
  const passages = buildPassages(corpus);
  const embeddings = new LexicalEmbeddings({ dimension: options.dimension ?? 256 }).fit(passages.map((p) => p.searchText));
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension, capacity: passages.length });
  store.addVectorsSync(await embeddings.embedDocuments(passages.map((p) => p.searchText)), passages.map((p) => new Document({ pageContent: p.searchText, metadata: { document: p.sentence.document, id: p.sentence.id } })));
  const index: OpenedIndex = {
    store,
    status: 'built',
    // Memory only: nothing is written, by design.
    saved: false,
    saveProblem: 'an in-memory engine is never saved',
    manifest: { formatVersion: 0, corpusHash: corpus.hash, embedder: embeddings.id, dimension: embeddings.dimension, count: passages.length, hnsw: { m: store.parameters.m, efConstruction: store.parameters.efConstruction }, files: {}, builtAt: new Date(0).toISOString(), entriesHash: '', analyzer: DEFAULT_ANALYZER },
  };
  return assembleEngine({ corpus, passages, embeddings, index, policy: options.policy });
}

interface EngineParts {
  corpus: Corpus;
  passages: Passage[];
  embeddings: IdentifiedEmbeddings;
  index: OpenedIndex;
  log?: Logger;
  policy?: ComposePolicy;
}

/** Wires loaded parts into the question-answering core: no I/O happens here. */
function assembleEngine({ corpus, passages, embeddings, index, log, policy: givenPolicy }: EngineParts): QaEngine {
  const participantsByDocument = corpus.documents.map((document) => ({ document: document.slug, participants: corpus.participants.get(document.slug) ?? [] }));
  const glossary = corpus.glossary.length > 0 ? new GlossaryMatcher(corpus.glossary) : null;
  const kinds = KindLexicon.build(participantsByDocument.flatMap((d) => d.participants), corpus.glossary);
  const retriever = new HybridRetriever(passages, index.store, embeddings, new Bm25Index(passages.map((p) => p.tokenList)));
  const byKey = new Map(passages.map((p) => [p.key, p]));
  const source: SourceLookup = {
    sentence: (document, id): Sentence | undefined => byKey.get(passageKey(document, id))?.sentence,
    raw: (document) => corpus.raw.get(document),
  };
  const policy = givenPolicy ?? DEFAULT_POLICY;
  // The same for every summary request. One article: its headline, lead and sub-headlines; several: the headline and lead of each.
  const summary = corpus.documents
    .flatMap((d) => summarySentences(passages.filter((p) => p.sentence.document === d.slug), corpus.documents.length === 1 ? SUMMARY_CITATIONS : 2))
    .slice(0, SUMMARY_CITATIONS);
  // "When was this?" asks of the first article.
  const firstDocument = passages.filter((p) => p.sentence.document === passages[0]?.sentence.document);
  const numbersByPassage = new WeakMap<Passage, NumberMention[]>();

  function accept(rawQuestion: string): string {
    const checked = checkQuestion(rawQuestion);
    if (!checked.ok) throw new QuestionError(checked.problem.code, checked.problem.message);
    return checked.question;
  }

  const understanding = { glossary, vocabulary: retriever.vocabulary, unseenWords: (q: AnalyzedQuery) => retriever.unseenWords(q) };
  /** How specific a word is in the article: its own weight (IDF), not that of its glossary synonyms. */
  const specificity = (word: string): number => Math.max(0, ...analyzeQuery(word, { vocabulary: retriever.vocabulary }).concepts.map((c) => retriever.conceptWeight(c)));

  function retrieve(understood: UnderstoodQuestion, k: number, answeredBefore?: ReadonlySet<string>): Promise<RankedPassage[]> {
    // A question that names the headline or sub-headlines wants those lines, not the body; one that asks
    // where, when, who or how many about what the line says ("부제에 '박람회 개최'라던데 어디서 열렸어?")
    // only points at them, so they rank like body sentences and the one with the place or number comes first.
    const named = understood.structure;
    // "The title mentions X — which ones?": the heading is only where the words were seen; it ranks as any heading does.
    const beyond = named !== null && asksBeyondHeading(understood.question);
    const pointsAt = named !== null && !beyond && REFERS_TO_STRUCTURE.has(understood.intent);
    const structure = pointsAt || beyond ? null : named;
    // "The second sub-headline": only that one, counted in article order within each document.
    const chosen = structure === null || understood.ordinal === null ? null : nthOfKind(structure, understood.ordinal);
    const instances = asksForInstances(understood.question);
    const markers = understood.question.match(LIST_MARKERS) ?? [];
    /** The bonus of a heading the question names (null for any other passage, which the kind of answer ranks). */
    const headingBonus = (p: Passage): number | null => {
      if (structure === null) return null;
      if (p.sentence.kind === structure) return chosen === null || chosen.has(p.key) ? STRUCTURE_BOOST : null;
      // People call any heading "the title" (제목): a sub-headline or section head that holds the question's words may be the one meant.
      return structure === 'headline' && chosen === null && p.sentence.kind !== 'paragraph' ? STRUCTURE_BOOST / 2 : null;
    };
    const keys = understood.yesNo ? null : questionKeys(understood.query);
    // "자전거 몇 대?": a sentence that counts in the asked counter's kind ("300대") beats one with any number.
    const counted = understood.subtype === null ? askedDimension(understood.question) : null;
    const countsAsked = (p: Passage) => counted !== null && numbersOf(p).some((m) => comparable(m.dimension, counted));
    return retriever.retrieve(understood.query, k, (p) => {
      const unpenalised = pointsAt && p.sentence.kind === named ? DEFAULT_SHAPE_WEIGHTS.heading : 0;
      const shape = headingBonus(p) ?? intentBoost(understood.intent, p, undefined, understood.subtype) + unpenalised + (instances && listsNames(p) ? DEFAULT_SHAPE_WEIGHTS.shaped : 0);
      // Speech reported by someone else, which only mentions the asked speaker, is not theirs: no bonus for its shape.
      const notTheirs = reportsAnotherSpeaker(understood.speaker, p) ? DEFAULT_SHAPE_WEIGHTS.subtypeShaped : 0;
      // A question that quotes a list marker ("▲ 의제") points at the sentence that uses it.
      const marked = markers.some((m) => p.sentence.text.includes(m)) ? DEFAULT_SHAPE_WEIGHTS.subtypeShaped : 0;
      const counts = countsAsked(p) ? DEFAULT_SHAPE_WEIGHTS.subtypeShaped - DEFAULT_SHAPE_WEIGHTS.shaped : 0;
      return shape + marked + counts - notTheirs - (answeredBefore?.has(p.key) ? ANSWERED_BEFORE_PENALTY : 0);
    }, keys === null ? undefined : (p) => addsNothing(keys, p));
  }

  /** The numbers a passage states, found once per passage. */
  function numbersOf(passage: Passage): NumberMention[] {
    let found = numbersByPassage.get(passage);
    if (!found) numbersByPassage.set(passage, (found = findNumbers(passage.sentence.text)));
    return found;
  }

  /** The passages that are the nth (1-based; -1 the last) heading of a kind in their document. */
  function nthOfKind(kind: string, n: number): Set<string> {
    const keys = new Set<string>();
    for (const document of corpus.documents) {
      const ofKind = passages.filter((p) => p.sentence.document === document.slug && p.sentence.kind === kind);
      const pick = n === -1 ? ofKind.at(-1) : ofKind[n - 1];
      if (pick) keys.add(pick.key);
    }
    return keys;
  }

  function supportOf(understood: UnderstoodQuestion, document: string, id: string): number {
    const passage = byKey.get(passageKey(document, id));
    return passage ? retriever.support(understood.query, passage) : 0;
  }

  /** The answer the ranked passages give: the participants list when it speaks, else composed from sentences. */
  function compose(understood: UnderstoodQuestion, ranked: RankedPassage[]): Composition {
    const supports = new Map<string, number>();
    const cachedSupport = (document: string, id: string) => {
      const key = passageKey(document, id);
      let value = supports.get(key);
      if (value === undefined) supports.set(key, (value = supportOf(understood, document, id)));
      return value;
    };
    if (understood.summary) return composeSummary(summary, understood.language);
    if (asksStoryDate(understood)) {
      const dated = composeStoryDate(firstDocument, understood.language, understood.question);
      if (dated) return dated;
    }
    const fromParticipants = participantsByDocument
      .map(({ document, participants }) => answerFromParticipants({ question: understood, ranked, participants, document, translate: (id) => byKey.get(passageKey(document, id))?.translation, supportOf: (id) => cachedSupport(document, id) }))
      .find((c) => c !== null);
    return fromParticipants ?? composeAnswer(ranked, understood, policy);
  }

  /**
   * Reads a question alone or, when it does not stand on its own, together with the previous one:
   * by its wording (see {@link followUpCue}), or because alone it finds nothing answerable and
   * together it does.
   */
  async function read(question: string, previousQuestion: string | undefined): Promise<QuestionReading> {
    const alone = understandQuestion(question, understanding);
    const previous = previousQuestion === undefined ? null : checkQuestion(previousQuestion);
    // A request for the summary or for a part of the article ("the headline") says all it wants.
    if (!previous?.ok || alone.summary || alone.structure !== null) return { understood: alone };
    const cue = followUpCue(question);
    // Without a cue, only a short question with no name the article lacks may lean on the previous one when it finds nothing alone.
    if (!cue && (alone.unknownNames.length > 0 || !namesLittle(question))) return { understood: alone };
    const readAs = readWithPrevious(question, previous.question, { kinds, specificity });
    // The answer keeps the language, and the yes/no shape, of the question as asked.
    const together: UnderstoodQuestion = { ...understandQuestion(readAs, understanding), language: alone.language, yesNo: alone.yesNo };
    if (cue === 'more') {
      const before = understandQuestion(previous.question, understanding);
      const cited = compose(before, await retrieve(before, 8)).citations.map((c) => byKey.get(passageKey(c.document, c.id))!);
      // A sentence that lists names still holds "the others" ("Acme was there; who else?"); any other has been read.
      return { understood: together, readAs, cue, answeredBefore: new Set(cited.filter((p) => !listsNames(p)).map((p) => p.key)) };
    }
    if (cue) return { understood: together, readAs, cue };
    const composedAlone = compose(alone, await retrieve(alone, 8));
    if (composedAlone.answered || composedAlone.settled) return { understood: alone };
    const ranked = await retrieve(together, 8);
    // Leaning on the previous question must still find this one's words where the article has them
    // ("기자" is in no sentence about the roundtable); words the article lacks ("altogether") cannot count.
    const seen = retriever.seenConcepts(alone.query);
    const ownWordsFound = seen.length === 0 || (ranked[0] !== undefined && retriever.support({ ...alone.query, concepts: seen }, ranked[0].passage) > 0);
    return ownWordsFound && compose(together, ranked).answered ? { understood: together, readAs, cue: 'unanswered-alone' } : { understood: alone };
  }

  async function rank(rawQuestion: string, k = 8, options: AskOptions = {}): Promise<RankedPassage[]> {
    const reading = await read(accept(rawQuestion), options.previous);
    return retrieve(reading.understood, k, reading.answeredBefore);
  }

  async function inspect(rawQuestion: string, k = 8, options: AskOptions = {}): Promise<QuestionReading & { ranked: RankedPassage[] }> {
    const reading = await read(accept(rawQuestion), options.previous);
    return { ...reading, ranked: await retrieve(reading.understood, k, reading.answeredBefore) };
  }

  async function ask(rawQuestion: string, options: AskOptions = {}): Promise<AnswerResult> {
    const started = performance.now();
    const question = accept(rawQuestion);
    const { understood, readAs, answeredBefore } = await read(question, options.previous);
    const { language } = understood;
    const composed = compose(understood, await retrieve(understood, 8, answeredBefore));
    const bad = unfaithfulCitations([...composed.citations, ...composed.related], source);
    if (bad.length > 0) {
      // Cannot happen unless ingest is broken; an answer resting on a misquote is no answer.
      log?.error({ ids: bad.map((c) => c.id) }, 'citation text does not match the article; answer withdrawn');
      const related = composed.related.filter((c) => !bad.includes(c));
      Object.assign(composed, { answered: false, answer: notInArticle(language), citations: [], related });
    }
    const { confidence: _confidence, settled: _settled, ...reply } = composed;
    return { question, language, ...(readAs === undefined ? {} : { readAs }), ...reply, ms: Math.round((performance.now() - started) * 1000) / 1000 };
  }

  return { ask, rank, inspect, corpus, passages, participants: participantsByDocument.flatMap((d) => d.participants), passage: (document, id) => byKey.get(passageKey(document, id)), index, retriever, glossary };
}
