/**
 * A word of a statement that the article writes with another modifier: a Korean compound that
 * differs from the sentence's compound only before its last two syllables (`부사장급` where the
 * sentence has `사장급`, `외무부` for `재무부`), or an English word with a meaning-changing prefix
 * the sentence lacks (`vice-presidential` where it says `presidential`). Pure; general Korean and
 * English word formation.
 *
 * @module
 */

import { looksLikeKoreanVerb } from '../search/tokenize.js';

/** A word of a sentence standing where a statement's word stands, with another modifier. */
export interface TermVariant {
  /** The statement's word. */
  claim: string;
  /** The sentence's word, and where it is in the sentence text. */
  article: string;
  start: number;
  end: number;
}

/** English prefixes that change what a word denotes (a vice-minister is not a minister). */
const MEANING_PREFIXES = /^(?:vice|deputy|ex|former|non|anti|co|sub|semi|pre|post|un|acting)$/iu;
/** Korean particles and endings after a noun, so that `사장급으로` is read as `사장급`. */
const KOREAN_TAIL = /(?:으로|에서|에게|이다|이었|였|이|가|은|는|을|를|의|와|과|도|에|로|만)$/u;

/** Verb forms (`고려하기`, `협력하는`, `열린다`): their last syllables are endings, not a noun's head. */
const KOREAN_VERB_FORM = /(?:하|되|시키|했|됐|한|된|린|는|다)(?:기|게|는|고|며|면|여|지|다|도록)?$/u;

/** The nouns of a Korean text, without their particles (two rounds: `쪽에서는` → `쪽`). */
function koreanNouns(text: string): Array<{ word: string; start: number }> {
  return [...text.matchAll(/\p{Script=Hangul}+/gu)].flatMap((m) => {
    let word = m[0];
    for (let round = 0; round < 2; round++) {
      const stripped = word.replace(KOREAN_TAIL, '');
      if ([...stripped].length >= 2) word = stripped;
    }
    return looksLikeKoreanVerb(word) || KOREAN_VERB_FORM.test(word) ? [] : [{ word, start: m.index }];
  });
}

/**
 * Variants between a statement and one sentence text. `known(word)` says whether the article has
 * the statement's word anyway (then it is not a variant: the statement may mean that word).
 */
export function termVariants(claim: string, sentence: string, known: (word: string) => boolean): TermVariant[] {
  const found: TermVariant[] = [];
  const sentenceWords = koreanNouns(sentence);
  for (const { word } of koreanNouns(claim)) {
    const syllables = [...word];
    if (syllables.length < 3 || known(word)) continue;
    const tail = syllables.slice(-2).join('');
    const other = sentenceWords.find((w) => w.word !== word && [...w.word].length === syllables.length && w.word.endsWith(tail));
    if (other) found.push({ claim: word, article: other.word, start: other.start, end: other.start + other.word.length });
  }
  for (const m of claim.matchAll(/\b([A-Za-z]+)-([A-Za-z]+)\b/gu)) {
    const [whole, prefix, base] = m as unknown as [string, string, string];
    if (!MEANING_PREFIXES.test(prefix) || new RegExp(`\\b${prefix}[- ]?${base}\\b`, 'iu').test(sentence)) continue;
    const at = new RegExp(`\\b${base}\\b`, 'iu').exec(sentence);
    if (at) found.push({ claim: whole, article: at[0], start: at.index, end: at.index + at[0].length });
  }
  return found;
}
