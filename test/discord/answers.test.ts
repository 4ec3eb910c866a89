import { describe, expect, it } from 'vitest';
import { AnswerStore, answerFromMessage } from '../../src/discord/answers.js';

describe('answerFromMessage (buttons older than the in-memory store)', () => {
  it('reads the question from the title and the numbered citations from the field names', () => {
    const answer = answerFromMessage(
      { embeds: [{ title: 'Who signed the \\*MOU\\*?', fields: [{ name: '[1] S10' }, { name: '[2] S29' }] }] },
      'doc',
    );
    expect(answer).toEqual({
      question: 'Who signed the *MOU*?',
      language: 'en',
      answered: true,
      sentences: [{ n: 1, id: 'S10', document: 'doc' }, { n: 2, id: 'S29', document: 'doc' }],
    });
  });

  it('reads related sentences of a declined answer, in Korean, with their documents', () => {
    const answer = answerFromMessage({ embeds: [{ title: '그날 날씨 어땠어?', fields: [{ name: '관련 문장 · S23 · other-article' }, { name: '관련 문장 · S10' }] }] }, 'doc');
    expect(answer).toMatchObject({ language: 'ko', answered: false, sentences: [{ id: 'S23', document: 'other-article' }, { id: 'S10', document: 'doc' }] });
  });

  it('gives up on a message that is not an answer', () => {
    expect(answerFromMessage({ embeds: [] }, 'doc')).toBeUndefined();
    expect(answerFromMessage({ embeds: [{ title: 'Participants', fields: [{ name: 'Korea' }] }] }, 'doc')).toBeUndefined();
  });
});

describe('AnswerStore', () => {
  it('forgets the least recently used answer beyond its capacity', () => {
    const store = new AnswerStore(2);
    const result = { question: 'q', language: 'en' as const, answered: true, answer: 'a [1]', citations: [{ n: 1, id: 'S1', document: 'd', text: 't', score: 1 }], related: [], ms: 1 };
    store.remember('a', result);
    store.remember('b', result);
    store.get('a');
    store.remember('c', result);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')?.sentences).toEqual([{ n: 1, id: 'S1', document: 'd' }]);
    expect(store.size).toBe(2);
  });
});
