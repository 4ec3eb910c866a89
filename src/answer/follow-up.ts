/**
 * Follow-up questions: whether a question stands on its own, and how to read one that does not
 * together with the previous question ("박람회에 참석한 일본 기업은?" then "중국은?" reads as
 * "박람회에 참석한 중국 기업은?"). Pure text work from general cues of Korean and English
 * (conjunctions, pronouns, bare question words, fragments); no article knowledge.
 *
 * @module
 */
import { analyzeQuestionWord, QUESTION_FRAMING_WORDS } from '../search/query.js';
import { foldCase, hasHangul, stripKoreanSuffix } from '../search/tokenize.js';
import { detectIntent } from './intent.js';
import { askedStructure } from './understand.js';
import type { KindLexicon, KindSpan } from './kinds.js';

/** Why a question was read together with the previous one. */
export type FollowUpCue =
  /** Opens with a conjunction or "what about" (`그럼 장소는?`, `and the Japanese side?`). */
  | 'connective'
  /** Points back with a pronoun (`거기서`, `그 회사는`, `who chaired it?`). */
  | 'pronoun'
  /** Asks for more of the same (`who else?`, `또 누가?`, `나머지는?`). */
  | 'more'
  /** Has no word naming what it is about (`where?`, `몇 곳이야?`, `누가 왔어?`). */
  | 'no-topic'
  /** A bare phrase with no question word (`중국은?`, `애크미는?`, `Acme?`). */
  | 'fragment'
  /** Read alone it finds nothing answerable; read with the previous question it does. */
  | 'unanswered-alone';

/** Conjunctions and openers that continue a conversation. Longest first. */
const LEADING_CONNECTIVE =
  /^(?:and\s+(?:what|how)\s+about|what\s+about|how\s+about|what\s+of|and\s+also|and|also|then|so|but|plus|ok(?:ay)?\s+(?:and|so)|그러면|그렇다면|그럼|그리고|그런데|근데|그래서|그담에?|그\s*다음에?|아\s*그럼|그럼\s*또|그리고\s*또)(?=[\s,?!.…]|$)/iu;
/**
 * Korean words that point back: here/then/that/they (`거기서`, `그때`, `그분`, `이들`), "this time"
 * (`이번에`), the counterpart of something named before (`상대 기업`), and "each of them" (`각각`).
 */
const KOREAN_ANAPHOR = /^(?:거기|그곳|그때|그날|그분|그들|그거|그것|그게|그건|그걸|그쪽|걔네?|얘네|이들|해당|저기|그런|이런|그랬|당시|상대|각각)|^(?:이번|요번)(?:에|엔|에는)$/u;
/** The determiner 그 / 저 ("that") before a noun: `그 회사는`. (이 is also a surname: `이 장관`.) */
const KOREAN_DETERMINER = /^(?:그|저)$/u;
/** English pronouns that point back at something said before. */
const ENGLISH_ANAPHOR = new Set(['it', 'its', 'they', 'them', 'their', 'theirs', 'there', 'that', 'those', 'these', 'he', 'him', 'his', 'she', 'her', 'hers', 'this', 'counterpart', 'counterparts']);
/** Demonstratives that point at the article or the present, not at what was said: `this story`, `this year`. */
const ENGLISH_DEICTIC = /^(?:this|that|these|those)$/u;
const NOW_WORDS = new Set(['year', 'years', 'month', 'week', 'time', 'morning', 'day']);
const BE = /^(?:is|are|was|were|be|been|isnt|arent|wasnt|werent)$/u;
/** Words asking for more of the same. */
const MORE = new Set(['else', 'other', 'others', 'another', '또', '다른', '나머지', '나머지는', '외에', '외엔', '말고', '말고는', '말곤', '그외', '이외']);
/** Words that only mark a contrasted side (`the Chinese side`, `중국 쪽은`, `일본 측`). */
const SIDE = /^(?:sides?|end|part|(?:쪽|측|편)(?:은|는|이|가|도|에서|에서는|에선|의|으로|으론)?)$/u;
/** A word that opens a Korean question (`누가`, `어디서`, `몇`, `얼마나`). */
const KOREAN_QUESTION_WORD = /^(?:누구|누가|누군|뭐|뭘|무엇|무슨|언제|어디|어느|어떻|어떤|어땠|얼마|왜|몇)/u;
/** The counter after a separate `몇` (`몇 곳이야`). */
const KOREAN_COUNTER = /^(?:명|곳|개|번|회|군데|가지|개국|주년|년|일|월)씩?(?:이|이야|야|임|이에요|예요|인가요|인지|이나|나|쯤)?$/u;
/** Question words whose next noun says what kind of answer is wanted (`which hotel`, `어느 호텔`). */
const ANSWER_KIND_DETERMINER = /^(?:what|which|어느|무슨|어떤)$/u;
/** English question words. */
const ENGLISH_QUESTION_WORD = /^(?:who|whom|whose|what|whats|when|where|wheres|which|why|how|hows|whos)$/u;
/** English verb forms that are not nouns (`signed`, `chairing`). */
const ENGLISH_VERB_FORM = /^[a-z]{3,}(?:ed|ing)$/u;
/** Endings after a noun that make it a predicate (`개최했어`, `참석한`). */
const KOREAN_VERB_ENDING = /^(?:하|했|해|되|됐|돼|한|된|할|될|함|됨)/u;
/** Particles after a noun (`애크미도`, `기업은`, `협정서를`): the word is a noun. */
const KOREAN_NOUN_PARTICLE = /^(?:은|는|이|가|을|를|도|의|에|에서|에서는|에서도|에선|에는|에도|에게|와|과|와의|과의|로|으로|로는|으로는|랑|이랑|만|까지|부터|처럼|보다|께서|한테|들|들이|들은|들을|들의|이나|나)$/u;
/** Final syllables of a past-tense verb (`맺었어`, `열렸`): never a noun. */
const KOREAN_PAST = /[았었였했됐왔갔봤렸겼졌웠줬났섰켰쳤][가-힣]?$/u;
/** Sentence endings (`중요하대`, `짓는대`, `포함돼`, `열려요`); checked on words of three syllables or more, as short nouns end so too (`올해`, `기자`). */
const KOREAN_VERB_FINAL = /(?:[하했된한는았었였이]대|[어아나해세예에]요|어|아|여|니|냐|까|죠|돼|해|줘|봐|워|함|됨|음|옴|움|는지|는데|는거|한거|된거|하는|되는)$/u;

/** A verb that modifies a noun (`참석한 기업`, `맺은 사람`): part of what is asked about, not the asking. */
const KOREAN_MODIFIER_ENDING = /(?:[한된할던]|[은는])$/u;

/** A Korean verb that ends a clause (`열렸어`, `서명했어`), which a follow-up's own verb replaces. */
function isKoreanMainVerb(word: { verb: boolean; bare: string }): boolean {
  return word.verb && hasHangul(word.bare) && !KOREAN_MODIFIER_ENDING.test(word.bare);
}

/** True for a Korean word used as a verb or adjective rather than a noun (`열렸어`, `개최했어`, `참석한`, `포함돼`). */
function isKoreanPredicate(word: string): boolean {
  const stem = stripKoreanSuffix(word);
  const tail = word.slice(stem.length);
  if (tail !== '' && KOREAN_NOUN_PARTICLE.test(tail)) return false;
  if (tail !== '' && KOREAN_VERB_ENDING.test(tail)) return true;
  return KOREAN_PAST.test(word) || ([...word].length >= 3 && KOREAN_VERB_FINAL.test(word));
}

/** One word of a question as written, with what it does there. */
interface Word {
  /** The word as written, punctuation included. */
  raw: string;
  /** Lower-cased, without surrounding punctuation. */
  bare: string;
  start: number;
  end: number;
  question: boolean;
  anaphor: boolean;
  more: boolean;
  side: boolean;
  /** Names something (content word that is no verb). */
  topic: boolean;
  verb: boolean;
}

function splitIntoWords(text: string): Word[] {
  const words: Word[] = [];
  const folded = foldCase(text);
  const bares = [...folded.matchAll(/\S+/gu)].map((m) => ({ at: m.index, token: m[0], bare: m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]/gu, '') }));
  for (const [i, { at: start, token, bare }] of bares.entries()) {
    const end = start + token.length;
    const raw = text.slice(start, end);
    const hangul = hasHangul(bare);
    const next = bares[i + 1]?.bare;
    // A noun that alone says what is asked for (`장소는?`, `날짜는?`, `venue?`) works as a question word.
    const question = (hangul ? KOREAN_QUESTION_WORD.test(bare) : ENGLISH_QUESTION_WORD.test(bare)) || (bare !== '' && detectIntent(bare) !== 'what');
    const anaphor = hangul ? KOREAN_ANAPHOR.test(bare) || KOREAN_DETERMINER.test(bare) : isEnglishAnaphor(bare, bares[i - 1]?.bare, next, bares[i - 2]?.bare);
    const more = MORE.has(bare);
    const side = SIDE.test(bare);
    const content = bare !== '' && !question && !anaphor && !more && !side ? analyzeQuestionWord(bare) : null;
    const verb = content !== null && (hangul ? isKoreanPredicate(bare) : ENGLISH_VERB_FORM.test(bare));
    words.push({ raw, bare, start, end, question, anaphor, more, side, topic: content !== null && !verb, verb });
  }
  // `몇 곳이야`: the counter belongs to the question word.
  for (let i = 1; i < words.length; i++) {
    if (words[i - 1]!.bare === '몇' && KOREAN_COUNTER.test(words[i]!.bare)) Object.assign(words[i]!, { question: true, topic: false, verb: false });
  }
  // `how many`, `how much`, `how long`: one question phrase.
  for (let i = 1; i < words.length; i++) {
    if (words[i - 1]!.bare === 'how' && /^(?:many|much|long|often|far|old)$/u.test(words[i]!.bare)) Object.assign(words[i]!, { question: true, topic: false, verb: false });
  }
  return words;
}

/**
 * An English pronoun pointing back at what was said: not the existential "there" (`Is there a …`,
 * `there were …`), nor a demonstrative before the article or the present (`this story`, `this year`),
 * nor a relative "that" after a noun (`the section that names…`).
 */
function isEnglishAnaphor(word: string, before: string | undefined, after: string | undefined, twoBefore?: string): boolean {
  if (!ENGLISH_ANAPHOR.has(word)) return false;
  // "the section that names…": a relative pronoun after a noun phrase, not a pointer.
  if (word === 'that' && after !== undefined && twoBefore !== undefined && /^(?:the|a|an)$/u.test(twoBefore)) return false;
  if (word === 'there' && ((after !== undefined && BE.test(after)) || (before !== undefined && BE.test(before) && after !== undefined))) return false;
  if (ENGLISH_DEICTIC.test(word) && after !== undefined && (QUESTION_FRAMING_WORDS.has(after) || NOW_WORDS.has(after))) return false;
  return true;
}

/** The opening conjunction of a question, if any, as a length of text to skip. */
function connectiveLength(text: string): number {
  return LEADING_CONNECTIVE.exec(text.trimStart())?.[0].length ?? 0;
}

/** True when the question has a word or phrase of its own saying what it asks for (a question word, `장소`, `date`). */
function asksForItsOwn(words: readonly Word[], text: string): boolean {
  return words.some((w) => w.question) || detectIntent(text) !== 'what';
}

/** Words of its own from which a question is read alone. */
const STANDS_ALONE_TOPICS = 3;

/**
 * Why a question cannot stand on its own, from its wording alone; `null` when nothing says so.
 * A question with three or more words of its own ("Which anniversary of the FTA is it this year?",
 * "so is this dialogue yearly?", "list the other things the ministries will discuss") counts as
 * standing alone: its pronoun, conjunction or "other" is more likely grammar than a pointer.
 */
export function followUpCue(question: string): FollowUpCue | null {
  const text = question.trim();
  const words = splitIntoWords(text);
  const topics = words.filter((w) => w.topic).length;
  // Three or more words of its own say enough to be read alone, whatever "so", "else" or "it" it has.
  if (topics >= STANDS_ALONE_TOPICS) return null;
  if (connectiveLength(text) > 0) return 'connective';
  // "which hotel?", "on what day?", "어느 호텔?": the noun after the question word names the kind of answer, not a topic.
  const ownTopics = words.filter((w, i) => w.topic && !(i > 0 && ANSWER_KIND_DETERMINER.test(words[i - 1]!.bare))).length;
  if (words.some((w) => w.more)) return 'more';
  if (words.some((w) => w.anaphor)) return 'pronoun';
  // "소제목 두 개 뭐였지?" names a part of the article, which is a topic of its own.
  if (ownTopics === 0 && askedStructure(text) === null) return 'no-topic';
  if (topics === 1 && !words.some((w) => w.verb) && !asksForItsOwn(words, text)) return 'fragment';
  return null;
}

/**
 * True when a question names at most one thing of its own (`누가 개최했어?`, `who was the Chinese
 * signatory?`): short enough that, if it finds nothing answerable alone, it may lean on the previous
 * question. Longer questions that find nothing are taken to ask what the article does not say.
 */
export function namesLittle(question: string): boolean {
  return splitIntoWords(question.trim()).filter((w) => w.topic).length <= 1;
}

/** Longest reading kept: the previous question's words are dropped from the front past this. */
const MAX_READING_LENGTH = 300;

function join(parts: readonly string[]): string {
  return parts.join(' ').replace(/\s+([,?!.])/gu, '$1').replace(/\s+/gu, ' ').trim();
}

const withoutEndPunctuation = (text: string) => text.replace(/[\s?!.…,]+$/u, '');

/** What {@link readWithPrevious} may use besides the two questions. */
export interface ReadingAids {
  /** Named things and their kinds; without it nothing is swapped by kind. */
  kinds?: KindLexicon;
  /**
   * How specific a word is in the article (its IDF, say); without it a contrasted word ("석유 쪽은?",
   * "what about oil?") is added to the previous question rather than swapped into it.
   */
  specificity?: (word: string) => number;
}

/**
 * Reads a follow-up together with the previous question, as one question:
 * - a named thing of the same kind as one in the previous question takes its place
 *   ("중국은?" after "…참석한 일본 기업은?" → "…참석한 중국 기업은?", "and Beta?" after "Who represented Acme…");
 * - otherwise a single contrasted word ("석유 쪽은?", "what about oil?") takes the place
 *   of the previous question's most specific word ("가스" in "장관이 가스 관련해서 뭘 요청했어?");
 *   an added one (`애크미도 있어?`, "… too?") does not;
 * - a follow-up that asks its own question ("where?", "몇 곳이야?", "장소는?") replaces the previous
 *   question words, and, in Korean, a follow-up with its own verb replaces the previous verbs;
 * - conjunctions, pronouns and "else" words are dropped; what is left is added after the previous
 *   question ("signed the treaty, where?").
 *
 * @param current - the follow-up, as checked
 * @param previous - the previous question as it was read
 */
export function readWithPrevious(current: string, previous: string, aids: ReadingAids = {}): string {
  const rest = current.trimStart().slice(connectiveLength(current)).replace(/^[\s,]+/u, '');
  const words = splitIntoWords(rest);
  const ownQuestion = asksForItsOwn(words, rest);
  const ownKoreanVerb = words.some((w) => w.verb && hasHangul(w.bare));

  const consumed = new Set<Word>();
  const swaps = kindSwaps(rest, words, previous, aids.kinds, consumed);
  if (swaps.length === 0 && aids.specificity && !ownQuestion) {
    const contrast = contrastSwap(rest, words, previous, aids.specificity);
    if (contrast) {
      swaps.push(contrast.swap);
      consumed.add(contrast.word);
    }
  }
  let swapped = previous;
  for (const { start, end, by } of [...swaps].sort((a, b) => b.start - a.start)) swapped = swapped.slice(0, start) + by + swapped.slice(end);

  const kept = splitIntoWords(swapped).filter((w) => !(ownQuestion && w.question) && !(ownKoreanVerb && isKoreanMainVerb(w)));
  const previousPart = kept.map((w) => w.raw).join(' ');
  // Korean pronouns would be searched as words; English ones are stopwords and keep the reading readable.
  const added = words.filter((w) => !(w.anaphor && hasHangul(w.bare)) && !(w.more && hasHangul(w.bare)) && !(w.side && swaps.length > 0));
  // A follow-up that only names the swapped-in thing ("중국은?") has been said in full by the swap.
  if (!added.some((w) => !consumed.has(w) && (w.topic || w.verb || w.question))) return clip(join([previousPart]));
  const lead = withoutEndPunctuation(previousPart);
  return clip(join([lead ? `${lead},` : '', added.map((w) => w.raw).join(' ')]));
}

/** A stretch of the previous question and what replaces it. */
interface Swap {
  start: number;
  end: number;
  by: string;
}

/** Named things of the follow-up that take the place of one of the same kind in the previous question. */
function kindSwaps(rest: string, words: readonly Word[], previous: string, kinds: KindLexicon | undefined, consumed: Set<Word>): Swap[] {
  if (!kinds) return [];
  const previousSpans = kinds.find(previous);
  const taken = new Set<KindSpan>();
  const swaps: Swap[] = [];
  for (const span of kinds.find(rest)) {
    const target = previousSpans.find((p) => p.kind === span.kind && p.thing !== span.thing && !taken.has(p));
    if (!target) continue;
    taken.add(target);
    swaps.push({ start: target.start, end: target.end, by: rest.slice(span.start, span.end) });
    const covered = words.filter((w) => w.start < span.end && span.start < w.end);
    // The follow-up's words are used up when they say nothing but the named thing (particles aside).
    if (covered.every((w) => onlyParticlesOutside(w, span))) covered.forEach((w) => consumed.add(w));
  }
  return swaps;
}

/** English words that add rather than contrast ("Acme too?"). */
const ADDITIVE = /^(?:too|also|as well)$/u;

/**
 * "석유 쪽은?", "what about oil?": one word, no verb, no question word, not added with
 * 도 / "too"; it replaces the previous question's most specific word that it does not repeat.
 */
function contrastSwap(rest: string, words: readonly Word[], previous: string, specificity: (word: string) => number): { swap: Swap; word: Word } | null {
  const topics = words.filter((w) => w.topic);
  if (topics.length !== 1 || words.some((w) => w.verb || ADDITIVE.test(w.bare))) return null;
  const word = topics[0]!;
  const { core: by, tail } = splitParticles(rest.slice(word.start, word.end));
  if (/^도/u.test(tail)) return null;
  const key = stemOf(by);
  const before = splitIntoWords(previous);
  if (before.some((w) => w.topic && stemOf(splitParticles(w.raw).core) === key)) return null;
  const best = mostSpecific(before, specificity);
  if (!best) return null;
  const target = splitParticles(best.raw);
  const start = best.start + target.lead.length;
  return { swap: { start, end: start + target.core.length + target.tail.length, by: `${by}${harmonise(by, target.tail)}` }, word };
}

/** The word of a question that names the most specific thing in the article. */
function mostSpecific(words: readonly Word[], specificity: (word: string) => number): Word | null {
  let best: { word: Word; weight: number } | null = null;
  for (const word of words) {
    if (!word.topic) continue;
    const weight = specificity(splitParticles(word.raw).core);
    if (!best || weight > best.weight) best = { word, weight };
  }
  return best?.word ?? null;
}

/** A word as leading punctuation, its core, and (Korean) the particles after the core. */
function splitParticles(raw: string): { lead: string; core: string; tail: string } {
  const lead = /^[^\p{L}\p{N}]*/u.exec(raw)![0];
  const body = raw.slice(lead.length).replace(/[^\p{L}\p{N}]+$/u, '');
  if (!hasHangul(body)) return { lead, core: body, tail: '' };
  const core = stripKoreanSuffix(body);
  return { lead, core, tail: body.slice(core.length) };
}

const stemOf = (word: string) => (hasHangul(word) ? stripKoreanSuffix(word) : foldCase(word));

/** Particle pairs chosen by whether the noun before ends in a consonant: 은/는, 이/가, 을/를, 과/와. */
const PARTICLE_PAIRS: readonly [string, string][] = [['은', '는'], ['이', '가'], ['을', '를'], ['과', '와'], ['으로', '로'], ['이랑', '랑']];

/** The particles of the replaced word, in the form the new noun takes (`가스는` → `석유는`). */
function harmonise(noun: string, particles: string): string {
  const last = noun.charCodeAt(noun.length - 1) - 0xac00;
  const hangul = last >= 0 && last < 11172;
  const consonant = hangul ? last % 28 !== 0 : /[^aeiouy]$/iu.test(noun);
  for (const [afterConsonant, afterVowel] of PARTICLE_PAIRS) {
    const current = particles.startsWith(afterConsonant) ? afterConsonant : particles.startsWith(afterVowel) ? afterVowel : null;
    if (current) return (consonant ? afterConsonant : afterVowel) + particles.slice(current.length);
  }
  return particles;
}

/** True when a word holds nothing but the span, apart from punctuation and Korean particles after it. */
function onlyParticlesOutside(word: Word, span: KindSpan): boolean {
  const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  const before = letters(word.raw.slice(0, Math.max(0, span.start - word.start)));
  const after = letters(word.raw.slice(Math.min(word.raw.length, span.end - word.start)));
  return before === '' && (after === '' || isParticles(after));
}

/** True for a run of Korean particles (`은`, `에서는`, `도`). */
function isParticles(text: string): boolean {
  // Stripping keeps a stem of two syllables: put one in front and see whether only it is left.
  return hasHangul(text) && stripKoreanSuffix(`\uAC00\uAC00${text}`) === '\uAC00\uAC00';
}

/** Keeps a reading within {@link MAX_READING_LENGTH}, dropping the previous question's first words. */
function clip(reading: string): string {
  if (reading.length <= MAX_READING_LENGTH) return reading;
  const cut = reading.slice(reading.length - MAX_READING_LENGTH);
  const space = cut.indexOf(' ');
  return space >= 0 ? cut.slice(space + 1) : cut;
}
