/** Okapi BM25 over pre-tokenised documents. */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;
  private readonly idfCache = new Map<string, number>();

  /**
   * @param documents token lists, one per document, indexed by position
   * @param k1 term-frequency saturation
   * @param b length normalisation
   */
  constructor(documents: readonly (readonly string[])[], private readonly k1 = 1.2, private readonly b = 0.75) {
    this.lengths = new Uint32Array(documents.length);
    let total = 0;
    documents.forEach((tokens, doc) => {
      this.lengths[doc] = tokens.length;
      total += tokens.length;
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [token, tf] of counts) {
        let list = this.postings.get(token);
        if (!list) this.postings.set(token, (list = []));
        list.push({ doc, tf });
      }
    });
    this.averageLength = documents.length ? total / documents.length : 0;
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.lengths.length;
  }

  /** Number of documents containing the token. */
  documentFrequency(token: string): number {
    return this.postings.get(token)?.length ?? 0;
  }

  /** BM25 inverse document frequency (always positive); unseen tokens get the maximum. */
  idf(token: string): number {
    let value = this.idfCache.get(token);
    if (value === undefined) {
      const df = this.documentFrequency(token);
      value = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      this.idfCache.set(token, value);
    }
    return value;
  }

  /** Scores every document for the query tokens (repeated tokens count once per occurrence, weighted). */
  score(query: readonly { token: string; weight: number }[]): Float64Array {
    const scores = new Float64Array(this.size);
    for (const { token, weight } of query) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = this.idf(token) * weight;
      for (const { doc, tf } of list) {
        const norm = this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / (this.averageLength || 1));
        scores[doc] = (scores[doc] ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
