/**
 * A sentence of a megabyte, escaped and rendered. discord.js's escapeMarkdown is quadratic (0.8 MB:
 * 49 s; its look-behinds rescan the line from every position) and froze the bot, SIGTERM included.
 * The work runs in a child under a deadline (test/helpers/deadline.ts): linear escaping needs well
 * under a second of it, quadratic escaping minutes.
 */
import type { APIEmbed } from 'discord.js';
import { escapeMarkdown as reference } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiscordLimits, embedsSize, length } from '../../src/discord/fit.js';
import type { Message } from '../../src/discord/respond.js';
import { runWithDeadline, type DeadlineRun } from '../helpers/deadline.js';

const DEADLINE_MS = 30_000;
const LINE = '- 1. # 삼성_전자 [링크](https://a.b/c_d) **굵게** 끝.\n';
/** The sentence the child renders (the same formula). */
const HUGE_SENTENCE = `${'공급망 협력을 논의했다 '.repeat(Math.ceil(1_000_000 / 13))}끝.`;

interface Output {
  oneLine: { length: number; escapedAsUnits: boolean };
  lines: { length: number; escaped: boolean; unit: string };
  runs: Record<string, boolean>;
  answer: Message;
  source: Message;
  sources: Message;
}

function withinLimits(embeds: readonly APIEmbed[]): void {
  expect(embedsSize(embeds)).toBeLessThanOrEqual(DiscordLimits.embedTotal);
  for (const e of embeds) {
    expect(length(e.description ?? '')).toBeLessThanOrEqual(DiscordLimits.description);
    for (const f of e.fields ?? []) {
      expect(length(f.value)).toBeLessThanOrEqual(DiscordLimits.fieldValue);
      expect(length(f.value)).toBeGreaterThan(0);
    }
  }
}

let run: DeadlineRun;
let out: Output;
beforeAll(() => {
  run = runWithDeadline('test/discord/megabyte-sentence.child.ts', [], DEADLINE_MS);
  out = JSON.parse(run.stdout || 'null') as Output;
}, DEADLINE_MS + 10_000);

describe('a sentence of a megabyte', () => {
  it('is escaped and rendered before the deadline', () => {
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('escapes one 1 MB line exactly as its parts escape', () => {
    expect(out.oneLine.length).toBeGreaterThanOrEqual(1_000_000);
    expect(out.oneLine.escapedAsUnits).toBe(true);
  });

  it('escapes 1 MB of Markdown lines as discord.js escapes each line', () => {
    expect(out.lines.length).toBeGreaterThanOrEqual(1_000_000);
    expect(out.lines.unit).toBe(reference(LINE, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }));
    expect(out.lines.escaped).toBe(true);
  });

  it('shows megabyte runs of each character its expressions start from as written', () => {
    expect(Object.keys(out.runs)).toHaveLength(10);
    for (const [unit, ok] of Object.entries(out.runs)) expect(ok, unit).toBe(true);
  });

  it('in an answer: stays within limits and points to /source rather than cutting the quote', () => {
    withinLimits(out.answer.embeds!);
    expect(out.answer.embeds![0]!.fields![0]!.value).toBe('(/source S11)');
  });

  it('in /source: shows its beginning, cut at a word and marked, and its neighbours, within limits', () => {
    const embed = out.source.embeds![0]!;
    withinLimits([embed]);
    const [before, after] = embed.fields!.map((f) => f.value);
    expect(before).toBe('> 앞 문장.');
    for (const [shown, max] of [[embed.description!, DiscordLimits.description], [after!, DiscordLimits.fieldValue]] as const) {
      expect(shown.endsWith('…')).toBe(true);
      const head = shown.slice(0, -1);
      expect(`> ${HUGE_SENTENCE}`.startsWith(head)).toBe(true);
      expect(HUGE_SENTENCE[head.length - 2]).toBe(' '); // cut at a word
      expect(length(shown)).toBeGreaterThan(max - 20);
    }
  });

  it('in Sources: within limits', () => {
    withinLimits(out.sources.embeds!);
  });
});
