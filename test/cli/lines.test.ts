import { describe, expect, it } from 'vitest';
import { readLines, type Line } from '../../src/cli/lines.js';

/** Feeds `chunks` (strings are UTF-8 encoded) to readLines and collects what it yields. */
async function lines(chunks: ReadonlyArray<string | Buffer>, maxBytes = 20): Promise<Line[]> {
  async function* input() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
  }
  const out: Line[] = [];
  for await (const line of readLines(input(), maxBytes)) out.push(line);
  return out;
}
const texts = (ls: Line[]) => ls.map((l) => l.text);

describe('readLines', () => {
  it('splits on \\n and \\r\\n only: a bare \\r stays inside its line', async () => {
    expect(texts(await lines(['a\rb\nc\r\nd']))).toEqual(['a\rb', 'c', 'd']);
    expect(texts(await lines(['\r\n\n']))).toEqual(['', '']);
  });

  it('does not yield an empty line after a final newline, and yields nothing for no input', async () => {
    expect(texts(await lines(['a\nb\n']))).toEqual(['a', 'b']);
    expect(await lines([])).toEqual([]);
  });

  it('joins lines split across chunks, including a \\r\\n and a multi-byte character split in two', async () => {
    const bytes = Buffer.from('가나\r\n다');
    expect(texts(await lines([bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7, 8), bytes.subarray(8)]))).toEqual(['가나', '다']);
  });

  it('flags a line longer than the limit and keeps only its beginning, however long it is', async () => {
    const long = 'x'.repeat(1_000);
    const out = await lines([`short\n${long.slice(0, 500)}`, `${long.slice(500)}\nnext\n`], 20);
    expect(out).toEqual([
      { text: 'short', tooLong: false },
      { text: 'x'.repeat(20), tooLong: true },
      { text: 'next', tooLong: false },
    ]);
  });

  it('counts the limit in bytes without the line break, so a line of exactly the limit passes', async () => {
    expect(await lines(['1234567890\r\n'], 10)).toEqual([{ text: '1234567890', tooLong: false }]);
    expect(await lines(['12345678901\n'], 10)).toEqual([{ text: '1234567890', tooLong: true }]);
  });
});
