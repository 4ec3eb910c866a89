import type { Passage } from '../search/passages.js';
import type { RankedPassage } from '../search/retriever.js';
import { FUNCTION_WORDS, stemEnglish } from '../search/tokenize.js';
import { answerabilityFeatures, answerabilityScore } from './answerability.js';
import type { AnswerabilityModel } from './answerability.js';
import { ANSWERABILITY_MODEL } from './answerability-model.js';
import type { Language } from './question.js';
import { dateLead, startOrEndLead } from './dates.js';
import { askedDimension, comparable, findNumbers, type Dimension, type NumberMention } from './numbers.js';
import { asksForChange, type AnswerSubtype } from './intent.js';
import type { Citation } from './types.js';
import { chatReading, type UnderstoodQuestion } from './understand.js';

/** When an answer is given and how much of it. */
export interface ComposePolicy {
  /** The fitted answerability model (its threshold decides answer or decline). */
  model: AnswerabilityModel;
  /** A further passage is cited when its score is at least this share of the best. */
  followerRatio: number;
  /** Most citations of a one-fact answer. */
  maxCitations: number;
  /** Most citations of a list or summary answer (cited in article order). */
  maxListCitations: number;
  /** A list answer cites passages scoring at least this share of the best. */
  listRatio: number;
  /** Answer text budget in characters (a Discord embed shows ~4,096; readers want less). */
  maxAnswerLength: number;
  /** Related sentences offered when not answered. */
  relatedCount: number;
  /** Least support for a yes/no answer to begin with "Yes": the passage carries (nearly) all the question. */
  yesSupport: number;
}

export const DEFAULT_POLICY: ComposePolicy = {
  model: ANSWERABILITY_MODEL,
  followerRatio: 0.9,
  maxCitations: 2,
  maxListCitations: 4,
  listRatio: 0.75,
  maxAnswerLength: 1000,
  relatedCount: 3,
  yesSupport: 0.9,
};

const NOT_IN_ARTICLE: Record<Language, string> = {
  ko: '기사에서 이 질문에 대한 답을 찾을 수 없습니다. 기사가 다루지 않는 내용일 수 있습니다.',
  en: 'The article does not answer this question.',
};

/** For a question that names nothing to look for ("뭐야?", "Is it true?"). */
const NOTHING_ASKED: Record<Language, string> = {
  ko: '무엇에 대해 물으시는지 알 수 없습니다. 기사 속 사람, 기업, 숫자, 행사 등을 넣어 물어보시거나 "요약해줘"라고 해 보세요.',
  en: 'That question does not name anything to look for. Ask about a person, company, number or event in the article, or ask for a summary.',
};

/** For a yes/no question about a name the article never uses. */
const NEVER_MENTIONED: Record<Language, (names: string) => string> = {
  ko: (names) => `기사는 ${names}에 대해 언급하지 않으므로 확인할 수 없습니다.`,
  en: (names) => `The article never mentions ${names}, so it cannot confirm this.`,
};

/** The plain "the article does not say" message in the question's language. */
export function notInArticle(language: Language): string {
  return NOT_IN_ARTICLE[language];
}

/** Text of a passage in the answer's language: English renderings for English questions. */
function answerText(ranked: RankedPassage, language: Language): string {
  return passageText(ranked.passage, language);
}

function passageText(passage: Passage, language: Language): string {
  return language === 'en' && passage.translation ? passage.translation : passage.sentence.text;
}

function toCitation(ranked: RankedPassage, n: number, language: Language): Citation {
  return passageCitation(ranked.passage, ranked.score, n, language);
}

/** A ranking score as a citation shows it: within [0, 1] (boosts and the word-order bonus can lift a fused score past 1), to three decimals. */
export function citationScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

function passageCitation(passage: Passage, score: number, n: number, language: Language): Citation {
  const { sentence, translation } = passage;
  return {
    n,
    id: sentence.id,
    document: sentence.document,
    text: sentence.text,
    ...(language === 'en' && translation ? { translation } : {}),
    score: citationScore(score),
  };
}

const SUMMARY_LEAD: Record<Language, string> = { ko: '기사 요약: ', en: 'In short: ' };

/**
 * A summary answer: the chosen sentences (see `summarySentences`) quoted in article order, each
 * cited. Their score is 1: they are chosen by their place in the article, not by a match.
 */
export function composeSummary(chosen: readonly Passage[], language: Language): Composition {
  const citations = chosen.map((p, i) => passageCitation(p, 1, i + 1, language));
  const body = chosen.map((p, i) => `${passageText(p, language)} [${i + 1}]`).join(' ');
  return { answered: true, answer: `${SUMMARY_LEAD[language]}${body}`, citations, related: [], confidence: 1 };
}

/**
 * "When did this happen?", "이거 언제 일이야?": a question about the story as a whole, with nothing
 * else to look for. News dates its event in the first body sentence that states a date, so that
 * sentence answers, with its date first (for "언제부터?" / "언제까지?" the time it starts or lasts
 * until, when that sentence gives one); null when no body sentence states a date.
 */
export function composeStoryDate(passages: readonly Passage[], language: Language, question = ''): Composition | null {
  const body = passages.filter((p) => p.sentence.kind === 'paragraph').map((passage) => {
    const text = passageText(passage, language);
    // "언제부터야?": the time it starts, where the sentence gives one, before any date it states.
    return { passage, text, date: startOrEndLead(question, text, language) ?? dateLead(text, language) };
  });
  const answer = ({ passage, text }: (typeof body)[number], when: string): Composition => ({ answered: true, answer: `${when}: ${text} [1]`, citations: [passageCitation(passage, 1, 1, language)], related: [], confidence: 1 });
  // The lead may date its event by the weekday alone ("reopened on Monday"), as news does.
  const lead = body[0];
  const weekday = lead && !lead.date ? WEEKDAY.exec(lead.text)?.[0] : undefined;
  if (lead && weekday) return answer(lead, weekday.charAt(0).toUpperCase() + weekday.slice(1));
  const dated = body.find((b) => b.date !== null);
  return dated ? answer(dated, dated.date!) : null;
}

/** A weekday that dates a news event ("on Monday", "지난 21일 월요일"). */
const WEEKDAY = /\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|[월화수목금토일]요일/u;

/** Result of composing, before timing and verification. */
export interface Composition {
  answered: boolean;
  answer: string;
  citations: Citation[];
  related: Citation[];
  /** Probability that the article answers the question, by the fitted model. */
  confidence?: number;
  /** A decline that is itself what the article says ("it names no one from Acme"): no follow-up reading can do better. */
  settled?: boolean;
}

const ENGLISH_NUMBER = /\b(?:\d(?:[\d,.]*\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|once|twice)(?:\s+(?:hundred|thousand|million|billion|trillion))?(?:\s*(?:%|percent)|\s+(?<noun>[a-z]+))?/iu;
const KOREAN_NUMBER = /\d(?:[\d,.]*\d)?\s*(?:[만억조]\s*)?(?:\d(?:[\d,.]*\d)?\s*[만억조]\s*)?(?:명|곳|개국|개|번|회|차례|가지|해|살|세|배|권|대|척|건|군데|분|시간|년|달|원|달러|톤|%|퍼센트)?|(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:명|곳|개|번|회|차례|가지|해|군데)/u;

/** The number a counting answer states: the first amount in the sentence (`8개`, `eight companies`). */
export function statedNumber(text: string, language: Language): string | null {
  return firstStatedNumber(text, language)?.stated ?? null;
}

/** {@link statedNumber} and where it ends in the text. */
function firstStatedNumber(text: string, language: Language): { stated: string; end: number } | null {
  const match = (language === 'en' ? ENGLISH_NUMBER : KOREAN_NUMBER).exec(text);
  if (!match) return null;
  // `1,200 in total`: a function word after the number is not what it counts.
  const noun = match.groups?.noun;
  const kept = noun && FUNCTION_WORDS.has(noun.toLowerCase()) ? match[0].slice(0, -noun.length) : match[0];
  return { stated: kept.trim(), end: match.index + kept.trimEnd().length };
}

/** "Seven of the", "two of its" right before a number: a part of the whole that number counts. */
const PART_OF = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|all|most|some|none|half)\s+of\s+(?:the|its|their|our|his|her)\s+$/iu;

/** The noun an English counting question counts (`how many books` → `book`), stemmed. */
const COUNTED_NOUN = /\bhow many\s+(?:of\s+(?:the|its|their)\s+)?([a-z][a-z-]*)/i;

/**
 * The number a "how many" answer states: the one that counts the noun the question names ("350,000
 * books" for "how many books", not the "five" of "five-storey"), else the sentence's first, unless
 * that is a price or a share ("$2 for cars" says no count).
 */
function countedNumber(question: string, text: string, language: Language): string | null {
  const noun = language === 'en' ? COUNTED_NOUN.exec(question)?.[1] : undefined;
  if (noun) {
    const counted = stemEnglish(noun);
    for (const match of text.matchAll(new RegExp(ENGLISH_NUMBER.source, 'giu'))) {
      if (!match.groups?.noun || stemEnglish(match.groups.noun.toLowerCase()) !== counted) continue;
      // "Seven of the nine members": the part is the count asked for, the whole its frame.
      const part = PART_OF.exec(text.slice(0, match.index));
      return part ? `${part[0]}${match[0].trim()}` : match[0].trim();
    }
  }
  const first = findNumbers(text)[0];
  // An amount or share is no count; nor is a date ("얼마나 왔어?" is not answered by the 16 of 16일), nor an age ("a 67-year-old man").
  if (first && ['amount', 'percent', 'day', 'month', 'year', 'clock', 'age'].includes(first.dimension)) return null;
  const found = firstStatedNumber(text, language);
  return found && `${found.stated}${unitAfter(text, found.end)}`;
}

/** Dimensions whose English number reads with the noun after it ("eight months", "2,000 residents"). */
const NOUN_COUNTED: ReadonlySet<Dimension> = new Set<Dimension>(['duration', 'count', 'people', 'times', 'age']);
/** A unit or currency written right after a number (`1.65㎞`, `30 km`, `29,900 euros`, `12 percent`). */
const UNIT_AFTER = /^\s?(?:㎞|㎡|㎏|㎝|㎜|㏊|km|kg|cm|mm|m²|°C|euros?|dollars?|pounds?|yen|yuan|won|rupees?|pesos?|percent)(?![A-Za-z0-9])/iu;
const unitAfter = (text: string, end: number) => UNIT_AFTER.exec(text.slice(end))?.[0] ?? '';

/** A number mention as an answer states it: with the noun it counts in English, with its unit in any language. */
function statedMention(mention: NumberMention, text: string, language: Language): string {
  // `four-year` says what it measures already.
  if (language === 'en' && NOUN_COUNTED.has(mention.dimension) && !mention.text.includes('-')) return statedNumber(text.slice(mention.start), language) ?? mention.text.trim();
  return `${mention.text.trim()}${unitAfter(text, mention.end)}`;
}

/** The kind of number each answer subtype is. */
const SUBTYPE_DIMENSIONS: Record<AnswerSubtype, Dimension[] | null> = {
  month: ['month'], year: ['year'], age: ['age'], duration: ['duration'], percent: ['percent'], clock: ['clock'],
  frequency: ['rate', 'times'], statement: null, request: null, officeholder: null, upcoming: null, response: null, score: null,
};

/** The kinds of number a counting question can be answered with; null when any number will do. */
function askedDimensions(question: UnderstoodQuestion): Dimension[] | null {
  const counted = askedDimension(question.question);
  if (counted) return [counted];
  if (question.subtype) return SUBTYPE_DIMENSIONS[question.subtype];
  if (asksForChange(question.question)) return ['percent', 'amount', 'count', 'people', 'plain'];
  // "How much did it cost?" is answered by a price, not by the "two" of "a two-year repair".
  if (question.intent === 'how-much') return ['amount'];
  // "How big…?" asks for a size or an amount, not how many of something.
  return /\bhow (?:big|large)\b/i.test(question.question) ? ['amount', 'percent', 'plain'] : null;
}

/**
 * Of several numbers of the kind asked, the one that follows a word of the question most closely
 * ("순이익 얼마?" in "매출은 18조 원, 순이익은 1조 원" is the 1조): news puts a figure right after what it
 * measures. The first, when no question word comes before any of them.
 */
function nearestToFocus(candidates: readonly NumberMention[], question: UnderstoodQuestion, text: string): NumberMention | undefined {
  if (candidates.length < 2) return candidates[0];
  const folded = text.toLowerCase();
  const starts: number[] = [];
  for (const key of question.query.concepts.flatMap((c) => c.alternatives.flat().map((w) => w.key))) {
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) starts.push(at);
  }
  const gap = (m: NumberMention) => Math.min(Infinity, ...starts.filter((start) => start < m.start).map((start) => m.start - start));
  const gaps = candidates.map(gap);
  const nearest = gaps.indexOf(Math.min(...gaps));
  return gaps[nearest] === Infinity ? candidates[0] : candidates[nearest];
}

/** A yes/no question about what did happen or holds now ("Did they cut rates?", "금리 내렸어?"), not about what will. */
const ASKS_WHAT_HAPPENED = /^\s*(?:did|has|have|had|was|were|is|are|does|do)\b|(?:었|았|였|했|됐)(?:어|나|니|냐|나요|어요|습니까|음|대|다고)?\s*\??\s*$/iu;
/** A sentence that only expects, plans or allows the event ("expect two cuts", "could come", 인하할 전망, 검토할 계획): it cannot say "yes, it happened". */
const EXPECTATION = /\b(?:expects?|expected|forecasts?|predicts?|could|may|might|would|plans? to|planning to|intends? to|is likely|are likely|considering|signals?)\b|전망|예상|계획|예정|방침|검토|(?:ㄹ|을|할|될)\s*(?:것|수)|가능성/iu;

/** The opening of an answer: yes/no first, the number a counting question asks for, or the date a "when" question asks for. */
function lead(question: UnderstoodQuestion, best: RankedPassage, text: string, policy: ComposePolicy): string {
  const { language } = question;
  if (question.yesNo) {
    // Read past a chat opener: "so did they cut rates?" asks what happened as "did they…" does.
    if (best.support >= policy.yesSupport && !(ASKS_WHAT_HAPPENED.test(chatReading(question.question)) && EXPECTATION.test(text))) return language === 'ko' ? '네. ' : 'Yes. ';
    return language === 'ko' ? '기사에는 이렇게 나옵니다: ' : 'Here is what the article says: ';
  }
  if (question.intent === 'how-many' || question.intent === 'how-much') {
    const asked = askedDimensions(question);
    // "몇 명?" is not answered by "8개", nor "how long?" by "once": lead only with a number of the kind asked for.
    // The kinds asked for come in order of preference ("how much did it grow?" → the share before the amount).
    const mentions = asked === null ? [] : findNumbers(text);
    const mention = asked?.map((d) => nearestToFocus(mentions.filter((m) => comparable(m.dimension, d)), question, text)).find((m) => m !== undefined);
    const number = asked === null ? countedNumber(question.question, text, language) : mention && statedMention(mention, text, language);
    if (number) return `${number}: `;
  }
  if (question.intent === 'when' && (question.subtype === null || question.subtype === 'year' || question.subtype === 'month')) {
    const date = startOrEndLead(question.question, text, language) ?? dateLead(text, language);
    if (date) return `${date}: `;
  }
  return '';
}

/**
 * Builds an extractive answer from ranked passages when the fitted answerability score of the best
 * one clears the threshold; otherwise declines and offers the closest sentences as related.
 * One-fact answers cite the best passage and close followers; list and summary questions cite up
 * to four passages that carry part of the answer, in article order.
 */
export function composeAnswer(ranked: readonly RankedPassage[], question: UnderstoodQuestion, policy: ComposePolicy = DEFAULT_POLICY): Composition {
  const { language } = question;
  // With no word to look for (and no part of the article named), any sentence would be a guess.
  if (question.query.concepts.length === 0 && question.structure === null) return { answered: false, answer: NOTHING_ASKED[language], citations: [], related: [], confidence: 0 };
  // "Did X tour Pyeongtaek?": the article cannot say yes about a name it never mentions.
  const neverMentioned = question.yesNo ? question.unknownNames.filter((name) => !/\p{Script=Hangul}/u.test(name)) : [];
  if (neverMentioned.length > 0) {
    const related = ranked.slice(0, policy.relatedCount).map((r, i) => toCitation(r, i + 1, language));
    return { answered: false, settled: true, answer: NEVER_MENTIONED[language](neverMentioned.join(', ')), citations: [], related, confidence: 0 };
  }
  const best = ranked[0];
  const confidence = best ? answerabilityScore(answerabilityFeatures(best, question, ranked.slice(1, 3)), policy.model) : 0;
  if (!best || confidence < policy.model.threshold) {
    const related = ranked.slice(0, policy.relatedCount).map((r, i) => toCitation(r, i + 1, language));
    return { answered: false, answer: NOT_IN_ARTICLE[language], citations: [], related, confidence };
  }
  // "What are the subheadlines?", "◇ 중간 제목 두 개": every heading of the kind named, nothing else asked of them, reads like a list.
  const list = question.intent === 'list' || (question.structure !== null && question.ordinal === null && question.query.concepts.length === 0);
  const limit = list ? policy.maxListCitations : policy.maxCitations;
  const ratio = list ? policy.listRatio : policy.followerRatio;
  const chosen: RankedPassage[] = [best];
  const seenTexts = new Set([answerText(best, language)]);
  let length = answerText(best, language).length;
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= limit) break;
    // A further sentence must carry the question about as fully as the first, or it is noise.
    if (candidate.score < best.score * ratio || candidate.support < best.support * ratio) continue;
    if (!candidate.coversNames) continue;
    const text = answerText(candidate, language);
    if (seenTexts.has(text) || length + text.length + 5 > policy.maxAnswerLength) continue;
    seenTexts.add(text);
    length += text.length + 5;
    chosen.push(candidate);
  }
  // Citations stay most relevant first (the contract); a list, and headings asked for by name, read in article order.
  const citations = chosen.map((r, i) => toCitation(r, i + 1, language));
  const reading = list || question.structure !== null ? [...chosen].sort((a, b) => a.passage.sentence.ordinal - b.passage.sentence.ordinal) : chosen;
  const body = reading.map((r) => `${answerText(r, language)} [${chosen.indexOf(r) + 1}]`).join(' ');
  return { answered: true, answer: `${lead(question, best, answerText(best, language), policy)}${body}`, citations, related: [], confidence };
}
