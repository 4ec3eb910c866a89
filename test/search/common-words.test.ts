import { describe, expect, it } from 'vitest';
import { isCommonEnglishWord } from '../../src/search/common-words.js';
import { stemEnglish } from '../../src/search/tokenize.js';

describe('isCommonEnglishWord', () => {
  it('knows everyday English words by their stem', () => {
    for (const word of ['money', 'people', 'result', 'keep', 'companies']) expect(isCommonEnglishWord(stemEnglish(word)), word).toBe(true);
  });

  it('does not count rare words, names or Korean words as common', () => {
    for (const word of ['zinc', 'congestion', 'okafor', '예산']) expect(isCommonEnglishWord(stemEnglish(word)), word).toBe(false);
  });
});
