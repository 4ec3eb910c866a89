import { displayWidth } from './lines.js';

/**
 * A line that ends like a sentence: terminal punctuation, then optionally closing quotes or brackets
 * and notes (`.[citation needed]`, `.[12]`).
 */
const ENDS_SENTENCE = /[.?!。…]["'”’」』)\]]*(?:\[[^[\]]*\])*$/u;
/** A line that breaks off where the sentence plainly goes on: a comma, a hyphen, an opening bracket or quote. */
const BREAKS_OFF = /[,;、\-‐(\[{“‘]$/u;
/** A line that starts in lower case, past any opening quote or bracket. */
const STARTS_LOWER = /^["“‘'(\[]*\p{Ll}/u;

/** Widest line a hard-wrapped text may have; longer lines are paragraphs written on one line. */
const MAX_WRAP_WIDTH = 160;
/** Share of the wrap width a line fills when the wrap, not the writer, ended it. */
const FULL_LINE = 0.75;

/** A line as the join rules see it: its text and whether the line right after it is joinable. */
export interface JoinCandidate {
  text: string;
  /** True when the next physical line is kept, unmarked text (no blank line, no list marker in between). */
  followedByText: boolean;
}

/**
 * The width a hard-wrapped text is wrapped at, or null when the text is not hard-wrapped. A text
 * counts as wrapped when its longest line is short and at least two lines that fill it end
 * mid-sentence with more text right below.
 */
export function wrapWidth(lines: readonly JoinCandidate[]): number | null {
  const widest = Math.max(0, ...lines.map((l) => displayWidth(l.text)));
  if (widest === 0 || widest > MAX_WRAP_WIDTH) return null;
  const cut = lines.filter((l) => l.followedByText && !ENDS_SENTENCE.test(l.text) && displayWidth(l.text) >= FULL_LINE * widest);
  return cut.length >= 2 ? widest : null;
}

/** True while a line has opened more brackets than it closed: `(CO` waits for `2)` on the next line. */
function unclosedBracket(line: string): boolean {
  return (line.match(/[([]/g) ?? []).length > (line.match(/[)\]]/g) ?? []).length;
}

/**
 * True when the hard line break after `lastLine` falls inside a sentence: the line does not end like
 * a sentence and `next` plainly continues it: it starts in lower case, the line broke off at a comma,
 * hyphen or open bracket, or the text is wrapped at `width` and the line fills it.
 */
export function continuesOnNextLine(lastLine: string, next: string, width: number | null): boolean {
  if (ENDS_SENTENCE.test(lastLine)) return false;
  return (
    STARTS_LOWER.test(next) ||
    BREAKS_OFF.test(lastLine) ||
    unclosedBracket(lastLine) ||
    (width !== null && displayWidth(lastLine) >= FULL_LINE * width)
  );
}
