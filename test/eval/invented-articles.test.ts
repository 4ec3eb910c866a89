import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateArticles, type ArticleQuestion } from '../../src/eval/invented-articles.js';

// A tiny invented article and four questions about it: the evaluator's arithmetic, not the engine's quality.
const dir = mkdtempSync(path.join(tmpdir(), 'qa-articles-'));
writeFileSync(path.join(dir, 'pier.en.txt'), [
  'Harbourside pier reopens after repairs',
  '',
  'The Harbourside pier reopened on Monday after a two-year repair that cost 84 million dollars.',
  '',
  'Mayor Ana Ruiz cut the ribbon in front of about 2,000 residents.',
  '',
  'The pier now has a new cafe and a fishing platform.',
].join('\n'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const questions: ArticleQuestion[] = [
  { article: 'pier.en.txt', q: 'How much did the pier repair cost?', evidence: ['cost 84 million dollars'], type: 'how-much' },
  { article: 'pier.en.txt', q: 'Who cut the ribbon?', evidence: ['Mayor Ana Ruiz cut the ribbon'], type: 'who' },
  { article: 'pier.en.txt', q: 'What colour is the new cafe?', evidence: [], type: 'unanswerable' },
  { article: 'pier.en.txt', q: 'Who designed the fishing platform?', evidence: [], type: 'unanswerable' },
];

describe('evaluateArticles', () => {
  it('counts answerable and unanswerable questions per article and scores the engine beside plain BM25', async () => {
    const report = await evaluateArticles(dir, questions);
    expect(report.articles).toBe(1);
    expect(report.answerable).toBe(2);
    expect(report.unanswerable).toBe(2);
    // Both answerable questions name their sentence's words: engine and BM25 find them.
    expect(report.recallAt3).toBe(1);
    expect(report.bm25RecallAt3).toBe(1);
    expect(report.hitAt1).toBe(1);
    expect(report.wrongAbstention).toBe(0);
    for (const share of [report.abstention, report.bm25HitAt1]) expect(share).toBeGreaterThanOrEqual(0);
  });

  it('scores a question whose evidence no sentence holds as a miss, not a hit', async () => {
    const report = await evaluateArticles(dir, [{ article: 'pier.en.txt', q: 'Who cut the ribbon?', evidence: ['a sentence that is not there'], type: 'who' }]);
    expect(report.recallAt3).toBe(0);
    expect(report.hitAt1).toBe(0);
  });
});
