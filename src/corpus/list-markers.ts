import type { Span } from './split.js';

/**
 * What a line's leading marker says about it: `heading` marks (◇ ◆ ■ □) head a section when the
 * rest of the line reads like a heading; `bullet` and `number` marks start a list item.
 */
export type MarkerRole = 'heading' | 'bullet' | 'number';

/** A marker at the start of a line. */
export interface LineMarker {
  role: MarkerRole;
  /** Characters of the marker and the spaces after it; a number label stays part of the item's text (0). */
  length: number;
  /** Where the items of the line lie, relative to the line (several for `▲ a ▲ b` on one line). */
  items: Span[];
}

const HEADING_MARK = /^[◇◆■□]/u;
/** Symbol bullets; ASCII and dash bullets need a space after them (`- item`, not `-5도`). */
const BULLET_MARK = /^(?:[▲△▶▷►▸●○•◦‣∙※]|[-–—*+·ㆍ](?=\s))/u;
/** Number labels: `1.`, `2)`, `(3)`, `①`. */
const NUMBER_LABEL = /^(?:\d{1,2}[.)]|\(\d{1,2}\))\s+(?=\S)|^[①-⑳]\s*(?=\S)/u;
/** Symbols that, repeated inside a line that starts with them, separate items: `▲ 국비 ▲ 시비`. */
const REPEATABLE = /^[◇◆■□▲△▶▷►▸●○•◦‣∙]$/u;

/** Reads the marker a line starts with, or returns null for an unmarked line. */
export function lineMarker(line: string): LineMarker | null {
  const number = NUMBER_LABEL.exec(line);
  if (number) return { role: 'number', length: 0, items: [{ start: 0, end: line.length }] };
  const mark = HEADING_MARK.exec(line) ?? BULLET_MARK.exec(line);
  if (!mark) return null;
  const symbol = mark[0];
  const length = symbol.length + (line.slice(symbol.length).length - line.slice(symbol.length).trimStart().length);
  if (length >= line.length) return null;
  const role: MarkerRole = HEADING_MARK.test(symbol) ? 'heading' : 'bullet';
  const items = REPEATABLE.test(symbol) ? itemsBetween(line, symbol, length) : [{ start: length, end: line.length }];
  return { role, length, items: closesAsOneSentence(line, items) ? [{ start: length, end: line.length }] : items };
}

/** A Korean sentence end (`발표됐다.`, `했어요.`), closing quotes allowed. */
const KOREAN_SENTENCE_END = /[다요][.!?]["'”’)]*\s*$/u;
const ENDS_IN_PUNCTUATION = /[.!?]["'”’)]*\s*$/u;

/**
 * `▲ 주거 제공 ▲ 지원금 지급 등 대책이 발표됐다.`: bare items whose last one runs on into a sentence
 * end are the subject or object of one sentence, not a list of their own.
 */
function closesAsOneSentence(line: string, items: readonly Span[]): boolean {
  if (items.length < 2) return false;
  const last = items.at(-1)!;
  if (!KOREAN_SENTENCE_END.test(line.slice(last.start, last.end))) return false;
  return items.slice(0, -1).every((item) => !ENDS_IN_PUNCTUATION.test(line.slice(item.start, item.end)));
}

/** Splits `▲ a ▲ b` at every repetition of the leading symbol that follows a space. */
function itemsBetween(line: string, symbol: string, first: number): Span[] {
  const items: Span[] = [];
  let start = first;
  const separator = new RegExp(`\\s+${symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*`, 'gu');
  separator.lastIndex = first;
  for (let m = separator.exec(line); m; m = separator.exec(line)) {
    if (m.index > start) items.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < line.length) items.push({ start, end: line.length });
  return items;
}
