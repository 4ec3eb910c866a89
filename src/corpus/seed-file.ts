/**
 * Reading and checking the files of the articles folder: each problem is reported with the file it
 * is in and what is wrong, in words a person editing that file can act on.
 *
 * @module
 */
import type { z } from 'zod';

/** A file of the articles folder that cannot be used: the message names the file and the problem. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SeedFileError';
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file as UTF-8 text, refusing what is not: UTF-16 (by its byte-order mark), binary data
 * (NUL bytes, which text never has) and invalid UTF-8 (e.g. a file saved as EUC-KR or Latin-1).
 * A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SeedFileError(file, 'is UTF-16 text; save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new SeedFileError(file, `is not text (a NUL byte at offset ${nul}): a binary file, or UTF-16 without a byte-order mark? Save it as UTF-8 text`);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new SeedFileError(file, `is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}); save it as UTF-8 (it may be EUC-KR or Latin-1)`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    try {
      UTF8.decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return bytes.length;
}

/** `participants[3].country`, from a zod issue path. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('') || '(the whole file)';
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Parses a hand-made JSON file and checks it against its schema. Throws a {@link SeedFileError}
 * saying the file is empty, where the JSON syntax breaks (never echoing the file), or which fields
 * do not fit and why.
 */
export function parseJsonFile<Schema extends z.ZodType>(schema: Schema, text: string, file: string): z.infer<Schema> {
  if (text.trim() === '') throw new SeedFileError(file, 'is empty; fill it in, or delete it (it is optional)');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    // V8 sometimes quotes the whole input in its message: keep only the reason.
    const reason = message.replace(/,? ".*" is not valid JSON$/su, '').replace(/ in JSON at position \d+.*$/su, '');
    throw new SeedFileError(file, `is not valid JSON: ${reason}${position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`}`);
  }
  const checked = schema.safeParse(data);
  if (!checked.success) {
    const issues = checked.error.issues;
    const listed = issues.slice(0, 3).map((issue) => `${jsonPath(issue.path)}: ${issue.message}`);
    throw new SeedFileError(file, `does not have the expected fields: ${listed.join('; ')}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}`);
  }
  return checked.data;
}
