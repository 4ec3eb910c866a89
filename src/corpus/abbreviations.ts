/**
 * Whether a full stop that ends an abbreviation or an initial also ends the sentence. General
 * English (and Latin-script names inside Korean text); nothing here knows any article.
 */

/** Titles and name parts that stand before a name: `Dr. Smith`, `St. Mark`, `Gen. Lee`. */
const BEFORE_NAME = new Set([
  'mr', 'mrs', 'ms', 'mx', 'messrs', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev',
  'hon', 'pres', 'col', 'lt', 'capt', 'cmdr', 'sgt', 'adm', 'maj', 'fr', 'msgr', 'supt', 'mme', 'mlle',
]);

/** Words that stand before a number: `No. 1`, `pp. 212`, `Jan. 2020`, `et al. 1998`, `ca. 1500`. */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'vol', 'vols', 'art', 'ch', 'chap', 'fig', 'figs', 'eq', 'p', 'pp', 'para', 'sec',
  'ed', 'op', 'ref', 'al', 'ca', 'c', 'approx', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations that always lead on to more words: `e.g.`, `i.e.`, `cf.`, `vs.`, `v.` (a court case). */
const ALWAYS_CONTINUES = new Set(['e.g', 'i.e', 'cf', 'viz', 'vs', 'v']);

/**
 * Capitalised words that commonly open an English sentence. After an initial or an abbreviation
 * (`U.S.`, `B.`, `St.`), one of these means a new sentence has begun; any other capitalised word is
 * more likely the rest of a name (`U.S. Senate`, `John F. Kennedy`).
 */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'then', 'thus', 'it', 'its', 'he', 'she',
  'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'in', 'on', 'at', 'for', 'from', 'with',
  'by', 'to', 'of', 'after', 'before', 'during', 'since', 'until', 'when', 'while', 'where', 'although',
  'though', 'however', 'but', 'and', 'or', 'so', 'yet', 'as', 'if', 'because', 'despite', 'according',
  'also', 'meanwhile', 'today', 'later', 'some', 'many', 'most', 'all', 'both', 'each', 'other', 'others',
  'another', 'such', 'one', 'two', 'three', 'what', 'who', 'which', 'how', 'why', 'not', 'no', 'nor',
  'here', 'even', 'only', 'still', 'instead', 'moreover', 'furthermore', 'therefore',
]);

/** The Latin-script word (with any inner full stops) right before a final full stop: `U.S` in `the U.S.`. */
const WORD_BEFORE_STOP = /(?:^|[^\p{L}\p{N}.])(\p{Script=Latin}(?:[\p{Script=Latin}.]*\p{Script=Latin})?)\.$/u;
/** The first word after a candidate break, past opening quotes and brackets. */
const NEXT_WORD = /^[\s"“‘'(\[]*([\p{L}\p{N}]+)/u;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;

/**
 * True when `before` ends in an abbreviation or initial whose full stop does not end the sentence,
 * given the text that follows. `before` is the sentence so far, `after` the text after the break.
 */
export function continuesAfterAbbreviation(before: string, after: string): boolean {
  const word = WORD_BEFORE_STOP.exec(before.trimEnd())?.[1];
  const next = NEXT_WORD.exec(after)?.[1];
  if (word === undefined || next === undefined) return false;
  const lower = word.toLowerCase();
  if (ALWAYS_CONTINUES.has(lower)) return true;
  const nextIsNumber = /^\p{N}/u.test(next);
  if (BEFORE_NUMBER.has(lower) && nextIsNumber) return true;

  const opensSentence = /^\p{Lu}/u.test(next) && SENTENCE_OPENERS.has(next.toLowerCase());
  if (opensSentence) return false;
  const nextIsName = /^\p{Lu}/u.test(next) || !/^\p{Script=Latin}/u.test(next);
  // `John F. Kennedy`, `드와이트 D. 아이젠하워`, `U.S. Senate`, `G.O.O.D. Music에`, `Dr. Smith`, `St. Mark`.
  if (/^\p{Lu}$/u.test(word) || INITIALISM.test(word)) return nextIsName || nextIsNumber;
  if (BEFORE_NAME.has(lower)) return nextIsName || nextIsNumber;
  return false;
}
