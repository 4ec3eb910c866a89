/**
 * Escapes and renders megabyte sentences and prints what came out as JSON, for
 * `megabyte-sentence.test.ts`, which runs this under a deadline (see test/helpers/deadline.ts).
 */
import type { AnswerResult } from '../../src/answer/types.js';
import { escapeMarkdown } from '../../src/discord/markdown.js';
import { renderAnswer } from '../../src/discord/render/answer.js';
import { renderSource, renderSources } from '../../src/discord/render/source.js';
import type { Passage } from '../../src/search/passages.js';

const SIZE = 1_000_000;
/** One line of a megabyte: the shape that made discord.js rescan the line from every position. */
const ONE_LINE_UNIT = '삼성전자_SK *반도체* ~~취소~~ ||비밀|| `코드` a\\b [링크] (x) https://a.b/c_d 끝. ';
/** Many short lines, each with every line-start construct. */
const LINE = '- 1. # 삼성_전자 [링크](https://a.b/c_d) **굵게** 끝.\n';
const times = (unit: string) => Math.ceil(SIZE / unit.length);

const HUGE_SENTENCE = `${'공급망 협력을 논의했다 '.repeat(times('공급망 협력을 논의했다 '))}끝.`;

function passage(ordinal: number, text: string): Passage {
  const sentence = { id: `S${ordinal}`, document: 'doc', ordinal, text, start: 0, end: text.length, kind: 'paragraph' as const, block: ordinal, section: null };
  return { key: `doc#S${ordinal}`, sentence, searchText: text, tokenList: [], tokens: new Set(), wordKeys: [] };
}

const documents = [{ slug: 'doc', title: '한미, 공급망 대화 격상', publisher: '연합뉴스' }];
const answer: AnswerResult = {
  question: '누가 참석했나?',
  language: 'ko',
  answered: true,
  answer: '공급망 협력을 논의했다. [1]',
  citations: [{ n: 1, id: 'S11', document: 'doc', text: HUGE_SENTENCE, score: 0.5 }],
  related: [],
  ms: 3,
};

/** What Discord shows for escaped text: a backslash before ASCII punctuation disappears. */
const shown = (escaped: string) => escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const oneLine = ONE_LINE_UNIT.repeat(times(ONE_LINE_UNIT));
const lines = LINE.repeat(times(LINE));
process.stdout.write(
  JSON.stringify({
    oneLine: { length: oneLine.length, escapedAsUnits: escapeMarkdown(oneLine) === escapeMarkdown(ONE_LINE_UNIT).repeat(times(ONE_LINE_UNIT)) },
    lines: { length: lines.length, escaped: escapeMarkdown(lines) === escapeMarkdown(LINE).repeat(times(LINE)), unit: escapeMarkdown(LINE) },
    // Long runs of the characters the escaper's expressions start from.
    runs: Object.fromEntries(['<', 'h', '[', ' ', '#', '-', '*', '_', '1', '<https:'].map((unit) => {
      const text = `${unit.repeat(times(unit))}x`;
      return [unit, shown(escapeMarkdown(text)) === text];
    })),
    answer: renderAnswer(answer, { buttons: { sources: 'sources:1', up: 'up:1', down: 'down:1' }, documents }),
    source: renderSource({ passage: passage(2, HUGE_SENTENCE), before: passage(1, '앞 문장.'), after: passage(3, HUGE_SENTENCE) }, { locale: 'ko', documents }),
    sources: renderSources([{ n: 1, context: { passage: passage(2, HUGE_SENTENCE) } }], { locale: 'en', withTranslation: true, documents }),
  }),
);
