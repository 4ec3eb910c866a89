import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { cutAtSentence, cutLine, DiscordLimits, embedsSize, fitEmbeds, length, packBlocks, packByPriority } from '../../src/discord/fit.js';

describe('length', () => {
  it('counts code points, as Discord does, not UTF-16 units', () => {
    expect(length('한국')).toBe(2);
    expect(length('👍👍')).toBe(2);
    expect('👍👍'.length).toBe(4);
  });
});

describe('cutAtSentence', () => {
  it('returns text that fits unchanged', () => {
    expect(cutAtSentence('짧은 문장.', 100)).toBe('짧은 문장.');
  });

  it('cuts after the last whole sentence that fits and marks the cut', () => {
    const text = '첫 문장이다. 둘째 문장이다. 셋째 문장은 아주 길어서 들어가지 않는다.';
    const cut = cutAtSentence(text, 20);
    expect(cut).toBe('첫 문장이다. 둘째 문장이다. …');
    expect(length(cut)).toBeLessThanOrEqual(20);
  });

  it('keeps a [n] marker with its sentence and never splits one', () => {
    const text = 'Korea sent eight companies. [1] The US sent eight as well. [2] Both signed an MOU. [3]';
    const cut = cutAtSentence(text, 70);
    expect(cut).toBe('Korea sent eight companies. [1] The US sent eight as well. [2] …');
    for (let max = 5; max < text.length; max++) {
      const out = cutAtSentence(text, max);
      expect(length(out)).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/\[\d*…|\[\d*$/);
    }
  });

  it('treats a marker without a full stop as a sentence end (participant answers)', () => {
    expect(cutAtSentence('한국 측 8곳: 삼성전자 (이재용 부회장) [1] 미국 측 8곳: 퀄컴, 구글 [2]', 35)).toBe('한국 측 8곳: 삼성전자 (이재용 부회장) [1] …');
  });

  it('does not take a decimal point for a sentence end', () => {
    expect(cutAtSentence('Growth was 3.5 percent this year and more next year', 20)).toBe('Growth was 3.5…');
  });

  it('falls back to a word boundary, then a hard cut, when there is no sentence end', () => {
    expect(cutAtSentence('one two three four five', 12)).toBe('one two…');
    expect(cutAtSentence('abcdefghij', 5)).toBe('abcd…');
    expect(cutAtSentence('abcdefghij', 1)).toBe('…');
  });
});

describe('packBlocks', () => {
  it('keeps whole blocks only and counts what it left out', () => {
    expect(packBlocks(['aaaa', 'bbbb', 'cccc'], 9)).toEqual({ text: 'aaaa\nbbbb', omitted: 1 });
    expect(packBlocks(['aaaaaaaaaaaa'], 5)).toEqual({ text: '', omitted: 1 });
  });
});

describe('packByPriority', () => {
  it('keeps the most important blocks and shows them in their original order', () => {
    const blocks = [
      { text: 'before', priority: 2 },
      { text: 'CITED', priority: 0 },
      { text: 'after', priority: 3 },
    ];
    expect(packByPriority(blocks, 100).text).toBe('before\nCITED\nafter');
    expect(packByPriority(blocks, 12)).toEqual({ text: 'before\nCITED', omitted: 1 });
    expect(packByPriority(blocks, 5)).toEqual({ text: 'CITED', omitted: 2 });
  });
});

describe('fitEmbeds', () => {
  const quote = (i: number) => `> ${'가'.repeat(900)} ${i}`;

  it('leaves a message that fits untouched', () => {
    const embeds: APIEmbed[] = [{ title: 't', description: 'd', fields: [{ name: 'n', value: 'v' }] }];
    expect(fitEmbeds(embeds)).toEqual(embeds);
  });

  it('holds every limit: title, description, field values, field count and the 6,000 total', () => {
    const embed: APIEmbed = {
      title: 'T. '.repeat(200),
      description: '문장입니다. '.repeat(1000),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `[${i + 1}] S${i}`, value: quote(i) })),
      footer: { text: 'footer' },
    };
    const [fitted] = fitEmbeds([embed]);
    expect(length(fitted!.title!)).toBeLessThanOrEqual(DiscordLimits.title);
    expect(length(fitted!.description!)).toBeLessThanOrEqual(DiscordLimits.description);
    expect(fitted!.fields!.length).toBeLessThanOrEqual(DiscordLimits.fields);
    for (const f of fitted!.fields!) expect(length(f.value)).toBeLessThanOrEqual(DiscordLimits.fieldValue);
    expect(embedsSize([fitted!])).toBeLessThanOrEqual(DiscordLimits.embedTotal);
  });

  it('drops whole citation fields from the end rather than cutting one', () => {
    const fields = Array.from({ length: 8 }, (_, i) => ({ name: `[${i + 1}] S${i}`, value: quote(i) }));
    const [fitted] = fitEmbeds([{ description: 'answer', fields }]);
    expect(fitted!.fields!.length).toBeLessThan(8);
    fitted!.fields!.forEach((f, i) => expect(f).toEqual(fields[i]));
  });
});

describe('cutLine', () => {
  it('makes one line of at most max code points', () => {
    const line = cutLine('S24 · 한국 측에서는\n이재용 삼성전자 부회장, 최태원 SK그룹 회장, 구광모 LG그룹 회장, 정의선 현대차그룹 회장, 신동빈 롯데그룹 회장, 김동관 한화솔루션 사장', 40);
    expect(line).not.toContain('\n');
    expect(length(line)).toBeLessThanOrEqual(40);
  });
});
