import { describe, expect, it } from 'vitest';
import { rawOption, validateChoice, validateFlag, validateQuestion, validateSentenceId } from '../../src/discord/validate.js';

describe('validateQuestion', () => {
  it('accepts a question and cleans control and format characters', () => {
    expect(validateQuestion('  누가\u0000 참석\u200b했나?  ')).toEqual({ ok: true, value: '누가 참석 했나?' });
  });

  it('refuses empty, invisible-only, too long, wordless and non-text input', () => {
    expect(validateQuestion('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(validateQuestion('\u200b\u0007 \u202e')).toMatchObject({ ok: false, problem: 'empty' });
    expect(validateQuestion('가'.repeat(501))).toMatchObject({ ok: false, problem: 'too-long', detail: { max: 500 } });
    expect(validateQuestion('가'.repeat(500)).ok).toBe(true);
    expect(validateQuestion('?!?! 🎉')).toMatchObject({ ok: false, problem: 'no-words' });
    expect(validateQuestion(42)).toMatchObject({ ok: false });
    expect(validateQuestion(null)).toMatchObject({ ok: false });
  });
});

describe('validateSentenceId', () => {
  it('accepts the forms people type', () => {
    for (const id of ['S14', 's14', '14', ' S14 ', 'korea-us-supply-chain-dialogue#S14']) expect(validateSentenceId(id).ok).toBe(true);
  });

  it('refuses anything else, echoing at most a short excerpt', () => {
    const long = `S${'1'.repeat(200)}`;
    const refused = validateSentenceId(long);
    expect(refused).toMatchObject({ ok: false, problem: 'bad-id' });
    expect(refused.ok ? '' : refused.detail.value!.length).toBeLessThanOrEqual(20);
    for (const id of ['', 'S', 'S14; drop', '@everyone', 'S-1', 7]) expect(validateSentenceId(id).ok).toBe(false);
  });
});

describe('validateChoice and validateFlag', () => {
  it('accept only listed values, absent as null or the fallback', () => {
    expect(validateChoice('KR', ['KR', 'US'])).toEqual({ ok: true, value: 'KR' });
    expect(validateChoice(null, ['KR', 'US'])).toEqual({ ok: true, value: null });
    expect(validateChoice('JP', ['KR', 'US']).ok).toBe(false);
    expect(validateFlag(undefined, false)).toEqual({ ok: true, value: false });
    expect(validateFlag(true, false)).toEqual({ ok: true, value: true });
    expect(validateFlag('yes', false).ok).toBe(false);
  });
});

describe('rawOption', () => {
  it('reads any option value and never throws', () => {
    expect(rawOption({ get: () => ({ value: 'x' }) }, 'q')).toBe('x');
    expect(rawOption({ get: () => null }, 'q')).toBeNull();
    expect(rawOption({ get: () => { throw new Error('bad'); } }, 'q')).toBeUndefined();
  });
});
