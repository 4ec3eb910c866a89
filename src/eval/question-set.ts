import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const questionSet = z.array(z.object({ q: z.string().min(1), gold: z.array(z.string()), type: z.string() }));

/** One evaluation question: `gold` lists the sentence ids that answer it (empty: the article cannot). */
export type EvalQuestion = z.infer<typeof questionSet>[number];

/** Reads a question set file. */
export async function loadQuestionSet(file: string): Promise<EvalQuestion[]> {
  return questionSet.parse(JSON.parse(await readFile(file, 'utf8')));
}
