import { describe, expect, it } from 'vitest';
import { parseRecord, redactMentions } from '../../src/feedback/records.js';
import { summarise } from '../../src/feedback/summary.js';

const vote = (answerId: string, user: string, v: 'up' | 'down', at = '2024-05-21T00:00:00.000Z', extra: object = {}) =>
  JSON.stringify({ type: 'vote', at, vote: v, answerId, question: `Question ${answerId}?`, language: 'en', answered: true, citations: ['doc#S1', 'doc#S2'], citationTexts: ['One.', 'Two.'], user, ...extra });
const declined = (question: string, at: string) => JSON.stringify({ type: 'declined', at, answerId: at, question, language: 'en', related: ['doc#S9'] });

describe('summarise', () => {
  it('counts the latest vote per user per answer, however many records a user left', () => {
    const lines = [...Array.from({ length: 300 }, (_, i) => vote('a1', 'u1', i % 2 ? 'down' : 'up')), vote('a1', 'u2', 'up'), vote('a2', 'u1', 'down')];
    const { totals, answers } = summarise(lines);

    expect(totals).toMatchObject({ voteRecords: 302, votes: 3, up: 1, down: 2, answersRated: 2 });
    expect(answers.find((a) => a.answerId === 'a1')).toMatchObject({ up: 1, down: 1 });
    expect(answers.find((a) => a.answerId === 'a2')).toMatchObject({ up: 0, down: 1 });
  });

  it('lists the worst-rated answers first, with their citations, and only answers with a 👎', () => {
    const lines = [vote('good', 'u1', 'up'), vote('good', 'u2', 'up'), vote('mixed', 'u1', 'up'), vote('mixed', 'u2', 'down'), vote('bad', 'u1', 'down'), vote('bad', 'u2', 'down'), vote('bad', 'u3', 'up')];
    const { worst, answers } = summarise(lines, { worst: 5 });

    expect(worst.map((a) => a.answerId)).toEqual(['bad', 'mixed']);
    expect(worst[0]!.citations).toEqual([{ key: 'doc#S1', text: 'One.' }, { key: 'doc#S2', text: 'Two.' }]);
    expect(answers.map((a) => a.answerId)).toEqual(['bad', 'mixed', 'good']); // most votes, then most 👎
    expect(summarise(lines, { worst: 1 }).worst).toHaveLength(1);
  });

  it('groups declined questions by their words, most asked first', () => {
    const lines = [declined('What is the weather?', '2024-05-20T00:00:00Z'), declined('what  is the WEATHER?', '2024-05-22T00:00:00Z'), declined('Who won?', '2024-05-23T00:00:00Z')];
    const { declined: list, totals } = summarise(lines);

    expect(totals).toMatchObject({ declined: 3, distinctDeclined: 2 });
    expect(list[0]).toEqual({ question: 'what  is the WEATHER?', language: 'en', count: 2, firstAt: '2024-05-20T00:00:00Z', lastAt: '2024-05-22T00:00:00Z' });
    expect(list[1]).toMatchObject({ question: 'Who won?', count: 1 });
  });

  it('skips torn or foreign lines and counts them; reads votes of older versions (no type, no texts)', () => {
    const old = JSON.stringify({ at: '2024-01-01T00:00:00Z', vote: 'down', answerId: 'old', question: 'Q?', language: 'ko', answered: false, citations: ['doc#S3'], user: 'h' });
    const { totals, worst } = summarise(['{"type":"vote","at":', 'not json', '[]', JSON.stringify({ type: 'other' }), '', old]);

    expect(totals.unreadableLines).toBe(4);
    expect(worst).toEqual([expect.objectContaining({ answerId: 'old', down: 1, citations: [{ key: 'doc#S3' }] })]);
  });
});

describe('records', () => {
  it('replace every mention form and nothing else', () => {
    expect(redactMentions('<@123> <@!456> <@&789> <#101> <:smile:112> @everyone 12345678901234567')).toBe('@user @user @role #channel <:smile:112> @everyone 12345678901234567');
  });

  it('refuse records missing what the summary needs', () => {
    expect(parseRecord(JSON.stringify({ type: 'vote', at: 'x', vote: 'maybe', answerId: '1', question: 'q', language: 'en', answered: true, citations: [], user: 'h' }))).toBeNull();
    expect(parseRecord(JSON.stringify({ type: 'declined', at: 'x', answerId: '1', question: 'q', language: 'fr', related: [] }))).toBeNull();
  });
});
