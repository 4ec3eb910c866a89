import { continuesAfterAbbreviation } from './abbreviations.js';
import { insideShortQuotation } from './quotes.js';

const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/** Half-open range of a sentence within the text it was split from. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Quotative particles and endings that continue a sentence after a closing quote (`"…?"라고 물었다`),
 * and closing marks that cannot open a quotation.
 */
const CONTINUES_QUOTE = /^(?:[”’」』]|(?:이)?라(?:고|며|는)|고\s|며\s|하고\s)/u;
/**
 * Longest quotation kept inside one sentence (`그는 "좋다. 계속하자."라고 말했다.`); a longer quoted
 * passage is split at its own sentence ends, so that no citation runs to a page.
 */
const MAX_QUOTATION = 400;
/**
 * A sentence end followed by bracketed notes (`.[12]`, `.[citation needed]`, `.[b]`): the sentence
 * ends after the notes, where the ICU rules see no break because the notes hide the full stop.
 */
const STOP_THEN_NOTES = /[.?!。]["'”’)]*(?:\[[^[\]\n]{1,40}\])+(?=\s+["“‘'(]*[\p{Lu}\p{Lo}\p{N}])/gu;
/** How far past a candidate break the rules look. */
const LOOK_AHEAD = MAX_QUOTATION;
/** A list number that the segmenter left at the end of the previous item: `Blue Sky 2.`. */
const TRAILING_NUMBER = /(?<=^|\s)(\d{1,2})\.\s*$/u;
/** A list number standing alone before its item: `1.`, `(2)`, `iv.`. */
const LIST_NUMBER = /^(?:\(?\d{1,3}[.)]|\(?[ivx]{1,4}[.)])$/u;

/**
 * True when the break the ICU segmenter proposes between `before` (the sentence so far) and `after`
 * (the rest of the paragraph) falls inside a sentence.
 */
function falseBreak(before: string, after: string): boolean {
  const head = after.trimStart();
  const tail = before.trimEnd();
  return (
    insideShortQuotation(before, after, MAX_QUOTATION) ||
    CONTINUES_QUOTE.test(head) ||
    // A sentence does not begin in lower case (`Are you sure? he asked.`).
    /^["“‘'(]*\p{Ll}/u.test(head) ||
    // The segmenter breaks inside a footnote that follows a full stop: `.[` | `12] The`.
    /[[(]$/u.test(tail) ||
    LIST_NUMBER.test(tail) ||
    continuesAfterAbbreviation(tail, head)
  );
}

/**
 * Where a break after `… Blue Sky 2.` belongs when the text runs a numbered list inline
 * (`1. Blue Sky 2. 바다로 3. …`): before the number, which opens the next item. Null when the number
 * is not part of such a run (`They met on March 3.`): neither its predecessor nor its successor
 * opens an item in the same paragraph.
 */
function listNumberStart(text: string, start: number, at: number): number | null {
  const m = TRAILING_NUMBER.exec(text.slice(start, at));
  if (!m) return null;
  const n = Number(m[1]);
  const numberAt = start + m.index;
  const opensItem = (k: number) => new RegExp(`(?<=^|\\s)${k}\\.\\s+\\S`, 'u');
  const inRun =
    (n > 1 && opensItem(n - 1).test(text.slice(Math.max(0, numberAt - LOOK_AHEAD), numberAt))) ||
    opensItem(n + 1).test(text.slice(at, at + LOOK_AHEAD));
  return inRun && numberAt > start ? numberAt : null;
}

/** Candidate breaks: those of the ICU segmenter, plus the ends of notes after a sentence end. */
function candidateBreaks(text: string): number[] {
  const breaks = new Set<number>();
  for (const { index } of segmenter.segment(text)) if (index > 0) breaks.add(index);
  for (const m of text.matchAll(STOP_THEN_NOTES)) breaks.add(m.index + m[0].length);
  return [...breaks].sort((a, b) => a - b);
}

/**
 * Splits a paragraph into sentences and returns where each lies in it, whitespace trimmed off both
 * ends. Uses the ICU sentence rules (`Intl.Segmenter`), then removes the breaks they put inside
 * quotations (`"정말 기쁩니다. 감사드립니다"라고 말했다.`), after initials and abbreviations
 * (`D. 아이젠하워`, `U.S. Senate`, `Dr.`, `No. 1`) and inside footnotes, and adds the break after
 * a note that follows a full stop (`.[citation needed] However`). Line breaks inside the paragraph
 * count as spaces.
 */
export function sentenceSpans(paragraph: string): Span[] {
  const text = paragraph.replace(/[\r\n]/g, ' ');
  const spans: Span[] = [];
  let start = 0;
  const close = (end: number) => {
    const piece = text.slice(start, end);
    const from = start + (piece.length - piece.trimStart().length);
    const to = end - (piece.length - piece.trimEnd().length);
    if (to > from) spans.push({ start: from, end: to });
    start = end;
  };
  for (const at of candidateBreaks(text)) {
    if (at >= text.length) break;
    if (falseBreak(text.slice(start, at), text.slice(at, at + LOOK_AHEAD))) continue;
    close(listNumberStart(text, start, at) ?? at);
  }
  close(text.length);
  return spans;
}

/** The sentences of a paragraph, each exactly as written (see {@link sentenceSpans}). */
export function splitSentences(paragraph: string): string[] {
  return sentenceSpans(paragraph).map((s) => paragraph.slice(s.start, s.end));
}
