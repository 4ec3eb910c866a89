/** One physical line of a raw file, located by offsets so that its text can be quoted verbatim. */
export interface SourceLine {
  /** 0-based line number in the file. */
  index: number;
  /** Offset of the first non-space character in the raw file. */
  start: number;
  /** Offset just past the last non-space character (equal to `start` for a blank line). */
  end: number;
  /** `raw.slice(start, end)`: the line, trimmed, exactly as written. */
  text: string;
}

/** Splits a raw file into trimmed lines with their offsets; `\n`, `\r\n` and `\r` all end a line. */
export function sourceLines(raw: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const ending = /\r\n|\r|\n/g;
  let from = 0;
  for (let index = 0; from <= raw.length; index++) {
    const m = ending.exec(raw);
    const to = m ? m.index : raw.length;
    const line = raw.slice(from, to);
    const start = from + (line.length - line.trimStart().length);
    const end = Math.max(start, to - (line.length - line.trimEnd().length));
    lines.push({ index, start, end, text: raw.slice(start, end) });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return lines;
}

/** Hangul, CJK and full-width forms, which take two columns in a monospaced text. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Width of a line in monospaced columns, as a text wrapped at a fixed width counts it. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
