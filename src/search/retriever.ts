import type { Bm25Index } from './bm25.js';
import type { HnswVectorStore } from './hnsw-store.js';
import type { IdentifiedEmbeddings } from './embedder.js';
import type { Passage } from './passages.js';
import { conceptMatch, type AnalyzedQuery, type Concept } from './query.js';
import { isVerbLike, type AnalyzedWord } from './tokenize.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { wordOrderMatch } from './word-order.js';

/** How the three signals combine into one ranking score. */
export interface RetrievalWeights {
  /** Weight of concept support: the IDF-weighted share of the question's concepts found in the passage. */
  support: number;
  /** Weight of the cosine similarity from the vector index. */
  vector: number;
  /** Weight of BM25, scaled by the best BM25 score of the query. */
  keyword: number;
  /** Weight of the share of the question's neighbouring English words that the passage keeps close and in order. */
  wordOrder: number;
  /** Weight of a word the corpus has never seen, as a share of the highest IDF. */
  unseenWordWeight: number;
  /** The same for an unseen Korean noun: Korean paraphrases mostly vary the verb, so a new noun is more likely missing content. */
  unseenKoreanNounWeight: number;
  /** The same for an unseen word that looks like an inflected Korean verb: usually paraphrase, not content. */
  unseenVerbWeight: number;
  /** Least concept weight (IDF) at which a name in the question must appear in an answering passage. */
  distinctiveName: number;
  /** Candidates taken from each of the vector and keyword rankings before fusion. */
  candidates: number;
  /** Credit for a question word found only in the previous sentence of the same paragraph (which "these" refers to). */
  context: number;
  /** Demotion of a sentence that only restates the question about "this X": the answer is in the sentence it points to. */
  restatement: number;
}

export const DEFAULT_WEIGHTS: RetrievalWeights = { support: 0.5, vector: 0.3, keyword: 0.2, wordOrder: 0.2, unseenWordWeight: 0.6, unseenKoreanNounWeight: 0.8, unseenVerbWeight: 0.25, distinctiveName: 1.25, candidates: 40, context: 0.5, restatement: 0.2 };

/** A passage with the signals that ranked it. All values are in [0, 1]; higher is better. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  /** IDF-weighted share of the question's concepts present in the passage. */
  support: number;
  /** Cosine similarity (1 − hnswlib distance). */
  similarity: number;
  /** BM25 relative to the query's best. */
  keyword: number;
  /** False when the question names someone or something (a glossary proper noun) the passage does not mention. */
  coversNames: boolean;
  /** Share of the question's weight held by its heaviest concept that the passage lacks (0 when it lacks none). */
  missingFocus: number;
}


/** Openers that refer to what the sentence before said: a pronoun, or a connective that carries its subject over. */
const REFERS_BACK = /^(?:이들|이는|이에|이를|이와|이 같은|그는|그들|또|또한|아울러|특히|이어|They|These|This|It|He|She|Those|Its|Their|His|Her|Also|In addition|Moreover|Furthermore|In particular)(?=[\s,]|$)/u;

/** Openers whose subject is something the sentence before named: a pronoun or a demonstrative ("This theory", "이 제도는"). */
const POINTS_BACK = /^(?:This|These|That|Those|It|He|She|They|이는|이들은?|이들이|이것은?|그는|그녀는|그들은?|(?:이|그|해당)\s+[가-힣]+(?:은|는|이|가))(?=[\s,]|$)/u;

/** True when the passage (or its rendering) opens by referring back to the sentence before. */
function refersBack(passage: Passage): boolean {
  return REFERS_BACK.test(passage.sentence.text) || (passage.translation !== undefined && REFERS_BACK.test(passage.translation));
}

/**
 * The sentence a passage leans on: the one before it in the same paragraph, or, when the passage
 * opens by referring back ("이들은", "또", "They also"), the last sentence of the paragraph before
 * (news writing often makes every sentence its own paragraph). Never a heading.
 */
function leanedOn(passage: Passage, before: Passage | undefined): Passage | undefined {
  if (!before || before.sentence.document !== passage.sentence.document) return undefined;
  if (before.sentence.block === passage.sentence.block) return before;
  return before.sentence.kind === 'paragraph' && passage.sentence.kind === 'paragraph' && refersBack(passage) ? before : undefined;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Hybrid retrieval: HNSW vectors and BM25 keywords fused with concept support. */
export class HybridRetriever {
  private readonly maxIdf: number;
  /** For each passage, the sentence it leans on for context (see {@link leanedOn}); fixed with the passages. */
  private readonly context: ReadonlyArray<Passage | undefined>;
  /** For a passage whose subject points back ("This theory", "These", "It"), the label of the sentence it points to. */
  private readonly referent: ReadonlyArray<number | undefined>;
  /** The article's words, for question words it does not contain (misspelt names). */
  readonly vocabulary: { has(key: string): boolean; fuzzy: FuzzyVocabulary };

  constructor(
    private readonly passages: readonly Passage[],
    private readonly store: HnswVectorStore,
    private readonly embeddings: IdentifiedEmbeddings,
    private readonly bm25: Bm25Index,
    private readonly weights: RetrievalWeights = DEFAULT_WEIGHTS,
  ) {
    this.maxIdf = bm25.idf('\u0000never-a-token');
    this.vocabulary = { has: (key) => bm25.documentFrequency(key) > 0, fuzzy: new FuzzyVocabulary(passages.flatMap((p) => p.wordKeys)) };
    this.context = passages.map((passage, label) => leanedOn(passage, passages[label - 1]));
    // The sentence a passage leans on is always the one before it.
    this.referent = passages.map((passage, label) => (this.context[label] !== undefined && (POINTS_BACK.test(passage.sentence.text) || (passage.translation !== undefined && POINTS_BACK.test(passage.translation))) ? label - 1 : undefined));
  }

  private wordWeight(word: AnalyzedWord): number {
    if (this.bm25.documentFrequency(word.key) > 0) return this.bm25.idf(word.key);
    const known = word.parts.filter((p) => this.bm25.documentFrequency(p) > 0);
    // An unseen word is as likely a paraphrase as a sign the article lacks the answer: weigh it as a rare word, not more.
    if (known.length === 0) {
      const share = isVerbLike(word) ? this.weights.unseenVerbWeight : word.hangul ? this.weights.unseenKoreanNounWeight : this.weights.unseenWordWeight;
      return this.maxIdf * share;
    }
    return known.reduce((sum, p) => sum + this.bm25.idf(p), 0) / known.length;
  }

  /** Words of the question that occur nowhere in the corpus, not even as a bigram, and are not in the glossary. */
  unseenWords(query: AnalyzedQuery): AnalyzedWord[] {
    return query.concepts
      .filter((c) => !c.known && c.fuzzy.length === 0)
      // A word is seen when another form of it is (`작년` when the article writes `지난해`).
      .filter((c) => !c.alternatives.slice(1).some((a) => a.every((w) => this.inArticle(w))))
      .flatMap((c) => c.alternatives[0] ?? [])
      .filter((w) => !this.inArticle(w));
  }

  /** Concepts the article has somewhere: glossary entries, likely misspellings, or a form all of whose words it uses. */
  seenConcepts(query: AnalyzedQuery): Concept[] {
    return query.concepts.filter((c) => c.known || c.fuzzy.length > 0 || c.alternatives.some((a) => a.every((w) => this.inArticle(w))));
  }

  /** True when the article has the word, or one of its bigrams. */
  private inArticle(word: AnalyzedWord): boolean {
    return this.bm25.documentFrequency(word.key) > 0 || word.parts.some((p) => this.bm25.documentFrequency(p) > 0);
  }

  /** A concept weighs as much as its best-known surface form: rare words count more. */
  conceptWeight(concept: Concept): number {
    let weight = Infinity;
    for (const alternative of concept.alternatives) {
      const w = alternative.reduce((sum, word) => sum + this.wordWeight(word), 0) / alternative.length;
      weight = Math.min(weight, w);
    }
    for (const f of concept.fuzzy) weight = Math.min(weight, this.wordWeight(f));
    return Number.isFinite(weight) ? weight : this.maxIdf;
  }

  /** Share of the question's concept weight that the passage covers. */
  support(query: AnalyzedQuery, passage: Passage, weights = query.concepts.map((c) => this.conceptWeight(c)), context?: Passage): number {
    return this.measure(query, passage, weights, context).support;
  }

  /**
   * One match per concept serves support, the names check and the missing focus alike. `isName`
   * marks the concepts a passage must mention (distinctive names); without it no name is required.
   */
  private measure(query: AnalyzedQuery, passage: Passage, weights: readonly number[], context?: Passage, isName?: readonly boolean[]): { support: number; coversNames: boolean; missingFocus: number } {
    let total = 0;
    let covered = 0;
    let missing = 0;
    let coversNames = true;
    for (let i = 0; i < query.concepts.length; i++) {
      const concept = query.concepts[i]!;
      total += weights[i]!;
      const own = conceptMatch(concept, passage.tokens);
      const borrowed = context && own < 1 ? this.weights.context * conceptMatch(concept, context.tokens) : 0;
      covered += weights[i]! * Math.max(own, borrowed);
      if (own < 0.5) {
        missing = Math.max(missing, weights[i]!);
        if (isName?.[i]) coversNames = false;
      }
    }
    return { support: total === 0 ? 0 : covered / total, coversNames, missingFocus: total === 0 ? 0 : missing / total };
  }



  private keywordQuery(query: AnalyzedQuery): { token: string; weight: number }[] {
    const weighted = new Map<string, number>();
    const add = (token: string, weight: number) => weighted.set(token, Math.max(weighted.get(token) ?? 0, weight));
    for (const concept of query.concepts) {
      for (const alternative of concept.alternatives) {
        for (const word of alternative) {
          add(word.key, 1);
          for (const part of word.parts) add(part, 0.5);
        }
      }
      for (const f of concept.fuzzy) add(f.key, 0.85);
    }
    return [...weighted].map(([token, weight]) => ({ token, weight }));
  }

  /**
   * Ranks passages for a question. `boost` lets the caller favour passages that fit the kind of
   * question (a date for "when"); it is added to the fused score.
   */
  async retrieve(query: AnalyzedQuery, k: number, boost?: (passage: Passage) => number, restates?: (passage: Passage) => boolean): Promise<RankedPassage[]> {
    if (this.passages.length === 0) return [];
    const vector = await this.embeddings.embedQuery(query.expandedText);
    const hits = this.store.searchVector(vector, this.weights.candidates);
    const keywordScores = this.bm25.score(this.keywordQuery(query));

    const similarity = new Map<number, number>();
    for (const hit of hits) similarity.set(hit.label, 1 - hit.distance);
    const byKeyword = [...keywordScores.keys()].filter((i) => keywordScores[i]! > 0).sort((a, b) => keywordScores[b]! - keywordScores[a]!);
    const bestKeyword = keywordScores[byKeyword[0] ?? -1] ?? 0;
    const candidates = new Set([...similarity.keys(), ...byKeyword.slice(0, this.weights.candidates)]);

    const conceptWeights = query.concepts.map((c) => this.conceptWeight(c));
    // Names the article uses everywhere (Korea, the US) do not single a sentence out; rarer ones do.
    const isName = query.concepts.map((c, i) => c.properName && conceptWeights[i]! >= this.weights.distinctiveName);
    const rankOne = (label: number): RankedPassage => {
      const passage = this.passages[label]!;
      const { support, coversNames, missingFocus } = this.measure(query, passage, conceptWeights, this.context[label], isName);
      const sim = Math.max(0, similarity.get(label) ?? dot(vector, this.store.vector(label)));
      const keyword = bestKeyword > 0 ? keywordScores[label]! / bestKeyword : 0;
      const score = this.weights.support * support + this.weights.vector * sim + this.weights.keyword * keyword + this.weights.wordOrder * wordOrderMatch(query.wordPairs, passage.wordKeys) + (boost?.(passage) ?? 0);
      return { passage, score, support, similarity: sim, keyword, coversNames, missingFocus };
    };
    const labels = [...candidates];
    const ranked = labels.map(rankOne);
    if (restates) {
      const count = ranked.length;
      for (let i = 0; i < count; i++) {
        const entry = ranked[i]!;
        const referent = this.referent[labels[i]!];
        if (referent === undefined || !restates(entry.passage)) continue;
        // The sentence says what the question says of "this theory"; the theory is named in the sentence it points back to.
        let at = labels.indexOf(referent);
        if (at < 0) {
          at = labels.push(referent) - 1;
          ranked.push(rankOne(referent));
        }
        ranked[at] = { ...ranked[at]!, score: Math.max(ranked[at]!.score, entry.score) };
        entry.score -= this.weights.restatement;
      }
    }
    ranked.sort((a, b) => b.score - a.score || a.passage.sentence.ordinal - b.passage.sentence.ordinal);
    return ranked.slice(0, k);
  }
}
