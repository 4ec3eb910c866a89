/**
 * Names in statements and sentences, on a small glossary made up for the test (no article's names).
 */
import { describe, expect, it } from 'vitest';
import { knownNames, namesInSameSlot, unknownNames, type ArticleWords } from '../../src/answer/claim-names.js';
import { GlossaryMatcher } from '../../src/search/glossary.js';
import { termVariants } from '../../src/answer/term-variants.js';

const glossary = new GlossaryMatcher([
  { ko: ['김민준', '김민준 사장'], en: ['Kim Min-jun', 'Acme president'], kind: 'person' },
  { ko: ['애크미', '애크미전자'], en: ['Acme', 'Acme Electronics'], kind: 'company' },
  { ko: ['보노'], en: ['Bono'], kind: 'company' },
  { ko: ['대전'], en: ['Daejeon'], kind: 'place' },
  { ko: ['그랜드호텔'], en: ['Grand Hotel', 'Grand Hotel Daejeon'], kind: 'place' },
  { ko: ['한국'], en: ['Korea'], kind: 'country' },
  { ko: ['미국'], en: ['US', 'United States'], kind: 'country' },
  { ko: ['재무부'], en: ['Finance Ministry'], kind: 'organisation' },
  { ko: ['협약'], en: ['agreement'] },
]);
const article = (words: string[]): ArticleWords => ({
  unseen: (w) => !words.includes(w.toLowerCase()),
  has: (w) => words.includes(w.toLowerCase()),
  hasPhrase: (p) => words.includes(p.toLowerCase()),
});
const names = (text: string) => knownNames(text, glossary).map((n) => `${n.text}:${n.kind}`);

describe('knownNames', () => {
  it('finds glossary names with their kinds; "US" counts only in capitals', () => {
    expect(names('애크미 김민준 사장은 대전에 왔다')).toEqual(['애크미:company', '김민준 사장:person', '대전:place']);
    expect(names('the US side')).toEqual(['US:country']);
    expect(names('tell us more')).toEqual([]);
  });

  it('reads a company name before a place head as a place, and a longer written form whole', () => {
    expect(names('보노호텔에서 열렸다')).toEqual(['보노호텔:place']);
    expect(names('held at the Bono Hotel')).toEqual(['Bono Hotel:place']);
    expect(names('held at the Grand Hotel Daejeon')).toEqual(['Grand Hotel Daejeon:place']);
  });

  it('points at the name, not at a description of the person the glossary also lists', () => {
    expect(names('Acme president and Kim Min-jun spoke')).toContain('Kim Min-jun:person');
  });
});

describe('unknownNames', () => {
  const unknown = (text: string, seen: string[] = []) => unknownNames(text, knownNames(text, glossary), article(seen), glossary).map((n) => `${n.text}:${n.kind ?? '?'}:${n.certain ? 'certain' : 'possible'}`);

  it('gives an unseen name the kind its wording gives it', () => {
    expect(unknown('애크미, 제타 등이 참석했다')).toContain('제타:company:certain');
    expect(unknown('The MOU was signed in Busan')).toEqual(['Busan:place:certain']);
    expect(unknown('다음 회의는 워싱턴에서 열린다', ['회의'])).toEqual(['워싱턴:place:certain']);
    expect(unknown('카카오 관계자도 참석했다')).toEqual(['카카오:company:certain']);
    expect(unknown('President Trump came')).toEqual(['Trump:person:certain']);
    expect(unknown('Intel, Acme and Bono attended')).toEqual(['Intel:company:certain']);
    expect(unknown('외무부와 협약을 맺었다')).toEqual(['외무부:organisation:certain']);
  });

  it('takes an unseen Korean noun for a name only when the wording marks it', () => {
    expect(unknown('일본을 투자처로 고려한다', ['투자처'])).toEqual(['일본:?:possible']);
    expect(unknown('애플도 참석했다')).toEqual(['애플:?:certain']);
    expect(unknown('작년 11월에 합의됐다')).toEqual([]);
    expect(unknown('The agreement was signed', ['agreement'])).toEqual([]);
  });

  it('finds the sentence names that stand where an unknown one stands', () => {
    const claim = '제타는 일본을 투자처로 고려한다';
    const sentence = '제타는 한국을 투자처로 고려한다';
    const [japan] = unknownNames(claim, [], article(['제타', '투자처']), glossary).filter((n) => n.text === '일본');
    expect(namesInSameSlot(japan!, claim, sentence, knownNames(sentence, glossary), (a, b) => a === b).map((n) => n.text)).toEqual(['한국']);
    const english = 'considering Japan as a destination';
    const [jp] = unknownNames(english, [], article([]), glossary);
    const sentenceEn = 'will consider Korea as a destination';
    expect(namesInSameSlot(jp!, english, sentenceEn, knownNames(sentenceEn, glossary), (a, b) => a.replace(/ing$/u, '') === b.replace(/ing$/u, '')).map((n) => n.text)).toEqual(['Korea']);
  });
});

describe('termVariants', () => {
  it('finds a compound with another modifier, and a meaning-changing English prefix', () => {
    expect(termVariants('대화는 차관급으로 격상됐다', '대화를 장관급으로 격상했다', () => false).map((v) => `${v.claim}→${v.article}`)).toEqual(['차관급→장관급']);
    expect(termVariants('raised to the vice-ministerial level', 'raised to the ministerial level', () => false).map((v) => `${v.claim}→${v.article}`)).toEqual(['vice-ministerial→ministerial']);
  });

  it('leaves verb forms, words the article has, and unprefixed words alone', () => {
    expect(termVariants('협력하기로 했다', '함께하기로 했다', () => false)).toEqual([]);
    expect(termVariants('차관급 대화', '장관급 대화', () => true)).toEqual([]);
    expect(termVariants('a well-known plan', 'a known plan', () => false)).toEqual([]);
  });
});
