import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateArticles, loadArticleQuestions, type ArticlesReport } from '../../src/eval/invented-articles.js';

/**
 * Articles nobody tuned for (test/eval/articles.README.md), each given to a fresh engine as its only
 * article, as a team does when it drops a new article into seeds/. Floors sit one question under the
 * levels measured at the end of stop 18. The first set was used for development after its first run;
 * the others never were (only their aggregate figures have been looked at). Chat questions on short
 * articles are declined far too often (a third to a half of answerable ones in Korean; see the
 * README's known limits), and the English first citation is below plain BM25's, so only recall@3 must
 * beat BM25, and the first citation only where it does (Korean).
 */
const SETS = {
  'set 1, ko': { dir: 'test/eval/articles', questions: 'test/eval/articles.questions.json', suffix: '.ko.txt', recallAt3: 0.8, hitAt1: 0.47, wrongAbstention: 0.28, abstention: 0.41, beatsBm25AtFirst: true },
  'set 1, en': { dir: 'test/eval/articles', questions: 'test/eval/articles.questions.json', suffix: '.en.txt', recallAt3: 0.75, hitAt1: 0.36, wrongAbstention: 0.34, abstention: 0.58, beatsBm25AtFirst: false },
  'set 2, ko': { dir: 'test/eval/articles2', questions: 'test/eval/articles2.questions.json', suffix: '.ko.txt', recallAt3: 0.72, hitAt1: 0.27, wrongAbstention: 0.53, abstention: 0.25, beatsBm25AtFirst: true },
  'set 2, en': { dir: 'test/eval/articles2', questions: 'test/eval/articles2.questions.json', suffix: '.en.txt', recallAt3: 0.91, hitAt1: 0.58, wrongAbstention: 0.25, abstention: 0.5, beatsBm25AtFirst: false },
  'set 3, ko': { dir: 'test/eval/articles3', questions: 'test/eval/articles3.questions.json', suffix: '.ko.txt', recallAt3: 0.86, hitAt1: 0.5, wrongAbstention: 0.23, abstention: 0.25, beatsBm25AtFirst: true },
  'set 3, en': { dir: 'test/eval/articles3', questions: 'test/eval/articles3.questions.json', suffix: '.en.txt', recallAt3: 0.72, hitAt1: 0.33, wrongAbstention: 0.37, abstention: 0.16, beatsBm25AtFirst: false },
  'set 4, ko': { dir: 'test/eval/articles4', questions: 'test/eval/articles4.questions.json', suffix: '.ko.txt', recallAt3: 0.77, hitAt1: 0.41, wrongAbstention: 0.34, abstention: 0.41, beatsBm25AtFirst: true },
  'set 4, en': { dir: 'test/eval/articles4', questions: 'test/eval/articles4.questions.json', suffix: '.en.txt', recallAt3: 0.75, hitAt1: 0.44, wrongAbstention: 0.34, abstention: 0.33, beatsBm25AtFirst: true },
} as const;
type SetName = keyof typeof SETS;

const reports = new Map<SetName, ArticlesReport>();

beforeAll(async () => {
  for (const [name, set] of Object.entries(SETS) as [SetName, (typeof SETS)[SetName]][]) {
    const questions = await loadArticleQuestions(set.questions);
    reports.set(name, await evaluateArticles(set.dir, questions.filter((q) => q.article.endsWith(set.suffix))));
  }
});

describe.each(Object.keys(SETS) as SetName[])('invented articles, %s', (name) => {
  const floor = SETS[name];
  const report = () => reports.get(name)!;

  it(`finds an answering sentence in the top 3 for at least ${floor.recallAt3 * 100}% of answerable questions, ahead of plain BM25`, () => {
    expect(report().recallAt3).toBeGreaterThanOrEqual(floor.recallAt3);
    expect(report().recallAt3).toBeGreaterThan(report().bm25RecallAt3);
  });

  it(`cites an answering sentence first for at least ${floor.hitAt1 * 100}% of answerable questions`, () => {
    expect(report().hitAt1).toBeGreaterThanOrEqual(floor.hitAt1);
    if (floor.beatsBm25AtFirst) expect(report().hitAt1).toBeGreaterThan(report().bm25HitAt1);
  });

  it(`declines at most ${floor.wrongAbstention * 100}% of answerable and at least ${floor.abstention * 100}% of unanswerable questions`, () => {
    expect(report().wrongAbstention).toBeLessThanOrEqual(floor.wrongAbstention);
    expect(report().abstention).toBeGreaterThanOrEqual(floor.abstention);
  });
});
