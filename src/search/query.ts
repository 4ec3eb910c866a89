import type { FuzzyVocabulary } from './fuzzy.js';
import type { GlossaryMatcher } from './glossary.js';
import { orderedWordPairs } from './word-order.js';
import { registerSynonyms } from './register-synonyms.js';
import { analyzeWord, closedByNieunOrRieul, foldCase, FUNCTION_WORDS, hasHangul, hasLightVerb, splitWords, type AnalyzedWord } from './tokenize.js';

/**
 * Words that frame a question rather than name what it asks about: question words, requests,
 * fillers. Removed from questions only; the article's own sentences keep them.
 */
export const QUESTION_FRAMING_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  // Korean discourse connectives and demonstratives of chat (`그래서 결론이 뭐임`, `근데 이거`)
  '그래서', '그럼', '그러면', '그런데', '근데', '그러니까', '그니까', '암튼', '아무튼', '하지만', '그래도', '이거', '저거', '요거', '이건', '저건',
  // Korean question words, requests, fillers and politeness
  '누구', '누가', '누군', '누군지', '무엇', '무엇을', '뭐', '뭐야', '뭐지', '뭔가', '뭔지', '뭘', '무슨', '어떤', '어떻게', '어땠',
  '언제', '어디', '어디서', '어디에서', '왜', '몇', '몇개', '몇곳', '몇명', '얼마', '얼마나', '알려줘', '알려주세요',
  '알려', '주세요', '줘', '좀', '혹시', '나요', '어요', '요', '기사', '기사에서', '기사에', '기사엔',
  '그대로', '이름', '날짜', '장소', '위치', '나이', '연령', '명칭', '직책', '직함', '직위', '예시', '정식', '정확', '정확히', '의미', '내용', '요약', '요약해', '요약해줘', '관련', '관련해', '관련해서', '관한', '관해',
  '관련해선', '대해', '대해서', '대한', '부분', '정도', '전부', '모두', '다', '굳이', '원래', '리스트', '목록', '제일', '가장',
  '정확하게', '구체적', '구체적으로', '그날', '이날', '통해', '통해서', '것도', '거야', '건가', '뭔데', '말', '얘기', '얘기해줘', '이야기', '설명', '설명해줘',
  '정리', '정리해줘', '나열', '나열해', '나열해줘', '열거', '열거해', '열거해줘', '간추려', '간추려줘', '핵심만', '줄거리', '제목', '부제', '부제목', '소제목', '헤드라인', '그거', '점은', '말해줘', '뽑아줘', '어때', '어땠어', '어땠음', '보니까', '그건', '있는데', '쭉', '것들', '뭐였지', '뭐임', '뭐였어', '사람', '사람들', '나왔', '나왔어', '나왔나요', '나왔나', '나옴', '나왔음', '나왔대', '나와', '나와요', '나오나', '나오나요', '나오냐', '나오니', '나오는', '나오는지', '나온', '나오지', '있었', '있었어', '있었나요', '했대', '맞아', '맞나요', '맞지',
  // Korean chat adverbs and fillers: how the asker feels about it, not what the article says (`근데 왜 갑자기 바꿈?`)
  '갑자기', '당장', '진짜', '정말', '그냥', '대충', '완전', '엄청', '너무', '결국', '솔직히', '도대체', '대체', '일단', '아무래도', '과연', '그렇게', '이렇게', '저렇게', '어쩌다',
  // English prepositions, determiners and conjunctions that the shared function words leave out ("the subheads under the title")
  'under', 'between', 'within', 'without', 'through', 'throughout', 'during', 'against', 'among', 'amongst', 'per', 'via', 'upon', 'onto',
  'toward', 'towards', 'across', 'behind', 'beyond', 'below', 'above', 'beside', 'besides', 'despite', 'each', 'both', 'either', 'neither',
  'such', 'whether', 'while', 'although', 'though', 'because', 'unless', 'until',
  // English question words, requests and fillers
  'many', 'much', 'get', 'got', 'tell', 'please', 'article', 'mention', 'mentioned', 'according', 'exactly', 'again',
  'date', 'venue', 'location', 'located', 'job', 'occupation', 'profession', 'else', 'most', 'kind', 'sort', 'example', 'examples', 'whats', 'anyway', 'supposed', 'really', 'actually', 'thing', 'anything', 'something', 'everything', 'stuff',
  'know', 'name', 'called', 'meaning', 'mean', 'detail', 'summary', 'summarize', 'summarise', 'overview', 'gist', 'tl', 'dr', 'tldr', 'brief', 'briefly', 'list', 'regarding', 'basically',
  'happen', 'happened', 'say', 'said', 'talk', 'talked', 'discuss', 'discussed', 'story', 'report', 'piece', 'all', 'every', 'just', 'too', 'pls', 'plz', 'like', 'headline', 'headlines', 'title', 'subheadline', 'subheadlines', 'subheading', 'subheadings', 'subtitle', 'subtitles', 'subhead', 'subheads', 'wait', 'ok', 'okay', 'hey', 'guys', 'someone', 'anyone',
]);

/** Question words glued to endings (`누구였어`, `뭐뭐야`, `어디어디`): framing, not content. */
// `어케`/`어캐`: chat spellings of 어떻게.
const KOREAN_QUESTION_WORD = /^(?:누구|누가|뭐|뭘|무엇|무슨|언제|어디|어느|어떻|어떤|어땠|얼마|왜|며칠|어케|어캐)/u;
/** A counter after a separate `몇` (`몇 명임`, `몇 곳이야`): the question word's, not content. */
const KOREAN_COUNTER = /^(?:명|곳|개|번|회|군데|가지|살|세)씩?(?:이|이야|야|임|이에요|예요|인가요|인가|인지|이나|나)?$/u;
/** A particle or copula standing for a whole word once `몇` is taken off (`몇으로`, `몇이야`). */
const PARTICLE_ONLY = /^(?:으로|로|에서|에게|까지|부터|처럼|보다|이나|이랑|이야|이에요|예요|이지|인지|이고|이|가|을|를|은|는|에|의|도|만|와|과|야)$/u;
/** `년도`/`연도` (`몇 년도에`, `몇년도부터`): asks which year, and a text writes years as `2018년`, never with it; the answer's kind, not content. */
const YEAR_COUNTER = /^(?:년도|연도)/u;
/** A counter of time with how it spans, after a glued `몇` (`몇년만에`, `몇개월째`, `몇시간동안`). */
const TIME_SPAN_ASKED = /^(?:년|개월|달|주|일|시간|분)(?:만에|만|동안|간|째|쯤)?$/u;
/** `몇` glued to a counter (`몇번`, `몇개국`): the counter carries the content. */
const HOW_MANY_PREFIX = /^몇\s*/u;

/**
 * A one-syllable noun with a topic or object particle (`곳은`, `것은`, `상을`, `수는`; not 이/가, which end
 * many two-syllable nouns like `나이`): the stem is
 * too short to mean anything alone, like any lone syllable, and the particle is grammar.
 */
const LONE_SYLLABLE_WITH_PARTICLE = /^[가-힣](?:은|는|을|를)$/u;
/** Particles and bound nouns standing apart (`1월 부터`, `때문에`): grammar, not content. */
const KOREAN_FREE_GRAMMAR = /^(?:부터|까지|만에|동안|동안에|동안은|때문|때문에|때문인가|통해|통해서|위해|위해서|대해|대해서|관해|관해서|중에|중에서)$/u;

/** Bare consonants and vowels (`ㅇㅋ`, `ㅋㅋ`, `ㅠㅠ`): chat noise, not words. */
const JAMO_ONLY = /^[\u3131-\u318E]+$/u;

/** One content word of a question, analysed with the question-side rules. */
export function analyzeQuestionWord(word: string): AnalyzedWord | null {
  if (hasHangul(word)) {
    if (JAMO_ONLY.test(word)) return null;
    if (KOREAN_QUESTION_WORD.test(word) || KOREAN_COUNTER.test(word) || YEAR_COUNTER.test(word)) return null;
    if (LONE_SYLLABLE_WITH_PARTICLE.test(word) || KOREAN_FREE_GRAMMAR.test(word)) return null;
    if (HOW_MANY_PREFIX.test(word)) {
      const rest = word.replace(HOW_MANY_PREFIX, '');
      // `몇살부터`, `몇명이나`: a counter with only a particle after it belongs to the question word.
      const counter = rest.slice(0, 1);
      if (KOREAN_COUNTER.test(counter) && (rest.length === 1 || PARTICLE_ONLY.test(rest.slice(1)))) return null;
      // `몇년만에`, `몇시간째`: a span of time asked for, which the article writes `6년 만에`.
      if (TIME_SPAN_ASKED.test(rest)) return null;
      // `몇으로`, `몇이야`: only a particle or copula follows; there is no counter and no content.
      return rest.length > 0 && !PARTICLE_ONLY.test(rest) ? analyzeQuestionWord(rest) : null;
    }
  }
  return analyzeWord(word, QUESTION_FRAMING_WORDS);
}

/** Content words of a question (framing words removed). */
export function analyzeQuestionText(text: string): AnalyzedWord[] {
  const words: AnalyzedWord[] = [];
  for (const raw of splitWords(text)) {
    const word = analyzeQuestionWord(raw);
    if (word) words.push(word);
  }
  return words;
}

/**
 * One thing a question asks about. A glossary hit (`Acme` / `애크미`) is one concept with an
 * alternative per surface form; any other content word is a concept with one alternative, plus
 * the article's words it is probably a misspelling of.
 */
export interface Concept {
  label: string;
  /** Each alternative is the analysed words of one surface form; matching any one suffices. */
  alternatives: AnalyzedWord[][];
  /** Article words this one probably misspells or romanizes; they match at a discount. */
  fuzzy: AnalyzedWord[];
  /** True when the concept came from the glossary. */
  known: boolean;
  /** True for a name: a glossary entry whose English form is capitalised, or a capitalised word mid-question. */
  properName: boolean;
}

/** A question prepared for retrieval. */
export interface AnalyzedQuery {
  text: string;
  concepts: Concept[];
  /** Text for the vector side: the question plus the other-language forms of its glossary hits. */
  expandedText: string;
  /** Neighbouring English content words of the question, in order (see word-order.ts). */
  wordPairs: [string, string][];
}

/** Where a question's words may be looked up: the glossary (optional) and the article's vocabulary. */
export interface QueryResources {
  glossary?: GlossaryMatcher | null;
  /** Words of the article, for misspelt names; without it, words match exactly or by bigrams. */
  vocabulary?: { has(key: string): boolean; fuzzy: FuzzyVocabulary } | null;
}

/**
 * Capitalised words after the first, by the key their word gets (`Did Intel attend?` → `intel`): the
 * names a question mentions. Keys, so a name that stemming changes (`Zellweger` → `zellweg`) is still one.
 */
export function capitalisedWords(question: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const written of question.match(/(?<=\s)\p{Lu}[\p{L}\p{N}]*/gu) ?? []) {
    const key = analyzeQuestionWord(foldCase(written))?.key;
    if (key) names.set(key, written);
  }
  return names;
}

/** Two or more capital Latin letters, dots allowed (`US`, `U.S.`, `IT`). */
const isAcronym = (text: string) => /^(?:\p{Lu}\.?){2,}$/u.test(text);

/** A short form written as a name: an acronym (`US`), or lower case after "the" (`the us commerce secretary`). */
function writtenAsName(question: string, start: number, end: number): boolean {
  const form = question.slice(start, end);
  return isAcronym(form) || (/^\p{L}{2,3}$/u.test(form) && /\bthe\s+$/iu.test(question.slice(0, start)));
}

/** The bound nouns that an adnominal verb form modifies (`거`, `것`, `건`, `게`, `걸`), with their endings. */
const BOUND_NOUN = /^(?:거|것|건|게|걸)/u;

/**
 * Lone syllables that are grammar, not nouns: pronouns and demonstratives, adverbs, prenominal forms,
 * bound nouns and counters, one-syllable verb forms, particles. Any other lone syllable may be a noun
 * (`비`, `돈`, `왕`).
 */
const GRAMMAR_SYLLABLES: ReadonlySet<string> = new Set([
  ...'나너저그이제내네걔얘쟤뭐왜누두석넉닷엿',
  ...'더또좀잘다안못꼭막딱꽤참늘곧걍즉단약총및각첫새옛헌온전후',
  ...'것거게수때곳측쪽점데바뿐분번개명년월일중등건편채호씨님듯줄만탓양해회위대간외말시초날살',
  ...'와가돼봐줘써놔져쳐타자서커떠켜한된본준난탄선큰갈올할될볼갔왔했됐봤줬샀났탔섰컸냈있없좋싫같',
  ...'은는을를의에도과로랑요야',
]);

/** Particles a one-syllable noun carries in the same word (`비가`, `왕은`); the article's words keep them, as its stems keep two syllables. */
const ONE_SYLLABLE_NOUN_PARTICLES = ['', '은', '는', '이', '가', '을', '를', '의', '에', '도', '와', '과', '로', '만', '랑'];

/**
 * The article's forms of a lone Hangul syllable typed as a noun (`비 얼마나 왔어?` → `비가`, `비는`),
 * or none when it is grammar, closes the question (its verb: `비 와?`) or the article never writes it.
 */
function loneNounForms(raws: readonly string[], i: number, vocabulary: QueryResources['vocabulary']): string[] {
  const raw = raws[i]!;
  if (!vocabulary || i === raws.length - 1 || !/^\p{Script=Hangul}$/u.test(raw) || GRAMMAR_SYLLABLES.has(raw)) return [];
  return ONE_SYLLABLE_NOUN_PARTICLES.map((particle) => raw + particle).filter((form) => vocabulary.has(form));
}

/** True for a Korean word in an adnominal form: ending in 는 or 던, or in a syllable closed by ㄴ or ㄹ (`모이는`, `했던`, `꺼낸`, `갈`). */
function isAdnominal(word: string): boolean {
  return /(?:는|던)$/u.test(word) || closedByNieunOrRieul(word.at(-1) ?? '');
}

/** The last word of a text, when it is Hangul (a Korean question's predicate); found without splitting the whole text. */
function lastWord(text: string): string | undefined {
  return /[가-힣]+(?=[^\p{L}\p{N}]*$)/u.exec(text)?.[0];
}

/** Syllables the first word of a run-together pair must have: a lone syllable is too often part of another word. */
const SPACED_MIN_SYLLABLES = 2;

/**
 * A Korean word typed without the space inside it (`버스노선`, `보고있대`, `빼돌린돈`), read as the two
 * words the article has: the first an article word of two syllables or more, the second an article
 * word or only grammar (`있대`, a lone `돈`). Null when no split finds both, and for words the article
 * has whole. The longest first word wins.
 */
export function spacedReading(raw: string, vocabulary: { has(key: string): boolean }): AnalyzedWord[] | null {
  const syllables = [...raw];
  for (let cut = syllables.length - 1; cut >= SPACED_MIN_SYLLABLES; cut--) {
    const left = syllables.slice(0, cut).join('');
    if (!/^[가-힣]+$/u.test(left) || !vocabulary.has(left)) continue;
    const first = analyzeQuestionWord(left);
    if (!first || first.key !== left) continue;
    const second = analyzeQuestionWord(syllables.slice(cut).join(''));
    if (second === null) return [first];
    if (vocabulary.has(second.key)) return [first, second];
  }
  return null;
}

/** Splits a question into concepts, expanding glossary entries into both languages. */
export function analyzeQuery(question: string, resources: QueryResources = {}): AnalyzedQuery {
  const matches = resources.glossary?.match(question) ?? [];
  let rest = question.normalize('NFC').toLowerCase();
  const concepts: Concept[] = [];
  const expansions: string[] = [];
  for (const m of matches) {
    // A glossary form that only frames the question (`얘기`, `talk about`) is not what it asks about,
    // unless it is written as a name (`US` and `the us` are a country, `us` a pronoun).
    if (analyzeQuestionText(m.form).length === 0 && !writtenAsName(question.normalize('NFC'), m.start, m.end)) continue;
    // Particles glued to a Korean form (`라운드테이블에서`) belong to it, not to the next concept.
    let end = m.end;
    while (end < rest.length && /\p{Script=Hangul}/u.test(rest[end]!)) end++;
    rest = rest.slice(0, m.start) + ' '.repeat(end - m.start) + rest.slice(end);
    const forms = [...m.entry.ko, ...m.entry.en];
    const alternatives = forms.map((f) => analyzeQuestionText(f)).filter((a) => a.length > 0);
    if (alternatives.length === 0) continue;
    concepts.push({ label: m.form, alternatives, fuzzy: [], known: true, properName: /^\p{Lu}/u.test(m.entry.en[0] ?? '') });
    expansions.push(...forms);
  }
  const names = capitalisedWords(question);
  // A Korean question ends in its predicate: a noun there with 하다 (`어디서 싸인함`) names the action asked about, which paraphrase varies as it varies verbs.
  const last = lastWord(rest);
  const predicate = last !== undefined && hasLightVerb(last) ? analyzeQuestionWord(last)?.key : undefined;
  const raws = splitWords(rest);
  for (const [i, raw] of raws.entries()) {
    const forms = loneNounForms(raws, i, resources.vocabulary);
    if (forms.length > 0) {
      concepts.push({ label: raw, alternatives: forms.map((key) => [{ key, parts: [], hangul: true, verbal: false }]), fuzzy: [], known: false, properName: false });
      expansions.push(...forms);
      continue;
    }
    const analyzed = analyzeQuestionWord(raw);
    if (!analyzed) continue;
    // Before the bound noun 거/것 (`모이는 거임?`, `나갈 거야`) a word in -는/-ㄴ/-ㄹ modifies it: a verb, however its stem looks.
    const modifiesBoundNoun = isAdnominal(raw) && BOUND_NOUN.test(raws[i + 1] ?? '');
    const word = analyzed.key === predicate || modifiesBoundNoun ? { ...analyzed, verbal: true } : analyzed;
    const vocabulary = resources.vocabulary;
    const unseen = vocabulary && !vocabulary.has(word.key) && !word.parts.some((p) => vocabulary.has(p));
    const fuzzy = unseen ? vocabulary.fuzzy.nearest(word.key, names.has(word.key)).map((m) => ({ key: m.key, parts: [], hangul: hasHangul(m.key), verbal: false })) : [];
    const synonyms = registerSynonyms(word.key).map((phrase) => phrase.split(' ').map((key) => ({ key, parts: [], hangul: word.hangul, verbal: false })));
    const spaced = vocabulary && word.hangul && !vocabulary.has(word.key) ? spacedReading(raw, vocabulary) : null;
    concepts.push({ label: word.key, alternatives: [[word], ...synonyms, ...(spaced ? [spaced] : [])], fuzzy, known: false, properName: !word.hangul && names.has(word.key) });
  }
  const written = question.normalize('NFC');
  const termKeys = matches.map((m) => analyzeQuestionText(written.slice(m.start, m.end)).map((w) => w.key));
  return {
    text: question,
    concepts,
    expandedText: [question, ...expansions, ...concepts.flatMap((c) => c.fuzzy.map((f) => f.key))].join(' '),
    wordPairs: orderedWordPairs(analyzeQuestionText(written).map((w) => w.key), termKeys),
  };
}

/** Credit for a word matched only through a likely misspelling. */
export const FUZZY_MATCH = 0.85;

/** How well a set of passage tokens contains one analysed word: 1 for the word, else the share of its bigrams. */
export function wordMatch(word: AnalyzedWord, tokens: ReadonlySet<string>): number {
  if (tokens.has(word.key)) return 1;
  if (word.parts.length === 0) return 0;
  let hits = 0;
  for (const p of word.parts) if (tokens.has(p)) hits++;
  return hits / word.parts.length;
}

/** How well passage tokens contain a concept: the best of its alternatives (all words of a form must match). */
export function conceptMatch(concept: Concept, tokens: ReadonlySet<string>): number {
  let best = 0;
  for (const alternative of concept.alternatives) {
    let sum = 0;
    for (const w of alternative) sum += wordMatch(w, tokens);
    best = Math.max(best, sum / alternative.length);
    if (best === 1) return 1;
  }
  for (const f of concept.fuzzy) if (tokens.has(f.key)) return Math.max(best, FUZZY_MATCH);
  return best;
}
