import { describe, expect, it } from 'vitest';
import { asksForChange, asksForInstances, DEFAULT_SHAPE_WEIGHTS, detectIntent, listsNames, detectSubtype, hasAnswerShape, hasSubtypeShape, intentBoost, textHasAnswerShape, type Intent } from '../../src/answer/intent.js';
import type { Passage } from '../../src/search/passages.js';
import { tinyPassages } from '../search/tiny-corpus.js';

// Invented questions and sentences about a town, a bridge and a festival; nothing from the seed article.
const INTENTS: [Intent, string[]][] = [
  ['how-much', ['예산이 얼마나 들었어?', '다리 건설에 얼마를 투자했어?', '공사 비용은?', 'How much did the bridge cost?', 'How much money was raised?', '시가 몇 억 투자했어?', '몇 조 원이 들었어?', 'How big is the budget for the bridge?', '이번 축제 budget은 얼마로 잡혔어?', '지원금은 총 얼마야?', 'how much 보조금 did the city give?', 'How much funding goes to the port?', "What is the museum's budget for next year?", 'What was the cost of the repairs?', '영업이익 얼마야?', '주가는 얼마로 마감했어?', 'What was the operating profit?', '보조금 최대 얼마까지 받아?', '얼마씩 지원해줘?']],
  ['how-many', ['몇 명이 참가했어?', '다리는 몇 개야?', '관객 규모는?', '공사비는 얼마야?', 'How many people came?', 'How long is the bridge?', 'What percentage voted yes?', 'How big was the crowd?']],
  ['when', ['축제는 언제 열려?', '개관 날짜가 궁금해', '몇 월에 끝났어?', 'When did the museum open?', 'In what year was it built?', 'Which month is the race?', "What's the date of the vote?", 'What was the exact day of the opening?']],
  ['where', ['어디서 열렸어?', '행사 장소는?', '어느 도시에서 했어?', 'Where was the festival held?', 'Which city hosted the race?', 'What was the venue?', 'Which hotel hosted the gala?', 'What island did they sail to?', '후원 기업은 어디서 왔어?', '김 회장이 참석한 행사 어느 호텔에서 했어?', '시청은 어디야?']],
  ['who', ['누가 우승했어?', '다리를 설계한 사람은 누구야?', 'Who won the race?', 'Whose idea was it?', 'To whom did they give the prize?', '후원한 기업은 어디야?', '어디 회사가 이겼어?', '이 사업 주무부처는 어디?', '담당 위원회가 어디야?']],
  ['list', ['참가팀 목록 알려줘', '후원사 전부 나열해줘', '축제 프로그램 다 뽑아줘', '어디어디 들렀어?', '우승자 명단 정리해줘', 'List the winners.', 'Name all the sponsors.', 'What were all the events?']],
  ['why', ['왜 연기됐어?', '연기된 이유는?', 'Why was the race delayed?', 'What was the reason for the delay?']],
  ['how', ['다리를 어떻게 만들었어?', '어떤 방식으로 뽑았어?', 'How did they build the bridge?']],
  ['what', ['다리는 튼튼해?', '축제의 주제는 뭐야?', 'What is the bridge made of?', 'Did the council approve the plan?']],
];

describe('detectIntent', () => {
  for (const [intent, questions] of INTENTS) {
    it(`reads ${intent} questions in Korean and English`, () => {
      for (const q of questions) expect(detectIntent(q), q).toBe(intent);
    });
  }

  it('does not read a cost word inside another word (예비용 is "spare", not 비용 "cost")', () => {
    expect(detectIntent('예비용 부품은 어디에 보관돼 있어?')).toBe('where');
    expect(detectIntent('다리 건설 비용은?')).toBe('how-much');
  });

  it('reads "how much did it fall?" and 얼마나 올랐어 as a change, which a share answers as well as an amount', () => {
    for (const q of ['How much did the pound fall?', 'how much has attendance grown?', '주가 얼마나 올랐어?', '매출은 얼마나 줄었어?']) {
      expect(detectIntent(q), q).toBe('how-many');
      expect(asksForChange(q), q).toBe(true);
    }
    expect(asksForChange('How much did the bridge cost?')).toBe(false);
    expect(detectIntent('How much did the bridge cost?')).toBe('how-much');
  });

  it('tells an amount of money (how-much) from a count (how-many)', () => {
    expect(detectIntent('How much did it cost?')).toBe('how-much');
    expect(detectIntent('How many did it cost?')).toBe('how-many');
    expect(detectIntent('얼마나 투자했어?')).toBe('how-much');
    expect(detectIntent('얼마나 왔어?')).toBe('how-many');
  });

  it('prefers the more specific reading: "how many" over "how", 어디어디 over 어디', () => {
    expect(detectIntent('How many bridges did they build?')).toBe('how-many');
    expect(detectIntent('어디어디 갔어?')).toBe('list');
    expect(detectIntent('어디 갔어?')).toBe('where');
  });

  it('lets the English question word that comes first decide, not a "when" or "who" inside a clause', () => {
    expect(detectIntent('What did the mayor promise when she opened the bridge?')).toBe('what');
    expect(detectIntent('Who was king when the war began?')).toBe('who');
    expect(detectIntent('Which engineer signed every one of the permits?')).toBe('what');
    expect(detectIntent('When did the king who built it die?')).toBe('when');
    expect(detectIntent('In what year was the bridge finished?')).toBe('when');
    // `몇 년도` asks which year; `몇 년` alone asks how many years.
    expect(detectIntent('공사 기간이 몇년도부터 몇년도까지야?')).toBe('when');
    expect(detectIntent('공사는 몇 년 걸렸어?')).toBe('how-many');
    expect(detectIntent('What happens when the river floods?')).toBe('what');
    expect(detectIntent('What was the reason for the delay?')).toBe('why');
  });

  it('does not read a cue noun before the English question word, or after do-support, as the kind of answer', () => {
    expect(detectIntent('Along with location and price, what factor decides the rent?')).toBe('what');
    expect(detectIntent('What do a number of critics think caused the flood?')).toBe('what');
    expect(detectIntent('What is the location of the fair?')).toBe('where');
    expect(detectIntent('What number of boats sailed?')).toBe('how-many');
    expect(detectIntent('Location of the fair?')).toBe('where');
    expect(detectIntent('List which boats sailed')).toBe('list');
    expect(detectIntent('Summarize what the mayor promised')).toBe('list');
  });
});

/** Sentences that carry no number, date, place, title or enumeration. */
const SHAPELESS = ['The crowd cheered loudly.', '관중은 크게 환호했다.'];

const SHAPED: [Intent, string[]][] = [
  ['how-much', ['공사비는 4000만 원이었다.', '총 3억 달러가 들었다.', '2조 원 규모다.', '보수에 수억 원이 들었다.', 'It cost $5 million.', 'They paid 300 euros.', 'The budget was 2 billion.', 'Tickets were ¥800.']],
  ['how-many', ['관중 100만 명이 몰렸다.', '선수 다섯 명이 뽑혔다.', '두 곳이 문을 닫았다.', '참가자가 50% 늘었다.', 'Three teams withdrew.', 'Attendance rose 12%.', 'It happened twice.', 'A dozen boats sailed.']],
  ['when', ['그는 40대에 더 많이 이겼다.', 'Prices began to rise after the 1970s.', '박물관은 1896년에 문을 열었다.', '공사는 3월에 끝났다.', '행사는 지난해 가을 열렸다.', '축제는 내년에 다시 열린다.', 'The museum opened in 1896.', 'It reopened later in 2016.', 'The race is held every March.', 'They met on Friday.', 'It closed two weeks ago.', 'The council met on the 21st.']],
  ['where', ['The custom can be traced to Persia.', '군대는 이웃 나라를 공격했다.', '축제는 해운대에서 열렸다.', '선수들은 공항에 도착했다.', '행사는 시청 광장에서 열렸다.', 'The festival took place in Lisbon.', 'They met at the old train station.', 'The stadium was full.', 'Many settled in the area of present-day Lisbon.', 'They lived in the heart of Lisbon.', 'Samples are checked in the laboratory.', 'It was designed by the Lisbon-based firm Atelier Sul.']],
  ['who', ['김 교수가 상을 받았다.', '감독이 결과를 발표했다.', '위원장이 회의를 열었다.', 'The prize went to Professor Lindqvist.', 'Maria Gonzalez won the race.', 'The mayor spoke first.']],
  ['list', ['사과, 배, 포도가 팔렸다.', 'Apples, pears, and plums sold well.']],
  ['why', ['보급을 늘리기 위해 지원을 확대했다.', '비가 와서 경기가 연기된 탓이다.', 'The race was delayed because of the storm.', 'The bridge was closed due to repairs.']],
];

const NOT_SHAPED: [Intent, string[]][] = [
  ['how-much', ['The team trained for three weeks.', '비용은 아직 정해지지 않았다.', '선수 다섯 명이 뽑혔다.']],
  ['how-many', ['The mayor praised the volunteers.', '시장은 자원봉사자들을 칭찬했다.']],
  ['when', ['The mayor praised the volunteers.', '시장은 자원봉사자들을 칭찬했다.', 'Forty boats sailed.', '드론 500대가 떴다.']],
  ['where', ['그는 결과에 만족했다.', 'The result pleased everyone.', 'It grew in the area of trade.', 'The plan is evidence-based.']],
  ['who', ['the prize was given out late.', '상은 늦게 전달되었다.']],
  ['list', ['Apples sold well.', '사과가 잘 팔렸다.']],
  ['why', ['The mayor praised the volunteers.', '시장은 자원봉사자들을 칭찬했다.']],
];

describe('textHasAnswerShape', () => {
  for (const [intent, texts] of SHAPED) {
    it(`finds the ${intent} shape from general cues`, () => {
      for (const text of texts) expect(textHasAnswerShape(intent, text), text).toBe(true);
    });
  }

  for (const [intent, texts] of NOT_SHAPED) {
    it(`finds no ${intent} shape where there is none`, () => {
      for (const text of [...texts, ...SHAPELESS]) expect(textHasAnswerShape(intent, text), text).toBe(false);
    });
  }

  it('asks no shape of intents without one', () => {
    for (const intent of ['how', 'what'] as Intent[]) for (const text of SHAPELESS) expect(textHasAnswerShape(intent, text)).toBe(true);
  });
});

describe('hasAnswerShape and intentBoost', () => {
  const [shapedHeading, shapedParagraph, plainParagraph] = tinyPassages([
    { kind: 'headline', sentences: ['Museum reopens in 2016 with 300 paintings'] },
    { sentences: ['The museum reopened in 2016 with 300 paintings, 40 sculptures, and 12 tapestries by Professor Lindqvist in the city hall.'] },
    { sentences: ['The crowd cheered loudly.'] },
  ]) as [Passage, Passage, Passage];
  const ALL_INTENTS: Intent[] = ['how-much', 'how-many', 'when', 'where', 'who', 'list', 'why', 'how', 'what'];

  it('reads the English rendering of a passage too', () => {
    expect(hasAnswerShape('when', plainParagraph)).toBe(false);
    expect(hasAnswerShape('when', { ...plainParagraph, translation: 'It happened in 1999.' })).toBe(true);
  });

  it('gives a shaped paragraph the shape bonus for every shaped intent except lists', () => {
    for (const intent of ['how-many', 'when', 'where', 'who'] as Intent[]) expect(intentBoost(intent, shapedParagraph), intent).toBe(DEFAULT_SHAPE_WEIGHTS.shaped);
    expect(hasAnswerShape('list', shapedParagraph)).toBe(true);
    expect(intentBoost('list', shapedParagraph)).toBe(0);
  });

  it('gives "when" the bonus for a time the sentence states, not for one it points to ("on the same day", "이날")', () => {
    const [pointer, koreanPointer, dated] = tinyPassages([
      { sentences: ['On the same day, the council signed a second contract.'] },
      { sentences: ['이날 시의회는 두 번째 계약을 맺었다.'] },
      { sentences: ['The council signed the contract on the 21st.'] },
    ]) as [Passage, Passage, Passage];
    expect(hasAnswerShape('when', pointer)).toBe(true);
    expect(intentBoost('when', pointer)).toBe(0);
    expect(intentBoost('when', koreanPointer)).toBe(0);
    expect(intentBoost('when', dated)).toBe(DEFAULT_SHAPE_WEIGHTS.shaped);
  });

  it('gives "when" no bonus for the baseline of a comparison ("지난해보다 2억 원 늘어난", "than last year")', () => {
    const [korean, english, dated] = tinyPassages([
      { sentences: ['축제 예산은 지난해보다 2억 원 늘어난 12억 원이다.'] },
      { sentences: ['The budget is 2 million higher than last year.'] },
      { sentences: ['축제는 지난해 11월 처음 열렸다.'] },
    ]) as [Passage, Passage, Passage];
    expect(intentBoost('when', korean)).toBe(0);
    expect(intentBoost('when', english)).toBe(0);
    expect(intentBoost('when', dated)).toBe(DEFAULT_SHAPE_WEIGHTS.shaped);
  });

  it('is never negative for a shaped paragraph, whatever the intent', () => {
    for (const intent of ALL_INTENTS) expect(intentBoost(intent, shapedParagraph), intent).toBeGreaterThanOrEqual(0);
  });

  it('is 0 for an unshaped paragraph: it lowers nothing', () => {
    for (const intent of ALL_INTENTS) expect(intentBoost(intent, plainParagraph), intent).toBe(0);
  });

  it('gives a larger bonus when the question names the narrower kind of answer (what year) and the passage has it', () => {
    expect(DEFAULT_SHAPE_WEIGHTS.subtypeShaped).toBeGreaterThan(DEFAULT_SHAPE_WEIGHTS.shaped);
    expect(intentBoost('when', shapedParagraph, DEFAULT_SHAPE_WEIGHTS, 'year')).toBe(DEFAULT_SHAPE_WEIGHTS.subtypeShaped);
    expect(intentBoost('when', plainParagraph, DEFAULT_SHAPE_WEIGHTS, 'year')).toBe(0);
  });

  it('takes a penalty off a heading, larger than the shape bonus: a shaped heading still ranks below an equally matched body sentence', () => {
    expect(intentBoost('what', shapedHeading)).toBe(-DEFAULT_SHAPE_WEIGHTS.heading);
    expect(intentBoost('when', shapedHeading)).toBeCloseTo(DEFAULT_SHAPE_WEIGHTS.shaped - DEFAULT_SHAPE_WEIGHTS.heading, 10);
    expect(intentBoost('when', shapedHeading)).toBeLessThan(0);
  });
});

describe('answer subtypes', () => {
  it('asks for an age only when the question asks someone\'s age, not "the age of a rock"', () => {
    expect(detectSubtype('How old was the mayor?')).toBe('age');
    expect(detectSubtype('At what age did she retire?')).toBe('age');
    expect(detectSubtype('시장은 나이가 몇이야?')).toBe('age');
    expect(detectSubtype('How can you find the absolute age of a rock layer?')).toBeNull();
  });

  it('finds the shapes news writes ages, terms and shares in: "Sola, 39,", "a four-year term", "what share of the vote", 득표율', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    expect(hasSubtypeShape('age', passage('Okafor, 39, a former teacher, won the race.'))).toBe(true);
    expect(hasSubtypeShape('age', passage('In 2020, 12, 14 and 16 seats changed hands.'))).toBe(false);
    for (const text of ['She will serve a four-year term.', 'It is a 10-year plan.']) expect(hasSubtypeShape('duration', passage(text)), text).toBe(true);
    expect(detectSubtype('What share of the vote did Okafor get?')).toBe('percent');
    expect(detectSubtype('오카포의 득표율은?')).toBe('percent');
    for (const text of ['축제는 사흘간 열린다.', '공사는 열흘 만에 끝났다.']) expect(hasSubtypeShape('duration', passage(text)), text).toBe(true);
  });

  it('answers "when is the next…?" only with a time still to come, not with a past date', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const text of ['위원회는 내년 3월에 다시 열린다.', '다음 회의는 5월로 예정돼 있다.', 'The council will meet again in May.', 'The next round is scheduled for spring.']) expect(hasSubtypeShape('upcoming', passage(text)), text).toBe(true);
    for (const text of ['위원회는 지난해 11월 열렸다.', 'The council met on the 21st.']) expect(hasSubtypeShape('upcoming', passage(text)), text).toBe(false);
  });

  it('reads "did X agree to what Y asked for?", promises and 해주겠다고 했어 as asking for a reply or a commitment, which a plan or a pledge answers', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const q of ['Did the governor agree to the funding the mayor asked for?', 'What did the city promise?', '도지사가 다리 보수해주겠다고 약속했어?', '시장이 예산 늘려주겠다고 했어?']) expect(detectSubtype(q), q).toBe('response');
    for (const text of ['시는 내년에 다리를 보수할 계획이다.', '도는 예산을 늘리기로 했다.', 'The governor said the state will fund the bridge.']) expect(hasSubtypeShape('response', passage(text)), text).toBe(true);
    expect(hasSubtypeShape('response', passage('시장은 도로 예산 증액을 요청했다.'))).toBe(false);
  });

  it('answers "how did they respond to the request?" only with a reported reply, not with the request itself', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const text of ['시장은 검토하겠다고 답했다.', 'The mayor rejected the request.', 'The council said it would consider the plan.']) expect(hasSubtypeShape('response', passage(text)), text).toBe(true);
    for (const text of ['노조는 임금 인상을 요청했다.', 'The union asked the mayor to raise wages.']) expect(hasSubtypeShape('response', passage(text)), text).toBe(false);
  });

  it('reads ordinal number words and a single century as amounts of time ("well into the nineteenth century")', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const text of ['The guild kept its charter well into the nineteenth century.', 'The mill ran for a century.']) expect(hasSubtypeShape('duration', passage(text)), text).toBe(true);
    expect(textHasAnswerShape('how-many', 'The team finished seventh.')).toBe(true);
    expect(textHasAnswerShape('how-many', 'He was the only minister on the trip.')).toBe(true);
    expect(textHasAnswerShape('how-many', 'They asked not only for fair rules but also for support.')).toBe(false);
    expect(hasSubtypeShape('duration', passage('The guild kept its charter.'))).toBe(false);
  });

  it('reads "how many days", 며칠 있었어 as asking for a duration, answered by a length of time or an anniversary, not by a date', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const q of ['How many days did the mayor spend in Rome?', '시장은 로마에 며칠 있었대?', '공사는 몇 개월 동안 했어?', 'How many years has the fair run?', '계약 유효기간은 몇 년이야?', '위원장 임기는 얼마나 돼?']) expect(detectSubtype(q), q).toBe('duration');
    expect(detectSubtype('축제는 며칠에 열려?')).not.toBe('duration');
    for (const text of ['The fair marked its 10th anniversary.', '협정 발효 10주년을 맞았다.']) expect(hasSubtypeShape('duration', passage(text)), text).toBe(true);
    expect(hasSubtypeShape('duration', passage('시장은 21일 로마에 도착했다.'))).toBe(false);
  });

  it('reads "what did X ask for?", 해달라고 한 것, 요청한 것들 as asking for a request, answered only by a sentence that reports one', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const q of ['시장이 도지사한테 해달라고 한 것들 정리해줘', '노조가 요구한 게 뭐야?', 'What did the mayor ask the governor for?', 'What did the union demand?']) expect(detectSubtype(q), q).toBe('request');
    for (const q of ['what did the council say about housing demand?', '시장은 뭐라고 했어?']) expect(detectSubtype(q), q).not.toBe('request');
    for (const text of ['시장은 도로 예산 증액을 요청했다.', '노조는 임금 인상을 요구했다.', 'The mayor urged the governor to fund the bridge.']) expect(hasSubtypeShape('request', passage(text)), text).toBe(true);
    for (const text of ['시장은 다리 개통식에 참석했다.', 'The mayor opened the bridge.']) expect(hasSubtypeShape('request', passage(text)), text).toBe(false);
  });

  it('finds how often something happens, in either language', () => {
    const passage = (text: string) => ({ sentence: { text }, translation: undefined }) as unknown as Parameters<typeof hasSubtypeShape>[1];
    for (const text of ['위원회는 매년 열린다.', '회의는 연 2회 열린다.', '축제는 4년마다 열린다.', 'The council meets once a year.', 'The race is held annually.']) expect(hasSubtypeShape('frequency', passage(text)), text).toBe(true);
    for (const text of ['위원회는 1998년에 열렸다.', 'The council met in 1998.']) expect(hasSubtypeShape('frequency', passage(text)), text).toBe(false);
    for (const text of ['The mayor said the bridge would reopen.', '시장은 다리를 다시 열겠다고 밝혔다.', '위원들은 예산을 논의했다.']) expect(hasSubtypeShape('statement', passage(text)), text).toBe(true);
    for (const text of ['The mayor attended the opening.', '시장도 개통식에 참석했다.']) expect(hasSubtypeShape('statement', passage(text)), text).toBe(false);
    expect(hasSubtypeShape('officeholder', passage('Chairman Okafor opened the bridge.'))).toBe(true);
    expect(hasSubtypeShape('officeholder', passage('Three ferry companies attended.'))).toBe(false);
    expect(hasSubtypeShape('officeholder', passage('양국은 대화를 장관급으로 격상했다.'))).toBe(false);
    expect(hasSubtypeShape('officeholder', passage('김 장관이 서명했다.'))).toBe(true);
    // Titles beyond government and business: "who is the head librarian?", "who coaches the team?"
    expect(hasSubtypeShape('officeholder', passage('Head librarian Ana Lindqvist cut the ribbon.'))).toBe(true);
    expect(hasSubtypeShape('officeholder', passage('Coach Ruiz praised the team.'))).toBe(true);
    expect(hasSubtypeShape('year', passage('왕은 재위 12년에 성을 쌓았다.'))).toBe(true);
    expect(hasSubtypeShape('year', passage('왕은 12년간 다스렸다.'))).toBe(false);
    for (const text of ['The siege ended four days after the storm.', 'The club has run the race since 1986.', '공사는 3개월 걸렸다.']) expect(hasSubtypeShape('duration', passage(text)), text).toBe(true);
    expect(hasSubtypeShape('duration', passage('The mayor praised the volunteers.'))).toBe(false);
    expect(hasSubtypeShape('duration', passage('The council meets once a year.'))).toBe(false);
    // "N년 만에" is a span of time ("after six years"); Korean news gives an age in brackets after a name.
    expect(hasSubtypeShape('duration', passage('그 팀은 6년 만에 정상에 올랐다.'))).toBe(true);
    expect(hasSubtypeShape('age', passage('주장 한도윤(31)은 결승골을 넣었다.'))).toBe(true);
    expect(hasSubtypeShape('age', passage('팀은 결승(2차전)에서 이겼다.'))).toBe(false);
    for (const text of ['팀은 세트 점수 3-1로 이겼다.', '경기는 2대0으로 끝났다.', 'The measure passed by 31 votes to 12.']) expect(hasSubtypeShape('score', passage(text)), text).toBe(true);
    expect(hasSubtypeShape('score', passage('The council has 43 members.'))).toBe(false);
  });

  it.each([
    ['몇 월에 열렸어?', 'month'], ['What month did it open?', 'month'],
    ['몇 년도에 시작됐어?', 'year'], ['In what year was it built?', 'year'],
    ['그 사람 나이는?', 'age'], ['How old is the mayor?', 'age'],
    ['회의는 몇 시간 동안 했어?', 'duration'], ['How long did the trial last?', 'duration'],
    ['몇년만에 우승한 거야?', 'duration'], ['몇 달째 공사 중이야?', 'duration'],
    ['몇 대 몇으로 이겼어?', 'score'], ['세트 스코어 어떻게 됨?', 'score'], ["what's the final score", 'score'], ['how did the vote go?', 'score'],
    ['관세율 몇 퍼센트야?', 'percent'], ['What percentage voted?', 'percent'],
    ['몇 시에 시작해?', 'clock'], ['What time does it start?', 'clock'], ['During what time period did prices fall?', null],
    ['그 회의는 얼마나 자주 열려?', 'frequency'], ['위원회는 몇 년마다 모여?', 'frequency'], ['How often does the council meet?', 'frequency'], ['위원회는 2년에 한 번씩 모이는 거 아님?', 'frequency'], ['Does the council meet every two years?', 'frequency'],
    ['정부는 뭐 해주기로 했어?', null],
    ['What did the mayor say about the bridge?', 'statement'], ['시장은 다리에 대해 뭐라고 했어?', 'statement'], ['감독의 발언은?', 'statement'],
    ['What does the state lack?', null], ['부제에 뭐라고 나와?', null],
    ['What did the mayors talk about at the summit?', 'statement'], ['회의에서 무슨 얘기 했어?', 'statement'], ['위원회는 뭘 논의했어?', 'statement'],
    ['Who is the CEO of the ferry company?', 'officeholder'], ['페리 회사에서는 어떤 임원이 왔어?', 'officeholder'], ['Who built the bridge?', null],
    ['누가 왔어?', null], ['Who opened the bridge?', null],
    ['What is the tax rate on bread?', 'percent'], ['빵에 붙는 세율은?', 'percent'],
    ['When is the next council meeting?', 'upcoming'], ['첫 총회는 언제 열린대?', 'upcoming'], ['When will the first council meeting be held?', 'upcoming'], ['첫 총회는 언제 열렸어?', null], ['다음 회의는 언제 열려?', 'upcoming'], ['차기 총회 일정은?', 'upcoming'],
    ['When did they meet next?', null], ['회의 다음 날 언제였어?', null], ['What happened next?', null],
    ['How did the mayor respond to the union\'s request?', 'response'], ['노조 요청에 시장은 뭐라고 답했어?', 'response'], ['What did the union request?', 'request'], ['How did the king react to the rebels?', null],
  ])('"%s" → %s', (question, subtype) => {
    expect(detectSubtype(question)).toBe(subtype);
  });
});

describe('questions that want the members of a group', () => {
  it.each([
    ['Which local teams were in the final?', true], ['What bridges did the council repair?', true], ['그 대회에 나온 지역 팀은?', true], ['어떤 팀들이 나왔어?', true],
    ['지역 팀 어디어디 나왔어?', true], ['결승에 누구누구 나왔어?', true],
    ['Which team won the final?', false], ['What was the bridge made of?', false], ['결승에서 누가 이겼어?', false], ['그 다리는 언제 고쳤어?', false],
  ])('"%s" → %s', (question, wanted) => {
    expect(asksForInstances(question)).toBe(wanted);
  });

  it('finds a list of names in a sentence or its rendering, not a list of common nouns', () => {
    const passage = (text: string, translation?: string) => ({ sentence: { text }, translation }) as unknown as Passage;
    expect(listsNames(passage('Rovers, United, Athletic and City reached the final.'))).toBe(true);
    expect(listsNames(passage('로버스·유나이티드·애슬레틱·시티 등이 결승에 올랐다.', 'Rovers, United, Athletic and City reached the final.'))).toBe(true);
    expect(listsNames(passage('The Minister of Culture, Sport and Tourism spoke first.'))).toBe(false);
    expect(listsNames(passage('The final drew teams from far away: Rovers, United, Athletic and City.'))).toBe(true);

    expect(listsNames(passage('결승에는 로버스, 유나이티드, 애슬레틱, 시티가 올랐다.'))).toBe(true);
    expect(listsNames(passage('The teams trained on grass, sand and clay.'))).toBe(false);
    expect(listsNames(passage('팀들은 잔디와 모래에서 훈련했다.'))).toBe(false);
  });
});
