import { stemmer } from 'stemmer';
/** Bump when tokens change: persisted vectors and keyword tokens built by another version are stale. */
export const ANALYZER_VERSION = 11;

/**
 * Korean-aware tokenisation shared by the keyword index, the lexical embedding and answer support.
 *
 * Korean glues particles and endings to words (`라운드테이블에`, `참석했어`), so whole words rarely
 * match between a question and the article. Each word therefore yields its particle-stripped stem
 * plus the stem's character bigrams; Latin words are lower-cased and lightly stemmed.
 */

const HANGUL = /\p{Script=Hangul}/u;
/** Runs of one script: Hangul, Latin letters, or digits (other letters count with Latin). */
const WORD_RUN = /\p{Script=Hangul}+|\p{Script=Latin}+|\p{N}+(?:[.,]\p{N}+)*|\p{L}+/gu;
/** A word as the user wrote it: letters and digits kept together (`232조`, `AB그룹`). */
const WORD = /[\p{L}\p{N}]+(?:[&'’](?=[\p{Script=Latin}\p{N}])[\p{L}\p{N}]+)*/gu;

/**
 * Trailing particles and verb endings, longest first. Stripping is greedy but keeps a stem of at
 * least two syllables, so `회장` never loses its `장`.
 */
const KOREAN_SUFFIXES = [
  '했습니까', '했었어요', '하였나요', '했었나요', '됐습니까', '되었나요', '였습니까', '입니까', '습니까',
  '했다던데', '했다는데', '한다던데',
  '했나요', '했어요', '했는지', '했었어', '했던', '했을까', '됐나요', '됐어요', '이었나', '인가요', '인지', '했다며', '했다고', '했다는',
  '이라던데', '이라는데', '이래요',
  '에서는', '에서도', '에게는', '으로는', '으로도', '에게서', '이라는', '이라고', '이라며', '한테서', '께서는', '이래',
  '했어', '했니', '했음', '했냐', '했나', '했다', '했대', '됐대', '한대', '된대', '하는', '하고', '하나', '해서', '해요', '됐어', '됐나', '됐냐', '된',
  '에서', '에선', '에는', '에도', '에게', '으로', '로는', '로도', '엔', '까지', '부터', '처럼', '보다', '와의', '과의', '과는', '와는',
  '이랑', '이나', '이란', '이야', '인가', '이고', '이며', '이다', '한테', '께서', '들이', '들은', '들을', '들의',
  '에', '은', '는', '한', '할', '던', '인', '이', '가', '을', '를', '의', '와', '과', '도', '로', '만', '랑', '임', '야', '냐', '요', '들', '함', '고', '며',
] as const;

/**
 * Function words: they carry no content in the article or in a question, so neither side indexes
 * them. Words that only frame a question (`who`, `알려줘`, `name`) are the query side's business
 * (see `search/query.ts`): the article's own sentences keep them.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // Korean determiners, conjunctions and bound nouns
  '그', '이', '저', '그리고', '및', '등', '것', '수', '거', '건', '게', '있', '했', '하', '해', '한', '할', '됨', '되', '된', '또', '또한', '더',
  // English
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'about', 'as', 'into', 'and', 'or',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'will',
  'would', 'could', 'should', 'can', 'may', 'might', 'that', 'this', 'these', 'those', 'it', 'its', 'they', 'them',
  'their', 'there', 'any', 'some', 'so', 'if', 'no', 'also', 'than', 'then', 'which', 'who', 'whom', 'whose',
  'what', 'when', 'where', 'why', 'how', 'he', 'she', 'his', 'her', 'him', 'we', 'our', 'us', 'you', 'your', 'i', 'my', 'me',
]);

/** A word that is only a light verb or the negative copula plus endings (`했어`, `됐음`, `나왔나요`, `하자는`, `아님`): no content. */
const KOREAN_LIGHT_VERB = /^(?:했|됐|왔|나왔|였|이었|하|되|해|돼|한|된|할|있|없|아니|아닌|아님|아냐)(?:어|나|음|니|냐|요|다|지|대|래|던|데|을|는|고|으|습니까|나요|어요|었|던가|을까|는지|겠|겠어|자)*$/u;
/** The nominaliser 거 with a copula or quotative (`거야`, `거라고`, `거임`): grammar, not content. */
const KOREAN_NOMINALISER = /^(?:거|건|게)(?:라고|라|야|임|지|래|예요|에요|였어|였음|인가|냐)?$/u;
/** Lower-cases and NFC-normalises text for matching. */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** True when the text contains at least one Hangul character. */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

function stripOnce(word: string): string {
  for (const suffix of KOREAN_SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    // `앞으로` is not `앞으` + `로`: a stem cannot end in the linking vowel 으.
    if (stem.length >= 2 && !stem.endsWith('으')) return stem;
  }
  return word;
}

/**
 * Removes one trailing particle or ending from a word that mixes scripts (`1집에서`, `s8의`), keeping
 * at least one Hangul syllable after the digits or letters when the word had more (`10주년이` →
 * `10주년`, not `10`).
 */
function stripMixedSuffix(word: string): string {
  if (!/\p{Script=Hangul}$/u.test(word)) return word;
  for (const suffix of KOREAN_SUFFIXES) {
    // After a number, 엔 is the yen (`1만엔`), not the contraction of 에는.
    if (!word.endsWith(suffix) || suffix === '엔') continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length > 0 && !/\p{Script=Hangul}/u.test(stem.at(-1)!) ) return stem;
    if (stem.length > 0 && /[^\p{Script=Hangul}]\p{Script=Hangul}+$/u.test(stem)) return stem;
  }
  return word;
}

/**
 * Removes trailing particles and endings from a Hangul word, keeping at least two syllables. Two
 * rounds, so that a word keeps one key with or without a particle: `마르코도는` → `마르코도` → `마르코`,
 * like `마르코도` → `마르코`.
 */
export function stripKoreanSuffix(word: string): string {
  const once = stripOnce(word);
  if (once === word) return word;
  // Only a particle stacks before another (`마르코도는`, `이번에는`): a second round that took a verb
  // ending would cut a noun (`생산라인을` is `생산라인`, not `생산라`).
  const twice = stripOnce(once);
  return STACKING_PARTICLES.has(once.slice(twice.length)) ? twice : once;
}

/** Particles that may stand before another particle. */
const STACKING_PARTICLES: ReadonlySet<string> = new Set(['에서', '에선', '에는', '에도', '에게', '으로', '로는', '로도', '까지', '부터', '처럼', '보다', '와의', '과의', '한테', '께서', '들이', '들은', '들을', '들의', '에', '은', '는', '이', '가', '을', '를', '의', '와', '과', '도', '로', '만', '랑', '들']);

/**
 * Final syllables of inflected Korean verbs (`봤어`, `세우려고`, `쓰겠대`, `따라온`, `열리는거`, the contracted
 * `정해져`, `써야돼`, `알려줘`, and the past
 * adnominals `부른`, `열린`, `모인`); not 자, which ends far more nouns (`기자`, `투자`, `참석자`) than verbs
 * (`하자`), nor the nouns 어른, 서른, 기린.
 */
const VERBAL_ENDING = /(?:[는은한된할던]거|[았었였겠했됐봤왔갔줬웠맡]|어|아|고|려|대|래|니|냐|나|다|데|음|서|며|면|지|던|온|간|운|는|은|게|요|져|돼|줘|(?<!어|서)른|(?<!기)린|모인)$/u;

/**
 * Chat endings of longer verbs (three syllables or more, so that nouns such as 포함, 산림, 전남, 선거
 * stay nouns): the nominalised -ㅁ (`적용됨`, `시작함`, `오래걸림`), an adnominal before 거
 * (`퍼온거`, `빼돌린거`; not 대통령선거, 근거) and before a glued 수 (`받을수`, `먹을수`).
 */
const CHAT_VERBAL_ENDING = /(?:됨|함|림|남|짐)$|(?<!선|근)[\uAC00-\uD7A3]거$|(?:[할될쓸볼갈올살줄]|을)수$/u;

/** True for a Hangul word that looks like an inflected verb rather than a noun. */
export function looksLikeKoreanVerb(word: string): boolean {
  if (!hasHangul(word)) return false;
  if (VERBAL_ENDING.test(word)) return true;
  if ([...word].length < 3 || !CHAT_VERBAL_ENDING.test(word)) return false;
  // Before 거, only an adnominal syllable makes a verb: `퍼온거`, not `증거`.
  return !word.endsWith('거') || closedByNieunOrRieul(word.at(-2)!);
}

/** Final-consonant indices of a Hangul syllable: ㄴ and ㄹ, which close the adnominal endings -ㄴ and -ㄹ (`꺼낸`, `할`). */
const JONGSEONG_NIEUN = 4;
const JONGSEONG_RIEUL = 8;

/** True for a Hangul syllable closed by ㄴ or ㄹ, as adnominal verb forms are (`온`, `린`, `할`). */
export function closedByNieunOrRieul(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  if (code < 0 || code >= 11172) return false;
  const final = code % 28;
  return final === JONGSEONG_NIEUN || final === JONGSEONG_RIEUL;
}

/** The light verb 하다/되다 in an ending stripped from a noun (`함`, `했어`, `한대`, `됐나요`): the noun is an action. */
const LIGHT_VERB_SUFFIX = /^(?:했|됐|하|해|한|할|함|된|됨|되|돼)/u;

/** True for a Hangul word that is a noun with the light verb 하다/되다 (`싸인함`, `진행했어`). */
export function hasLightVerb(word: string): boolean {
  if (!hasHangul(word)) return false;
  let known = lightVerbWords.get(word);
  if (known === undefined) {
    const stem = stripKoreanSuffix(word);
    known = stem.length < word.length && LIGHT_VERB_SUFFIX.test(word.slice(stem.length));
    if (lightVerbWords.size >= CACHE_LIMIT) lightVerbWords.clear();
    lightVerbWords.set(word, known);
  }
  return known;
}

const lightVerbWords = new Map<string, boolean>();

/** True for an analysed word that names an action: an inflected verb, or a noun that came with a light verb. */
export function isVerbLike(word: AnalyzedWord): boolean {
  return word.verbal === true || looksLikeKoreanVerb(word.key);
}

/** A Latin word without its accents (`temür` → `temur`, `café` → `cafe`): people type names both ways. */
export function withoutAccents(word: string): string {
  return /[^\u0000-\u007f]/u.test(word) ? word.normalize('NFD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').normalize('NFC') : word;
}

/** English stem by the Porter algorithm (`branded` → `brand`, `firms` → `firm`, `companies` → `compani`). */
export function stemEnglish(word: string): string {
  return stemmer(word.replace(/['’]s$/u, ''));
}

/** Character n-grams of a word. */
export function charNgrams(word: string, n: number): string[] {
  const chars = [...word];
  if (chars.length < n) return [];
  const grams: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
  return grams;
}

/** One content word of a text, analysed for matching. */
export interface AnalyzedWord {
  /** The normalised matching key: Hangul stem, stemmed English word, or number. */
  key: string;
  /** Extra tokens that also identify the word: Hangul bigrams of the stem, script runs of mixed words. */
  parts: string[];
  hangul: boolean;
  /** Set by question analysis on the noun of a closing predicate with 하다 (`어디서 싸인함`): it names an action, as a verb does. Always present, so every word has one shape. */
  verbal: boolean;
}

/** Analysed words by stopword list: articles and questions repeat their words, and stemming is the costly part. */
const analysisCache = new WeakMap<ReadonlySet<string>, Map<string, AnalyzedWord | null>>();
/** Words remembered per stopword list; past this the cache starts afresh, so months of questions stay bounded. */
const CACHE_LIMIT = 100_000;

/**
 * Analyses one word (already case-folded); returns null for stopwords and lone syllables. The result
 * is shared between calls: treat it as read-only.
 */
export function analyzeWord(word: string, stopwords: ReadonlySet<string> = FUNCTION_WORDS): AnalyzedWord | null {
  let cache = analysisCache.get(stopwords);
  if (!cache) analysisCache.set(stopwords, (cache = new Map()));
  const known = cache.get(word);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const analyzed = analyzeUncached(word, stopwords);
  cache.set(word, analyzed);
  return analyzed;
}

function analyzeUncached(word: string, stopwords: ReadonlySet<string>): AnalyzedWord | null {
  if (stopwords.has(word)) return null;
  word = word.replace(/['’]s$/u, '');
  const runs = word.match(WORD_RUN) ?? [];
  if (runs.length > 1) {
    // A particle after a mixed word belongs to no run of it: `1집에서` is `1집`, `s8의` is `s8`, `sk그룹은` is `sk그룹`.
    const stem = stripMixedSuffix(word);
    if (stem !== word) return analyzeWord(stem, stopwords);
    // Mixed scripts (`sk그룹`, `232조`): the whole word and each meaningful run.
    const parts = runs.flatMap((run) => {
      const sub = analyzeWord(run, stopwords);
      return sub ? [sub.key, ...sub.parts] : [];
    });
    return { key: word, parts, hangul: hasHangul(word), verbal: false };
  }
  if (hasHangul(word)) {
    if (KOREAN_LIGHT_VERB.test(word) || KOREAN_NOMINALISER.test(word)) return null;
    const stem = stripKoreanSuffix(word);
    if (stopwords.has(stem) || [...stem].length < 2) return null;
    return { key: stem, parts: charNgrams(stem, 2).filter((g) => g !== stem), hangul: true, verbal: false };
  }
  if (/^\p{N}/u.test(word)) return { key: word, parts: [], hangul: false, verbal: false };
  const stem = stemEnglish(withoutAccents(word));
  if (stopwords.has(stem) || stem.length < 2) return null;
  return { key: stem, parts: [], hangul: false, verbal: false };
}

/** Splits text into case-folded words (letters and digits, keeping `R&D` and `232조` whole). */
export function splitWords(text: string): string[] {
  return foldCase(text).match(WORD) ?? [];
}

/** Content words of a text, analysed. */
export function analyzeText(text: string, stopwords: ReadonlySet<string> = FUNCTION_WORDS): AnalyzedWord[] {
  const words: AnalyzedWord[] = [];
  for (const word of splitWords(text)) {
    const analyzed = analyzeWord(word, stopwords);
    if (analyzed) words.push(analyzed);
  }
  return words;
}

/** The flat token stream used by the keyword index: every key and part. */
export function indexTokens(text: string): string[] {
  return analyzeText(text).flatMap((w) => [w.key, ...w.parts]);
}
