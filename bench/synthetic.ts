/**
 * Deterministic synthetic news corpora for the scale benchmark.
 *
 * Sentences are drawn from one seeded PRNG stream, so a corpus of n sentences is always the same
 * and the 10k corpus is the first 10k sentences of the 100k and 1M ones. The generator learns
 * from the article (bench/README.md, "Synthetic corpora", explains every step):
 * - sentence lengths are sampled from the article's own sentences (Korean eojeol counts, English
 *   word counts of the translation), jittered;
 * - vocabulary is Zipf–Mandelbrot distributed ({@link ZIPF_EXPONENT}, {@link ZIPF_OFFSET}) over the article's words
 *   (placed among the frequent ranks) plus generated words: Korean stems built from the
 *   article's syllable frequencies, English pseudo-words built from syllables;
 * - Korean words take particles chosen by the final consonant (은/는, 이/가, 을/를, 과/와, 으로/로)
 *   and sentences end in a news predicate (밝혔다, 논의했다, …) or one of the article's own;
 * - text comes in documents of 10–39 sentences in one language (Korean 70 %), each with a topic
 *   (a set of 24 words that supply 30 % of its content words), so the vector space has clusters
 *   as real news does.
 */

/** A seeded pseudo-random source: `next()` is uniform in [0, 1). */
export interface Random {
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/**
 * sfc32 (Small Fast Counter, 128-bit state) seeded through splitmix32: fast, good statistical
 * quality, and identical on every platform (only 32-bit integer arithmetic).
 */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

/** Exponent of the Zipf law word ranks follow (natural text is close to 1). */
export const ZIPF_EXPONENT = 1.05;
/**
 * Zipf–Mandelbrot rank offset: flattens the head so the commonest content word takes ≈2 % of
 * draws rather than ≈8 % (function words, which top real frequency lists, are handled apart).
 */
export const ZIPF_OFFSET = 8;

/** Samples ranks 0…size−1 with P(r) ∝ 1/(r+1+offset)^exponent, by binary search over the CDF. */
export class ZipfSampler {
  private readonly cdf: Float64Array;

  constructor(readonly size: number, exponent = ZIPF_EXPONENT, offset = ZIPF_OFFSET) {
    this.cdf = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) this.cdf[r] = total += 1 / (r + 1 + offset) ** exponent;
    for (let r = 0; r < size; r++) this.cdf[r]! /= total;
  }

  /** One rank. */
  sample(random: Random): number {
    const u = random.next();
    let lo = 0, hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** What the generator learns from the article. */
export interface ArticleProfile {
  /** Korean noun-like stems of the article (particles removed), e.g. `공급망`, `반도체`. */
  koreanStems: string[];
  /** Korean word forms exactly as in the article (eojeol), e.g. `양해각서(MOU)를`. */
  koreanForms: string[];
  /** Last eojeol of each Korean sentence, e.g. `했다.`. */
  koreanEndings: string[];
  /** Hangul syllables of the article's stems, with repetition (so sampling follows their frequency). */
  syllables: string[];
  /** Eojeol count of each Korean sentence. */
  koreanLengths: number[];
  /** Lower-case English content words of the translation. */
  englishWords: string[];
  /** Word count of each English sentence. */
  englishLengths: number[];
}

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/u;
const PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
/** Particles peeled off article words to find stems (longest first). */
const PEEL = ['에서는', '으로는', '에서', '에는', '으로', '에게', '까지', '부터', '과의', '와의', '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '만'];
/** English function words: interleaved into English sentences, never used as content words. */
const FUNCTION_WORDS: readonly (readonly [string, number])[] = [
  ['the', 20], ['of', 10], ['and', 8], ['to', 8], ['a', 6], ['in', 6], ['for', 4], ['on', 3], ['with', 3], ['that', 3],
  ['is', 2], ['was', 2], ['by', 2], ['at', 2], ['as', 2], ['from', 2], ['will', 2], ['said', 2], ['its', 1.5], ['an', 1.5],
  ['which', 1], ['has', 1], ['have', 1], ['were', 1], ['also', 1], ['this', 1], ['their', 1], ['be', 1], ['between', 0.7], ['such', 0.5],
];
const FUNCTION_SET = new Set(FUNCTION_WORDS.map(([w]) => w));

/** Whether a Hangul syllable has a final consonant (batchim), and whether that consonant is ㄹ. */
function batchim(syllable: string): { has: boolean; rieul: boolean } {
  const code = syllable.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return { has: false, rieul: false };
  const final = code % 28;
  return { has: final !== 0, rieul: final === 8 };
}

/** Builds the profile from the article's Korean sentences and their English rendering. */
export function profileArticle(korean: readonly string[], english: readonly string[]): ArticleProfile {
  const stems = new Set<string>();
  const forms: string[] = [];
  const endings: string[] = [];
  const syllables: string[] = [];
  const koreanLengths: number[] = [];
  for (const sentence of korean) {
    const words = sentence.split(/\s+/u).filter(Boolean);
    if (words.length === 0) continue;
    koreanLengths.push(words.length);
    endings.push(words[words.length - 1]!);
    for (const word of words) {
      forms.push(word);
      for (const part of word.replace(PUNCTUATION, '').split(/[·…'"‘’“”,()]+/u)) {
        let stem = part;
        for (const particle of PEEL) {
          if (stem.endsWith(particle) && stem.length - particle.length >= 2) {
            stem = stem.slice(0, -particle.length);
            break;
          }
        }
        if (stem.length < 2 || !HANGUL_SYLLABLE.test(stem)) continue;
        stems.add(stem);
        for (const ch of stem) if (HANGUL_SYLLABLE.test(ch)) syllables.push(ch);
      }
    }
  }
  const englishWords = new Set<string>();
  const englishLengths: number[] = [];
  for (const sentence of english) {
    const words = sentence.split(/\s+/u).map((w) => w.replace(PUNCTUATION, '')).filter(Boolean);
    if (words.length === 0) continue;
    englishLengths.push(words.length);
    for (const word of words) {
      const lower = word.toLowerCase();
      if (/^[a-z][a-z'-]*$/u.test(lower) && !FUNCTION_SET.has(lower) && lower.length > 1) englishWords.add(lower);
    }
  }
  return {
    koreanStems: [...stems].sort(),
    koreanForms: forms,
    koreanEndings: endings,
    syllables,
    koreanLengths,
    englishWords: [...englishWords].sort(),
    englishLengths,
  };
}

/** Options of {@link SyntheticNews}. */
export interface SyntheticOptions {
  /** PRNG seed: same seed, same corpus. */
  seed?: number;
  /** Share of documents written in Korean (the rest are English). */
  koreanShare?: number;
  /** Generated Korean stems beyond the article's. */
  koreanVocabulary?: number;
  /** Generated English words beyond the article's. */
  englishVocabulary?: number;
}

/** Default generator settings (documented in bench/README.md). */
export const SYNTHETIC_DEFAULTS: Required<SyntheticOptions> = { seed: 20220521, koreanShare: 0.7, koreanVocabulary: 80_000, englishVocabulary: 60_000 };

const NEWS_PREDICATES = ['밝혔다.', '말했다.', '설명했다.', '강조했다.', '논의했다.', '합의했다.', '참석했다.', '발표했다.', '예정이다.', '계획이다.', '전망이다.', '것으로 알려졌다.', '것으로 나타났다.', '방침이다.', '했다.', '덧붙였다.', '기대했다.', '평가했다.'];
const COUNTERS = ['일', '곳', '개', '명', '억 달러', '조 원', '%', '년', '월', '개국', '차례', '건'];
const EN_ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'tr', 'pr', 'cl', 'gr', 'br', 'ch', 'sh', 'th', 'pl', 'sc', ''];
const EN_VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ou'];
const EN_CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ct', 'ng'];
const EN_SUFFIXES = ['', '', '', '', '', '', 'tion', 'ment', 'al', 'ive', 'er', 'ing', 'ed', 's', 'ic'];

/** Choice by weight: `weights[i]` is the relative weight of `items[i]`. */
function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let u = random.next() * total;
  for (const [item, w] of items) if ((u -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** Places the article's words among the frequent ranks, followed by generated words. */
function rankVocabulary(random: Random, article: readonly string[], generated: readonly string[]): string[] {
  const head = [...article, ...generated.slice(0, article.length * 2)];
  for (let i = head.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [head[i], head[j]] = [head[j]!, head[i]!];
  }
  return [...head, ...generated.slice(article.length * 2)];
}

/** One document's state while its sentences are generated. */
interface DocumentState {
  korean: boolean;
  remaining: number;
  topic: string[];
  ordinal: number;
}

/**
 * An endless, deterministic stream of news-like sentences (see the module comment).
 * Call {@link SyntheticNews.next} repeatedly, or {@link SyntheticNews.take} for n at once.
 */
export class SyntheticNews {
  private readonly random: Random;
  private readonly options: Required<SyntheticOptions>;
  private readonly korean: string[];
  private readonly english: string[];
  private readonly koreanZipf: ZipfSampler;
  private readonly englishZipf: ZipfSampler;
  private readonly functionWords: readonly (readonly [string, number])[] = FUNCTION_WORDS;
  private document: DocumentState | null = null;
  private documents = 0;

  constructor(private readonly profile: ArticleProfile, options: SyntheticOptions = {}) {
    this.options = { ...SYNTHETIC_DEFAULTS, ...options };
    // The vocabulary has its own stream so that it does not depend on how many sentences follow.
    const vocabularyRandom = createRandom(this.options.seed ^ 0x5f3759df);
    this.korean = rankVocabulary(vocabularyRandom, profile.koreanStems, this.generateKoreanStems(vocabularyRandom, this.options.koreanVocabulary));
    this.english = rankVocabulary(vocabularyRandom, profile.englishWords, this.generateEnglishWords(vocabularyRandom, this.options.englishVocabulary));
    this.koreanZipf = new ZipfSampler(this.korean.length);
    this.englishZipf = new ZipfSampler(this.english.length);
    this.random = createRandom(this.options.seed);
  }

  /** Sizes of the ranked vocabularies (article words included). */
  get vocabularySize(): { korean: number; english: number } {
    return { korean: this.korean.length, english: this.english.length };
  }

  private generateKoreanStems(random: Random, count: number): string[] {
    const seen = new Set(this.profile.koreanStems);
    const stems: string[] = [];
    const syllables = this.profile.syllables.length ? this.profile.syllables : ['가'];
    while (stems.length < count) {
      const length = weighted(random, [[2, 0.5], [3, 0.3], [4, 0.2]] as const);
      let stem = '';
      for (let i = 0; i < length; i++) stem += random.pick(syllables);
      if (!seen.has(stem)) {
        seen.add(stem);
        stems.push(stem);
      }
    }
    return stems;
  }

  private generateEnglishWords(random: Random, count: number): string[] {
    const seen = new Set(this.profile.englishWords);
    const words: string[] = [];
    while (words.length < count) {
      const syllables = weighted(random, [[1, 0.3], [2, 0.55], [3, 0.15]] as const);
      let word = '';
      for (let i = 0; i < syllables; i++) word += random.pick(EN_ONSETS) + random.pick(EN_VOWELS) + random.pick(EN_CODAS);
      word += random.pick(EN_SUFFIXES);
      if (word.length >= 3 && !seen.has(word) && !FUNCTION_SET.has(word)) {
        seen.add(word);
        words.push(word);
      }
    }
    return words;
  }

  private startDocument(): DocumentState {
    const r = this.random;
    const korean = r.next() < this.options.koreanShare;
    const zipf = korean ? this.koreanZipf : this.englishZipf;
    const vocabulary = korean ? this.korean : this.english;
    const topic: string[] = [];
    while (topic.length < 24) {
      const rank = zipf.sample(r);
      // Topic words are content words: skip the very top ranks, which every document uses anyway.
      if (rank >= 30) topic.push(vocabulary[rank]!);
    }
    return { korean, remaining: 10 + r.int(30), topic, ordinal: this.documents++ };
  }

  /** The next sentence, with the synthetic document it belongs to. */
  next(): { text: string; document: number; korean: boolean } {
    if (!this.document || this.document.remaining === 0) this.document = this.startDocument();
    const doc = this.document;
    doc.remaining--;
    return { text: doc.korean ? this.koreanSentence(doc) : this.englishSentence(doc), document: doc.ordinal, korean: doc.korean };
  }

  /** The next n sentence texts. */
  take(n: number): string[] {
    const texts: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) texts[i] = this.next().text;
    return texts;
  }

  private koreanStem(doc: DocumentState): string {
    const r = this.random;
    return r.next() < 0.3 ? r.pick(doc.topic) : this.korean[this.koreanZipf.sample(r)]!;
  }

  private withParticle(stem: string): string {
    const r = this.random;
    const { has, rieul } = batchim(stem[stem.length - 1] ?? '가');
    const particle = weighted(r, [
      [has ? '을' : '를', 16], ['의', 14], [has ? '이' : '가', 12], [has ? '은' : '는', 10], ['에', 10], ['에서', 8],
      [has && !rieul ? '으로' : '로', 7], [has ? '과' : '와', 6], ['도', 4], ['에는', 2], ['까지', 2], ['부터', 1], ['만', 1], ['에게', 1],
    ] as const);
    return stem + particle;
  }

  private koreanSentence(doc: DocumentState): string {
    const r = this.random;
    const length = Math.max(3, r.pick(this.profile.koreanLengths.length ? this.profile.koreanLengths : [10]) + r.int(5) - 2);
    const words: string[] = [];
    for (let i = 0; i < length - 1; i++) {
      const kind = r.next();
      if (kind < 0.5) words.push(this.withParticle(this.koreanStem(doc)));
      else if (kind < 0.75) words.push(this.koreanStem(doc));
      else if (kind < 0.85) words.push(r.pick(this.profile.koreanForms));
      else if (kind < 0.91) {
        const compound = `${this.koreanStem(doc)}·${this.koreanStem(doc)}`;
        words.push(r.next() < 0.6 ? this.withParticle(compound) : compound);
      } else if (kind < 0.96) words.push(`${1 + r.int(r.next() < 0.7 ? 31 : 2000)}${r.pick(COUNTERS)}`);
      else words.push(`'${this.koreanStem(doc)}'${r.next() < 0.5 ? '' : '는'}`);
    }
    const ending = r.next() < 0.7 ? r.pick(NEWS_PREDICATES) : r.pick(this.profile.koreanEndings.length ? this.profile.koreanEndings : NEWS_PREDICATES);
    words.push(/[.!?]$/u.test(ending) ? ending : `${ending}.`);
    return words.join(' ');
  }

  private englishSentence(doc: DocumentState): string {
    const r = this.random;
    const length = Math.max(4, r.pick(this.profile.englishLengths.length ? this.profile.englishLengths : [20]) + r.int(7) - 3);
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      const kind = r.next();
      const previous = words[words.length - 1];
      const functionWord = kind < 0.42 ? weighted(r, this.functionWords) : null;
      if (functionWord && functionWord !== previous) words.push(functionWord);
      else if (kind < 0.96) {
        const word = r.next() < 0.3 ? r.pick(doc.topic) : this.english[this.englishZipf.sample(r)]!;
        words.push(r.next() < 0.15 ? word[0]!.toUpperCase() + word.slice(1) : word);
      } else words.push(r.next() < 0.5 ? String(1 + r.int(31)) : `$${1 + r.int(99)}.${r.int(10)} billion`);
      if (i > 3 && i < length - 2 && r.next() < 0.05) words[words.length - 1] += ',';
    }
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  }
}

/** A benchmark query: the question text and where it came from. */
export interface SyntheticQuery {
  text: string;
  origin: 'eval-ko' | 'eval-en' | 'fragment-ko' | 'fragment-en';
}

/**
 * The query set of the scale benchmark: `evalQuestions` real questions (used as given) plus
 * fragments of corpus sentences turned into questions, up to `count` in all. A fragment is 2–5
 * consecutive words of a random corpus sentence, with a Korean question tail (`…에 대해 알려줘`)
 * or an English question frame (`What about …?`). Deterministic for a given seed and corpus.
 */
export function buildQueries(corpus: readonly string[], evalQuestions: readonly { q: string; korean: boolean }[], count: number, seed = 7): SyntheticQuery[] {
  const random = createRandom(seed);
  const queries: SyntheticQuery[] = evalQuestions.slice(0, Math.floor(count / 2)).map(({ q, korean }) => ({ text: q, origin: korean ? 'eval-ko' : 'eval-en' }));
  const koreanTails = ['에 대해 알려줘', '은 뭐야?', ' 관련 내용 요약해줘', ' 누가 했어?', ' 언제야?'];
  const englishFrames = [['What about ', '?'], ['Who said ', '?'], ['Tell me about ', ''], ['Why ', '?'], ['When was ', '?']] as const;
  while (queries.length < count && corpus.length > 0) {
    const sentence = corpus[random.int(corpus.length)]!;
    const words = sentence.replace(/[.]$/u, '').split(' ');
    const span = Math.min(words.length, 2 + random.int(4));
    const start = random.int(words.length - span + 1);
    const fragment = words.slice(start, start + span).join(' ').replace(/[,']/gu, '');
    if (HANGUL_SYLLABLE.test(fragment)) queries.push({ text: fragment + random.pick(koreanTails), origin: 'fragment-ko' });
    else {
      const [prefix, suffix] = random.pick(englishFrames);
      queries.push({ text: `${prefix}${fragment.toLowerCase()}${suffix}`, origin: 'fragment-en' });
    }
  }
  return queries;
}
