import type { GlossaryMatcher } from '../search/glossary.js';
import { analyzeQuery, capitalisedWords, type AnalyzedQuery, type Concept, type QueryResources } from '../search/query.js';
import { speakerConcepts } from './speaker.js';
import { isVerbLike, looksLikeKoreanVerb, type AnalyzedWord } from '../search/tokenize.js';
import { isCommonEnglishWord } from '../search/common-words.js';
import { detectIntent, detectSubtype, type AnswerSubtype, type Intent } from './intent.js';
import { detectLanguage, type Language } from './question.js';
import { hasSummaryCue, SUMMARY_FRAME } from './summary.js';

/** A question understood once; every later step (retrieval, the participant list, composing) reads this. */
export interface UnderstoodQuestion {
  question: string;
  language: Language;
  intent: Intent;
  /** A narrower kind of answer the question names (a month, an age, a duration…), if any. */
  subtype: AnswerSubtype | null;
  /** Asks for a yes or a no ("Did Acme attend?", "애크미도 왔어?"). */
  yesNo: boolean;
  query: AnalyzedQuery;
  /** Names in the question that the article never mentions (`Intel`, `인텔`), as the user wrote them. */
  unknownNames: string[];
  /** The part of the article the question points at ("부제에 뭐라고 나와?", "the headline", "소제목"), if any. */
  structure: 'headline' | 'subheadline' | 'section' | null;
  /** Share of the question's content words that occur nowhere in the article, not even misspelt (`weather`, `중국`). */
  unseenShare: number;
  /** For "what did X say": the concepts naming X, whose own words the answer must report (empty otherwise). */
  speaker: Concept[];
  /** Which one of the named headings it asks for ("the *second* sub-headline", "두 번째 소제목"): 1-based, -1 for the last; null for all. */
  ordinal: number | null;
  /** Asks for the gist of the article ("요약해줘", "What is this story about?"), naming nothing in particular. */
  summary: boolean;
}

const ENGLISH_YES_NO = /^(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|didn't|wasn't|isn't|weren't|aren't|doesn't)\b/i;
const KOREAN_QUESTION_WORD = /누구|누가|뭐|뭘|무엇|무슨|언제|어디|어느|어떻|어떤|얼마|왜|몇/u;
/** A question word inside an English question (`…tell us who…`, `…know where…`, `how many`). */
const ENGLISH_EMBEDDED_QUESTION = /\b(?:who|whom|whose|what|which|where|when|why|how)\b/i;
/** Endings that close a Korean yes/no question (`왔어?`, `참석했나요`, `맞지?`, `맞아?`, `있었니`). */
const KOREAN_YES_NO_ENDING = /(?:어|아|았|었|나요|니|냐|까|죠|지|요|나|대|래|음)\??$/u;

const HEADLINE_WORDS = /(?<!부|소)제목|헤드라인|표제|\bheadline|(?<!\b(?:job|official|formal|his|her|their)\s+)\btitle\b/iu;
const SUBHEADLINE_WORDS = /부제|\bsub-?(?:head(?:line|ing)?|title)s?\b/iu;
/** The heads of the sections inside the body (◇ lines), which Korean calls 소제목 or 중간제목; the ◇ marker alone names them too. */
const SECTION_WORDS = /소제목|중간[^?.!]{0,12}?제목|\bsection\s+(?:head(?:ing|er|line)?|title)s?\b|\bcross-?heads?\b|[◇◆](?:\s*(?:section|heading|head(?:er|line)?|title|part|line)s?\b)?/iu;

/** A structure word with the count or marker before it ("the two ◇ section headings", "both sub-headlines", "소제목 두 개"). */
const STRUCTURE_CUE = new RegExp(
  `(?:\\b(?:one|two|three|four|five|both|all)\\s+)?(?:[◇◆▲■□△▶]\\s*)?(?:${SECTION_WORDS.source}|${SUBHEADLINE_WORDS.source}|${HEADLINE_WORDS.source})(?:\\s*(?:[하한두세네]|\\d+)\\s*(?:개|줄|가지))?`,
  'giu',
);

/**
 * "The title mentions economic security issues — which ones?", "제목에 나온 '경제안보 이슈'는 구체적으로
 *어떤 것들이야?": the heading is where the reader saw the words; what is asked is in the body.
 */
const ASKS_BEYOND_HEADING = /\b(?:title|headline|sub-?head(?:line|ing)?s?|section head(?:ing)?s?)\s+(?:mentions?|says?|talks? about|refers? to|calls?)\b[^?]*?\b(?:which|what|who|whom|how|where|when|why)\b|(?:제목|헤드라인|표제|부제|소제목)(?:에|에서)\s*(?:나온|나오는|있는|적힌|언급된|말한)[^?]*?(?:구체적|어떤|어떻게|뭐뭐|무엇|뭘|뭐|누구|누가|어디|언제|왜)/iu;

/** True when a question names a heading only as where it saw what it asks about (see {@link ASKS_BEYOND_HEADING}). */
export function asksBeyondHeading(question: string): boolean {
  return ASKS_BEYOND_HEADING.test(question);
}

/** The part of an article a question names: its headline, its sub-headlines or its section heads. */
export function askedStructure(question: string): 'headline' | 'subheadline' | 'section' | null {
  if (SECTION_WORDS.test(question)) return 'section';
  if (SUBHEADLINE_WORDS.test(question)) return 'subheadline';
  return HEADLINE_WORDS.test(question) ? 'headline' : null;
}

const ORDINALS: [RegExp, number][] = [
  [/\b(?:first|1st)\b|첫\s*번째|첫째|(?:^|\s)첫(?=\s)/iu, 1],
  [/\b(?:second|2nd)\b|두\s*번째|둘째/iu, 2],
  [/\b(?:third|3rd)\b|세\s*번째|셋째/iu, 3],
  [/\b(?:fourth|4th)\b|네\s*번째|넷째/iu, 4],
  [/\b(?:last|final)\b|마지막/iu, -1],
];

/** Every position word at once, to leave them out of what is searched. */
const ORDINAL_WORDS = new RegExp(ORDINALS.map(([pattern]) => pattern.source).join('|'), 'giu');

/** The position a question gives the heading it names ("the second sub-headline" → 2, "마지막 소제목" → -1); null when it gives none. */
export function askedOrdinal(question: string): number | null {
  return ORDINALS.find(([pattern]) => pattern.test(question))?.[1] ?? null;
}

/** True for a question that wants a yes or a no. */
export function isYesNoQuestion(question: string, language: Language): boolean {
  const text = question.trim();
  // "Can you tell us who signed?", "Do you know where it was?": a request for the wh-answer, not a yes/no.
  if (language === 'en') return ENGLISH_YES_NO.test(text) && !ENGLISH_EMBEDDED_QUESTION.test(text);
  if (KOREAN_QUESTION_WORD.test(text)) return false;
  const last = text.replace(/[?!.\s]+$/u, '').split(/\s+/).at(-1) ?? '';
  return KOREAN_YES_NO_ENDING.test(last) && (text.endsWith('?') || looksLikeKoreanVerb(last));
}

/**
 * Unseen words that look like names: capitalised Latin words (not the first word) and Hangul nouns.
 * Returned as the user wrote them, particles removed (`인텔에선` → `인텔`).
 */
function namesOutsideCorpus(question: string, unseen: readonly AnalyzedWord[]): string[] {
  const capitalised = capitalisedWords(question);
  return unseen
    .filter((w) => (w.hangul ? !isVerbLike(w) : capitalised.has(w.key)))
    .map((w) => (w.hangul ? w.key : capitalised.get(w.key)!));
}

/** Intents whose answer has a shape the best passage is checked for (a person, a place, a date, an amount). */
const SHAPED_ANSWER = new Set<Intent>(['who', 'where', 'when', 'how-much', 'how-many']);
/** What an unseen everyday English word counts for in {@link UnderstoodQuestion.unseenShare}. */
const COMMON_UNSEEN_SHARE = 0.5;

/**
 * Share of the question's concepts the article never uses. Inflected verbs are mostly paraphrase and
 * do not count; an unseen noun is more likely content the article lacks. An everyday English word
 * ("who runs X", "how much money", "how many staff") counts half when the question asks for a
 * shaped answer, whose presence is checked on its own, and the asker did not capitalise it as a name.
 */
function unseenShare(question: string, intent: Intent, query: AnalyzedQuery, unseen: readonly AnalyzedWord[]): number {
  if (query.concepts.length === 0) return 0;
  const capitalised = SHAPED_ANSWER.has(intent) ? capitalisedWords(question) : null;
  let count = 0;
  for (const word of unseen) {
    if (isVerbLike(word)) continue;
    const everyday = capitalised !== null && !word.hangul && !capitalised.has(word.key) && isCommonEnglishWord(word.key);
    count += everyday ? COMMON_UNSEEN_SHARE : 1;
  }
  return count / query.concepts.length;
}

/** What understanding needs from the search side. */
export interface UnderstandingContext extends QueryResources {
  glossary?: GlossaryMatcher | null;
  /** Question words the article does not contain anywhere. */
  unseenWords(query: AnalyzedQuery): AnalyzedWord[];
}

/** "What *day*", "which *year*", "how *old*", "how much *money*", "how much is it *worth*", "the vote *result*", "the *score*": the word names the kind of answer (a date, an age, a length, a sum, a tally), not something to find in it. */
const ANSWER_KIND_NOUN = /\b((?:what|which)\s+)(?:exact\s+)?(?:day|date|year|month|time|century|decade)\b|\b(how\s+)(?:old|long|far)\b|\b(how\s+much\s+)money\b|\b(how\s+much\b[^?.!]*?)\s+worth\b|\b(vote\s+)(?:result|tally|count)s?\b|\b(?:final\s+)?score\b|스코어/giu;

/** Replaces a match of {@link ANSWER_KIND_NOUN} by the lead-in its alternative captured ("how much "), or nothing. */
function keepLeadIn(_match: string, ...rest: unknown[]): string {
  // The groups come first, then the offset and the whole text; only the matched alternative's group is set.
  return (rest.slice(0, -2).find((group) => typeof group === 'string') as string | undefined) ?? '';
}

/** The frame of an English request: "give me", "show us". */
const REQUEST_FRAME = /\b(?:give|show|send)\s+(?:me|us)\b/giu;

/** Question words typed in chat without their apostrophe ("whos there", "whats the plan"). */
const BARE_CONTRACTION = /\b(who|what|where|when|how|why)s\b/gi;
/** "where'd", "who'd": the question word with "did". */
const DID_CONTRACTION = /\b(who|what|where|when|how|why)['’]d\b/gi;
/** English chat shorthand for words news writes out: "ppl", "govt", "yrs", "abt", "bc". */
const CHAT_WORDS: Record<string, string> = {
  ppl: 'people', govt: 'government', gov: 'government', yr: 'year', yrs: 'years', abt: 'about', bc: 'because', cuz: 'because',
  coz: 'because', mgmt: 'management', dept: 'department', thru: 'through', tho: 'though', mins: 'minutes', hrs: 'hours', approx: 'approximately',
};
const CHAT_ABBREVIATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${Object.keys(CHAT_WORDS).join('|')})(?![\\p{L}\\p{N}'’])`, 'giu');
/** Chat openers before the question itself: "wait, was it…", "so who…", "ok and when…". */
const CHAT_OPENER = /^(?:(?:so|wait|ok|okay|hey|and|but|also|btw|um+|hmm+|oh|well|quick question|question)\b[\s,.:!-]*)+/i;

/**
 * The question as it is meant when typed in chat: bare contractions read as the contractions they
 * stand for ("whos" → "who's", "where'd" → "where did"), shorthand as the word ("ppl" → "people"),
 * and openers such as "wait," or "so" left out.
 */
export function chatReading(question: string): string {
  const read = question.replace(BARE_CONTRACTION, "$1's").replace(DID_CONTRACTION, '$1 did').replace(CHAT_ABBREVIATION, (word) => CHAT_WORDS[word.toLowerCase()] ?? word);
  const opener = CHAT_OPENER.exec(read);
  // An opener alone ("so?", "ok") is the whole message, not a frame around one.
  return opener && opener[0].length < read.trim().length ? read.slice(opener[0].length) : read;
}

/** Reads a (checked) question once: language, intent, yes/no, concepts, names the article lacks. */
export function understandQuestion(question: string, context: UnderstandingContext): UnderstoodQuestion {
  const language = detectLanguage(question);
  const reading = chatReading(question);
  // "the two section headings" names where to look, not what to find ("Section 232" is no match for it).
  // So do a request's frame ("Give me the names…", "show us who…") and a summary's ("the main points").
  const structure = askedStructure(question);
  // "The second sub-headline": the position picks the line, it is nothing to find in it.
  const positioned = structure === null ? reading : reading.replace(ORDINAL_WORDS, ' ');
  const analyzed = analyzeQuery(positioned.replace(STRUCTURE_CUE, ' ').replace(REQUEST_FRAME, ' ').replace(SUMMARY_FRAME, ' ').replace(ANSWER_KIND_NOUN, keepLeadIn), context);
  // "◇ 달린 중간 제목", "the lines marked ◇": a verb the article never uses only describes the headings asked for; there is nothing to find.
  const describing = structure === null ? [] : context.unseenWords(analyzed).filter(isVerbLike);
  const query = describing.length === 0 ? analyzed : { ...analyzed, concepts: analyzed.concepts.filter((c) => !c.alternatives.flat().every((w) => describing.includes(w))) };
  const unseen = context.unseenWords(query);
  const intent = detectIntent(reading);
  // "What does the headline say?" asks for the line itself, not for someone's reported words.
  const named = detectSubtype(reading);
  const subtype = structure !== null && named === 'statement' ? null : named;
  return {
    question,
    language,
    intent,
    subtype,
    yesNo: isYesNoQuestion(reading, language),
    structure,
    ordinal: structure === null ? null : askedOrdinal(reading),
    query,
    unknownNames: namesOutsideCorpus(question, unseen),
    unseenShare: unseenShare(question, intent, query, unseen),
    summary: query.concepts.length === 0 && hasSummaryCue(reading),
    speaker: subtype === 'statement' ? speakerConcepts(reading, query.concepts) : [],
  };
}
