import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createMemoryEngine, QuestionError } from '../answer/engine.js';
import { PlainBm25 } from './plain-bm25.js';

const questionSchema = z.object({
  article: z.string().min(1),
  q: z.string().min(1),
  /** Verbatim pieces of the sentences that answer; empty for a question the article does not answer. */
  evidence: z.array(z.string().min(1)),
  type: z.string(),
});

/** A question about one invented article, with the words of its answering sentences. */
export type ArticleQuestion = z.infer<typeof questionSchema>;

/** Reads the questions of the invented articles (`test/eval/articles.questions.json`). */
export async function loadArticleQuestions(file: string): Promise<ArticleQuestion[]> {
  return z.array(questionSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}

/** How the engine and plain BM25 did on articles nobody tuned for, each the only article of its engine. */
export interface ArticlesReport {
  articles: number;
  answerable: number;
  unanswerable: number;
  /** A sentence holding the evidence is among the engine's first three. */
  recallAt3: number;
  /** Plain BM25's first three sentences hold the evidence. */
  bm25RecallAt3: number;
  /** Answered, and the first citation holds the evidence (declines count as misses). */
  hitAt1: number;
  /** Plain BM25's best sentence holds the evidence. */
  bm25HitAt1: number;
  /** Share of answerable questions declined. */
  wrongAbstention: number;
  /** Share of unanswerable questions declined. */
  abstention: number;
}

/**
 * Gives each invented article (in `dir`) to a fresh in-memory engine as its only article, as a team
 * does when it drops a new article into `seeds/`, and asks its questions. A sentence answers when it
 * contains one of the question's evidence pieces; plain BM25 ranks the same sentences.
 */
export async function evaluateArticles(dir: string, questions: readonly ArticleQuestion[]): Promise<ArticlesReport> {
  const byArticle = new Map<string, ArticleQuestion[]>();
  for (const q of questions) byArticle.set(q.article, [...(byArticle.get(q.article) ?? []), q]);
  let answerable = 0, unanswerable = 0, top3 = 0, bm25Top3 = 0, hits = 0, bm25Hits = 0, wrongDeclines = 0, declines = 0;
  for (const [article, asked] of byArticle) {
    const engine = await createMemoryEngine(new Map([[article, await readFile(path.join(dir, article), 'utf8')]]));
    const sentences = engine.passages.map((p) => p.sentence);
    const bm25 = new PlainBm25(sentences.map((s) => s.text));
    for (const item of asked) {
      const answers = (text: string) => item.evidence.some((piece) => text.includes(piece));
      let result;
      try {
        result = await engine.ask(item.q);
      } catch (error) {
        if (!(error instanceof QuestionError)) throw error;
        result = null;
      }
      if (item.evidence.length === 0) {
        unanswerable++;
        if (!result?.answered) declines++;
        continue;
      }
      answerable++;
      const ranked = await engine.rank(item.q, 3);
      if (ranked.some((r) => answers(r.passage.sentence.text))) top3++;
      const plain = bm25.rank(item.q).slice(0, 3).map((i) => sentences[i]!.text);
      if (plain.some(answers)) bm25Top3++;
      if (plain[0] !== undefined && answers(plain[0])) bm25Hits++;
      if (!result?.answered) wrongDeclines++;
      else if (result.citations[0] && answers(result.citations[0].text)) hits++;
    }
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    articles: byArticle.size,
    answerable,
    unanswerable,
    recallAt3: share(top3, answerable),
    bm25RecallAt3: share(bm25Top3, answerable),
    hitAt1: share(hits, answerable),
    bm25HitAt1: share(bm25Hits, answerable),
    wrongAbstention: share(wrongDeclines, answerable),
    abstention: share(declines, unanswerable),
  };
}
