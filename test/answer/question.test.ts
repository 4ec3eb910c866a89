import { describe, expect, it } from 'vitest';
import { checkQuestion, detectLanguage, MAX_QUESTION_LENGTH } from '../../src/answer/question.js';

function refused(raw: string) {
  const result = checkQuestion(raw);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return result.problem;
}

describe('checkQuestion', () => {
  it('refuses an empty question', () => {
    expect(refused('').code).toBe('empty');
  });

  it('refuses a whitespace-only question (spaces, tabs, newlines, ideographic space)', () => {
    expect(refused(' \t\n\r \u3000 ').code).toBe('empty');
  });

  it('refuses a question of 10,000 characters', () => {
    expect(refused('가'.repeat(10_000)).code).toBe('too-long');
    expect(refused('a'.repeat(10_000)).code).toBe('too-long');
  });

  it(`accepts ${MAX_QUESTION_LENGTH} characters and refuses one more (counting code points, not UTF-16 units)`, () => {
    expect(checkQuestion('가'.repeat(MAX_QUESTION_LENGTH)).ok).toBe(true);
    expect(refused('가'.repeat(MAX_QUESTION_LENGTH + 1)).code).toBe('too-long');
    // 250 emoji are 500 UTF-16 units but 250 characters; with a word they make a valid question.
    expect(checkQuestion(`LG ${'😀'.repeat(250)}`).ok).toBe(true);
  });

  it('refuses emoji only, including skin tones, joiners and variation selectors', () => {
    expect(refused('😀🎉👍').code).toBe('no-words');
    expect(refused('👍🏽 ❤️ 👨‍👩‍👧').code).toBe('no-words');
    expect(refused('?!…').code).toBe('no-words');
  });

  it('refuses keycap emoji and bare numbers: a question needs a letter', () => {
    for (const q of ['1️⃣', '#️⃣ 2️⃣', '-1', '2022', '3.14 %', '１２３']) expect(refused(q).code, q).toBe('no-words');
    expect(refused('-1').message).toMatch(/numbers or emoji alone/);
    expect(checkQuestion('2022년에 무슨 일?').ok).toBe(true);
    expect(checkQuestion('S24').ok).toBe(true);
  });

  it('cleans control characters and accepts what is left: "\\u0000누가\\u0007 참석했어?"', () => {
    expect(checkQuestion('\u0000누가\u0007 참석했어?')).toEqual({ ok: true, question: '누가 참석했어?' });
  });

  it('removes zero-width and other format characters', () => {
    const result = checkQuestion('LG\u200B에서 누가\u200D\u2060 왔어?\uFEFF');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.question).not.toMatch(/\p{Cf}/u);
      expect(result.question).toMatch(/^LG\s?에서 누가 왔어\?$/u);
    }
  });

  it('refuses a question made only of control characters as empty', () => {
    expect(refused('\u0000\u0007\u001b\u007f').code).toBe('empty');
  });

  it('collapses runs of whitespace and normalises to NFC', () => {
    expect(checkQuestion('  한국   기업은\n\n몇 곳?  ')).toEqual({ ok: true, question: '한국 기업은 몇 곳?' });
    expect(checkQuestion('한국'.normalize('NFD'))).toEqual({ ok: true, question: '한국' });
  });

  it('gives a message a user can read, in Korean and in English, for every refusal', () => {
    for (const raw of ['', '😀', 'x'.repeat(10_000)]) {
      const { message } = refused(raw);
      expect(message).toMatch(/\p{Script=Hangul}/u);
      expect(message).toMatch(/[A-Za-z]{3,}/);
      expect(message).not.toMatch(/\n\s+at /);
    }
  });
});

describe('detectLanguage', () => {
  it('reads a Korean question as Korean', () => {
    expect(detectLanguage('라운드테이블에 참석한 한국 기업은?')).toBe('ko');
  });

  it('reads an English question as English', () => {
    expect(detectLanguage('Which American companies took part?')).toBe('en');
  });

  it('reads a Korean question with Latin names (LG, IPEF) as Korean', () => {
    expect(detectLanguage('LG에서 누가 왔어?')).toBe('ko');
    expect(detectLanguage('IPEF가 뭐야?')).toBe('ko');
  });

  it('reads an English question with a Korean name in it as English', () => {
    expect(detectLanguage('Who came from 삼성전자?')).toBe('en');
    expect(detectLanguage('What did 이창양 say about 한국 제조역량?')).toBe('en');
  });

  it('reads a question that mixes scripts by its grammar: a Korean predicate makes it Korean', () => {
    expect(detectLanguage('roundtable 누구 옴?')).toBe('ko');
    expect(detectLanguage('semiconductor equipment 관련 무슨 얘기 나옴?')).toBe('ko');
    expect(detectLanguage('the supply chain dialogue 언제 열려?')).toBe('ko');
  });
});
