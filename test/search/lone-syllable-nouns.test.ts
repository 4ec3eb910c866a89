import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/query.js';
import { tinyRetriever } from './tiny-corpus.js';

// An invented weather report: its one-syllable nouns carry their particles (`비가`, `눈은`).
const { retriever } = tinyRetriever([
  { sentences: ['남부지방에 최대 400㎜의 비가 내렸다.'] },
  { sentences: ['산간에는 눈은 오지 않았다.'] },
  { sentences: ['그는 피해 현장을 찾았다.'] },
]);
const query = (text: string) => analyzeQuery(text, { vocabulary: retriever.vocabulary });

describe('a one-syllable noun typed alone', () => {
  it('is a concept that matches the article\'s forms of it with a particle (비 → 비가)', async () => {
    const q = query('비 얼마나 왔어?');
    expect(q.concepts.map((c) => c.label)).toContain('비');
    const ranked = await retriever.retrieve(q, 3);
    expect(ranked[0]!.passage.sentence.id).toBe('S1');
    expect(retriever.unseenWords(q)).toEqual([]);
  });

  it('is no concept when it closes the question (its verb), is grammar (그), or the article never writes it', () => {
    expect(query('어디 가?').concepts.map((c) => c.label)).not.toContain('가');
    expect(query('그 피해 어때?').concepts.map((c) => c.label)).not.toContain('그');
    expect(query('돈 얼마 들었어?').concepts.map((c) => c.label)).not.toContain('돈');
  });
});
