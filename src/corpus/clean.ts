import { continuesOnNextLine, wrapWidth } from './line-joins.js';
import { sourceLines, type SourceLine } from './lines.js';
import { lineMarker, type LineMarker, type MarkerRole } from './list-markers.js';
import { copyrightLine, isEnglishByline, isPageChrome, startsTrailingList } from './page-chrome.js';
import { sentenceSpans } from './split.js';
import type { Block, BlockKind } from './types.js';

const ONLY_PUNCTUATION = /^[\p{P}\p{S}\s]*$/u;
/** `/연합뉴스`, `(끝)`, `홍길동 기자 gildong@yna.co.kr` and similar sign-offs. */
const BYLINE = /^(?:\/\s*(?<slash>[^\s/]{1,20})|\((?:끝|end)\)|\S{2,4}\s*기자(?:\s+\S+@\S+)?|\S+@\S+\.\S+)$/iu;
/** A line that ends like a sentence: terminal punctuation, optionally followed by a closing quote. */
const ENDS_LIKE_SENTENCE = /[.?!。…]["'”’」』)]*$/u;
/** A full stop at the end: a headline may end in `?`, `!` or `…`, never in a full stop. */
const ENDS_IN_FULL_STOP = /[.。]["'”’」』)]*$/u;
/** A lead-in to what follows (`The plan has four parts:`), never a heading. */
const LEADS_IN = /[:;,]$/u;
/** A line entirely in brackets (`[사진]`, `(Reuters)`): a caption or a credit, not a section head. */
const BRACKETED = /^[[(【<].*[\])】>]$/u;
/** Longest headline or sub-headline; a longer line is a paragraph even without final punctuation. */
const HEADING_MAX = 150;
/** Longest unmarked line inside the body that still counts as a section head. */
const SECTION_MAX = 80;

/** Whitespace and Unicode normalisation shared by cleaning and search. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/[\u00A0\u2000-\u200B\u3000\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Result of cleaning a raw scrape. */
export interface CleanedScrape {
  blocks: Block[];
  publisher: string | null;
}

/** A line of article text with its marker, once chrome, bylines and repeats are gone. */
interface KeptLine {
  line: SourceLine;
  marker: LineMarker | null;
}

/** A block before it is labelled: a line, a list item, or lines joined across hard breaks. */
interface Unit {
  start: number;
  end: number;
  marker: MarkerRole | null;
  /** Number of items on the unit's line (`▲ a ▲ b` has two). */
  itemsOnLine: number;
  lastLine: SourceLine;
  lineCount: number;
}

/** Keeps the lines that are article text; the rest (chrome, lone punctuation, byline, repeats) become null. */
function keepArticleLines(raw: string): { kept: Array<KeptLine | null>; publisher: string | null } {
  const seen = new Set<string>();
  let publisher: string | null = null;
  // Inside a closing "Related stories" list: its headlines are dropped until a line reads as text again.
  let inTrailingList = false;
  const kept = sourceLines(raw).map((line): KeptLine | null => {
    // `normal` decides (chrome? seen before?); the line's offsets keep it exactly as written, so quotes stay verbatim.
    const normal = normalizeText(line.text);
    if (normal === '' || ONLY_PUNCTUATION.test(normal) || isPageChrome(normal)) return null;
    const holder = copyrightLine(normal);
    if (holder !== undefined) {
      publisher ??= holder;
      return null;
    }
    const endsLikeSentence = ENDS_LIKE_SENTENCE.test(normal);
    if (startsTrailingList(normal)) {
      inTrailingList = true;
      return null;
    }
    if (inTrailingList && !endsLikeSentence) return null;
    inTrailingList = false;
    const byline = BYLINE.exec(normal);
    if (byline || isEnglishByline(normal, endsLikeSentence)) {
      publisher ??= byline?.groups?.slash ?? null;
      return null;
    }
    if (seen.has(normal)) return null;
    seen.add(normal);
    return { line, marker: lineMarker(line.text) };
  });
  return { kept, publisher };
}

/** Groups kept lines into units: each list item its own, lines joined where a hard break falls inside a sentence. */
function groupUnits(kept: ReadonlyArray<KeptLine | null>): Unit[] {
  const width = wrapWidth(
    kept.flatMap((k, i) => (k ? [{ text: k.line.text, followedByText: kept[i + 1] != null && kept[i + 1]!.marker === null }] : [])),
  );
  const units: Unit[] = [];
  kept.forEach((k, i) => {
    if (!k) return;
    const previous = units.at(-1);
    if (!k.marker && previous && previous.lastLine.index === i - 1 && continuesOnNextLine(previous.lastLine.text, k.line.text, width)) {
      previous.end = k.line.end;
      previous.lastLine = k.line;
      previous.lineCount += 1;
      return;
    }
    const items = k.marker?.items ?? [{ start: 0, end: k.line.text.length }];
    for (const item of items) {
      units.push({
        start: k.line.start + item.start,
        end: k.line.start + item.end,
        marker: k.marker?.role ?? null,
        itemsOnLine: items.length,
        lastLine: k.line,
        lineCount: 1,
      });
    }
  });
  return units;
}

/** One sentence, short, without a final stop or a trailing colon: reads as a heading. */
function readsAsHeading(text: string, maxLength: number, endsLikeText: RegExp): boolean {
  const normal = normalizeText(text);
  return normal.length <= maxLength && !endsLikeText.test(normal) && !LEADS_IN.test(normal) && sentenceSpans(text).length === 1;
}

/**
 * Turns a raw web scrape (or any plain text) into article blocks: drops page chrome (widget labels,
 * time stamps, copyright lines, closing lists of other stories), lone punctuation and the byline, keeps each distinct line once (scrapes often carry the body twice),
 * joins lines where a hard line break falls inside a sentence, makes each list item its own block
 * (markers such as ◇ ▲ • - left out of the text) and labels the structure: a headline only when the
 * first line reads as one (a text may have no title line), sub-headlines before the body, section
 * heads, paragraphs. Every block records its offsets in `raw`.
 */
export function cleanScrape(raw: string): CleanedScrape {
  const { kept, publisher } = keepArticleLines(raw);
  const units = groupUnits(kept);
  const blocks: Block[] = [];
  let bodyStarted = false;
  units.forEach((unit, i) => {
    const text = raw.slice(unit.start, unit.end);
    let kind: BlockKind;
    if (unit.marker === 'heading' && unit.itemsOnLine === 1) {
      kind = readsAsHeading(text, HEADING_MAX, ENDS_LIKE_SENTENCE) ? 'section' : 'paragraph';
    } else if (unit.marker !== null) {
      kind = 'paragraph';
    } else if (blocks.length === 0) {
      kind = readsAsHeading(text, HEADING_MAX, ENDS_IN_FULL_STOP) ? 'headline' : 'paragraph';
    } else if (!bodyStarted) {
      kind = readsAsHeading(text, HEADING_MAX, ENDS_LIKE_SENTENCE) ? 'subheadline' : 'paragraph';
    } else {
      const isHead = i < units.length - 1 && unit.lineCount === 1 && !BRACKETED.test(text) && readsAsHeading(text, SECTION_MAX, ENDS_LIKE_SENTENCE);
      kind = isHead ? 'section' : 'paragraph';
    }
    if (kind === 'section' || kind === 'paragraph') bodyStarted = true;
    blocks.push({ kind, text, start: unit.start, end: unit.end });
  });
  return { blocks, publisher };
}
