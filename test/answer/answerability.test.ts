import { describe, expect, it } from 'vitest';
import { answerabilityFeatures, answerabilityScore, type AnswerabilityFeatures, type AnswerabilityModel } from '../../src/answer/answerability.js';
import { ANSWERABILITY_MODEL } from '../../src/answer/answerability-model.js';
import type { AnswerSubtype, Intent } from '../../src/answer/intent.js';
import type { Passage } from '../../src/search/passages.js';
import { analyzeQuery, type AnalyzedQuery, type Concept } from '../../src/search/query.js';
import type { RankedPassage } from '../../src/search/retriever.js';
import { tinyPassages } from '../search/tiny-corpus.js';

// Invented sentences: one with no number, date or place; one with all three; a minister and a company chairman.
const [plain, shaped, minister, chairman] = tinyPassages([
  { sentences: ['Volunteers painted the fence.'] },
  { sentences: ['In 2019 the city hall spent 300 dollars on 12 new benches.'] },
  { sentences: ['Minister Okafor signed the ferry contract.'] },
  { sentences: ['Chairman Ruiz of Acme Ferries signed the contract.'] },
]) as [Passage, Passage, Passage, Passage];

function ranked(passage: Passage, extra: Partial<RankedPassage> = {}): RankedPassage {
  return { passage, score: 0.7, support: 0.6, similarity: 0.4, keyword: 0.5, coversNames: true, missingFocus: 0.2, ...extra };
}
const ONE_CONCEPT: AnalyzedQuery = { text: 'fence', concepts: [{ label: 'fence', alternatives: [], fuzzy: [], known: false, properName: false }], expandedText: 'fence', wordPairs: [] };
const asked = (intent: Intent, extra: { question?: string; unknownNames?: string[]; unseenShare?: number; subtype?: AnswerSubtype | null; query?: AnalyzedQuery; speaker?: Concept[] } = {}) => ({ question: '', intent, subtype: null, unknownNames: [], unseenShare: 0, query: ONE_CONCEPT, speaker: [], ...extra });

const ZERO: AnswerabilityFeatures = { support: 0, similarity: 0, nameMissing: 0, unknownName: 0, shapeMissing: 0, missingFocus: 0, unseenShare: 0, noMatch: 0, shapeNowhere: 0 };

describe('answerabilityFeatures', () => {
  it('asks a named subtype for its own shape: a year is no month, an amount is no age', () => {
    // `shaped` has a year, dollars and a count, but no month, age or duration.
    expect(answerabilityFeatures(ranked(shaped), asked('when', { subtype: 'year' })).shapeMissing).toBe(0);
    expect(answerabilityFeatures(ranked(shaped), asked('when', { subtype: 'month' })).shapeMissing).toBe(1);
    expect(answerabilityFeatures(ranked(shaped), asked('how-many', { subtype: 'age' })).shapeMissing).toBe(1);
    expect(answerabilityFeatures(ranked(shaped), asked('how-many', { subtype: 'duration' })).shapeMissing).toBe(1);
  });

  it('asks "who is the CEO of X?" for a company title: a minister is no answer, a chairman is', () => {
    const ceo = asked('who', { subtype: 'officeholder', question: 'Who is the CEO of Acme Ferries?' });
    expect(answerabilityFeatures(ranked(minister), ceo).shapeMissing).toBe(1);
    expect(answerabilityFeatures(ranked(chairman), ceo).shapeMissing).toBe(0);
    const anyTitle = asked('who', { subtype: 'officeholder', question: 'Who represented the ferry company?' });
    expect(answerabilityFeatures(ranked(minister), anyTitle).shapeMissing).toBe(0);
  });

  it('copies support, similarity and missing focus from the best passage', () => {
    const features = answerabilityFeatures(ranked(plain, { support: 0.61, similarity: 0.42, missingFocus: 0.17 }), asked('what'));
    expect(features).toMatchObject({ support: 0.61, similarity: 0.42, missingFocus: 0.17 });
  });

  it('turns names into flags: a name the passage lacks, a name the article lacks', () => {
    expect(answerabilityFeatures(ranked(plain), asked('what')).nameMissing).toBe(0);
    expect(answerabilityFeatures(ranked(plain, { coversNames: false }), asked('what')).nameMissing).toBe(1);
    expect(answerabilityFeatures(ranked(plain), asked('what')).unknownName).toBe(0);
    expect(answerabilityFeatures(ranked(plain), asked('what', { unknownNames: ['Zellweger', 'Okonjo'] })).unknownName).toBe(1);
  });

  it('flags a passage that matches none of the question\'s own words, but not a question with none', () => {
    expect(answerabilityFeatures(ranked(plain, { support: 0 }), asked('what')).noMatch).toBe(1);
    expect(answerabilityFeatures(ranked(plain, { support: 0.3 }), asked('what')).noMatch).toBe(0);
    expect(answerabilityFeatures(ranked(plain, { support: 0 }), asked('what', { query: { ...ONE_CONCEPT, concepts: [] } })).noMatch).toBe(0);
  });

  it('marks a shape missing from the best passage and from every runner-up (shapeNowhere), apart from one missing from the best only', () => {
    expect(answerabilityFeatures(ranked(plain), asked('when'), [ranked(plain)]).shapeNowhere).toBe(1);
    // A runner-up with a date: the shape exists among the candidates, though not in the best one.
    expect(answerabilityFeatures(ranked(plain), asked('when'), [ranked(shaped)])).toMatchObject({ shapeMissing: 1, shapeNowhere: 0 });
    expect(answerabilityFeatures(ranked(shaped), asked('when'), [ranked(plain)])).toMatchObject({ shapeMissing: 0, shapeNowhere: 0 });
    // No shape is asked for "what".
    expect(answerabilityFeatures(ranked(plain), asked('what'), [ranked(plain)]).shapeNowhere).toBe(0);
  });

  it('caps the unseen share at 1', () => {
    expect(answerabilityFeatures(ranked(plain), asked('what', { unseenShare: 0.25 })).unseenShare).toBe(0.25);
    expect(answerabilityFeatures(ranked(plain), asked('what', { unseenShare: 3 })).unseenShare).toBe(1);
  });

  it('flags a missing shape for how-much, how-many, when and where questions whose passage lacks one', () => {
    for (const intent of ['how-much', 'how-many', 'when', 'where'] as Intent[]) {
      expect(answerabilityFeatures(ranked(plain), asked(intent)).shapeMissing, intent).toBe(1);
      expect(answerabilityFeatures(ranked(shaped), asked(intent)).shapeMissing, intent).toBe(0);
    }
  });

  it('never flags a missing shape for other intents, even when the passage has none', () => {
    for (const intent of ['who', 'list', 'why', 'how', 'what'] as Intent[]) {
      expect(answerabilityFeatures(ranked(plain), asked(intent)).shapeMissing, intent).toBe(0);
    }
  });

  it('sees the shape in the English rendering too', () => {
    const rendered: Passage = { ...plain, translation: 'They painted it in 2019.' };
    expect(answerabilityFeatures(ranked(rendered), asked('when')).shapeMissing).toBe(0);
  });
});

describe('answerabilityScore', () => {
  const model: AnswerabilityModel = {
    bias: -1,
    weights: { support: 4, similarity: 1, nameMissing: -1, unknownName: -1, shapeMissing: -2, missingFocus: -1, unseenShare: -3, noMatch: -2, shapeNowhere: 0 },
    threshold: 0.5,
  };

  it('is the logistic of the bias when every feature is 0', () => {
    expect(answerabilityScore(ZERO, model)).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
  });

  it('is the logistic of bias plus the weighted features', () => {
    const features = { ...ZERO, support: 0.5, shapeMissing: 1, unseenShare: 0.2 };
    expect(answerabilityScore(features, model)).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 4 * 0.5 - 2 - 3 * 0.2))), 12);
  });

  it('rises with support when the support weight is positive, and stays in (0, 1)', () => {
    let previous = -Infinity;
    for (const support of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
      const score = answerabilityScore({ ...ZERO, support, similarity: 0.3 }, model);
      expect(score).toBeGreaterThan(previous);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(1);
      previous = score;
    }
  });

  it('falls with a feature whose weight is negative', () => {
    const base = { ...ZERO, support: 0.8, similarity: 0.5 };
    for (const key of ['nameMissing', 'unknownName', 'shapeMissing', 'missingFocus', 'unseenShare'] as const) {
      expect(answerabilityScore({ ...base, [key]: 1 }, model), key).toBeLessThan(answerabilityScore(base, model));
    }
  });

  it('with the fitted model, rises with support and falls with a missing shape or unseen words', () => {
    const { weights } = ANSWERABILITY_MODEL;
    expect(weights.support).toBeGreaterThan(0);
    expect(weights.shapeMissing).toBeLessThan(0);
    expect(weights.unseenShare).toBeLessThan(0);
    const base = { ...ZERO, support: 0.5, similarity: 0.5 };
    expect(answerabilityScore({ ...base, support: 0.9 })).toBeGreaterThan(answerabilityScore(base));
    expect(answerabilityScore({ ...base, shapeMissing: 1 })).toBeLessThan(answerabilityScore(base));
    expect(answerabilityScore({ ...base, unseenShare: 0.5 })).toBeLessThan(answerabilityScore(base));
  });

  it('with the fitted model, answers a fully supported, shaped passage and declines one with no support and unseen words', () => {
    const answerable = answerabilityFeatures(ranked(shaped, { support: 1, similarity: 0.8, missingFocus: 0 }), asked('when'));
    const hopeless = answerabilityFeatures(ranked(plain, { support: 0, similarity: 0.1, missingFocus: 1, coversNames: false }), asked('when', { unseenShare: 1 }));
    expect(answerabilityScore(answerable)).toBeGreaterThanOrEqual(ANSWERABILITY_MODEL.threshold);
    expect(answerabilityScore(hopeless)).toBeLessThan(ANSWERABILITY_MODEL.threshold);
  });
});

describe('answerabilityFeatures: what did X say', () => {
  const [quoted, own] = tinyPassages([{ sentences: ['The ministry said, "Okafor came with the governor."', 'Okafor said the pier will reopen.'] }]);
  const question = analyzeQuery('What did Okafor say?');
  const okafor = question.concepts;

  it('counts the statement shape missing when the sentence reports someone else speaking of X', () => {
    expect(answerabilityFeatures(ranked(quoted!), asked('what', { subtype: 'statement', query: question, speaker: okafor })).shapeMissing).toBe(1);
    expect(answerabilityFeatures(ranked(own!), asked('what', { subtype: 'statement', query: question, speaker: okafor })).shapeMissing).toBe(0);
  });
});
