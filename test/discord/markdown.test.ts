import { escapeMarkdown as reference } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/discord/markdown.js';

const REFERENCE_OPTIONS = { heading: true, bulletedList: true, numberedList: true, maskedLink: true };
const discordJs = (text: string) => reference(text, REFERENCE_OPTIONS);

/** What Discord shows for escaped text: a backslash before ASCII punctuation disappears. */
const shown = (escaped: string) => escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Whether `theirs` is `ours` with some backslashes left out, i.e. ours escapes at least as much. */
function onlyAddsBackslashes(ours: string, theirs: string): boolean {
  let i = 0;
  for (const ch of theirs) {
    while (i < ours.length && ours[i] !== ch) {
      if (ours[i] !== '\\') return false;
      i++;
    }
    if (i++ >= ours.length) return false;
  }
  return /^\\*$/.test(ours.slice(i));
}

/** `count` texts of 1–12 pieces each, from a seeded generator (mulberry32), the same every run. */
function randomTexts(pieces: readonly string[], count: number, seed: number): string[] {
  let state = seed >>> 0;
  const int = (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return Math.floor((((z ^ (z >>> 14)) >>> 0) / 4294967296) * n);
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + int(12) }, () => pieces[int(pieces.length)]!).join(''));
}

const SYNTAX = ['a', 'b', ' ', '*', '_', '~', '|', '`', '\\', '#', '-', '1', '.', '[', ']', '(', ')', '\n', '가', '>', ':', '<'];

describe('escapeMarkdown', () => {
  it.each([
    '평범한 문장.',
    '이창양 장관과 러만도 상무장관은 서울 하얏트호텔에서 양해각서(MOU)를 체결했다.',
    '2*3*4 = 24_000',
    '**bold** __underline__ ~~struck~~ ||spoiler|| `code` ```block```',
    '# 제목\n## Heading\n- 항목\n* item\n  1. first\n10. tenth',
    '[x](http://evil) and [a] (b)',
    'see https://example.com/a_b*c and <https://example.com/x_y>',
    'a\\b \\* snake_case_name',
    '◇ 공급망 대화 — "한미" 2022.5.21',
  ])('escapes as discord.js does: %j', (text) => {
    expect(escapeMarkdown(text)).toBe(discordJs(text));
  });

  it('matches discord.js on random Markdown-heavy text', () => {
    // Left out, where discord.js escapes less: runs of four or more backticks, stars or underscores
    // (it leaves one unescaped), and lines after `<:` (custom emoji, where it never escapes `_`).
    const texts = randomTexts(SYNTAX, 20_000, 11).filter((t) => !/(?:`{4}|\*{4}|_{4}|<a?:)/.test(t));
    expect(texts.length).toBeGreaterThan(15_000);
    const different = texts.filter((t) => escapeMarkdown(t) !== discordJs(t));
    expect(different).toEqual([]);
  });

  it('escapes at least what discord.js escapes when URLs and long backtick runs are mixed in, and shows the text as written', () => {
    for (const text of randomTexts([...SYNTAX, 'https://x', '<https://y', 'http://a_b', '````', '****', '<:e_x:1>'], 20_000, 12)) {
      const ours = escapeMarkdown(text);
      expect(shown(ours)).toBe(text);
      // Around runs of four or more stars or underscores discord.js can escape its own backslash
      // (`****` → `…\\*\***`), showing one that is not in the text: nothing to compare with there.
      if (!/\*{4}|_{4}/.test(text)) expect(onlyAddsBackslashes(ours, discordJs(text)), JSON.stringify(text)).toBe(true);
    }
  });

  // Megabyte inputs (linear time) are in megabyte-sentence.test.ts, under a deadline.
});
