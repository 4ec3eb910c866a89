/**
 * Lines of a byte stream, for batch mode (`ask --json -`), read with bounded memory.
 *
 * @module
 */

/** One input line. */
export interface Line {
  /** The line without its line break; for a line over the limit, only its beginning. */
  text: string;
  /** The line was longer than the limit: the rest of it was read past and never kept. */
  tooLong: boolean;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into UTF-8 lines at `\n` (a `\r` right before it belongs to the break, so
 * `\r\n` works; a bare `\r` is part of the line, as JSON Lines and POSIX have it). A line longer
 * than `maxBytes` is flagged and only its first `maxBytes` bytes are kept: memory stays bounded by
 * the limit and one chunk, however long the lines are.
 */
export async function* readLines(input: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder();
  let kept: Uint8Array[] = [];
  let keptBytes = 0;
  let overflow = false;

  // One byte more than the limit is kept, in case it is the `\r` of a `\r\n`.
  const keep = (part: Uint8Array) => {
    const room = maxBytes + 1 - keptBytes;
    if (part.length > room) overflow = true;
    const taken = part.subarray(0, Math.min(room, part.length));
    if (taken.length > 0) {
      kept.push(Uint8Array.from(taken));
      keptBytes += taken.length;
    }
  };
  const finish = (): Line => {
    let bytes = Buffer.concat(kept);
    if (!overflow && bytes.at(-1) === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    const tooLong = overflow || bytes.length > maxBytes;
    let text = decoder.decode(bytes.subarray(0, maxBytes));
    // A cut through a multi-byte character leaves a replacement character behind.
    if (tooLong) text = text.replace(/\uFFFD$/u, '');
    kept = [];
    keptBytes = 0;
    overflow = false;
    return { text, tooLong };
  };

  for await (const chunk of input) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      keep(chunk.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    keep(chunk.subarray(from));
  }
  if (keptBytes > 0 || overflow) yield finish();
}
