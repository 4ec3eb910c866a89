import { Bm25Index } from '../search/bm25.js';

/** Plain tokens for the baseline: lower-cased runs of letters and digits, nothing removed or stemmed. */
export function plainTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The yardstick every quality figure is printed beside: Okapi BM25 (k1 1.2, b 0.75) over the same
 * sentences, with plain tokens and no stemming, stopwords, glossary or answer typing.
 */
export class PlainBm25 {
  private readonly index: Bm25Index;

  constructor(private readonly sentences: readonly string[]) {
    this.index = new Bm25Index(sentences.map(plainTokens));
  }

  /** Sentence positions, best first; ties keep article order; sentences scoring 0 are left out. */
  rank(question: string): number[] {
    const scores = this.index.score(plainTokens(question).map((token) => ({ token, weight: 1 })));
    return [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
  }
}
