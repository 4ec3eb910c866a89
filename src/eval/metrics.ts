import type { QaEngine } from '../answer/engine.js';
import type { EvalQuestion } from './question-set.js';
import { PlainBm25 } from './plain-bm25.js';
import { passageKey } from '../search/passages.js';

/** Retrieval and answering quality over one question set. */
export interface EvalReport {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions with a gold sentence among the top 3. */
  recallAt3: number;
  /** Mean reciprocal rank of the first gold sentence (0 when outside the top 10). */
  mrr: number;
  /** Share of unanswerable questions on which the engine declined. */
  abstention: number;
  /** Share of answerable questions on which the engine wrongly declined. */
  wrongAbstention: number;
  /** Share of quoted citation texts that are verbatim sentences of the article. */
  verbatim: number;
  /** Share of answered questions whose first citation is a gold sentence. */
  answerPrecision: number;
  /** Plain sentence-level BM25 over the same sentences (and their renderings), same questions. */
  bm25: { recallAt3: number; mrr: number; hitAt1: number };
  /** Share of answerable questions whose first citation is gold (declines count as misses). */
  hitAt1: number;
  /** Questions that missed, for inspection. */
  misses: { q: string; gold: string[]; got: string[]; answered: boolean }[];
}

/** Runs a question set through the engine and measures it. */
export async function evaluate(engine: QaEngine, questions: readonly EvalQuestion[]): Promise<EvalReport> {
  let hits = 0, reciprocal = 0, abstained = 0, wronglyAbstained = 0, quotes = 0, verbatimQuotes = 0, answeredRight = 0, answeredCount = 0;
  const misses: EvalReport['misses'] = [];
  const sentenceText = new Map(engine.passages.map((p) => [p.key, p.sentence.text]));
  const bm25 = new PlainBm25(engine.passages.map((p) => p.searchText));
  let bm25Hits = 0, bm25Reciprocal = 0, bm25First = 0;
  for (const item of questions) {
    const ranked = await engine.rank(item.q, 10);
    const ids = ranked.map((r) => r.passage.sentence.id);
    const result = await engine.ask(item.q);
    for (const c of [...result.citations, ...result.related]) {
      quotes++;
      if (sentenceText.get(passageKey(c.document, c.id)) === c.text) verbatimQuotes++;
    }
    const gold = new Set(item.gold);
    if (gold.size === 0) {
      if (!result.answered) abstained++;
      else misses.push({ q: item.q, gold: item.gold, got: result.citations.map((c) => c.id), answered: true });
      continue;
    }
    const bm25Ids = bm25.rank(item.q).map((i) => engine.passages[i]!.sentence.id);
    const bm25Gold = bm25Ids.findIndex((id) => gold.has(id));
    if (bm25Gold >= 0 && bm25Gold < 3) bm25Hits++;
    if (bm25Gold === 0) bm25First++;
    if (bm25Gold >= 0 && bm25Gold < 10) bm25Reciprocal += 1 / (bm25Gold + 1);
    const first = ids.findIndex((id) => gold.has(id));
    if (first >= 0 && first < 3) hits++;
    if (first >= 0) reciprocal += 1 / (first + 1);
    if (!result.answered) wronglyAbstained++;
    else {
      answeredCount++;
      if (gold.has(result.citations[0]?.id ?? '')) answeredRight++;
    }
    if (first < 0 || first >= 3 || !result.answered) misses.push({ q: item.q, gold: item.gold, got: ids.slice(0, 3), answered: result.answered });
  }
  const answerable = questions.filter((q) => q.gold.length > 0).length;
  const unanswerable = questions.length - answerable;
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    questions: questions.length,
    answerable,
    unanswerable,
    recallAt3: share(hits, answerable),
    mrr: share(reciprocal, answerable),
    abstention: share(abstained, unanswerable),
    wrongAbstention: answerable === 0 ? 0 : wronglyAbstained / answerable,
    verbatim: share(verbatimQuotes, quotes),
    answerPrecision: share(answeredRight, answeredCount),
    hitAt1: share(answeredRight, answerable),
    bm25: { recallAt3: share(bm25Hits, answerable), mrr: share(bm25Reciprocal, answerable), hitAt1: share(bm25First, answerable) },
    misses,
  };
}
