import { describe, expect, it } from 'vitest';
import type { AnswerabilityModel } from '../../src/answer/answerability.js';
import { composeAnswer, composeStoryDate, DEFAULT_POLICY, notInArticle, statedNumber, type ComposePolicy } from '../../src/answer/compose.js';
import type { Intent } from '../../src/answer/intent.js';
import type { Language } from '../../src/answer/question.js';
import type { UnderstoodQuestion } from '../../src/answer/understand.js';
import type { Passage } from '../../src/search/passages.js';
import type { RankedPassage } from '../../src/search/retriever.js';
import { tinyPassages } from '../search/tiny-corpus.js';

/** Confidence is sigmoid(10 · support − 5): support 0.5 sits exactly on the threshold. */
const MODEL: AnswerabilityModel = {
  bias: -5,
  weights: { support: 10, similarity: 0, nameMissing: 0, unknownName: 0, shapeMissing: 0, missingFocus: 0, unseenShare: 0, noMatch: 0, shapeNowhere: 0 },
  threshold: 0.5,
};
const POLICY: ComposePolicy = { ...DEFAULT_POLICY, model: MODEL };

// An invented article, one sentence per paragraph: S1 … S17 in reading order.
const passages = tinyPassages([
  'The town opened a new library in the old mill.',
  'The library holds 45 desks.',
  'Volunteers painted the reading room.',
  'The roof was repaired last spring.',
  'The library holds 45 desks.',
  'A café opened on the ground floor.',
  'Children can borrow three books at a time.',
  'The garden behind the mill was replanted.',
  '도서관에는 열람석이 45개 있다.',
  'The library reopened on March 3, 2021 after the repairs.',
  '도서관은 지난해 11월 다시 문을 열었다.',
  'The five-storey annex holds 2,000 maps.',
  'The repairs were delayed by eight months in 2021.',
  '산책로는 길이 1.65㎞로, 2019년 착공해 5년 만에 완공됐다.',
  'Analysts expect the council to cut fares next year.',
  'Seven of the nine members voted to close the pier.',
  '입장료는 8천원으로 12% 올랐다.',
  'A day pass is priced at 12 euros, up 5 percent.',
  'The new mayor will serve a four-year term.',
  '기상청은 16일까지 비가 50㎜ 더 내린다고 했다.',
  '매출은 18조 원으로 늘었고, 순이익은 1조 원을 기록했다.',
  'A 67-year-old driver died when a tree fell on his car.',
].map((text) => ({ sentences: [text] })));
const p = (id: string): Passage => passages.find((x) => x.sentence.id === id)!;

function ranked(passage: Passage, score: number, support = score, extra: Partial<RankedPassage> = {}): RankedPassage {
  return { passage, score, support, similarity: 0.5, keyword: 0.5, coversNames: true, missingFocus: 0, ...extra };
}

function question(intent: Intent = 'what', options: { language?: Language; yesNo?: boolean; text?: string; nothingAsked?: boolean } = {}): UnderstoodQuestion {
  const text = options.text ?? 'an invented question';
  const concepts = options.nothingAsked ? [] : [{ label: 'invented', alternatives: [[{ key: 'invent', parts: [], hangul: false, verbal: false }]], fuzzy: [], known: false, properName: false }];
  return {
    question: text,
    language: options.language ?? 'en',
    intent,
    subtype: null,
    structure: null,
    yesNo: options.yesNo ?? false,
    query: { text, concepts, expandedText: text, wordPairs: [] },
    unknownNames: [],
    unseenShare: 0,
    summary: false,
    speaker: [],
    ordinal: null,
  };
}

const citedIds = (c: { citations: { id: string }[] }) => c.citations.map((x) => x.id);

describe('composeAnswer: declining', () => {
  it('declines a yes/no question about a name the article never uses, saying so, however well a sentence scores', () => {
    const asked = { ...question('what', { yesNo: true }), unknownNames: ['Lisbon'] };
    const result = composeAnswer([ranked(p('S3'), 0.95, 1)], asked, POLICY);
    expect(result.answered).toBe(false);
    expect(result.answer).toContain('Lisbon');
    expect(result.related.map((c) => c.id)).toEqual(['S3']);
    // A wh-question may still be answered (the name can be a paraphrase), and an unseen Korean noun is no name.
    expect(composeAnswer([ranked(p('S3'), 0.95, 1)], { ...question('what'), unknownNames: ['Lisbon'] }, POLICY).answered).toBe(true);
    expect(composeAnswer([ranked(p('S3'), 0.95, 1)], { ...question('what', { yesNo: true }), unknownNames: ['직접'] }, POLICY).answered).toBe(true);
  });

  it('declines a question that names nothing to look for, however well a sentence scores, and offers no sentences', () => {
    const result = composeAnswer([ranked(p('S3'), 0.95, 1)], question('what', { nothingAsked: true }), POLICY);
    expect(result.answered).toBe(false);
    expect(result.answer).not.toBe(notInArticle('en'));
    expect(result.answer).toMatch(/summary/);
    expect(result.related).toEqual([]);
  });

  it('declines below the threshold and offers the closest sentences as related, best first', () => {
    const list = [ranked(p('S3'), 0.4, 0.3), ranked(p('S1'), 0.35, 0.3), ranked(p('S6'), 0.3, 0.2), ranked(p('S7'), 0.2, 0.1)];
    const result = composeAnswer(list, question(), POLICY);
    expect(result.answered).toBe(false);
    expect(result.answer).toBe(notInArticle('en'));
    expect(result.citations).toEqual([]);
    expect(result.related.map((c) => [c.n, c.id])).toEqual([[1, 'S3'], [2, 'S1'], [3, 'S6']]);
    expect(result.confidence).toBeLessThan(MODEL.threshold);
  });

  it('declines in the language of the question', () => {
    expect(composeAnswer([ranked(p('S3'), 0.4, 0.3)], question('what', { language: 'ko' }), POLICY).answer).toBe(notInArticle('ko'));
    expect(notInArticle('ko')).not.toBe(notInArticle('en'));
  });

  it('answers at the threshold: the model decides, not the retrieval score', () => {
    const atThreshold = composeAnswer([ranked(p('S3'), 0.1, 0.5)], question(), POLICY);
    expect(atThreshold.answered).toBe(true);
    expect(atThreshold.confidence).toBeCloseTo(0.5, 10);
  });

  it('declines when nothing was retrieved', () => {
    expect(composeAnswer([], question(), POLICY)).toMatchObject({ answered: false, citations: [], related: [] });
  });
});

describe('composeAnswer: one-fact answers', () => {
  it('cites the best passage and a close follower, up to maxCitations', () => {
    const list = [ranked(p('S6'), 1, 0.9), ranked(p('S2'), 0.95, 0.9), ranked(p('S7'), 0.95, 0.9)];
    const result = composeAnswer(list, question(), POLICY);
    expect(POLICY.maxCitations).toBe(2);
    expect(citedIds(result)).toEqual(['S6', 'S2']);
    expect(result.answer).toBe(`${p('S6').sentence.text} [1] ${p('S2').sentence.text} [2]`);
    expect(result.citations.map((c) => c.n)).toEqual([1, 2]);
  });

  it('does not cite a follower scoring below followerRatio of the best', () => {
    const list = [ranked(p('S6'), 1, 0.9), ranked(p('S2'), 0.85, 0.9)];
    expect(citedIds(composeAnswer(list, question(), POLICY))).toEqual(['S6']);
  });

  it('does not cite a follower that carries much less of the question, however well it scores', () => {
    const list = [ranked(p('S6'), 1, 0.9), ranked(p('S2'), 0.99, 0.6), ranked(p('S7'), 0.95, 0.85)];
    expect(citedIds(composeAnswer(list, question(), POLICY))).toEqual(['S6', 'S7']);
  });

  it('does not cite a follower that misses a name of the question', () => {
    const list = [ranked(p('S6'), 1, 0.9), ranked(p('S2'), 0.99, 0.9, { coversNames: false })];
    expect(citedIds(composeAnswer(list, question(), POLICY))).toEqual(['S6']);
  });

  it('does not cite the same text twice', () => {
    const list = [ranked(p('S2'), 1, 0.9), ranked(p('S5'), 1, 0.9), ranked(p('S7'), 0.95, 0.9)];
    expect(citedIds(composeAnswer(list, question(), POLICY))).toEqual(['S2', 'S7']);
  });

  it('keeps the answer within maxAnswerLength by leaving followers out', () => {
    const list = [ranked(p('S6'), 1, 0.9), ranked(p('S2'), 0.95, 0.9)];
    const best = p('S6').sentence.text.length;
    const tight = composeAnswer(list, question(), { ...POLICY, maxAnswerLength: best + 10 });
    expect(citedIds(tight)).toEqual(['S6']);
    expect(tight.answer.length).toBeLessThanOrEqual(best + 10);
    expect(citedIds(composeAnswer(list, question(), { ...POLICY, maxAnswerLength: 1000 }))).toEqual(['S6', 'S2']);
  });

  it('reads a one-fact answer most relevant first, not in article order', () => {
    const result = composeAnswer([ranked(p('S8'), 1, 0.9), ranked(p('S1'), 0.95, 0.9)], question(), POLICY);
    expect(result.answer.indexOf(p('S8').sentence.text)).toBeLessThan(result.answer.indexOf(p('S1').sentence.text));
  });

  it('quotes the English rendering to an English question and the original to a Korean one', () => {
    const rendered: Passage = { ...p('S9'), translation: 'The library has 45 reading seats.' };
    const en = composeAnswer([ranked(rendered, 1, 0.9)], question(), POLICY);
    expect(en.answer).toBe('The library has 45 reading seats. [1]');
    expect(en.citations[0]).toMatchObject({ text: p('S9').sentence.text, translation: 'The library has 45 reading seats.' });
    const ko = composeAnswer([ranked(rendered, 1, 0.9)], question('what', { language: 'ko' }), POLICY);
    expect(ko.answer).toBe(`${p('S9').sentence.text} [1]`);
    expect(ko.citations[0]).not.toHaveProperty('translation');
  });

  it('rounds citation scores to three decimals', () => {
    expect(composeAnswer([ranked(p('S1'), 0.987654, 0.9)], question(), POLICY).citations[0]!.score).toBe(0.988);
  });
});

describe('composeAnswer: lists', () => {
  // Ranked S6, S2, S8, S4, S1: all close to the best; S3 below listRatio.
  const list = [ranked(p('S6'), 1, 0.9), ranked(p('S2'), 0.95, 0.9), ranked(p('S8'), 0.9, 0.85), ranked(p('S4'), 0.85, 0.8), ranked(p('S1'), 0.8, 0.8), ranked(p('S3'), 0.7, 0.9)];

  it('cites up to maxListCitations passages, most relevant first', () => {
    const result = composeAnswer(list, question('list'), POLICY);
    expect(POLICY.maxListCitations).toBe(4);
    expect(citedIds(result)).toEqual(['S6', 'S2', 'S8', 'S4']);
    expect(result.citations.map((c) => c.n)).toEqual([1, 2, 3, 4]);
  });

  it('reads the cited sentences in article order, each with its own marker', () => {
    const result = composeAnswer(list, question('list'), POLICY);
    const t = (id: string) => p(id).sentence.text;
    expect(result.answer).toBe(`${t('S2')} [2] ${t('S4')} [4] ${t('S6')} [1] ${t('S8')} [3]`);
  });

  it('leaves out passages below listRatio of the best', () => {
    const result = composeAnswer(list, question('list'), { ...POLICY, maxListCitations: 10 });
    expect(citedIds(result)).toEqual(['S6', 'S2', 'S8', 'S4', 'S1']);
  });

  it('cites more than a one-fact answer would from the same ranking', () => {
    expect(composeAnswer(list, question('what'), POLICY).citations.length).toBeLessThan(composeAnswer(list, question('list'), POLICY).citations.length);
  });
});

describe('composeAnswer: the lead', () => {
  it('begins a yes/no answer with Yes / 네 when the passage carries (nearly) all the question', () => {
    const strong = [ranked(p('S3'), 1, 0.95)];
    expect(POLICY.yesSupport).toBe(0.9);
    expect(composeAnswer(strong, question('what', { yesNo: true }), POLICY).answer).toBe(`Yes. ${p('S3').sentence.text} [1]`);
    expect(composeAnswer(strong, question('what', { yesNo: true, language: 'ko' }), POLICY).answer.startsWith('네. ')).toBe(true);
  });

  it('does not say Yes to "did it happen?" when the sentence only expects or plans it, but does to "will it happen?"', () => {
    const expected = [ranked(p('S15'), 1, 0.95)];
    expect(composeAnswer(expected, question('what', { yesNo: true, text: 'Did the council cut fares?' }), POLICY).answer).toBe(`Here is what the article says: ${p('S15').sentence.text} [1]`);
    expect(composeAnswer(expected, question('what', { yesNo: true, text: 'Will the council cut fares?' }), POLICY).answer.startsWith('Yes. ')).toBe(true);
    // A chat opener does not hide the question: "so did they…?" still asks what happened.
    expect(composeAnswer(expected, question('what', { yesNo: true, text: 'so did the council cut fares?' }), POLICY).answer).toBe(`Here is what the article says: ${p('S15').sentence.text} [1]`);
  });

  it('says what the article says instead of Yes when support is below yesSupport', () => {
    const weaker = [ranked(p('S3'), 1, 0.8)];
    const en = composeAnswer(weaker, question('what', { yesNo: true }), POLICY);
    expect(en.answered).toBe(true);
    expect(en.answer).toBe(`Here is what the article says: ${p('S3').sentence.text} [1]`);
    const ko = composeAnswer(weaker, question('what', { yesNo: true, language: 'ko' }), POLICY);
    expect(ko.answer.startsWith('기사에는 이렇게 나옵니다: ')).toBe(true);
    expect(ko.answer.startsWith('네')).toBe(false);
  });

  it('begins a counting answer with the number the best sentence states', () => {
    expect(composeAnswer([ranked(p('S2'), 1, 0.9)], question('how-many'), POLICY).answer).toBe(`45 desks: ${p('S2').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S7'), 1, 0.9)], question('how-many'), POLICY).answer.startsWith('three books: ')).toBe(true);
    expect(composeAnswer([ranked(p('S9'), 1, 0.9)], question('how-many', { language: 'ko' }), POLICY).answer).toBe(`45개: ${p('S9').sentence.text} [1]`);
  });

  it('begins a "when" answer with the date the best sentence states, and with nothing when it states none', () => {
    expect(composeAnswer([ranked(p('S10'), 1, 0.9)], question('when'), POLICY).answer).toBe(`March 3, 2021: ${p('S10').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S11'), 1, 0.9)], question('when', { language: 'ko' }), POLICY).answer).toBe(`지난해 11월: ${p('S11').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S4'), 1, 0.9)], question('when'), POLICY).answer).toBe(`${p('S4').sentence.text} [1]`);
  });

  it('leads only with a number of the kind a Korean counting question asks for (몇 명 is not answered by 45개)', () => {
    expect(composeAnswer([ranked(p('S9'), 1, 0.9)], question('how-many', { language: 'ko', text: '책상은 몇 개야?' }), POLICY).answer).toBe(`45개: ${p('S9').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S9'), 1, 0.9)], question('how-many', { language: 'ko', text: '몇 명이 왔어?' }), POLICY).answer).toBe(`${p('S9').sentence.text} [1]`);
  });

  it('leads a "how long" answer with a duration only, not with a count or a frequency', () => {
    const q = { ...question('how-many', { text: 'How long is the desk loan?' }), subtype: 'duration' as const };
    expect(composeAnswer([ranked(p('S2'), 1, 0.9)], q, POLICY).answer).toBe(`${p('S2').sentence.text} [1]`);
  });

  it('leads an English count with the number of the noun the question counts, not the sentence\'s first number', () => {
    expect(composeAnswer([ranked(p('S12'), 1, 0.9)], question('how-many', { text: 'How many maps are there?' }), POLICY).answer).toBe(`2,000 maps: ${p('S12').sentence.text} [1]`);
    // Without a counted noun the first number stands.
    expect(composeAnswer([ranked(p('S12'), 1, 0.9)], question('how-many', { text: 'How many are there?' }), POLICY).answer.startsWith('five')).toBe(true);
  });

  it('states a number with what it counts or measures: "eight months", "1.65㎞", "12 euros"', () => {
    const howLong = { ...question('how-many', { text: 'How long were the repairs delayed?' }), subtype: 'duration' as const };
    expect(composeAnswer([ranked(p('S13'), 1, 0.9)], howLong, POLICY).answer).toBe(`eight months: ${p('S13').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S14'), 1, 0.9)], question('how-many', { language: 'ko', text: '산책로 길이가 얼마야?' }), POLICY).answer).toBe(`1.65㎞: ${p('S14').sentence.text} [1]`);    expect(composeAnswer([ranked(p('S18'), 1, 0.9)], question('how-much', { text: 'How much is a day pass?' }), POLICY).answer).toBe(`12 euros: ${p('S18').sentence.text} [1]`);
    const howLongTerm = { ...question('how-many', { text: 'How long is the term?' }), subtype: 'duration' as const };
    expect(composeAnswer([ranked(p('S19'), 1, 0.9)], howLongTerm, POLICY).answer).toBe(`four-year: ${p('S19').sentence.text} [1]`);
    // A date is no count: "얼마나 와?" does not lead with the 16 of 16일.
    expect(composeAnswer([ranked(p('S20'), 1, 0.9)], question('how-many', { language: 'ko', text: '비 얼마나 더 와?' }), POLICY).answer).toBe(`${p('S20').sentence.text} [1]`);
    // Nor is an age: "how many died?" is not answered by the 67 of "a 67-year-old driver"; "how old?" is.
    expect(composeAnswer([ranked(p('S22'), 1, 0.9)], question('how-many', { text: 'How many people died?' }), POLICY).answer).toBe(`${p('S22').sentence.text} [1]`);
    const howOld = { ...question('how-many', { text: 'How old was the driver?' }), subtype: 'age' as const };
    expect(composeAnswer([ranked(p('S22'), 1, 0.9)], howOld, POLICY).answer).toBe(`67: ${p('S22').sentence.text} [1]`);
  });

  it('leads with the amount that follows the asked word when a sentence has several ("순이익 얼마?" → 1조 원, not the 18조 of 매출)', () => {
    const asked = (text: string, key: string): UnderstoodQuestion => {
      const base = question('how-much', { language: 'ko', text });
      return { ...base, query: { ...base.query, concepts: [{ label: key, alternatives: [[{ key, parts: [], hangul: true, verbal: false }]], fuzzy: [], known: false, properName: false }] } };
    };
    expect(composeAnswer([ranked(p('S21'), 1, 0.9)], asked('순이익 얼마?', '순이익'), POLICY).answer).toBe(`1조 원: ${p('S21').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S21'), 1, 0.9)], asked('매출 얼마?', '매출'), POLICY).answer).toBe(`18조 원: ${p('S21').sentence.text} [1]`);
  });

  it('counts the part, with its whole, when the counted noun belongs to "N of the M" ("Seven of the nine members")', () => {
    expect(composeAnswer([ranked(p('S16'), 1, 0.9)], question('how-many', { text: 'How many members voted to close it?' }), POLICY).answer).toBe(`Seven of the nine members: ${p('S16').sentence.text} [1]`);
  });

  it('leads "how much did it rise?" and 얼마나 올랐어 with the share of the change before the amount', () => {
    expect(composeAnswer([ranked(p('S17'), 1, 0.9)], question('how-many', { language: 'ko', text: '입장료 얼마나 올랐어?' }), POLICY).answer).toBe(`12%: ${p('S17').sentence.text} [1]`);
  });

  it('answers 몇 년 만에 with the span of years, not the calendar year', () => {
    expect(composeAnswer([ranked(p('S14'), 1, 0.9)], question('how-many', { language: 'ko', text: '몇 년 만에 완공됐어?' }), POLICY).answer).toBe(`5년: ${p('S14').sentence.text} [1]`);
  });

  it('adds no number to a counting answer whose sentence states none, nor to other questions', () => {
    expect(composeAnswer([ranked(p('S3'), 1, 0.9)], question('how-many'), POLICY).answer).toBe(`${p('S3').sentence.text} [1]`);
    expect(composeAnswer([ranked(p('S2'), 1, 0.9)], question('what'), POLICY).answer).toBe(`${p('S2').sentence.text} [1]`);
  });
});

describe('statedNumber', () => {
  it('finds a Korean amount with its unit or counter', () => {
    expect(statedNumber('참가자는 모두 45명이었다.', 'ko')).toBe('45명');
    expect(statedNumber('공사비는 4000만 원이었다.', 'ko')).toBe('4000만 원');
    expect(statedNumber('선수 다섯 명이 뽑혔다.', 'ko')).toBe('다섯 명');
    expect(statedNumber('성장률은 3.5%였다.', 'ko')).toBe('3.5%');
  });

  it('finds an English number with the noun it counts', () => {
    expect(statedNumber('The club has twelve members in total.', 'en')).toBe('twelve members');
    expect(statedNumber('Growth was 3.5 percent.', 'en')).toBe('3.5 percent');
  });

  it('is null when the sentence states no number', () => {
    expect(statedNumber('No figure is given here.', 'en')).toBeNull();
    expect(statedNumber('숫자는 나오지 않는다.', 'ko')).toBeNull();
  });

  it('leaves the full stop or comma after a number out of it', () => {
    expect(statedNumber('The town now has 12,000.', 'en')).toBe('12,000');
    expect(statedNumber('관중은 1,200.', 'ko')).toBe('1,200');
  });

  it('takes no word after a percentage, and no function word as the counted noun', () => {
    expect(statedNumber('Attendance rose 12 percent last year.', 'en')).toBe('12 percent');
    expect(statedNumber('Attendance rose 12% last year.', 'en')).toBe('12%');
    expect(statedNumber('The population was 1,200 in total.', 'en')).toBe('1,200');
  });
});

describe('composeStoryDate', () => {
  it('dates the story by the first body sentence that states a date, led by that date', () => {
    const result = composeStoryDate(passages, 'en')!;
    expect(result.citations.map((c) => c.id)).toEqual(['S10']);
    expect(result.answer).toBe(`March 3, 2021: ${p('S10').sentence.text} [1]`);
    // A Korean question reads Korean dates: the first sentence that states one is S11.
    expect(composeStoryDate(passages, 'ko')!.answer).toBe(`지난해 11월: ${p('S11').sentence.text} [1]`);
  });

  it('gives nothing when no body sentence states a date', () => {
    expect(composeStoryDate([p('S3'), p('S4')], 'en')).toBeNull();
  });

  it('leads "언제부터야?" with the time the story starts from, not the date it was announced', () => {
    const [announced] = tinyPassages([{ sentences: ['시는 내년 3월부터 교복비를 지원한다고 5일 밝혔다.'] }]) as [Passage];
    expect(composeStoryDate([announced], 'ko', '언제부터야?')!.answer).toBe(`내년 3월: ${announced.sentence.text} [1]`);
    expect(composeStoryDate([announced], 'ko', '이거 언제 일이야?')!.answer).toBe(`5일: ${announced.sentence.text} [1]`);
  });
});
