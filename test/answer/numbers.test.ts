import { describe, expect, it } from 'vitest';
import { askedDimension, comparable, findNumbers, standing } from '../../src/answer/numbers.js';

const read = (text: string) => findNumbers(text).map((n) => `${n.text}=${n.value}/${n.dimension}`);

describe('findNumbers', () => {
  it('reads digits with Korean counters, and what they count', () => {
    expect(read('기업 10곳이 왔고 관계자 3명, 1회, 21일, 11월, 2022년, 3년, 10주년, 25도, 3%')).toEqual([
      '10곳=10/count', '3명=3/people', '1회=1/times', '21일=21/day', '11월=11/month', '2022년=2022/year', '3년=3/duration', '10주년=10/anniversary', '25도=25/degree', '3%=3/percent',
    ]);
  });

  it('reads Korean large units, Sino-Korean numerals and native numbers before a counter', () => {
    expect(read('20조 원, 3조 5천억 원, 1억 2천만, 십육 개, 여덟 곳, 두 번, 열 명')).toEqual([
      '20조 원=20000000000000/amount', '3조 5천억 원=3500000000000/amount', '1억 2천만=120000000/amount', '십육 개=16/count', '여덟 곳=8/count', '두 번=2/times', '열 명=10/people',
    ]);
  });

  it('reads digits with a small unit and more digits (1천500), and 여 ("some") between a number and its counter', () => {
    expect(read('장병 1천500명과 주민 600여 명, 3백20 개, 10여 개국, 1천200여 명')).toEqual([
      '1천500명=1500/people', '600여 명=600/people', '3백20 개=320/count', '10여 개국=10/count', '1천200여 명=1200/people',
    ]);
  });

  it('reads digits before "-year-old" or "years old" as an age', () => {
    expect(read('a 67-year-old driver and a neighbour 40 years old, with 3 dogs')).toEqual(['67=67/age', '40=40/age', '3=3/count']);
  });

  it('reads a number word joined to its unit ("four-year", "two-day") as what the unit measures, and leaves "twenty-one" a number', () => {
    expect(read('a four-year term, a two-day visit, a five-storey annex, twenty-one people')).toEqual(['four-year=4/duration', 'two-day=2/duration', 'twenty-one=21/people']);
  });

  it('reads the counters of vehicles, ships, houses, books, animals and trees after digits, but not 세대 or 한채 as native numbers', () => {
    expect(read('버스 300대, 어선 12척, 주택 27채, 책 5권, 소 40마리, 나무 1천 그루')).toEqual([
      '300대=300/count', '12척=12/count', '27채=27/count', '5권=5/count', '40마리=40/count', '1천 그루=1000/count',
    ]);
    expect(read('세대 간 갈등과 한편 시민단체의 한채 논란')).toEqual([]);
  });

  it('does not take syllables of ordinary words for numbers (이번, 이 장관, 일본, 한국, 네이버, 열린다, 세계)', () => {
    expect(read('이번 회의에서 이 장관은 일본과 한국, 네이버가 열린다고 세계에 알렸다')).toEqual([]);
  });

  it('reads English digits, number words, ordinals, scales, money and months', () => {
    expect(read('ten US companies, 16 companies, twenty-one people, the 22nd, the 10th anniversary, $20 billion, last March, 3pm, 25 degrees')).toEqual([
      'ten=10/count', '16=16/count', 'twenty-one=21/people', '22nd=22/ordinal', '10th=10/anniversary', '$20 billion=20000000000/amount', 'March=3/month', '3=3/clock', '25=25/degree',
    ]);
  });

  it('reads a frequency as times per year, in Korean and English', () => {
    expect(read('연 1회 열고, 1년에 두 번, 3년마다, 매년, once a year, twice a year, every three years, annually')).toEqual([
      '연 1회=1/rate', '1년에 두 번=2/rate', '3년마다=0.3333333333333333/rate', '매년=1/rate', 'once a year=1/rate', 'twice a year=2/rate', 'every three years=0.3333333333333333/rate', 'annually=1/rate',
    ]);
  });

  it('leaves "one" as a pronoun and "may" as a verb alone', () => {
    expect(read('the only one who may come')).toEqual([]);
    expect(read('signed on May 21')).toEqual(['May=5/month', '21=21/day']);
  });
});

describe('standing', () => {
  const one = (text: string) => findNumbers(text)[0]!;

  it('agrees across counters and languages (8곳 and eight companies, 21일 and the 21st)', () => {
    expect(standing(one('8곳'), findNumbers('eight companies attended')).status).toBe('agrees');
    expect(standing(one('22일'), findNumbers('on the 21st')).status).toBe('differs');
    expect(standing(one('21일'), findNumbers('on the 21st')).status).toBe('agrees');
  });

  it('differs only from numbers of a comparable kind, else the number is absent', () => {
    const counted = findNumbers('16개 기업, 21일');
    expect(standing(one('10곳'), counted)).toMatchObject({ status: 'differs', others: [{ text: '16개' }] });
    expect(standing(one('3%'), counted).status).toBe('absent');
    expect(comparable('count', 'people')).toBe(false);
    expect(comparable('day', 'ordinal')).toBe(true);
  });
});

describe('askedDimension', () => {
  it.each([
    ['몇 명이 왔어?', 'people'], ['참가 기업 몇 곳이야?', 'count'], ['몇개국이 참여했어?', 'count'], ['몇 번 열렸어?', 'times'], ['누가 왔어?', null], ['How many came?', null],
    ['몇 년도에 지었어?', 'year'], ['몇 년 만에 완공됐어?', 'duration'], ['몇 년 동안 지었어?', 'duration'], ['몇 년째야?', 'duration'],
  ])('"%s" → %s', (question, dimension) => {
    expect(askedDimension(question)).toBe(dimension);
  });
});

describe('findNumbers: years', () => {
  it('reads N년 만에 / 동안 / 간 / 째 as a span of years, and N년 alone as a calendar year', () => {
    const dims = (text: string) => findNumbers(text).map((m) => [m.text, m.dimension]);
    expect(dims('2019년 착공해 5년 만에 완공됐다.')).toEqual([['2019년', 'year'], ['5년', 'duration']]);
    expect(dims('3년 동안 공사했다.')).toEqual([['3년', 'duration']]);
    expect(dims('10년간 이어졌다.')).toEqual([['10년', 'duration']]);
    expect(dims('2년째 열린다.')).toEqual([['2년', 'duration']]);
  });
});

describe('findNumbers: counters before 보다, 부터, 까지', () => {
  it('keeps the counter when a comparison or range particle follows it, not when more noun does (12개발)', () => {
    const dims = (text: string) => findNumbers(text).map((m) => [m.text, m.dimension]);
    expect(dims('지난해 600만원보다 늘었다.')).toEqual([['600만원', 'amount']]);
    expect(dims('다음 달 1일부터 신청한다.')).toEqual([['1일', 'day']]);
    expect(dims('3개월까지 걸린다.')).toEqual([['3개월', 'duration']]);
    expect(dims('8개보다 많다.')).toEqual([['8개', 'count']]);
    expect(dims('12개발 사업')).toEqual([['12', 'plain']]);
  });
});
