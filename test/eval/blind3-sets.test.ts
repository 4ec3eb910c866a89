import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCorpus } from '../../src/corpus/load.js';
import { questionKey, UNANSWERABLE_TYPE } from '../../src/eval/question-set-problems.js';

/**
 * Validity of the blind3 sets (written blind, see README): their shape, labels, counts and ids only.
 * These sets measure how the engine generalises, so no engine runs here and nothing here is tuned on them.
 */
const EVAL_DIR = 'test/eval';
const LANGUAGES = ['ko', 'en'] as const;
const setFile = (language: (typeof LANGUAGES)[number]) => `blind3.${language}.json`;
const STYLES = ['casual', 'paraphrase', 'spelling', 'headline', 'yes-no', 'counting', 'list', 'wh', 'code-mix'] as const;

const styledQuestion = z.object({ q: z.string().min(1), gold: z.array(z.string()), type: z.string().min(1), style: z.enum(STYLES) }).strict();
type StyledQuestion = z.infer<typeof styledQuestion>;

/** Every question text of a file in test/eval, whatever its format (question sets, conversations, claims). */
function questionTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(questionTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = [record.q, record.claim].filter((v): v is string => typeof v === 'string');
  return [...own, ...Object.values(record).filter((v) => typeof v === 'object').flatMap(questionTexts)];
}

let sentenceIds: Set<string>;
let otherFilesKeys: Set<string>;

beforeAll(async () => {
  const corpus = await loadCorpus('seeds');
  sentenceIds = new Set(corpus.documents.flatMap((d) => d.sentences.map((s) => s.id)));
  const mine = new Set<string>(LANGUAGES.map(setFile));
  const files = (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.json') && !mine.has(f));
  const texts = await Promise.all(files.map(async (f) => questionTexts(JSON.parse(await readFile(path.join(EVAL_DIR, f), 'utf8')))));
  otherFilesKeys = new Set(texts.flat().map(questionKey));
});

describe.each(LANGUAGES)('blind3.%s.json', (language) => {
  let questions: StyledQuestion[];

  beforeAll(async () => {
    questions = z.array(styledQuestion).parse(JSON.parse(await readFile(path.join(EVAL_DIR, setFile(language)), 'utf8')));
  });

  it('has 60 questions, 46 answerable and 14 unanswerable', () => {
    expect(questions).toHaveLength(60);
    expect(questions.filter((x) => x.gold.length > 0)).toHaveLength(46);
    expect(questions.filter((x) => x.gold.length === 0)).toHaveLength(14);
  });

  it('marks exactly the questions with empty gold as unanswerable, and cites only sentences of the article, each once', () => {
    for (const x of questions) {
      expect(x.type === UNANSWERABLE_TYPE, x.q).toBe(x.gold.length === 0);
      expect(x.gold.filter((id) => !sentenceIds.has(id)), x.q).toEqual([]);
      expect(new Set(x.gold).size, x.q).toBe(x.gold.length);
    }
  });

  it('labels every question with one of the nine styles, each style used at least five times', () => {
    for (const style of STYLES) expect(questions.filter((x) => x.style === style).length, style).toBeGreaterThanOrEqual(5);
  });

  it('has unanswerable questions in every style but the headline one', () => {
    const styles = new Set(questions.filter((x) => x.gold.length === 0).map((x) => x.style));
    expect([...styles].sort()).toEqual(STYLES.filter((s) => s !== 'headline').sort());
  });

  it('asks no question that another file in test/eval already asks, nor one twice', () => {
    const keys = questions.map((x) => questionKey(x.q));
    expect(questions.filter((x) => otherFilesKeys.has(questionKey(x.q))).map((x) => x.q)).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
