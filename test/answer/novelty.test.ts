import { describe, expect, it } from 'vitest';
import { addsNothing, questionKeys } from '../../src/answer/novelty.js';
import { analyzeQuery } from '../../src/search/query.js';
import { tinyPassages } from '../search/tiny-corpus.js';

const [restating, answering, korean] = tinyPassages([
  { sentences: ['This theory states that slow processes shaped the valley.', 'The book promoted gradualism.'] },
  { sentences: ['이 제도는 매년 열린다.'] },
]);

describe('addsNothing: a sentence with no word beyond the question', () => {
  it('holds when every content word of the sentence is the question\'s own, in any inflection', () => {
    expect(addsNothing(questionKeys(analyzeQuery('Which theory states that slow processes are shaping the valley?')), restating!)).toBe(true);
  });

  it('fails as soon as the sentence has one word the question lacks (the answer)', () => {
    expect(addsNothing(questionKeys(analyzeQuery('Which theory states that slow processes shaped it?')), restating!)).toBe(false);
    expect(addsNothing(questionKeys(analyzeQuery('What did the book promote?')), answering!)).toBe(false);
  });

  it('works on Korean stems: particles and endings do not count as new words', () => {
    expect(addsNothing(questionKeys(analyzeQuery('어떤 제도가 매년 열려?')), korean!)).toBe(false);
    expect(addsNothing(questionKeys(analyzeQuery('어떤 제도가 매년 열린다는 거야?')), korean!)).toBe(true);
  });
});
