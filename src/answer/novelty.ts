import type { AnalyzedQuery } from '../search/query.js';
import type { Passage } from '../search/passages.js';

/** Every key and bigram the question's concepts can match, for {@link addsNothing}. */
export function questionKeys(query: AnalyzedQuery): Set<string> {
  const keys = new Set<string>();
  for (const concept of query.concepts) {
    for (const alternative of concept.alternatives) {
      for (const word of alternative) {
        keys.add(word.key);
        for (const part of word.parts) keys.add(part);
      }
    }
    for (const f of concept.fuzzy) keys.add(f.key);
  }
  return keys;
}

/**
 * True when every content word of the passage is one of the question's own: the sentence restates
 * the question ("This theory states that…" for "Which theory states that…?") and has no word left
 * to be the answer, which then sits in a neighbouring sentence. Only wh-questions need an answer
 * beyond their own words; a yes/no question is answered by a restatement.
 */
export function addsNothing(keys: ReadonlySet<string>, passage: Passage): boolean {
  return passage.wordKeys.length > 0 && passage.wordKeys.every((key) => keys.has(key));
}
