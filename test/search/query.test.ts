import { describe, expect, it } from 'vitest';
import { FuzzyVocabulary } from '../../src/search/fuzzy.js';
import type { GlossaryEntry } from '../../src/corpus/glossary.js';
import { GlossaryMatcher } from '../../src/search/glossary.js';
import { analyzeQuery, analyzeQuestionText, conceptMatch, FUZZY_MATCH, spacedReading, wordMatch, type Concept } from '../../src/search/query.js';
import { analyzeWord, type AnalyzedWord } from '../../src/search/tokenize.js';

// An invented glossary: none of these terms come from the seed article.
const SPACE_STATION: GlossaryEntry = { ko: ['우주정거장'], en: ['space station'] };
const NOVATEK: GlossaryEntry = { ko: ['노바텍'], en: ['Novatek'] };
/** A form that only frames a question (`얘기`) paired with a content form in the other language. */
const TALK: GlossaryEntry = { ko: ['얘기'], en: ['conversation'] };
const glossary = new GlossaryMatcher([SPACE_STATION, NOVATEK, TALK]);

const keys = (text: string) => analyzeQuestionText(text).map((w) => w.key);
const word = (text: string): AnalyzedWord => {
  const analyzed = analyzeWord(text);
  if (!analyzed) throw new Error(`"${text}" has no content`);
  return analyzed;
};
const concept = (alternatives: AnalyzedWord[][], fuzzy: string[] = []): Concept => ({
  label: alternatives[0]![0]!.key,
  alternatives,
  fuzzy: fuzzy.map((key) => ({ key, parts: [], hangul: false, verbal: false })),
  known: false,
  properName: false,
});

describe('analyzeQuestionText', () => {
  it('drops nouns that only name what kind of thing is asked (직책, 예시, examples) and 중에 / 하자는', () => {
    expect(analyzeQuestionText('김 국장의 직책은 무엇인가요?').map((w) => w.key)).toEqual(['국장']);
    expect(analyzeQuestionText('What examples of bridges were given?').map((w) => w.key)).toEqual(['bridg', 'given']);
    expect(analyzeQuestionText("What's the mayor's job?").map((w) => w.key)).toEqual(['mayor']);
    expect(analyzeQuestionText('교량 중에 같이 하자는 예시 뭐야?').map((w) => w.key)).toEqual(['교량', '같이']);
  });

  it('drops a one-syllable noun with a topic or object particle and free-standing particles (곳은, 것은, 1월 부터, 때문에)', () => {
    expect(analyzeQuestionText('그 상을 준 곳은 어디야?').map((w) => w.key)).toEqual([]);
    expect(analyzeQuestionText('1월 부터 고립된 것은 무엇 때문에?').map((w) => w.key)).toEqual(['1월', '고립']);
    expect(analyzeQuestionText('축제는 얼마 만에 다시 열려?').map((w) => w.key)).toEqual(['축제', '다시', '열려']);
  });

  it('drops Korean question words, requests and light verbs, keeping the content words', () => {
    expect(keys('누가 회의에 참석했어?')).toEqual(['회의', '참석']);
    expect(keys('도서관 예산 좀 알려주세요')).toEqual(['도서관', '예산']);
    expect(keys('후원사 나열해줘')).toEqual(['후원사']);
  });

  it('drops English question words, fillers and requests, and stems what is left', () => {
    expect(keys('Who attended the meeting, please?')).toEqual(['attend', 'meet']);
    expect(keys('Can you tell me about the budget?')).toEqual(['budget']);
  });

  it('drops a counter after a separate 몇 but keeps a counter glued to it as content', () => {
    expect(keys('몇 명이 왔어?')).toEqual([]);
    expect(keys('몇개국이 참가했어?')).toEqual(['개국', '참가']);
    // Only a particle after 몇 (`몇으로`, `몇이야`) is no word at all.
    expect(keys('몇 대 몇으로 이겼어?')).toEqual(['이겼어']);
    expect(keys('점수가 몇이야?')).toEqual(['점수']);
    // A counter glued to 몇 with only a particle after it (`몇살부터`, `몇명이나`) is the question word's too.
    expect(keys('몇살부터 탈 수 있어?')).toEqual([]);
    expect(keys('몇명이나 모였어?')).toEqual(keys('모였어?'));
    expect(keys('몇명이나 모였어?')).toHaveLength(1);
    expect(keys('몇년만에 이겼어?')).toEqual(keys('이겼어?'));
    // `년도` names the answer's kind (a year), which a text writes as `2018년`, never with `년도`.
    expect(keys('몇 년도에 지었어?')).toEqual(['지었어']);
    expect(keys('공사 기간은 몇년도부터야?')).toEqual(['공사', '기간']);
  });

  it('drops chat adverbs that say how the asker feels, not what the article says (갑자기, 당장, 진짜)', () => {
    expect(keys('근데 노선 왜 갑자기 바꿈?')).toEqual(['노선', '바꿈']);
    expect(keys('진짜 당장 쓸 수 있어?')).toEqual([]);
  });

  it('drops 며칠 ("how many days") and 동안 ("during"): they frame the question, the article never writes them', () => {
    expect(keys('축제 며칠 동안 해?')).toEqual(['축제']);
    expect(keys('공사 며칠이나 걸렸어?')).toEqual(['공사', '걸렸어']);
  });

  it('drops English prepositions and determiners (under, each, between) and 그대로', () => {
    expect(keys('What did each mayor say about the bridge under the river?')).toEqual(['mayor', 'bridg', 'river']);
    expect(keys('ties between the two towns')).toEqual(['ti', 'two', 'town']);
    expect(keys('예산 그대로 알려줘')).toEqual(['예산']);
  });

  it('drops bare jamo (ㅇㅋ, ㅋㅋ) and the connectives and demonstratives of chat (그래서, 근데, 이거)', () => {
    expect(keys('ㅇㅋ 그래서 축제 결론이 뭐임 ㅋㅋ')).toEqual(['축제', '결론']);
    expect(keys('근데 이거 도서관 예산은?')).toEqual(['도서관', '예산']);
  });

  it('drops question words glued to endings (누구였어, 어디어디)', () => {
    expect(keys('우승자는 누구였어')).toEqual(['우승자']);
    expect(keys('어디어디 들렀어')).not.toContain('어디어디');
  });
});

describe('analyzeQuery with a glossary', () => {
  it('turns a glossary hit into one known concept with an alternative per surface form', () => {
    const { concepts } = analyzeQuery('우주정거장 예산은?', { glossary });
    expect(concepts.map((c) => c.label)).toEqual(['우주정거장', '예산']);
    const [station] = concepts;
    expect(station!.known).toBe(true);
    expect(station!.alternatives.map((a) => a.map((w) => w.key))).toEqual([['우주정거장'], ['space', 'station']]);
  });

  it('keeps a glossary form that is a function word when it is written as an acronym (US), not when it is a pronoun (us)', () => {
    const countries = new GlossaryMatcher([{ ko: ['미국'], en: ['United States', 'US'] }]);
    expect(analyzeQuery('List the US companies', { glossary: countries }).concepts.map((c) => c.label)).toEqual(['us', 'compani']);
    expect(analyzeQuery('Can you tell us about the companies?', { glossary: countries }).concepts.map((c) => c.label)).toEqual(['compani']);
  });

  it('reads a short glossary form in lower case after "the" as a name (the us), not a pronoun', () => {
    const countries = new GlossaryMatcher([{ ko: ['미국'], en: ['United States', 'US'] }]);
    expect(analyzeQuery('who is the us trade envoy', { glossary: countries }).concepts.map((c) => c.label)).toEqual(['us', 'trade', 'envoi']);
    expect(analyzeQuery('tell us the trade envoy', { glossary: countries }).concepts.map((c) => c.label)).toEqual(['trade', 'envoi']);
  });

  it('adds the other-language forms of a hit to the text for the vector side', () => {
    expect(analyzeQuery('When will the space station open?', { glossary }).expandedText).toContain('우주정거장');
    expect(analyzeQuery('우주정거장은 언제 열어?', { glossary }).expandedText).toContain('space station');
  });

  it('takes particles glued to a Korean form with it, instead of making them a concept', () => {
    const { concepts } = analyzeQuery('우주정거장에서 무슨 실험을 해?', { glossary });
    expect(concepts.map((c) => c.label)).toEqual(['우주정거장', '실험']);
  });

  it('marks a glossary entry with a capitalised English form as a name', () => {
    const [novatek] = analyzeQuery('노바텍도 참여했어?', { glossary }).concepts;
    expect(novatek).toMatchObject({ label: '노바텍', known: true, properName: true });
    const [station] = analyzeQuery('우주정거장', { glossary }).concepts;
    expect(station!.properName).toBe(false);
  });

  it('skips a glossary form that only frames the question (얘기), even when the entry has a content form', () => {
    const { concepts, expandedText } = analyzeQuery('예산 얘기 나왔어?', { glossary });
    expect(concepts.map((c) => c.label)).toEqual(['예산']);
    expect(concepts.every((c) => !c.known)).toBe(true);
    expect(expandedText).not.toContain('conversation');
  });

  it('marks a capitalised word after the first as a name, and a lower-case one not', () => {
    const named = analyzeQuery('Did Okafor sign it?').concepts.find((c) => c.label === 'okafor');
    const plain = analyzeQuery('Did okafor sign it?').concepts.find((c) => c.label === 'okafor');
    expect(named?.properName).toBe(true);
    expect(plain?.properName).toBe(false);
  });

  it('still knows a capitalised word for a name when stemming changes it (Zellweger → zellweg)', () => {
    const [name] = analyzeQuery('Did Zellweger sign it?').concepts;
    expect(name).toMatchObject({ label: 'zellweg', properName: true });
  });

  it('lets a misspelt name cross scripts only when it is written as a name', () => {
    const articleWords = ['카스텔라노'];
    const vocabulary = { has: (key: string) => articleWords.includes(key), fuzzy: new FuzzyVocabulary(articleWords) };
    const fuzzyOf = (q: string) => analyzeQuery(q, { vocabulary }).concepts.flatMap((c) => c.fuzzy.map((f) => f.key));
    expect(fuzzyOf('Did Castellano come?')).toEqual(['카스텔라노']);
    expect(fuzzyOf('did castellano come?')).toEqual([]);
  });
});

describe('analyzeQuery with the article vocabulary', () => {
  const articleWords = ['delacroix', 'garden', 'warden'];
  const vocabulary = { has: (key: string) => articleWords.includes(key), fuzzy: new FuzzyVocabulary(articleWords) };

  it('gives a word the article lacks its likely misspelt article word as a fuzzy alternative', () => {
    const query = analyzeQuery('Did Dalacroux open the garden?', { vocabulary });
    const misspelt = query.concepts.find((c) => c.label === 'dalacroux');
    expect(misspelt?.fuzzy.map((f) => f.key)).toEqual(['delacroix']);
    expect(query.expandedText).toContain('delacroix');
  });

  it('looks for no fuzzy alternative when the article has the word (garden, though warden is one letter away)', () => {
    const garden = analyzeQuery('Did Delacroix open the garden?', { vocabulary }).concepts.find((c) => c.label === 'garden');
    expect(garden?.fuzzy).toEqual([]);
  });
});

describe('spacedReading', () => {
  // An invented article's words: a ferry timetable, a harbour fee.
  const articleWords = ['여객선', '운항', '시간표', '항구', '이용료', '인상'];
  const vocabulary = { has: (key: string) => articleWords.includes(key) };
  const keysOf = (raw: string) => spacedReading(raw, vocabulary)?.map((w) => w.key) ?? null;

  it('reads a word typed without its inner space as the two article words', () => {
    expect(keysOf('여객선운항')).toEqual(['여객선', '운항']);
    expect(keysOf('항구이용료는')).toEqual(['항구', '이용료']);
  });

  it('keeps only the article word when the rest is grammar or a lone syllable', () => {
    expect(keysOf('인상됐대')).toEqual(['인상']);
    expect(keysOf('시간표랑')).toEqual(['시간표']);
  });

  it('finds nothing when a part is not in the article or the first part is a lone syllable', () => {
    expect(keysOf('여객선요금')).toBeNull();
    expect(keysOf('배운항')).toBeNull();
  });

  it('gives the question concept the split as another form, so it matches the article', () => {
    const query = analyzeQuery('여객선운항 언제부터야?', { vocabulary: { ...vocabulary, fuzzy: new FuzzyVocabulary(articleWords) } });
    const glued = query.concepts.find((c) => c.label === '여객선운항');
    expect(glued?.alternatives.map((a) => a.map((w) => w.key))).toEqual([['여객선운항'], ['여객선', '운항']]);
    expect(conceptMatch(glued!, new Set(['여객선', '운항']))).toBe(1);
  });
});

describe('wordMatch', () => {
  it('is 1 for the word itself', () => {
    expect(wordMatch(word('도서관'), new Set(['도서관']))).toBe(1);
  });

  it('gives a Korean word partial credit for the share of its bigrams in the passage', () => {
    const station = word('우주정거장'); // bigrams 우주 주정 정거 거장
    expect(station.parts).toHaveLength(4);
    expect(wordMatch(station, new Set(['우주', '정거']))).toBe(0.5);
    expect(wordMatch(station, new Set(['우주', '주정', '정거']))).toBe(0.75);
  });

  it('is 0 for an English word the passage lacks (no bigrams to share)', () => {
    expect(wordMatch(word('budget'), new Set(['budge', 'bud']))).toBe(0);
  });
});

describe('conceptMatch', () => {
  it('needs every word of a multi-word form: half of "space station" is half a match', () => {
    const station = concept([[word('space'), word('station')]]);
    expect(conceptMatch(station, new Set(['space', 'station']))).toBe(1);
    expect(conceptMatch(station, new Set(['station']))).toBe(0.5);
  });

  it('takes the best of its alternatives', () => {
    const station = concept([[word('우주정거장')], [word('space'), word('station')]]);
    expect(conceptMatch(station, new Set(['우주정거장']))).toBe(1);
    expect(conceptMatch(station, new Set(['우주', '정거', 'station']))).toBe(0.5);
  });

  it('credits a fuzzy alternative at FUZZY_MATCH, below an exact match', () => {
    const misspelt = concept([[word('dalacroux')]], ['delacroix']);
    expect(FUZZY_MATCH).toBeLessThan(1);
    expect(conceptMatch(misspelt, new Set(['delacroix']))).toBe(FUZZY_MATCH);
    expect(conceptMatch(misspelt, new Set(['dalacroux']))).toBe(1);
    expect(conceptMatch(misspelt, new Set(['garden']))).toBe(0);
  });

  it('keeps a partial bigram match when it beats FUZZY_MATCH', () => {
    const long = word('국제우주정거장사업'); // eight bigrams: seven of them make 0.875
    expect(long.parts).toHaveLength(8);
    const c: Concept = { ...concept([[long]]), fuzzy: [{ key: '국제우주정거장사엽', parts: [], hangul: true, verbal: false }] };
    expect(conceptMatch(c, new Set(['국제우주정거장사엽']))).toBe(FUZZY_MATCH);
    expect(conceptMatch(c, new Set(['국제우주정거장사엽', ...long.parts.slice(0, 7)]))).toBe(7 / 8);
  });
});
