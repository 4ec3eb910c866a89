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
/** A word as the user wrote it: letters and digits kept together (`232조`, `SK그룹`). */
const WORD = /[\p{L}\p{N}]+(?:[&'’][\p{L}\p{N}]+)*/gu;

/**
 * Trailing particles and verb endings, longest first. Stripping is greedy but keeps a stem of at
 * least two syllables, so `회장` never loses its `장`.
 */
const KOREAN_SUFFIXES = [
  '했습니까', '했었어요', '하였나요', '했었나요', '됐습니까', '되었나요', '였습니까', '입니까', '습니까',
  '했나요', '했어요', '했는지', '했었어', '했던', '했을까', '됐나요', '됐어요', '이었나', '인가요', '인지',
  '에서는', '에서도', '에게는', '으로는', '으로도', '에게서', '이라는', '이라고', '한테서', '께서는',
  '했어', '했니', '했음', '했냐', '했나', '했다', '하는', '하고', '하나', '해서', '해요', '됐어', '됐나', '됐냐', '된',
  '에서', '에선', '에는', '에도', '에게', '으로', '로는', '로도', '까지', '부터', '처럼', '보다', '와의', '과의', '과는', '와는',
  '이랑', '이나', '이란', '이야', '인가', '이고', '이며', '이다', '한테', '께서', '들이', '들은', '들을', '들의',
  '에', '은', '는', '한', '할', '던', '인', '이', '가', '을', '를', '의', '와', '과', '도', '로', '만', '랑', '임', '야', '냐', '요', '들', '함', '고', '며',
] as const;

/** Question words, fillers and function words that say nothing about the content. */
const STOPWORDS = new Set([
  // Korean question words, fillers and politeness
  '누구', '누가', '누군', '누군지', '무엇', '무엇을', '뭐', '뭐야', '뭐지', '뭔가', '뭔지', '뭘', '무슨', '어떤', '어떻게', '어땠',
  '언제', '어디', '어디서', '어디에서', '왜', '몇', '몇개', '몇곳', '몇명', '얼마', '얼마나', '알려줘', '알려주세요',
  '알려', '주세요', '줘', '좀', '혹시', '그', '이', '저', '그리고', '및', '등', '것', '수', '거', '건', '게', '있', '있어', '있나요',
  '했', '하', '해', '한', '할', '됨', '되', '된', '나요', '어요', '요', '기사', '기사에서', '기사에',
  // Korean words that frame a question rather than name its content
  '이름', '명칭', '정식', '정확', '정확히', '역할', '의미', '입장', '내용', '요약', '요약해', '요약해줘', '직함', '소속',
  '관련', '관련해', '관련해서', '관련해선', '대해', '대해서', '대한', '부분', '사람', '같은', '같이', '정도', '전부',
  '모두', '굳이', '원래', '리스트', '목록', '레벨', '제일', '가장', '정확하게', '앞으로', '나라', '두', '혼자', '중에', '이번', '그날', '이날', '통해', '통해서', '것도', '거야', '건가', '뭔데', '말', '얘기해줘', '설명', '설명해줘',
  // English function and question words
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'about', 'as', 'into', 'and', 'or',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'will',
  'would', 'could', 'should', 'can', 'may', 'might', 'what', 'which', 'who', 'whom', 'whose', 'when', 'where',
  'why', 'how', 'many', 'much', 'that', 'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'there',
  'any', 'some', 'all', 'get', 'got', 'tell', 'me', 'us', 'we', 'our', 'you', 'your', 'i', 'my', 'so', 'if', 'not',
  'no', 'yes', 'up', 'out', 'also', 'just', 'please', 'article', 'mention', 'mentioned',
  'according', 'other', 'exactly', 'again', 'kind', 'sort', 'than', 'then', 'whats', 'anyway', 'supposed', 'really',
  'actually', 'thing', 'anything', 'something', 'stuff', 'happen', 'go', 'going', 'come', 'came', 'want', 'wanted',
  'know', 'like', 'make', 'made', 'take', 'give', 'gave', 'thi', 'wa', 'ha',
  // English words that frame a question rather than name its content
  'name', 'called', 'role', 'meaning', 'mean', 'position', 'stance', 'title', 'job', 'detail', 'summary', 'summarize',
  'regarding', 'newly', 'general', 'too', 'anyone', 'anybody', 'basically', 'point', 'purpose', 'exactly', 'person', 'people', 'guy',
]);

/** Question words at the start of a Hangul word (`누구였어`, `뭐뭐야`, `어디어디`). */
const KOREAN_QUESTION_WORD = /^(?:누구|누가|뭐|뭘|무엇|무슨|언제|어디|어느|어떻|어떤|어땠|얼마|왜)/u;
/** A word that is only a light verb plus endings (`했어`, `됐음`, `나왔나요`): no content. */
const KOREAN_LIGHT_VERB = /^(?:했|됐|왔|나왔|였|이었|하|되|해|돼|한|된|할|있|없)(?:어|나|음|니|냐|요|다|지|대|래|던|을|는|고|으|습니까|나요|어요|었|던가|을까|는지|겠|겠어)*$/u;
/** The nominaliser 거 with a copula or quotative (`거야`, `거라고`, `거임`): grammar, not content. */
const KOREAN_NOMINALISER = /^(?:거|건|게)(?:라고|라|야|임|지|래|예요|에요|였어|였음|인가|냐)?$/u;
/** A counter after a separate `몇` (`몇 명임`, `몇 곳이야`): the question word's, not content. */
const KOREAN_COUNTER = /^(?:명|곳|개|번|회|군데|가지)(?:이|이야|야|임|이에요|예요|인가요|인지|이나|나)$/u;
/** `몇` glued to a counter (`몇번`, `몇개국`): the counter is the content. */
const HOW_MANY_PREFIX = /^몇\s*/u;

/**
 * Version of the analysis in this module. Bump it with any change that alters the words or tokens a
 * text yields: vector indexes record it and are rebuilt when it differs.
 */
export const ANALYZER_VERSION = 1;

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
 * Removes trailing particles and endings from a Hangul word, keeping at least two syllables. Two
 * rounds, so that a word keeps one key with or without a particle: `러만도는` → `러만도` → `러만`,
 * like `러만도` → `러만`.
 */
export function stripKoreanSuffix(word: string): string {
  return stripOnce(stripOnce(word));
}

/** Final syllables of inflected Korean verbs (`봤어`, `세우려고`, `쓰겠대`, `따라온`, `열리는거`). */
const VERBAL_ENDING = /(?:[는은한된할던]거|[았었였겠했됐봤왔갔줬웠]|어|아|고|려|자|대|래|니|냐|음|서|며|면|지|던|온|간|운|는|은|게|요)$/u;

/** True for a Hangul word that looks like an inflected verb rather than a noun. */
export function looksLikeKoreanVerb(word: string): boolean {
  return hasHangul(word) && VERBAL_ENDING.test(word);
}

/** A light English stemmer: plural and common verb endings. Good enough to match `companies`/`company`. */
export function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
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
}

/** Analyses one word (already case-folded); returns null for stopwords and lone syllables. */
export function analyzeWord(word: string): AnalyzedWord | null {
  if (STOPWORDS.has(word)) return null;
  word = word.replace(/['’]s$/u, '');
  const runs = word.match(WORD_RUN) ?? [];
  if (runs.length > 1) {
    // Mixed scripts (`sk그룹`, `232조`): the whole word and each meaningful run.
    const parts = runs.flatMap((run) => {
      const sub = analyzeWord(run);
      return sub ? [sub.key, ...sub.parts] : [];
    });
    return { key: word, parts, hangul: hasHangul(word) };
  }
  if (hasHangul(word)) {
    if (KOREAN_QUESTION_WORD.test(word) || KOREAN_LIGHT_VERB.test(word) || KOREAN_NOMINALISER.test(word) || KOREAN_COUNTER.test(word)) return null;
    if (HOW_MANY_PREFIX.test(word)) return word.length > 1 ? analyzeWord(word.replace(HOW_MANY_PREFIX, '')) : null;
    const stem = stripKoreanSuffix(word);
    if (STOPWORDS.has(stem) || [...stem].length < 2) return null;
    return { key: stem, parts: charNgrams(stem, 2).filter((g) => g !== stem), hangul: true };
  }
  if (/^\p{N}/u.test(word)) return { key: word, parts: [], hangul: false };
  const stem = stemEnglish(word);
  if (STOPWORDS.has(stem) || stem.length < 2) return null;
  return { key: stem, parts: [], hangul: false };
}

/** Splits text into case-folded words (letters and digits, keeping `R&D` and `232조` whole). */
export function splitWords(text: string): string[] {
  return foldCase(text).match(WORD) ?? [];
}

/** Content words of a text, analysed. */
export function analyzeText(text: string): AnalyzedWord[] {
  const words: AnalyzedWord[] = [];
  for (const word of splitWords(text)) {
    const analyzed = analyzeWord(word);
    if (analyzed) words.push(analyzed);
  }
  return words;
}

/** The flat token stream used by the keyword index: every key and part. */
export function indexTokens(text: string): string[] {
  return analyzeText(text).flatMap((w) => [w.key, ...w.parts]);
}
