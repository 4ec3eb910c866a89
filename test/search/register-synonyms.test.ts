import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/query.js';
import { registerSynonyms } from '../../src/search/register-synonyms.js';
import { tinyRetriever } from './tiny-corpus.js';

describe('registerSynonyms', () => {
  it('gives the news-prose word for the chat word and back (작년 / 지난해), and nothing for other words', () => {
    expect(registerSynonyms('작년')).toEqual(['지난해']);
    expect(registerSynonyms('지난해')).toEqual(['작년']);
    expect(registerSynonyms('보조금')).toEqual([]);
  });

  it('gives the English words news uses for one another, as stems (firm / company, pact / agreement)', () => {
    expect(registerSynonyms('firm')).toEqual(['compani', 'corpor']);
    expect(registerSynonyms('pact')).toEqual(['agreement', 'accord']);
    expect(registerSynonyms('ceo')).toEqual(['chief execut']);
    // Porter leaves `children` as it is: the plural stands in the group of its own.
    expect(registerSynonyms('kid')).toEqual(['child', 'children']);
  });
});

describe('an English question in other words than the article', () => {
  const { retriever, query } = searchOver(['The ferry company signed an agreement with the port.', 'The port opened a new pier.']);

  it('finds "agreement" and "company" for "pact" and "firm", with full support', async () => {
    const ranked = await retriever.retrieve(query('Which firm signed the pact?'), 2);
    expect(ranked[0]!.passage.sentence.id).toBe('S1');
    expect(ranked[0]!.support).toBe(1);
  });
});

/** A retriever over invented one-sentence paragraphs, and questions analysed against it. */
function searchOver(sentences: string[]) {
  const { retriever } = tinyRetriever(sentences.map((sentence) => ({ sentences: [sentence] })));
  return { retriever, query: (text: string) => analyzeQuery(text, { vocabulary: retriever.vocabulary }) };
}

describe('a question in chat register against news prose', () => {
  // An invented article that writes 지난해 and 올해, as news does.
  const { retriever, query } = searchOver(['지난해 보조금은 600만원이었다.', '올해 보조금은 650만원이다.']);

  it('finds 지난해 for 작년, and counts the word as seen', async () => {
    const ranked = await retriever.retrieve(query('작년 보조금'), 2);
    expect(ranked[0]!.passage.sentence.id).toBe('S1');
    expect(ranked[0]!.support).toBe(1);
    expect(retriever.unseenWords(query('작년 보조금'))).toEqual([]);
  });

  it('does not count the other form as unseen when the question writes the article\'s own word (올해, not 금년)', () => {
    expect(retriever.unseenWords(query('올해 보조금'))).toEqual([]);
  });
});

describe('English near-synonyms against news prose', () => {
  // An invented article that writes "chief executive" and "priced", as news does.
  const { retriever, query } = searchOver(['Chief executive Dana Holm spoke at the launch.', 'The new kettle is priced from 40 euros.', 'The launch took place in Oslo.']);

  it('finds "chief executive" for CEO, a phrase for one word, and counts CEO as seen', async () => {
    const ranked = await retriever.retrieve(query('who is the CEO?'), 3);
    expect(ranked[0]!.passage.sentence.id).toBe('S1');
    expect(retriever.unseenWords(query('who is the CEO?'))).toEqual([]);
  });

  it('finds the price for what something costs', async () => {
    const ranked = await retriever.retrieve(query('how much does the kettle cost?'), 3);
    expect(ranked[0]!.passage.sentence.id).toBe('S2');
    expect(retriever.unseenWords(query('how much does the kettle cost?'))).toEqual([]);
  });
});

describe('Korean verbs of change against the nouns news writes', () => {
  it('gives 증가/감소/상승/하락 for 늘었어/줄어든/올랐대/떨어졌어, and nothing for 내렸어 (rain falls too)', () => {
    expect(registerSynonyms('늘었어')).toEqual(['증가']);
    expect(registerSynonyms('줄어든')).toEqual(['감소']);
    expect(registerSynonyms('올랐대')).toEqual(['상승']);
    expect(registerSynonyms('떨어졌어')).toEqual(['하락']);
    expect(registerSynonyms('내렸어')).toEqual([]);
    expect(registerSynonyms('다친')).toEqual(['부상']);
    expect(registerSynonyms('숨졌대')).toEqual(['사망']);
    expect(registerSynonyms('잡혔어')).toEqual(['체포']);
    expect(registerSynonyms('같이')).toEqual(['함께']);
  });

  // An invented earnings note, worded as news words it.
  const { retriever, query } = searchOver(['매출은 12% 증가했다.', '영업이익은 5% 감소했다.', '본사는 서울에 있다.']);

  it('finds 감소 for 줄었어, and counts the word as seen', async () => {
    const ranked = await retriever.retrieve(query('영업이익 왜 줄었어?'), 3);
    expect(ranked[0]!.passage.sentence.id).toBe('S2');
    expect(retriever.unseenWords(query('매출 얼마나 늘었어?'))).toEqual([]);
  });
});
