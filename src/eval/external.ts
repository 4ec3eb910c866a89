import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createMemoryEngine, QuestionError, type QaEngine } from '../answer/engine.js';
import { PlainBm25 } from './plain-bm25.js';

const paragraphSchema = z.object({
  id: z.string(),
  title: z.string(),
  context: z.string(),
  qas: z.array(z.object({ qid: z.string(), q: z.string(), answer: z.string(), answer_start: z.number().int().nonnegative() })),
});

/** One reading-comprehension paragraph (KorQuAD or SQuAD development sample) with its questions. */
export type ExternalParagraph = z.infer<typeof paragraphSchema>;

/** A question written to look answerable from a paragraph that does not answer it. */
export interface UnanswerableQuestion {
  id: string;
  q: string;
}

/** Reads the look-alike questions (`test/eval/external-unanswerable.json`); none when the file is absent. */
export async function loadLookalikes(file: string): Promise<UnanswerableQuestion[]> {
  try {
    return z.array(z.object({ id: z.string(), q: z.string().min(1) }).passthrough()).parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads a JSON Lines file of paragraphs (`../shared/external/*.dev.jsonl`). */
export async function loadExternalParagraphs(file: string): Promise<ExternalParagraph[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => paragraphSchema.parse(JSON.parse(line)));
}

/** How the engine and plain BM25 did on paragraphs each given as the only article. */
export interface ExternalReport {
  paragraphs: number;
  questions: number;
  /** Answered, and the first citation is the sentence holding the gold answer. */
  hitAt1: number;
  /** The engine's best-ranked sentence holds the answer, answered or not. */
  rankAt1: number;
  /** Plain BM25's best sentence holds the answer. */
  bm25HitAt1: number;
  /** Share of answerable questions answered. */
  answered: number;
  /** Questions of another paragraph, asked of this one: share declined. */
  otherArticleDeclined: number;
  otherArticleQuestions: number;
  /** Same-paragraph questions that only look answerable: share declined (when a set is given). */
  lookalikeDeclined: number | null;
  lookalikeQuestions: number;
  misses: { id: string; q: string; gold: string; got: string | null; answered: boolean }[];
}

async function declined(engine: QaEngine, q: string): Promise<boolean> {
  try {
    return !(await engine.ask(q)).answered;
  } catch (error) {
    if (error instanceof QuestionError) return true;
    throw error;
  }
}

/**
 * Gives each paragraph to a fresh in-memory engine as its only article and asks its questions; the
 * gold sentence is the one whose span holds the answer's start. Plain BM25 ranks the same sentences.
 * Each paragraph is also asked the questions of the next paragraph, which it cannot answer.
 */
export async function evaluateExternal(paragraphs: readonly ExternalParagraph[], lookalikes: readonly UnanswerableQuestion[] = []): Promise<ExternalReport> {
  let questions = 0, hits = 0, ranks = 0, bm25Hits = 0, answered = 0, other = 0, otherDeclined = 0, look = 0, lookDeclined = 0;
  const misses: ExternalReport['misses'] = [];
  for (const [i, paragraph] of paragraphs.entries()) {
    const engine = await createMemoryEngine(new Map([[`external-${i}.txt`, paragraph.context]]));
    const sentences = engine.passages.map((p) => p.sentence);
    const bm25 = new PlainBm25(sentences.map((s) => s.text));
    for (const qa of paragraph.qas) {
      // The paragraph is the whole file, so sentence offsets into the raw file are offsets into the context.
      const gold = sentences.findIndex((s) => s.start <= qa.answer_start && qa.answer_start < s.end);
      if (gold < 0) continue;
      questions++;
      const goldId = sentences[gold]!.id;
      if (bm25.rank(qa.q)[0] === gold) bm25Hits++;
      const ranked = await engine.rank(qa.q, 1);
      if (ranked[0]?.passage.sentence.id === goldId) ranks++;
      const result = await engine.ask(qa.q);
      if (result.answered) answered++;
      const first = result.citations[0]?.id ?? null;
      if (result.answered && first === goldId) hits++;
      else misses.push({ id: paragraph.id, q: qa.q, gold: goldId, got: result.answered ? first : (result.related[0]?.id ?? null), answered: result.answered });
    }
    const next = paragraphs[(i + 1) % paragraphs.length]!;
    if (next !== paragraph) {
      for (const qa of next.qas) {
        other++;
        if (await declined(engine, qa.q)) otherDeclined++;
      }
    }
    for (const item of lookalikes.filter((u) => u.id === paragraph.id)) {
      look++;
      if (await declined(engine, item.q)) lookDeclined++;
    }
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    paragraphs: paragraphs.length,
    questions,
    hitAt1: share(hits, questions),
    rankAt1: share(ranks, questions),
    bm25HitAt1: share(bm25Hits, questions),
    answered: share(answered, questions),
    otherArticleDeclined: share(otherDeclined, other),
    otherArticleQuestions: other,
    lookalikeDeclined: look > 0 ? lookDeclined / look : null,
    lookalikeQuestions: look,
    misses,
  };
}
