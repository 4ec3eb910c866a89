/**
 * Numbers as people write them in Korean and English, with what they count: digits (`16`, `1,000`,
 * `2.5`), Korean numerals and large units (`20조`, `3조 5천억`, `십육`), native Korean numbers before a
 * counter (`세 곳`, `두 번`), English number words (`three`, `twenty-one`, `twice`, `10th`) and month
 * names. Pure and language-general: nothing here knows any article.
 *
 * @module
 */

/** What a number measures; two numbers can only disagree when their dimensions are comparable. */
export type Dimension =
  | 'rate'
  | 'count'
  | 'people'
  | 'times'
  | 'day'
  | 'month'
  | 'year'
  | 'duration'
  | 'anniversary'
  | 'ordinal'
  | 'amount'
  | 'percent'
  | 'age'
  | 'clock'
  | 'degree'
  | 'plain';

/** A number found in a text. */
export interface NumberMention {
  value: number;
  dimension: Dimension;
  /** Code-unit offsets of the whole expression (number and counter) in the text. */
  start: number;
  end: number;
  text: string;
}

// ── Korean ──────────────────────────────────────────────────────────────────────────────────────

const SINO_DIGITS: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9 };
const SINO_SMALL_UNITS: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const LARGE_UNITS: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };

const NATIVE_TENS: Record<string, number> = { 열: 10, 스물: 20, 스무: 20, 서른: 30, 마흔: 40, 쉰: 50, 예순: 60, 일흔: 70, 여든: 80, 아흔: 90 };
const NATIVE_UNITS: Record<string, number> = { 한: 1, 하나: 1, 두: 2, 둘: 2, 세: 3, 셋: 3, 석: 3, 네: 4, 넷: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9 };

/** Korean counters, longest first, and what they count. */
const KOREAN_COUNTERS: ReadonlyArray<[string, Dimension]> = [
  ['번째', 'ordinal'], ['개국', 'count'], ['개사', 'count'], ['개소', 'count'], ['개월', 'duration'], ['군데', 'count'], ['가지', 'count'],
  ['차례', 'times'], ['주년', 'anniversary'], ['시간', 'duration'], ['사람', 'people'], ['퍼센트', 'percent'], ['프로', 'percent'],
  ['달러', 'amount'], ['유로', 'amount'], ['위안', 'amount'],
  ['마리', 'count'], ['그루', 'count'],
  ['곳', 'count'], ['개', 'count'], ['건', 'count'], ['종', 'count'], ['대', 'count'], ['척', 'count'], ['채', 'count'], ['권', 'count'], ['명', 'people'], ['회', 'times'], ['번', 'times'], ['차', 'ordinal'],
  ['째', 'ordinal'], ['위', 'ordinal'], ['일', 'day'], ['월', 'month'], ['년', 'year'], ['해', 'duration'], ['달', 'duration'], ['주', 'duration'],
  ['시', 'clock'], ['분', 'clock'], ['원', 'amount'], ['불', 'amount'], ['엔', 'amount'], ['살', 'age'], ['세', 'age'], ['도', 'degree'], ['%', 'percent'],
];
/**
 * Counters that follow native numbers (`두 번`, `여덟 곳`); Sino-only ones (`일`, `월`, `년`) do not, nor,
 * here, 대/척/채/권/마리/그루, which would read 세대 and 한채 as three and one: those count after digits only.
 */
const NATIVE_COUNTERS = new Set(['곳', '개', '개사', '개국', '군데', '가지', '명', '사람', '번', '차례', '해', '달', '살', '시', '건', '번째', '째']);

/** Value of Sino-Korean numerals (`십육` 16, `이천` 2000); null if the text is not one. */
function sinoValue(text: string): number | null {
  if (!/^[일이삼사오육륙칠팔구십백천]+$/u.test(text)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in SINO_DIGITS) {
      if (digit !== 0) return null;
      digit = SINO_DIGITS[ch]!;
    } else {
      total += (digit || 1) * SINO_SMALL_UNITS[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** A digit group (`1,000`, `2.5`) as a number. */
function digitValue(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** What may follow a counter in the same word: particles and endings (`곳이`, `번씩`, `곳뿐`, `원보다`, `일부터`), not more noun (`개발`). */
const AFTER_COUNTER = /^(?:[^\p{Script=Hangul}]|$|[이가을를은는에의도만씩로과와뿐쯤나께서다며고인으야요]|보다|부터|까지|마다|밖에)/u;

/** After `N년`, words that make it a span of years (`5년 만에`, `3년 동안`, `10년간`, `2년째`), not a calendar year. */
const SPAN_OF_YEARS = /^(?:\s?(?:만에|만의|만이|동안)|간|째)/u;
const isSpanOfYears = (counter: string, following: string) => counter === '년' && SPAN_OF_YEARS.test(following);

/** A Korean counter at the start of `rest`, possibly after one space. */
function counterAt(rest: string, native: boolean): { counter: string; dimension: Dimension; length: number } | null {
  // `600여 명`, `10여 개국`: 여 ("some") may stand between a number and its counter.
  const space = /^여?\s?/u.exec(rest)![0].length;
  const after = rest.slice(space);
  for (const [counter, dimension] of KOREAN_COUNTERS) {
    if (!after.startsWith(counter)) continue;
    if (native && !NATIVE_COUNTERS.has(counter)) continue;
    const following = after.slice(counter.length);
    const spanOfYears = isSpanOfYears(counter, following);
    if (!spanOfYears && !AFTER_COUNTER.test(following)) continue;
    return { counter, dimension: spanOfYears ? 'duration' : dimension, length: space + counter.length };
  }
  return null;
}

/** One number-with-large-units group: `20조`, `3조 5천억`, `1억 2천만`, `10만`. */
// Digits may carry a small unit and more digits, as Korean news writes them (`1천500`, `3백20`).
const NUMERAL = String.raw`(?:\d+(?:,\d{3})*(?:\.\d+)?(?:[백천]\d{1,3}|[십백천])?|[일이삼사오육칠팔구십백천]+)`;
const KOREAN_AMOUNT = new RegExp(String.raw`${NUMERAL}(?:\s?[만억조](?:\s?${NUMERAL}\s?[만억조]?)*)?`, 'gu');
const AMOUNT_PART = new RegExp(String.raw`(${NUMERAL})\s?([만억조])?`, 'gu');

function amountValue(text: string): { value: number; scaled: boolean } | null {
  const parts = [...text.matchAll(AMOUNT_PART)];
  let total = 0;
  let scaled = false;
  for (const [, number, unit] of parts) {
    const digits = /^([\d.,]+)([십백천]?)(\d*)$/u.exec(number!);
    const value = digits ? digitValue(digits[1]!) * (digits[2] ? SINO_SMALL_UNITS[digits[2]]! : 1) + (digits[3] ? digitValue(digits[3]) : 0) : sinoValue(number!);
    if (value === null) return null;
    if (unit) scaled = true;
    total += value * (unit ? LARGE_UNITS[unit]! : 1);
  }
  return { value: total, scaled };
}

function koreanNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of text.matchAll(KOREAN_AMOUNT)) {
    const start = match.index;
    const raw = match[0];
    const before = text[start - 1] ?? ' ';
    const digits = /^\d/u.test(raw);
    // Sino numerals inside a word (`이번`, `일본`) are syllables, not numbers.
    if (!digits && /[\p{L}\p{N}]/u.test(before)) continue;
    if (digits && /[\p{N}.,]/u.test(before)) continue;
    const amount = amountValue(raw);
    if (!amount) continue;
    // A lone Sino syllable is a word far more often than a number (`이번`, `이 장관`, `일본`).
    if (!digits && !amount.scaled && !/[십백천]/u.test(raw)) continue;
    const counter = counterAt(text.slice(start + raw.length), false);
    // Bare digits are read by the English reader, which looks at the word after them.
    if (digits && !amount.scaled && !counter && !/[십백천]/u.test(raw)) continue;
    let dimension: Dimension = amount.scaled ? 'amount' : 'plain';
    let end = start + raw.length;
    if (counter) {
      end += counter.length;
      dimension = counter.dimension === 'year' && amount.value < 1000 ? 'duration' : counter.dimension;
    }
    found.push({ value: amount.value, dimension, start, end, text: text.slice(start, end) });
  }
  const native = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(NATIVE_TENS).join('|')})?(${Object.keys(NATIVE_UNITS).sort((a, b) => b.length - a.length).join('|')})?(?=\\s?\\p{Script=Hangul})`, 'gu');
  for (const match of text.matchAll(native)) {
    if (match[0] === '') continue;
    const value = (match[1] ? NATIVE_TENS[match[1]]! : 0) + (match[2] ? NATIVE_UNITS[match[2]]! : 0);
    const counter = counterAt(text.slice(match.index + match[0].length), true);
    if (!counter) continue;
    const end = match.index + match[0].length + counter.length;
    found.push({ value, dimension: counter.dimension, start: match.index, end, text: text.slice(match.index, end) });
  }
  return found;
}

// ── English ─────────────────────────────────────────────────────────────────────────────────────

const ENGLISH_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, dozen: 12,
};
const ENGLISH_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ENGLISH_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const ENGLISH_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ENGLISH_TIMES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/** Nouns after a cardinal that say what it counts, beyond a plain plural (which counts things). */
const ENGLISH_NOUN_DIMENSIONS: ReadonlyArray<[RegExp, Dimension]> = [
  [/^(?:times?)$/u, 'times'],
  [/^(?:people|persons?|officials?|executives?|ministers?|members?|leaders?|representatives?|ceos?|delegates?|attendees?|participants?)$/u, 'people'],
  [/^(?:years?)$/u, 'duration'],
  [/^(?:months?|weeks?|days?|hours?|minutes?|decades?)$/u, 'duration'],
  [/^(?:anniversary)$/u, 'anniversary'],
  [/^(?:percent|per|%)$/u, 'percent'],
  [/^(?:won|dollars?|usd|euros?|yen|yuan|krw)$/u, 'amount'],
  [/^(?:degrees?)$/u, 'degree'],
  [/^(?:am|pm|a\.m\.|p\.m\.|o'clock)$/u, 'clock'],
];

interface EnglishToken {
  word: string;
  start: number;
  end: number;
}

function englishTokens(text: string): EnglishToken[] {
  return [...text.matchAll(/\$?\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?%?|[\p{L}]+(?:[-'][\p{L}]+)*|%/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** A cardinal spelt in words at `tokens[i]` (`twenty-one`, `eight`, `a hundred`), with how many tokens it uses. */
function spelledCardinal(tokens: readonly EnglishToken[], i: number): { value: number; used: number } | null {
  const word = tokens[i]!.word.toLowerCase();
  const [tens, unit] = word.split('-');
  let value: number | null = null;
  if (unit !== undefined && tens! in ENGLISH_TENS && unit in ENGLISH_UNITS) value = ENGLISH_TENS[tens!]! + ENGLISH_UNITS[unit]!;
  else if (word in ENGLISH_UNITS) value = ENGLISH_UNITS[word]!;
  else if (word in ENGLISH_TENS) value = ENGLISH_TENS[word]!;
  if (value === null) return null;
  let used = 1;
  const next = tokens[i + 1]?.word.toLowerCase();
  if (next && next in ENGLISH_SCALES) {
    value *= ENGLISH_SCALES[next]!;
    used++;
  }
  return { value, used };
}

function dimensionAfter(tokens: readonly EnglishToken[], i: number): Dimension {
  const next = tokens[i]?.word.toLowerCase();
  if (!next) return 'plain';
  for (const [pattern, dimension] of ENGLISH_NOUN_DIMENSIONS) if (pattern.test(next)) return dimension;
  // An adjective may stand between the number and what it counts (`three major companies`).
  const after = tokens[i + 1]?.word.toLowerCase();
  if (/s$/u.test(next) && !/ss$/u.test(next)) return 'count';
  if (after && /s$/u.test(after) && !/ss$/u.test(after) && !/^(?:is|was|has|as|us|this|its)$/u.test(after)) return 'count';
  return 'plain';
}

/** What makes the number before it an age: `-year-old`, `years old`. */
const AGE_AFTER = /^(?:-|\s)years?(?:-|\s)old\b/iu;

function englishNumbers(text: string): NumberMention[] {
  const tokens = englishTokens(text);
  const found: NumberMention[] = [];
  const push = (value: number, dimension: Dimension, from: number, to: number) =>
    found.push({ value, dimension, start: tokens[from]!.start, end: tokens[to]!.end, text: text.slice(tokens[from]!.start, tokens[to]!.end) });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.word.toLowerCase();
    const digits = /^(\$?)(\d+(?:,\d{3})*(?:\.\d+)?)(st|nd|rd|th)?(%?)$/u.exec(token.word);
    if (digits) {
      let value = digitValue(digits[2]!);
      let last = i;
      const scale = tokens[i + 1]?.word.toLowerCase();
      if (scale && scale in ENGLISH_SCALES) {
        value *= ENGLISH_SCALES[scale]!;
        last++;
      }
      let dimension: Dimension;
      if (digits[1]) dimension = 'amount';
      else if (digits[4]) dimension = 'percent';
      else if (digits[3]) dimension = tokens[last + 1]?.word.toLowerCase() === 'anniversary' ? 'anniversary' : 'ordinal';
      else if (/^(?:19|20)\d\d$/u.test(digits[2]!) && last === i) dimension = 'year';
      // `a 67-year-old man`, `aged 40`, `40 years old`: an age, never a count of what follows.
      else if (AGE_AFTER.test(text.slice(tokens[last]!.end))) dimension = 'age';
      else dimension = dimensionAfter(tokens, last + 1);
      if (dimension === 'plain' && last > i) dimension = 'amount';
      // A day after a month name (`May 21`, `November 5th`).
      const previous = tokens[i - 1];
      const before = previous && /^\s+$/u.test(text.slice(previous.end, token.start)) ? previous.word.toLowerCase() : undefined;
      if (before && (MONTHS.includes(before) || MONTH_ABBREVIATIONS.includes(before)) && value >= 1 && value <= 31 && dimension !== 'clock') dimension = 'day';
      push(value, dimension, i, last);
      i = last;
      continue;
    }
    if (lower in ENGLISH_TIMES) {
      push(ENGLISH_TIMES[lower]!, 'times', i, i);
      continue;
    }
    if (lower in ENGLISH_ORDINALS) {
      // `second` and `first` are also ordinary words; as ordinals they come before a noun or after `the`.
      push(ENGLISH_ORDINALS[lower]!, tokens[i + 1]?.word.toLowerCase() === 'anniversary' ? 'anniversary' : 'ordinal', i, i);
      continue;
    }
    const month = MONTHS.indexOf(lower);
    // `may` is a month only when it looks like one (`May 21`, `in May`, `last May`).
    if (month >= 0 && (lower !== 'may' || (token.word === 'May' && (/^\d/u.test(tokens[i + 1]?.word ?? '') || /^(?:in|last|next|of|since|until|early|late|mid)$/iu.test(tokens[i - 1]?.word ?? ''))))) {
      push(month + 1, 'month', i, i);
      continue;
    }
    // `four-year`, `two-day`: a number word joined to the unit it measures.
    const joined = /^([a-z]+)-([a-z]+)$/u.exec(lower);
    if (joined && (joined[1]! in ENGLISH_UNITS || joined[1]! in ENGLISH_TENS) && !(joined[2]! in ENGLISH_UNITS)) {
      const unit = ENGLISH_NOUN_DIMENSIONS.find(([pattern]) => pattern.test(joined[2]!))?.[1];
      if (unit) found.push({ value: ENGLISH_UNITS[joined[1]!] ?? ENGLISH_TENS[joined[1]!]!, dimension: unit, start: token.start, end: token.end, text: token.word });
      continue;
    }
    const cardinal = spelledCardinal(tokens, i);
    if (cardinal) {
      // `one` is as often a pronoun as a number ("the only one"); it counts only before what it counts.
      const dimension = dimensionAfter(tokens, i + cardinal.used);
      if (!(cardinal.value === 1 && dimension === 'plain')) push(cardinal.value, cardinal.used > 1 && dimension === 'plain' ? 'amount' : dimension, i, i + cardinal.used - 1);
      i += cardinal.used - 1;
    }
  }
  return found;
}

// ── How often: times per year ───────────────────────────────────────────────────────────────────

const COUNT_WORD = String.raw`(\d+|${Object.keys(NATIVE_UNITS).join('|')}|${Object.keys(ENGLISH_UNITS).join('|')}|once|twice|thrice)`;

/** Frequencies, as times per year: `연 1회`, `1년에 두 번`, `3년마다`, `매년`, `twice a year`, `every three years`, `annually`. */
const RATES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => number | null]> = [
  [new RegExp(String.raw`(?:연|매년|해마다|(?:1|일|한)\s?(?:년|해)에)\s?${COUNT_WORD}\s?(?:회|번|차례)`, 'gu'), (m) => countValue(m[1]!)],
  [new RegExp(String.raw`${COUNT_WORD}\s?(?:년|해)\s?(?:마다|에\s?한\s?번)`, 'gu'), (m) => perYears(m[1]!)],
  [/(?<![\p{L}])(?:매년|해마다|연례|연\s?1회)/gu, () => 1],
  [new RegExp(String.raw`\b${COUNT_WORD}(?:\s+times?)?\s+(?:a|per|each|every)\s+year\b`, 'giu'), (m) => countValue(m[1]!)],
  [new RegExp(String.raw`\bevery\s+${COUNT_WORD}\s+years\b`, 'giu'), (m) => perYears(m[1]!)],
  [/\b(?:annually|yearly|annual|every\s+year|each\s+year)\b/giu, () => 1],
];

function countValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d+$/u.test(lower)) return Number(lower);
  return NATIVE_UNITS[lower] ?? ENGLISH_UNITS[lower] ?? ENGLISH_TIMES[lower] ?? null;
}

function perYears(word: string): number | null {
  const years = countValue(word);
  return years ? 1 / years : null;
}

function rates(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const [pattern, value] of RATES) {
    for (const m of text.matchAll(pattern)) {
      const rate = value(m as RegExpExecArray);
      if (rate !== null) found.push({ value: rate, dimension: 'rate', start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found;
}

/** Every number in a text, Korean and English alike, in order of appearance; a frequency is one number (times per year). */
export function findNumbers(text: string): NumberMention[] {
  const normalized = text.normalize('NFC');
  const all = [...rates(normalized), ...koreanNumbers(normalized), ...englishNumbers(normalized)].sort((a, b) => a.start - b.start || b.end - a.end);
  // Korean and English readings may overlap (`12곳` is seen by both): keep the longer, earlier one.
  const kept: NumberMention[] = [];
  for (const mention of all) {
    const last = kept.at(-1);
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** Groups of dimensions that can describe the same quantity. */
const COMPARABLE: ReadonlyArray<ReadonlySet<Dimension>> = [new Set<Dimension>(['rate']), new Set<Dimension>(['duration', 'anniversary']), new Set<Dimension>(['count']), new Set<Dimension>(['people']), new Set<Dimension>(['times']), new Set<Dimension>(['day', 'ordinal']), new Set<Dimension>(['anniversary', 'ordinal']), new Set<Dimension>(['month']), new Set<Dimension>(['year']), new Set<Dimension>(['duration']), new Set<Dimension>(['amount']), new Set<Dimension>(['percent']), new Set<Dimension>(['age']), new Set<Dimension>(['clock']), new Set<Dimension>(['degree']), new Set<Dimension>(['plain'])];

/** True when two dimensions can measure the same thing (so different values disagree). */
export function comparable(a: Dimension, b: Dimension): boolean {
  return COMPARABLE.some((group) => group.has(a) && group.has(b));
}

/** How a claimed number stands against the numbers of a sentence. */
export type NumberStanding = { status: 'agrees'; match: NumberMention } | { status: 'differs'; others: NumberMention[] } | { status: 'absent' };

/**
 * Compares one claimed number with a sentence's numbers: `agrees` when the sentence has the same
 * value counting a comparable thing (`3곳` and `three companies`; a bare number matches any counter), `differs` when it has none equal but
 * some of a comparable dimension (the claim says 10 companies, the sentence 8), else `absent`.
 */
export function standing(claimed: NumberMention, sentence: readonly NumberMention[]): NumberStanding {
  const match = sentence.find((n) => n.value === claimed.value && (comparable(n.dimension, claimed.dimension) || n.dimension === 'plain' || claimed.dimension === 'plain'));
  if (match) return { status: 'agrees', match };
  const others = sentence.filter((n) => comparable(n.dimension, claimed.dimension));
  return others.length > 0 ? { status: 'differs', others } : { status: 'absent' };
}

/** What a Korean counting question counts, from the counter after 몇 (`몇 명` → people, `몇 곳` → count); null without one. */
export function askedDimension(question: string): Dimension | null {
  const at = question.search(/몇\s*[가-힣%]/u);
  if (at < 0) return null;
  const rest = question.slice(at + 1).trimStart();
  const found = KOREAN_COUNTERS.find(([counter]) => rest.startsWith(counter));
  if (!found) return null;
  return isSpanOfYears(found[0], rest.slice(found[0].length)) ? 'duration' : found[1];
}
