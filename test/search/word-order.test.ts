import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/query.js';
import { orderedWordPairs, WORD_ORDER_WINDOW, wordOrderMatch } from '../../src/search/word-order.js';
import { tinyRetriever } from './tiny-corpus.js';

describe('orderedWordPairs', () => {
  it('pairs neighbouring English words in question order', () => {
    expect(orderedWordPairs(['mayor', 'thank', 'council'])).toEqual([['mayor', 'thank'], ['thank', 'council']]);
  });

  it('forms no pair with a Korean word, whose order is free, nor of a word with itself', () => {
    expect(orderedWordPairs(['시장', '감사', 'council', 'council', 'vote'])).toEqual([['council', 'vote']]);
    expect(orderedWordPairs(['시장', '의회', '감사'])).toEqual([]);
  });

  it('leaves out the pairs inside a named term, whose match already credits their order, and keeps those across its edge', () => {
    expect(orderedWordPairs(['harbor', 'board', 'approv', 'plan'], [['harbor', 'board']])).toEqual([['board', 'approv'], ['approv', 'plan']]);
  });

  it('is what analyzeQuery keeps of the question, framing words left out', () => {
    expect(analyzeQuery('Whom did the mayor thank at the vote?').wordPairs).toEqual([['mayor', 'thank'], ['thank', 'vote']]);
    expect(analyzeQuery('시장은 누구에게 감사했어?').wordPairs).toEqual([]);
  });
});

describe('wordOrderMatch', () => {
  it('counts a pair whose second word follows the first within the window, not before it nor beyond it', () => {
    expect(wordOrderMatch([['mayor', 'thank']], ['mayor', 'thank', 'council'])).toBe(1);
    expect(wordOrderMatch([['mayor', 'thank']], ['thank', 'council', 'mayor'])).toBe(0);
    const apart = ['mayor', ...Array.from({ length: WORD_ORDER_WINDOW }, (_, i) => `filler${i}`), 'thank'];
    expect(wordOrderMatch([['mayor', 'thank']], apart)).toBe(0);
    expect(wordOrderMatch([['mayor', 'thank']], apart.filter((w) => w !== 'filler0'))).toBe(1);
  });

  it('gives the share of pairs kept, and nothing when there are no pairs', () => {
    expect(wordOrderMatch([['mayor', 'thank'], ['thank', 'vote']], ['mayor', 'thank', 'council'])).toBe(0.5);
    expect(wordOrderMatch([], ['mayor', 'thank'])).toBe(0);
  });
});

describe('HybridRetriever: word order', () => {
  // Two invented sentences with the same words: only their order tells who thanked whom.
  const { retriever } = tinyRetriever([
    { sentences: ['Before the vote, the council thanked the mayor.'] }, // S1
    { sentences: ['The mayor thanked the council before the vote.'] }, // S2
  ]);
  const rank = (text: string) => retriever.retrieve(analyzeQuery(text, { vocabulary: retriever.vocabulary }), 2);

  it('ranks first the sentence that keeps the question\'s words in its order', async () => {
    expect((await rank('Whom did the mayor thank?')).map((r) => r.passage.sentence.id)).toEqual(['S2', 'S1']);
    expect((await rank('Whom did the council thank?')).map((r) => r.passage.sentence.id)).toEqual(['S1', 'S2']);
  });
});
