import { describe, expect, it } from 'vitest';
import { askedSpeakerPhrase, reportsAnotherSpeaker, speakerConcepts } from '../../src/answer/speaker.js';
import { analyzeQuery } from '../../src/search/query.js';
import { tinyPassages } from '../search/tiny-corpus.js';

const [ministryQuote, okaforSaid, pronounSaid, carriedOver, koreanTopic, occasion] = tinyPassages([
  { sentences: ['The ministry said, "Mayor Okafor came with the governor."'] },
  { sentences: ['At the meeting, Mayor Okafor stressed that the harbor needs dredging.'] },
  { sentences: ['He also stressed the need for a new pier.'] },
  { sentences: ['아울러 항구 준설이 필요하다고 강조했다.'] },
  { sentences: ['오카포 시장은 항구 준설이 필요하다고 강조했다.'] },
  { sentences: ["On the occasion of Okafor's visit, the two towns agreed to share the ferry."] },
]);

const speaker = (question: string) => speakerConcepts(question, analyzeQuery(question).concepts);

describe('askedSpeakerPhrase', () => {
  it('reads who is asked to have spoken, in English and Korean', () => {
    expect(askedSpeakerPhrase('What did Mayor Okafor say about the harbor?')).toBe('Mayor Okafor');
    expect(askedSpeakerPhrase('오카포 시장은 항구에 대해 뭐라고 했어?')).toBe('오카포 시장');
    expect(askedSpeakerPhrase('What happened at the harbor?')).toBeNull();
  });

  it('asks nothing of a speaker that is an event, not a person or a body', () => {
    expect(speaker('What did the roundtable say about dredging?')).toEqual([]);
    expect(speaker('What did Okafor say?').map((c) => c.label)).toEqual(['okafor']);
    expect(speaker('What did the ministers say?').map((c) => c.label)).toEqual(['minist']);
  });
});

describe('reportsAnotherSpeaker', () => {
  const okafor = speaker('What did Okafor say?');

  it('is true when the asked speaker appears only inside someone else\'s quotation', () => {
    expect(reportsAnotherSpeaker(okafor, ministryQuote!)).toBe(true);
  });

  it('is true when the subject is someone else and the speaker is named in passing', () => {
    expect(reportsAnotherSpeaker(okafor, occasion!)).toBe(true);
  });

  it('is false when the asked speaker is the subject of the reporting verb', () => {
    expect(reportsAnotherSpeaker(okafor, okaforSaid!)).toBe(false);
  });

  it('is false when the subject is a pronoun or carried over from the sentence before: it may be theirs', () => {
    expect(reportsAnotherSpeaker(okafor, pronounSaid!)).toBe(false);
    expect(reportsAnotherSpeaker(speaker('오카포 시장은 뭐라고 했어?'), carriedOver!)).toBe(false);
  });

  it('reads the Korean subject or topic: 오카포 시장은 … 강조했다 is theirs, the ministry\'s quotation is not', () => {
    const korean = speaker('오카포 시장은 뭐라고 했어?');
    expect(reportsAnotherSpeaker(korean, koreanTopic!)).toBe(false);
    expect(reportsAnotherSpeaker(speaker('What did the governor say?'), ministryQuote!)).toBe(true);
  });

  it('checks nothing when the question names no speaker', () => {
    expect(reportsAnotherSpeaker([], ministryQuote!)).toBe(false);
  });
});
