import { describe, expect, it } from 'vitest';
import { followUpCue, namesLittle, readWithPrevious } from '../../src/answer/follow-up.js';
import { KindLexicon } from '../../src/answer/kinds.js';
import type { Participant } from '../../src/corpus/participants.js';

/** Participants of an invented article: the rules must work on names they have never seen. */
function participant(fields: Partial<Participant> & Pick<Participant, 'name' | 'nameEn' | 'country'>): Participant {
  const countries: Record<string, Participant['countryName']> = {
    AA: { ko: '가나라', en: 'Aland', aliases: ['가나라', 'aland', 'alandic'] },
    BB: { ko: '다나라', en: 'Borduria', aliases: ['다나라', 'borduria', 'bordurian'] },
  };
  return {
    kind: 'company',
    event: 'fair',
    eventName: { ko: '무역 박람회', en: 'trade fair' },
    countryName: countries[fields.country]!,
    citation: { id: 'S1', text: '' },
    ...fields,
  };
}

const kinds = KindLexicon.build(
  [
    participant({ name: '애크미', nameEn: 'Acme', country: 'AA', person: '김철수', personEn: 'Kim Cheol-su' }),
    participant({ name: '베타전자', nameEn: 'Beta Electronics', country: 'AA' }),
    participant({ name: '감마', nameEn: 'Gamma', country: 'BB' }),
  ],
  [{ ko: ['베타전자', '베타'], en: ['Beta Electronics', 'Beta'] }],
);

describe('followUpCue: a question that does not stand on its own', () => {
  it.each([
    ['미국은?', 'fragment'],
    ['SK는?', 'fragment'],
    ['Hyundai?', 'fragment'],
    ['구글도 있어?', 'fragment'],
    ['그럼 장소는?', 'connective'],
    ['and the US side?', 'connective'],
    ['what about semiconductors?', 'connective'],
    ['where?', 'no-topic'],
    ['몇 곳이야?', 'no-topic'],
    ['날짜는?', 'no-topic'],
    ['누가 주재했어?', 'no-topic'],
    ['which hotel?', 'no-topic'],
    ['on what day?', 'no-topic'],
    ['어느 호텔에서?', 'no-topic'],
    ['who else?', 'more'],
    ['또 누가 왔어?', 'more'],
    ['거기서 뭘 논의해?', 'pronoun'],
    ['각각 몇 곳씩이야?', 'pronoun'],
    ['그 회사는 어디에 공장을 짓는대?', 'pronoun'],
    ['who chaired it?', 'pronoun'],
    ['which companies were there?', 'pronoun'],
    ['이번에 어디까지 올렸어?', 'pronoun'],
  ])('%s → %s', (question, cue) => {
    expect(followUpCue(question)).toBe(cue);
  });
});

describe('followUpCue: a question that stands on its own', () => {
  it.each([
    'IPEF가 뭐야?',
    'Which Korean companies attended the roundtable?',
    '롯데도 참가했어?',
    '이 장관이 라운드테이블에서 강조한 말은?',
    '양해각서 어디서 맺었어?',
    // The existential "there", a demonstrative before the article or the present, a pronoun among three named things.
    'Is there a semiconductor working group?',
    'who is the commerce secretary in this story',
    'Which anniversary of the FTA is it this year?',
    // Three words of its own stand alone whatever "other" or "and" they carry; a relative "that" points at nothing before.
    'Beyond the main agenda, list the other things the ministries will talk over.',
    'and what did the mayor say about the bridge repairs?',
    'What is the name of the bridge that the council rebuilt?',
    // A question about the headline names its topic: the headline.
    '소제목 두 개 뭐였지?',
  ])('%s', (question) => {
    expect(followUpCue(question)).toBeNull();
  });
});

describe('readWithPrevious', () => {
  it('swaps a country for the one named in the follow-up, keeping the particles', () => {
    expect(readWithPrevious('다나라는?', '박람회에 참석한 가나라 기업은?', { kinds })).toBe('박람회에 참석한 다나라 기업은?');
    expect(readWithPrevious('and the Bordurian side?', 'Which Alandic companies were at the fair?', { kinds })).toBe('Which Bordurian companies were at the fair?');
  });

  it('swaps a company, in any of its forms (the glossary widens 베타전자 to 베타)', () => {
    expect(readWithPrevious('베타는?', '애크미에서는 누가 왔어?', { kinds })).toBe('베타에서는 누가 왔어?');
    expect(readWithPrevious('and Gamma?', 'Who represented Acme at the fair?', { kinds })).toBe('Who represented Gamma at the fair?');
  });

  it('does not swap things of different kinds', () => {
    expect(readWithPrevious('감마는?', '가나라 기업은 몇 곳이야?', { kinds })).toBe('가나라 기업은 몇 곳이야, 감마는?');
  });

  it('keeps the follow-up whole when it asks more than the swapped name', () => {
    expect(readWithPrevious('Who signed for Borduria?', 'Who signed the treaty for Aland?', { kinds })).toBe('signed the treaty for Borduria, Who signed for Borduria?');
  });

  it('replaces the previous question words when the follow-up asks its own ("where?", "몇 곳이야?", "장소는?")', () => {
    expect(readWithPrevious('where?', 'Who signed the treaty?')).toBe('signed the treaty, where?');
    expect(readWithPrevious('and when?', 'signed the treaty, where?')).toBe('signed the treaty, when?');
    expect(readWithPrevious('장소는?', '조약에 서명한 사람은 누구야?')).toBe('조약에 서명한 사람은, 장소는?');
    expect(readWithPrevious('몇 곳이야?', '박람회에 참석한 기업은 어디야?')).toBe('박람회에 참석한 기업은, 몇 곳이야?');
  });

  it('keeps the previous question words when the follow-up has none ("Hyundai?")', () => {
    expect(readWithPrevious('구글도 있어?', '참석 기업 알려줘')).toBe('참석 기업 알려줘, 구글도 있어?');
  });

  it('in Korean, a follow-up with its own verb replaces the previous verbs', () => {
    expect(readWithPrevious('누가 주재했어?', '박람회 어디서 열렸어?')).toBe('박람회, 누가 주재했어?');
  });

  it('drops Korean pronouns and conjunctions, which would be searched as words', () => {
    expect(readWithPrevious('그럼 거기서 뭘 논의해?', '대화는 얼마나 자주 열려?')).toBe('대화는 자주 열려, 뭘 논의해?');
    expect(readWithPrevious('그 회사는 어디에 공장을 짓는대?', '애크미랑 계약한 사람 누구야?')).toBe('애크미랑 계약한 사람, 회사는 어디에 공장을 짓는대?');
  });

  it('swaps a contrasted word for the most specific word of the previous question, with the right particle', () => {
    const specificity = (word: string) => ({ 장관: 1, 철강: 5, minister: 1, lee: 2, ask: 2, steel: 5 })[word.toLowerCase()] ?? 0;
    expect(readWithPrevious('반도체 쪽은?', '장관이 철강은 어떻게 하자고 했어?', { specificity })).toBe('장관이 반도체는 어떻게 하자고 했어?');
    expect(readWithPrevious('what about semiconductors?', 'What did Minister Lee ask about steel?', { specificity })).toBe('What did Minister Lee ask about semiconductors?');
    // Added, not contrasted: "도" and "too".
    expect(readWithPrevious('반도체도?', '장관이 철강은 어떻게 하자고 했어?', { specificity })).toBe('장관이 철강은 어떻게 하자고 했어, 반도체도?');
    expect(readWithPrevious('semiconductors too?', 'What did Minister Lee ask about steel?', { specificity })).toBe('What did Minister Lee ask about steel, semiconductors too?');
  });

  it('does not swap a word the previous question already has', () => {
    const specificity = () => 1;
    expect(readWithPrevious('철강은?', '장관이 철강은 어떻게 하자고 했어?', { specificity })).toBe('장관이 철강은 어떻게 하자고 했어, 철강은?');
  });

  it('keeps a long chain under 300 characters, dropping the oldest words', () => {
    const long = `${'무역 박람회 '.repeat(60)}누가 왔어?`;
    const reading = readWithPrevious('어디서?', long);
    expect(reading.length).toBeLessThanOrEqual(300);
    expect(reading.endsWith('어디서?')).toBe(true);
  });
});

describe('namesLittle', () => {
  it('is true for a question naming at most one thing', () => {
    expect(namesLittle('who was the US signatory?')).toBe(true);
    expect(namesLittle('누가 주재했어?')).toBe(true);
  });

  it('is false for a question naming more', () => {
    expect(namesLittle('How many countries have signed up for the framework?')).toBe(false);
    expect(namesLittle('레이몬도 장관 나이 몇 살이야?')).toBe(false);
  });
});
