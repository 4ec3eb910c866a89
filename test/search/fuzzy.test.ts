import { describe, expect, it } from 'vitest';
import { FuzzyVocabulary } from '../../src/search/fuzzy.js';

const keysNear = (vocabulary: FuzzyVocabulary, key: string, name = false) => vocabulary.nearest(key, name).map((m) => m.key);

describe('FuzzyVocabulary: Latin spelling', () => {
  const vocabulary = new FuzzyVocabulary(['chinese', 'chin', 'garden', 'petrovic', 'delacroix', 'river']);

  it('allows no edit below six letters (china is not chinese or chin, rivr is not river)', () => {
    expect(keysNear(vocabulary, 'china')).toEqual([]);
    expect(keysNear(vocabulary, 'rivr')).toEqual([]);
    expect(keysNear(vocabulary, 'chinx')).toEqual([]);
  });

  it('allows one edit from six to eight letters, not two', () => {
    expect(vocabulary.nearest('gardin')).toEqual([{ key: 'garden', via: 'spelling' }]);
    expect(keysNear(vocabulary, 'petrovik')).toEqual(['petrovic']);
    expect(keysNear(vocabulary, 'petrivik')).toEqual([]);
  });

  it('allows two edits from nine letters, not three', () => {
    expect(keysNear(vocabulary, 'dalacroux')).toEqual(['delacroix']);
    expect(keysNear(vocabulary, 'dalacruux')).toEqual([]);
  });

  it('matches English stems of one word family, one beginning the other (religi → religion), but not short stems or far longer words', () => {
    const family = new FuzzyVocabulary(['religion', 'discoveri', 'germani', 'garden', 'gardenership', 'state']);
    expect(family.nearest('religi')).toEqual([{ key: 'religion', via: 'derivation' }]);
    expect(keysNear(family, 'discov')).toEqual(['discoveri']);
    expect(keysNear(family, 'german')).toEqual(['germani']);
    expect(keysNear(family, 'gard')).toEqual([]);
    expect(keysNear(family, 'garden')).toEqual([]);
    expect(keysNear(family, 'stat')).toEqual([]);
  });

  it('never returns the word itself', () => {
    expect(keysNear(vocabulary, 'garden')).toEqual([]);
  });

  it('returns the closest words first and at most three', () => {
    const crowded = new FuzzyVocabulary(['marbles', 'marblex', 'marbley', 'marbled', 'marblet']);
    const found = keysNear(crowded, 'marblez');
    expect(found).toHaveLength(3);
    const closer = new FuzzyVocabulary(['vandermere', 'vandermeer']);
    // One edit from vandermeer, two from vandermere: the nearer comes first whatever the article's order.
    expect(keysNear(closer, 'vandermeez')).toEqual(['vandermeer', 'vandermere']);
  });
});

describe('FuzzyVocabulary: Hangul one jamo apart', () => {
  it('matches a three-syllable word one vowel, initial or final consonant away', () => {
    const vocabulary = new FuzzyVocabulary(['모리나']);
    expect(vocabulary.nearest('모리노')).toEqual([{ key: '모리나', via: 'spelling' }]);
    expect(keysNear(vocabulary, '모리다')).toEqual(['모리나']);
    expect(keysNear(vocabulary, '모리난')).toEqual(['모리나']);
  });

  it('does not match a three-syllable word two jamo away', () => {
    expect(keysNear(new FuzzyVocabulary(['모리나']), '모리도')).toEqual([]);
  });

  it('matches a two-syllable word only when a vowel differs (컬텍 → 콜텍, 가빙 → 가방)', () => {
    const vocabulary = new FuzzyVocabulary(['콜텍', '가방', '시장']);
    expect(keysNear(vocabulary, '컬텍')).toEqual(['콜텍']);
    expect(keysNear(vocabulary, '가빙')).toEqual(['가방']);
  });

  it('does not match a two-syllable word one consonant away: that is another word (가망 ≠ 가방, 시상 ≠ 시장, 시간 ≠ 시장)', () => {
    const vocabulary = new FuzzyVocabulary(['가방', '시장']);
    expect(keysNear(vocabulary, '가망')).toEqual([]);
    expect(keysNear(vocabulary, '시상')).toEqual([]);
    expect(keysNear(vocabulary, '시간')).toEqual([]);
  });

  it('never matches one syllable or words of different lengths', () => {
    const vocabulary = new FuzzyVocabulary(['강', '모리나']);
    expect(keysNear(vocabulary, '감')).toEqual([]);
    expect(keysNear(vocabulary, '모리나의')).toEqual([]);
  });
});

describe('FuzzyVocabulary: romanization bridge', () => {
  it('matches a Hangul word of three or more syllables to its Latin spelling (카스텔라노 → castellano)', () => {
    const vocabulary = new FuzzyVocabulary(['castellano']);
    expect(vocabulary.nearest('카스텔라노')).toEqual([{ key: 'castellano', via: 'romanization' }]);
    expect(keysNear(vocabulary, '까스뗄라노')).toEqual(['castellano']);
  });

  it('crosses from Latin to Hangul only for a word written as a name', () => {
    const vocabulary = new FuzzyVocabulary(['카스텔라노']);
    expect(vocabulary.nearest('castellano', true)).toEqual([{ key: '카스텔라노', via: 'romanization' }]);
    expect(keysNear(vocabulary, 'castellano', false)).toEqual([]);
  });

  it('ranks a same-script misspelling before a cross-script match', () => {
    const vocabulary = new FuzzyVocabulary(['castellano', '카스텔라노']);
    expect(vocabulary.nearest('castelano', true)).toEqual([
      { key: 'castellano', via: 'spelling' },
      { key: '카스텔라노', via: 'romanization' },
    ]);
  });

  it('never crosses scripts for two-syllable Hangul words, which romanize too alike', () => {
    // 산탈 romanizes to "santal" exactly, yet two syllables are too short to bridge.
    expect(keysNear(new FuzzyVocabulary(['santal']), '산탈')).toEqual([]);
    expect(keysNear(new FuzzyVocabulary(['산탈']), 'santal', true)).toEqual([]);
  });

  it('does not bridge words whose romanizations are far apart', () => {
    expect(keysNear(new FuzzyVocabulary(['castellano']), '바르셀로나')).toEqual([]);
  });
});
