import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { questionKey } from '../../src/eval/question-set-problems.js';

/** Shared by the validity tests of the sets written blind in nine styles (blind2-sets.test.ts, and blind-sets.test.ts for blind3 to blind8). */
export const EVAL_DIR = 'test/eval';
export const STYLES = ['casual', 'paraphrase', 'spelling', 'headline', 'yes-no', 'counting', 'list', 'wh', 'code-mix'] as const;

const styledQuestion = z.object({ q: z.string().min(1), gold: z.array(z.string()), type: z.string().min(1), style: z.enum(STYLES) }).strict();
/** One question of a styled set, as its writer labelled it. */
export type StyledQuestion = z.infer<typeof styledQuestion>;

/** Reads and checks the shape of a styled set in test/eval. */
export async function loadStyledSet(file: string): Promise<StyledQuestion[]> {
  return z.array(styledQuestion).parse(JSON.parse(await readFile(path.join(EVAL_DIR, file), 'utf8')));
}

/** Every question text of a file in test/eval, whatever its format (question sets, conversations, claims). */
function questionTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(questionTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = [record.q, record.claim].filter((v): v is string => typeof v === 'string');
  return [...own, ...Object.values(record).filter((v) => typeof v === 'object').flatMap(questionTexts)];
}

/** The question keys (`questionKey`) of every file in test/eval but the ones named. */
export async function otherQuestionKeys(excluded: readonly string[]): Promise<Set<string>> {
  const files = (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.json') && !excluded.includes(f));
  const texts = await Promise.all(files.map(async (f) => questionTexts(JSON.parse(await readFile(path.join(EVAL_DIR, f), 'utf8')))));
  return new Set(texts.flat().map(questionKey));
}

/** The style checks every styled set must pass: each style used at least five times, unanswerable questions in every style but headline. */
export function checkStyles(questions: () => readonly StyledQuestion[]): void {
  it('labels every question with one of the nine styles, each style used at least five times', () => {
    for (const style of STYLES) expect(questions().filter((x) => x.style === style).length, style).toBeGreaterThanOrEqual(5);
  });

  it('has unanswerable questions in every style but the headline one', () => {
    const styles = new Set(questions().filter((x) => x.gold.length === 0).map((x) => x.style));
    expect([...styles].sort()).toEqual(STYLES.filter((s) => s !== 'headline').sort());
  });
}
