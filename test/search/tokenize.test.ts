import { describe, expect, it } from 'vitest';
import { analyzeQuestionText } from '../../src/search/query.js';
import { analyzeText, indexTokens, looksLikeKoreanVerb, stemEnglish, stripKoreanSuffix } from '../../src/search/tokenize.js';

const keys = (text: string) => analyzeText(text).map((w) => w.key);

describe('Korean tokens', () => {
  it('strips particles so that 라운드테이블에 / 라운드테이블은 / 라운드테이블에서는 share one key', () => {
    expect(keys('라운드테이블에')).toEqual(['라운드테이블']);
    expect(keys('라운드테이블은')).toEqual(['라운드테이블']);
    expect(keys('라운드테이블에서는')).toEqual(['라운드테이블']);
  });

  it('strips plural and subject endings from nouns (기업은, 기업이, 기업들이)', () => {
    expect(keys('기업은 기업이 기업들이 기업의')).toEqual(['기업', '기업', '기업', '기업']);
  });

  it('strips a second ending only when it is a particle stacked before another (마르코도는), so a noun ending in 인 keeps it (생산라인을)', () => {
    expect(stripKoreanSuffix('마르코도는')).toBe('마르코');
    expect(stripKoreanSuffix('생산라인을')).toBe('생산라인');
    expect(stripKoreanSuffix('온라인으로')).toBe('온라인');
    expect(keys('새 생산라인을 가동')).toEqual(['생산라인', '가동']);
  });

  it('strips 엔, the chat contraction of 에는 (내년엔, 서울엔), but not the yen after a number (1만엔)', () => {
    expect(keys('내년엔 서울엔')).toEqual(['내년', '서울']);
    expect(keys('1만엔')).toEqual(['1만엔']);
  });

  it('never cuts a two-syllable noun down to one syllable (회장, 국가, 인도)', () => {
    expect(stripKoreanSuffix('회장')).toBe('회장');
    expect(stripKoreanSuffix('국가')).toBe('국가');
    expect(keys('회장이')).toEqual(['회장']);
  });

  it('adds the character bigrams of a Korean stem, so a compound matches its parts', () => {
    const [word] = analyzeText('반도체를');
    expect(word).toMatchObject({ key: '반도체', hangul: true });
    expect(word!.parts).toEqual(['반도', '도체']);
    expect(indexTokens('라운드테이블에')).toEqual(['라운드테이블', '라운', '운드', '드테', '테이', '이블']);
  });

  it('drops light verbs on both sides, question words and politeness only on the question side', () => {
    expect(keys('누가 참석했어?')).toEqual(['누가', '참석']);
    expect(analyzeQuestionText('누가 참석했어?').map((w) => w.key)).toEqual(['참석']);
    expect(analyzeQuestionText('뭐야 알려줘 좀')).toEqual([]);
  });

  it('strips reported-speech endings, as people relay what they heard (발표했대, 참석했다던데, 투자한대)', () => {
    expect(keys('시장이 발표했대')).toEqual(['시장', '발표']);
    expect(keys('회장도 참석했다던데')).toEqual(['회장', '참석']);
    expect(keys('20조 투자한대')).toEqual(['20조', '투자']);
    expect(keys('개관 기념일이래')).toEqual(['개관', '기념일']);
    expect(analyzeQuestionText('도서관 있다던데')).toEqual(analyzeQuestionText('도서관'));
    expect(analyzeQuestionText('3년 아님?')).toEqual(analyzeQuestionText('3년'));
    expect(analyzeQuestionText('도서관 아니었어?')).toEqual(analyzeQuestionText('도서관'));
  });

  it('keeps mixed-script words whole and adds their parts (SK그룹, 232조)', () => {
    const [sk] = analyzeText('SK그룹');
    expect(sk!.key).toBe('sk그룹');
    expect(sk!.parts).toEqual(expect.arrayContaining(['sk', '그룹']));
    expect(indexTokens('232조')).toContain('232');
  });

  it('strips a particle after a mixed-script word, keeping the Hangul that belongs to it', () => {
    const key = (word: string) => analyzeText(word)[0]!.key;
    expect(key('SK그룹은')).toBe('sk그룹');
    expect(key('MOU를')).toBe('mou');
    expect(key('1집에서')).toBe('1집');
    expect(key('10주년이')).toBe('10주년');
    expect(key('232조')).toBe('232조');
  });

  it('treats decomposed (NFD) Hangul like composed text', () => {
    expect(indexTokens('한국 기업은'.normalize('NFD'))).toEqual(indexTokens('한국 기업은'));
  });

  // `러만도` ends in 도, which is also the particle "also": with or without a real particle after it,
  // the name must get one key, or 러만도는 would only half-match 러만도.
  it('gives a name ending in a particle-like syllable one key with or without a particle (러만도 / 러만도는)', () => {
    expect(keys('러만도는')).toEqual(keys('러만도'));
  });
});

describe('English tokens', () => {
  it('matches names with and without accents (Temür / Temur, café / cafe) and leaves Hangul alone', () => {
    expect(keys('Yesün Temür')).toEqual(keys('Yesun Temur'));
    expect(keys('café')).toEqual(keys('cafe'));
    expect(keys('라운드테이블')).toEqual(['라운드테이블']);
  });

  it('stems plurals and verb endings by Porter (companies/company, branded/brand, firms/firm)', () => {
    expect(keys('companies')).toEqual(keys('company'));
    expect(keys('batteries')).toEqual(keys('battery'));
    expect(keys('discussed')).toEqual(['discuss']);
    expect(keys('branded')).toEqual(keys('brand'));
    expect(keys('firms')).toEqual(['firm']);
    expect(stemEnglish('attended')).toBe('attend');
  });

  it('lower-cases and drops the possessive', () => {
    expect(keys("Qualcomm's")).toEqual(['qualcomm']);
    expect(keys('QUALCOMM')).toEqual(['qualcomm']);
  });

  it('drops function words in text and framing words in questions', () => {
    expect(keys('Which of the companies attended?')).toEqual([...keys('company'), 'attend']);
    expect(keys('what is the in of to')).toEqual([]);
    expect(keys('Please tell me the name')).toEqual(['pleas', 'tell', 'name']);
    expect(analyzeQuestionText('Please tell me the name')).toEqual([]);
  });

  it('keeps R&D as one word', () => {
    expect(keys('R&D spending')).toContain('r&d');
  });
});

describe('looksLikeKoreanVerb', () => {
  it('reads inflected verbs, past adnominals included, as verbs', () => {
    for (const word of ['참석했어', '세우려고', '따라온', '부른', '오른', '열린', '모인']) expect(looksLikeKoreanVerb(word), word).toBe(true);
  });

  it('reads the contracted chat endings 져, 돼 and 줘 as verbs', () => {
    for (const word of ['정해져', '써야돼', '알려줘', '할인돼']) expect(looksLikeKoreanVerb(word), word).toBe(true);
  });

  it('does not read nouns as verbs, those ending like an adnominal included', () => {
    for (const word of ['기자', '투자', '어른', '서른', '기린', '도서관', '원인']) expect(looksLikeKoreanVerb(word), word).toBe(false);
  });
});
