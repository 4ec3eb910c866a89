/** Inputs every part of the benchmark shares: where the article and question sets live, and loaders. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { loadQuestionSet, type EvalQuestion } from '../src/eval/question-set.js';
import { buildPassages, type Passage } from '../src/search/passages.js';
import { profileArticle, type ArticleProfile } from './synthetic.js';

/** Root of the project (the parent of bench/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The article(s) the bot answers about. */
export const SEEDS_DIR = path.join(ROOT, 'seeds');
/** Embedding dimension used throughout (the project default). */
export const EMBEDDING_DIM = 256;

/** The two evaluation question sets. */
export interface QuestionSets {
  ko: EvalQuestion[];
  en: EvalQuestion[];
}

/**
 * Loads test/eval/questions.{ko,en}.json, the sets issue 5 names; with `heldout`, the held-out
 * sets test/eval/heldout.{ko,en}.json instead (questions the engine was not tuned on).
 */
export async function loadQuestionSets(which: 'questions' | 'heldout' = 'questions'): Promise<QuestionSets> {
  const [ko, en] = await Promise.all([
    loadQuestionSet(path.join(ROOT, `test/eval/${which}.ko.json`)),
    loadQuestionSet(path.join(ROOT, `test/eval/${which}.en.json`)),
  ]);
  return { ko, en };
}

/** The article's passages (sentence plus English rendering), as the engine indexes them. */
export async function loadPassages(): Promise<Passage[]> {
  return buildPassages(await loadCorpus(SEEDS_DIR));
}

/** What the synthetic generator learns from the article (Korean sentences and their translation). */
export async function loadArticleProfile(): Promise<ArticleProfile> {
  const passages = await loadPassages();
  return profileArticle(
    passages.map((p) => p.sentence.text),
    passages.flatMap((p) => (p.translation ? [p.translation] : [])),
  );
}
