import { describe, expect, it } from 'vitest';
import type { CheckedClaim, CheckResult } from '../../src/answer/claims.js';
import { embedsSize } from '../../src/discord/fit.js';
import { markedText, renderCheck } from '../../src/discord/render/check.js';

const documents = [{ slug: 'doc', title: 'A title', publisher: 'A publisher' }];
const long = `${'가나다라마바사 '.repeat(150)}끝.`;

function claim(verdict: CheckedClaim['verdict'], text = long): CheckedClaim {
  const translation = 'An *English* rendering with 8 marked';
  const at = translation.indexOf('8');
  const quote = { n: 1, id: 'S1', document: 'doc', text, score: 0.5, marks: [{ start: 0, end: 3, text: text.slice(0, 3) }], translation, translationMarks: [{ start: at, end: at + 1, text: '8' }] };
  return { claim: `${'A long statement '.repeat(40)}`, language: 'en', verdict, citations: verdict === 'not-in-article' ? [] : [quote], related: verdict === 'not-in-article' ? [quote] : [], differences: verdict === 'contradicted' ? [{ kind: 'number', claim: '10', article: ['8'] }] : [] };
}

describe('renderCheck', () => {
  it('keeps five long statements within Discord limits, never cutting a quote: an over-long one is referred to /source', () => {
    const result: CheckResult = { claims: [claim('supported'), claim('contradicted'), claim('not-in-article'), claim('supported'), claim('contradicted')], omitted: 3, ms: 12 };
    const { embeds, components } = renderCheck(result, { locale: 'en', documents, shareButtonId: 'check:share' });
    const embed = embeds![0]!;
    expect(embed.fields).toHaveLength(5);
    for (const f of embed.fields!) {
      expect([...f.value].length).toBeLessThanOrEqual(1024);
      expect(f.value).toContain('(/source S1)');
    }
    expect(embedsSize(embeds!)).toBeLessThanOrEqual(6000);
    expect(embed.description).toMatch(/3 more were left unchecked/);
    expect(components![0]!.components[0]).toMatchObject({ custom_id: 'check:share', label: 'Share in channel' });
  });

  it('shows the verdict in the statement language, what differs, and the quote with its differing part marked', () => {
    const result: CheckResult = { claims: [claim('contradicted', 'The *quoted* sentence said 8 things.')], omitted: 0, ms: 1 };
    const field = renderCheck(result, { locale: 'ko', documents }).embeds![0]!.fields![0]!;
    expect(field.name).toBe('❌ 1. The article says otherwise · S1');
    expect(field.value).toContain('The article says 8, not 10.');
    expect(field.value).toContain('> **__The__** \\*quoted\\* sentence said 8 things.');
    expect(field.value).toContain('**__8__**');
  });

  it('has no share button once shared, and names no sentence for a statement the article does not cover', () => {
    const message = renderCheck({ claims: [claim('not-in-article', 'Short.')], omitted: 0, ms: 1 }, { locale: 'en', documents });
    expect(message.components).toEqual([]);
    expect(message.embeds![0]!.fields![0]!.name).toBe('❔ 1. Not in the article');
    expect(message.embeds![0]!.fields![0]!.value).toContain('Closest sentence (related, not support)');
  });
});

describe('markedText', () => {
  it('escapes Markdown so the text shows verbatim, and marks only the marked stretch', () => {
    expect(markedText('a *b* c', [{ start: 6, end: 7, text: 'c' }])).toBe('a \\*b\\* **__c__**');
  });
});
