import { describe, expect, it } from 'vitest';
import { askedStructure, asksBeyondHeading, isYesNoQuestion, understandQuestion, chatReading, type UnderstandingContext } from '../../src/answer/understand.js';
import type { AnalyzedQuery } from '../../src/search/query.js';
import { tinyRetriever } from '../search/tiny-corpus.js';

describe('isYesNoQuestion', () => {
  it('reads English questions opened by an auxiliary as yes/no', () => {
    for (const q of ['Did the council approve the plan?', 'Was it raining?', "Didn't they win?", 'Has the bridge reopened?', 'Can children borrow books?', 'is the library open']) {
      expect(isYesNoQuestion(q, 'en'), q).toBe(true);
    }
  });

  it('does not read English wh-questions or statements as yes/no', () => {
    for (const q of ['What did the council approve?', 'Who approved it?', 'How many boats sailed?', 'The council approved it?', 'Tell me about the bridge.', 'Can you tell us who signed the contract?', 'Do you know where the fair was held?']) {
      expect(isYesNoQuestion(q, 'en'), q).toBe(false);
    }
  });

  it('reads Korean questions that end in a verb ending as yes/no', () => {
    for (const q of ['예산안이 통과됐어?', '시장이 회의에 참석했나요?', '그 팀이 이겼지?', '축제가 취소됐나요?', '다리 공사 끝났니?', '회의에 참석했어', '시장도 왔다던데 맞아?']) {
      expect(isYesNoQuestion(q, 'ko'), q).toBe(true);
    }
  });

  it('does not read Korean questions with a question word, or bare nouns, as yes/no', () => {
    for (const q of ['누가 참석했어?', '예산은 얼마야?', '왜 연기됐어?', '공연은 몇 시에 시작했어?', '어디서 열렸어?', '회의 일정', '회의 장소는?']) {
      expect(isYesNoQuestion(q, 'ko'), q).toBe(false);
    }
  });
});

describe('understandQuestion: names the article lacks', () => {
  // An invented article: a council, a mayor named Okafor, a harbor budget.
  const { retriever } = tinyRetriever([
    { sentences: ['The town council met on Tuesday.', 'Mayor Okafor signed the harbor contract.'] },
    { sentences: ['시의회는 항구 예산을 승인했다.'] },
  ]);
  const context: UnderstandingContext = { glossary: null, vocabulary: retriever.vocabulary, unseenWords: (q: AnalyzedQuery) => retriever.unseenWords(q) };
  const understand = (q: string) => understandQuestion(q, context);

  it('reports a capitalised English name the article never mentions, as the user wrote it', () => {
    expect(understand('Did Zellweger sign the contract?').unknownNames).toEqual(['Zellweger']);
    expect(understand('Did Ibsen sign the contract?').unknownNames).toEqual(['Ibsen']);
  });

  it('does not report a lower-case unseen word, nor a name the article has', () => {
    expect(understand('Did the weather delay the contract?').unknownNames).toEqual([]);
    expect(understand('Did Okafor sign the contract?').unknownNames).toEqual([]);
  });

  it('does not report a misspelling of a name the article has', () => {
    const understood = understand('Did Okafour sign the contract?');
    expect(understood.unknownNames).toEqual([]);
    expect(understood.query.concepts.find((c) => c.fuzzy.length > 0)?.fuzzy.map((f) => f.key)).toEqual(['okafor']);
  });

  it('drops a verb the article never uses from a question that names headings: it only describes them (◇ 달린 중간 제목)', () => {
    expect(understand('◇ 달린 중간 제목 두 개 뭐였지?').query.concepts).toEqual([]);
    expect(understand('What are the subheads under the title?').query.concepts).toEqual([]);
    // An unseen noun stays: the headings may not be about it, and the answer should say so.
    expect(understand('소제목에 날씨 얘기 나와?').query.concepts.map((c) => c.label)).toEqual(['날씨']);
    // Without a heading named, the unseen verb stays content.
    expect(understand('예산 달린 계약 뭐야?').query.concepts.map((c) => c.label)).toContain('달린');
  });

  it('reports an unseen Korean noun without its particle, but not an unseen verb', () => {
    expect(understand('젤웨거는 예산을 승인했어?').unknownNames).toEqual(['젤웨거']);
    expect(understand('항구 예산이 줄었어?').unknownNames).toEqual([]);
  });

  it('does not report the noun of a closing predicate with 하다 as a name: it is the action asked about', () => {
    expect(understand('예산 어디서 싸인함').unknownNames).toEqual([]);
    expect(understand('싸인 어디서 했어').unknownNames).toEqual(['싸인']);
  });

  it('gives the share of content words the article never uses', () => {
    expect(understand('Did Zellweger sign the contract?').unseenShare).toBeCloseTo(1 / 3, 10);
    expect(understand('Did Okafor sign the contract?').unseenShare).toBe(0);
  });

  it('counts an unseen everyday English word half when the question asks for a shaped answer', () => {
    // "people" is among the most frequent English words, "divers" is not; the shape of the answer (a count) is checked on its own.
    expect(understand('How many people are on the harbor contract?').unseenShare).toBeCloseTo(0.5 / 3, 10);
    expect(understand('How many divers are on the harbor contract?').unseenShare).toBeCloseTo(1 / 3, 10);
    // Capitalised, it may be a name; a plain "what" question has no shape to check.
    expect(understand('How many are on the People harbor contract?').unseenShare).toBeCloseTo(1 / 3, 10);
    expect(understand('What people are on the harbor contract?').unseenShare).toBeCloseTo(1 / 3, 10);
  });

  it('leaves the words that name a part of the article, and their count, out of what is searched', () => {
    expect(understand('What are the two section headings?').query.concepts).toEqual([]);
    expect(understand('What does the harbor section heading say?').query.concepts.map((c) => c.label)).toEqual(['harbor']);
  });

  it('does not search for the noun that names the kind of answer ("what *day*", "which *year*")', () => {
    expect(understand('What day did Okafor sign the contract?').query.concepts.map((c) => c.label)).toEqual(['okafor', 'sign', 'contract']);
    expect(understand('Which year did the council meet?').query.concepts.map((c) => c.label)).toEqual(['council', 'meet']);
    expect(understand('How was the day?').query.concepts.map((c) => c.label)).toEqual(['dai']);
    // "How old", "how long", "how far" ask for an age, a length of time, a distance: the adjective is no word to find.
    expect(understand('How old is Okafor?').query.concepts.map((c) => c.label)).toEqual(['okafor']);
    expect(understand('How long is the council term?').query.concepts.map((c) => c.label)).toEqual(['council', 'term']);
    expect(understand('Was the old council hall sold?').query.concepts.map((c) => c.label)).toContain('old');
    // "How much money", "how much is it worth" ask for a sum: the noun names the kind of answer.
    expect(understand('How much money did the harbor contract bring in?').query.concepts.map((c) => c.label)).toEqual(['harbor', 'contract', 'bring']);
    expect(understand('How much is the harbor contract worth?').query.concepts.map((c) => c.label)).toEqual(['harbor', 'contract']);
    expect(understand('Was the harbor worth the money?').query.concepts.map((c) => c.label)).toEqual(['harbor', 'worth', 'monei']);
    // "The vote result", "the final score": a tally, which an article writes as "31 votes to 12" or "3-1".
    expect(understand('What was the council vote result?').query.concepts.map((c) => c.label)).toEqual(['council', 'vote']);
    expect(understand('What was the final score of the harbor race?').query.concepts.map((c) => c.label)).toEqual(['harbor', 'race']);
  });

  it('reads "what does the headline say?" as asking for the line, not for reported speech; a job title is no headline', () => {
    expect(understand('What does the subheadline say?')).toMatchObject({ structure: 'subheadline', subtype: null });
    expect(understand('What did Okafor say?')).toMatchObject({ structure: null, subtype: 'statement' });
    expect(understand("What is Okafor's job title?").structure).toBeNull();
    expect(understand('What is the title of the article?').structure).toBe('headline');
  });

  it('reads the position of a named heading, and does not search for the position word', () => {
    expect(understand('What is the second sub-headline?')).toMatchObject({ structure: 'subheadline', ordinal: 2 });
    expect(understand('두 번째 부제 뭐야?')).toMatchObject({ structure: 'subheadline', ordinal: 2 });
    expect(understand('마지막 소제목은?')).toMatchObject({ structure: 'section', ordinal: -1 });
    expect(understand('What is the second sub-headline?').query.concepts).toEqual([]);
    expect(understand('What are the sub-headlines?').ordinal).toBeNull();
    expect(understand('Who came second?').ordinal).toBeNull();
  });

  it('reads "what is the date of X" as asking when, searching only X', () => {
    expect(understand("What's the date of the contract?")).toMatchObject({ intent: 'when' });
    expect(understand("What's the date of the contract?").query.concepts.map((c) => c.label)).toEqual(['contract']);
    expect(understand('계약 날짜가 언제야?').query.concepts.map((c) => c.label)).toEqual(['계약']);
    expect(understand('계약 장소가 어디야?').query.concepts.map((c) => c.label)).toEqual(['계약']);
    expect(understand('시장의 나이는 몇 살인가?').query.concepts.map((c) => c.label)).toEqual(['시장']);
    expect(understand("What was the contract's venue?").query.concepts.map((c) => c.label)).toEqual(['contract']);
    expect(understand('Where is the library located?').query.concepts.map((c) => c.label)).toEqual(['librari']);
    expect(understand('Okafor signed where else?').query.concepts.map((c) => c.label)).toEqual(['okafor', 'sign']);
  });

  it('reads language, intent and yes/no once, from the question', () => {
    expect(understand('젤웨거는 예산을 승인했어?')).toMatchObject({ language: 'ko', intent: 'what', yesNo: true });
    expect(understand('When did Okafor sign the contract?')).toMatchObject({ language: 'en', intent: 'when', yesNo: false });
  });

  it('reads chat as meant: question words without their apostrophe, "where\'d", and openers such as "wait,"', () => {
    expect(chatReading('whos the mayor? whats the budget')).toBe("who's the mayor? what's the budget");
    expect(chatReading('Whose idea? Thomas wrote it')).toBe('Whose idea? Thomas wrote it');
    expect(chatReading("where'd they hold it")).toBe('where did they hold it');
    expect(chatReading('wait, was the mayor there??')).toBe('was the mayor there??');
    expect(chatReading('so who won')).toBe('who won');
    expect(chatReading('Sofia won')).toBe('Sofia won');
    expect(chatReading('ok')).toBe('ok');
    // Shorthand reads as the word news writes, in English only: `bc카드` is a name.
    expect(chatReading('how many ppl came? what did the govt say abt it')).toBe('how many people came? what did the government say about it');
    expect(chatReading('bc카드 얘기 나왔어?')).toBe('bc카드 얘기 나왔어?');
    expect(chatReading("what did the gov't say")).toBe("what did the gov't say");
    expect(understand('wait was the mayor there??').yesNo).toBe(true);
    expect(understand('whos the mayor').intent).toBe('who');
    expect(understand('wheres the fair held').intent).toBe('where');
  });
});

describe('asksBeyondHeading', () => {
  it.each([
    ['The title mentions a new tunnel - when will it open?', true], ['The headline says traffic will ease: why?', true],
    ["제목에 나온 '새 터널'은 구체적으로 어디야?", true], ['부제에 있는 약속은 누가 한 거야?', true],
    ['What does the headline say?', false], ['제목이 뭐야?', false], ['부제에 뭐라고 나와?', false],
  ])('"%s" → %s', (question, expected) => {
    expect(asksBeyondHeading(question)).toBe(expected);
  });
});

describe('askedStructure', () => {
  it.each([
    ['제목이 뭐야?', 'headline'], ['What does the headline say?', 'headline'],
    ['부제에 뭐라고 나와?', 'subheadline'], ['What do the three sub-headlines say?', 'subheadline'],
    ['소제목 두 개 뭐였지?', 'section'], ['중간 제목은?', 'section'], ['본문 중간에 나오는 제목 뭐야?', 'section'], ['What are the two section headings?', 'section'],
    ["what's the title of the second ◇ section?", 'section'], ['◇ 표시 줄들 뭐라고 돼 있어?', 'section'], ['What do the ◆ lines say?', 'section'],
    ['Which section of the law did they cite?', null], ['다리는 언제 열렸어?', null],
  ])('"%s" → %s', (question, structure) => {
    expect(askedStructure(question)).toBe(structure);
  });
});
