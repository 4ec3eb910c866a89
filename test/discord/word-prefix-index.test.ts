import { describe, expect, it } from 'vitest';
import { containsAtWordStart, WordPrefixIndex, wordsOf } from '../../src/discord/word-prefix-index.js';

/** Texts of random words over a small alphabet (so that prefixes are shared), the same every run. */
function randomTexts(count: number): string[] {
  let state = 7;
  const int = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const letters = ['a', 'b', 'C', '가', '나', 'é', '1', '𝒳'];
  const separators = [' ', ', ', '-', '(', ') '];
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + int(8) }, () => Array.from({ length: 1 + int(4) }, () => letters[int(letters.length)]).join('') + separators[int(separators.length)]).join(''),
  );
}

describe('WordPrefixIndex', () => {
  const texts = randomTexts(3_000);
  const index = new WordPrefixIndex(texts);
  const vocabulary = [...new Set(texts.flatMap(wordsOf))];

  it('lists, in ascending order and once each, exactly the texts with a word equal to or starting with what was typed', () => {
    const typed = [...new Set(vocabulary.flatMap((w) => [...w].map((_, i) => [...w].slice(0, i + 1).join(''))))];
    expect(typed.length).toBeGreaterThan(300);
    for (const prefix of typed) {
      const expected = texts.flatMap((t, i) => (wordsOf(t).some((w) => w.startsWith(prefix)) ? [i] : []));
      expect([...index.matching(prefix, true)], prefix).toEqual(expected);
      expect(index.count(prefix, true)).toBeGreaterThanOrEqual(expected.length);
      const exact = texts.flatMap((t, i) => (wordsOf(t).includes(prefix) ? [i] : []));
      expect([...index.matching(prefix, false)], prefix).toEqual(exact);
    }
  });

  it('finds nothing, at no cost, for words it does not have', () => {
    expect([...index.matching('zz', true)]).toEqual([]);
    expect(index.count('zz', true)).toBe(0);
    expect(index.count('가나다라마', false)).toBe(0);
  });

  it('can be taken from lazily: the first matches come without merging the rest', () => {
    const first = index.matching('a', true).next();
    expect(first.value).toBe(texts.findIndex((t) => wordsOf(t).some((w) => w.startsWith('a'))));
  });
});

describe('containsAtWordStart', () => {
  it('matches where a word starts, or anywhere when the query starts with punctuation or a space', () => {
    expect(containsAtWordStart('삼성전자가 참석했다', '삼성')).toBe(true);
    expect(containsAtWordStart('삼성전자가 참석했다', '전자')).toBe(false);
    expect(containsAtWordStart('supply-chain dialogue', 'chain dia')).toBe(true);
    expect(containsAtWordStart('the (mou)를', '(mou')).toBe(true);
    expect(containsAtWordStart('xmou mou', 'mou')).toBe(true);
    expect(containsAtWordStart('𝒳mou', 'mou')).toBe(false);
    expect(containsAtWordStart('abc', '')).toBe(true);
  });
});
