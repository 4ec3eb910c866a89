/**
 * A chat message as a list of statements to check: Discord markup (mentions, custom emoji, links,
 * code and quote marks) removed, split at sentence ends, line breaks and Korean clause ends
 * (`…투자한대 그 회사는 …`), pieces with fewer than two content words dropped, at most {@link MAX_CLAIMS} kept.
 *
 * @module
 */
import { analyzeQuestionText } from '../search/query.js';
import { MAX_QUESTION_LENGTH } from './question.js';

/** Statements checked per message; the rest are counted, not checked. */
export const MAX_CLAIMS = 5;

/** Longest text accepted for checking, in characters: a Discord message is at most 4,000 (with Nitro). */
export const MAX_MESSAGE_LENGTH = 4000;

/** Why a text cannot be checked, with a message fit to show (in both languages). */
export interface MessageProblem {
  code: 'empty' | 'too-long';
  message: string;
}

/** Refuses what cannot be checked: nothing but whitespace, or longer than {@link MAX_MESSAGE_LENGTH}. */
export function checkMessageText(raw: string): { ok: true; text: string } | { ok: false; problem: MessageProblem } {
  const text = raw.normalize('NFC');
  if (text.trim() === '') return { ok: false, problem: { code: 'empty', message: '확인할 글이 비어 있습니다. / There is nothing to check: the text is empty.' } };
  if ([...text].length > MAX_MESSAGE_LENGTH) {
    return { ok: false, problem: { code: 'too-long', message: `글이 너무 깁니다 (${MAX_MESSAGE_LENGTH}자 이내). / The text is too long: please keep it under ${MAX_MESSAGE_LENGTH} characters.` } };
  }
  return { ok: true, text };
}

/** The statements of a message. */
export interface SplitMessage {
  /** The statements to check, in message order. */
  claims: string[];
  /** Statements beyond {@link MAX_CLAIMS}, left unchecked. */
  omitted: number;
}

/** Discord markup that carries no statement: user, role and channel mentions, custom emoji, timestamps, links. */
const MARKUP = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:\d+(?::\w)?|\/[\w -]+:\d+)>|@(?:everyone|here)\b|https?:\/\/\S+/gu;
/** Markdown decoration: emphasis, code, spoilers, headings, quotes and list markers. */
const DECORATION = /```\w*|[*_~`|]{1,3}|^\s*(?:>{1,3}|#{1,3}|[-*+]|\d+[.)])\s+/gmu;
/** Pictographs and the joiners and selectors that build them; runs of bare jamo (`ㅋㅋ`, `ㅠㅠ`). */
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]|[\u3131-\u318E]+/gu;
/** Content words a piece needs to be a statement rather than an aside (`맞죠?`, `ok`). */
const MIN_CONTENT_WORDS = 2;

/**
 * The end of a Korean statement inside a line: a verb in a final form (`투자한대`, `참석했다`,
 * `왔대`, `열려요`, `합니다`) or a past verb joining the next clause (`왔고`), followed by more text.
 */
const KOREAN_CLAUSE_END = /(?<=\p{Script=Hangul}(?:[았었였했됐왔갔났졌켰웠렀겠]|[한된린진는인])(?:다|대|래|대요|답니다|어|음)|(?:습니다|니다|해요|어요|아요|예요|에요|래요|대요)|[았었였했됐왔갔났졌켰웠렀]고,?)(?=\s+[\p{L}\p{N}])/gu;

const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/** Text fit for checking: markup and decoration out, whitespace collapsed. */
export function cleanMessage(message: string): string {
  return message.normalize('NFC').replace(MARKUP, ' ').replace(DECORATION, ' ').replace(EMOJI, ' ').replace(/[ \t\u00a0]+/gu, ' ');
}

/** Splits an over-long statement at commas, then at word boundaries, into pieces a check accepts. */
function fitLength(piece: string): string[] {
  if ([...piece].length <= MAX_QUESTION_LENGTH) return [piece];
  const parts = piece.split(/(?<=[,;:])\s+/u);
  if (parts.length > 1) return parts.flatMap(fitLength);
  const words = piece.split(/\s+/u);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if ([...current].length + [...word].length + 1 > MAX_QUESTION_LENGTH && current) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${word}` : [...word].slice(0, MAX_QUESTION_LENGTH).join('');
  }
  if (current) out.push(current);
  return out;
}

/** Splits a message into the statements to check (see the module comment). */
export function splitClaims(message: string): SplitMessage {
  const pieces: string[] = [];
  for (const line of cleanMessage(message).split(/\n+/u)) {
    for (const { segment } of segmenter.segment(line)) {
      for (const clause of segment.split(KOREAN_CLAUSE_END)) {
        const text = clause.replace(/\s+/gu, ' ').trim().replace(/^[,;:·\-–—]+\s*/u, '');
        if (analyzeQuestionText(text).length >= MIN_CONTENT_WORDS) pieces.push(...fitLength(text));
      }
    }
  }
  return { claims: pieces.slice(0, MAX_CLAIMS), omitted: Math.max(0, pieces.length - MAX_CLAIMS) };
}
