/** Opening quotation marks and the mark that closes each. Straight quotes close themselves. */
const CLOSER_OF: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '«': '»', '"': '"', "'": "'" };
const CLOSERS = new Set(Object.values(CLOSER_OF));
const OPENS_BEFORE = /[\s([{“‘"'「『«—–-]/u;
const WORD = /[\p{L}\p{N}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** An open quotation: the mark that will close it and where it opened. */
interface OpenQuote {
  closer: string;
  at: number;
}

/**
 * Feeds one character into a stack of open quotations. Apostrophes (`St Joseph's`,
 * `don’t`: a Latin letter on the right of a letter or digit) are not quotation marks; a straight `'`
 * opens only where a word could start, and a closing mark with nothing open is ignored (`students'`).
 */
function feed(open: OpenQuote[], text: string, i: number): void {
  const ch = text[i]!;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? ' ';
  if (ch === "'" || ch === '’') {
    if (WORD.test(prev) && LATIN_LETTER.test(next)) return;
    if (ch === "'" && OPENS_BEFORE.test(prev) && !isOpen(open, "'")) {
      open.push({ closer: "'", at: i });
      return;
    }
    closeUpTo(open, ch);
    return;
  }
  if (ch === '"') {
    if (isOpen(open, '"')) closeUpTo(open, '"');
    else open.push({ closer: '"', at: i });
    return;
  }
  const closer = CLOSER_OF[ch];
  if (closer) open.push({ closer, at: i });
  else if (CLOSERS.has(ch)) closeUpTo(open, ch);
}

function isOpen(open: readonly OpenQuote[], closer: string): boolean {
  return open.some((q) => q.closer === closer);
}

/** Closes the innermost quotation that `closer` closes, and any left open inside it; no-op when none is open. */
function closeUpTo(open: OpenQuote[], closer: string): void {
  const at = open.findLastIndex((q) => q.closer === closer);
  if (at >= 0) open.length = at;
}

/**
 * True when `text` (the sentence so far) leaves a quotation open that `rest` (what follows in the
 * paragraph) closes, and the whole quotation is at most `maxLength` characters long. An opening mark
 * that is never closed does not hold the rest of the paragraph hostage, and a quoted passage of
 * several long sentences is split like any other text.
 */
export function insideShortQuotation(text: string, rest: string, maxLength: number): boolean {
  const open: OpenQuote[] = [];
  for (let i = 0; i < text.length; i++) feed(open, text, i);
  const innermost = open.at(-1);
  if (!innermost) return false;
  const depth = open.length;
  const joined = text + rest.slice(0, Math.max(0, maxLength - (text.length - innermost.at)));
  for (let i = text.length; i < joined.length; i++) {
    feed(open, joined, i);
    if (open.length < depth) return true;
  }
  return false;
}
