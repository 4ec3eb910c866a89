import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/search/bm25.js';
import { indexTokens } from '../../src/search/tokenize.js';

const DOCS = [
  '한국 기업 8곳이 라운드테이블에 참석했다.',
  '이창양 장관과 러만도 장관은 서울 하얏트호텔에서 양해각서를 체결했다.',
  '양국은 반도체 공급망 협력을 논의했다.',
  'The two ministers discussed semiconductor supply chains.',
];
const index = new Bm25Index(DOCS.map(indexTokens));
const query = (text: string) => indexTokens(text).map((token) => ({ token, weight: 1 }));
const best = (text: string) => {
  const scores = index.score(query(text));
  return [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!)[0];
};

describe('Bm25Index', () => {
  it('ranks the document that holds the question words first, despite different particles', () => {
    expect(best('라운드테이블에는 어떤 기업이 참석했나요?')).toBe(0);
    expect(best('양해각서는 어디서 체결했어?')).toBe(1);
    expect(best('반도체 공급망')).toBe(2);
    expect(best('what did the ministers discuss about chips and supply chain')).toBe(3);
  });

  it('scores every document zero for words no document has', () => {
    expect([...index.score(query('날씨 weather'))]).toEqual([0, 0, 0, 0]);
  });

  it('weighs rare tokens above common ones', () => {
    const idx = new Bm25Index([['a', 'b'], ['a', 'c'], ['a', 'd']]);
    expect(idx.idf('b')).toBeGreaterThan(idx.idf('a'));
    expect(idx.idf('a')).toBeGreaterThan(0);
    expect(idx.documentFrequency('a')).toBe(3);
    expect(idx.size).toBe(3);
  });

  it('saturates term frequency: twice the word is worth more, but less than twice as much', () => {
    const idx = new Bm25Index([['x', 'pad', 'pad', 'pad'], ['x', 'x', 'pad', 'pad'], ['other']]);
    const [one, two] = idx.score([{ token: 'x', weight: 1 }]);
    expect(two!).toBeGreaterThan(one!);
    expect(two!).toBeLessThan(2 * one!);
  });

  it('favours the shorter of two documents with the same count of the word', () => {
    const idx = new Bm25Index([['x', 'y'], ['x', 'y', 'z', 'w', 'v', 'u'], ['other']]);
    const [short, long] = idx.score([{ token: 'x', weight: 1 }]);
    expect(short!).toBeGreaterThan(long!);
  });

  it('scales a token by its query weight', () => {
    const idx = new Bm25Index([['x'], ['y']]);
    const full = idx.score([{ token: 'x', weight: 1 }])[0]!;
    const half = idx.score([{ token: 'x', weight: 0.5 }])[0]!;
    expect(half).toBeCloseTo(full / 2, 10);
  });

  it('handles an empty index', () => {
    expect(new Bm25Index([]).score(query('기업'))).toHaveLength(0);
  });
});
