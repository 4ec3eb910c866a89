import type { Sentence } from '../corpus/types.js';
import type { Citation } from './types.js';

/** Looks up the source sentence and raw scrape a citation claims to quote. */
export interface SourceLookup {
  sentence(document: string, id: string): Sentence | undefined;
  raw(document: string): string | undefined;
}

/**
 * Returns the citations whose text is not exactly the cited sentence of the article, or not found
 * verbatim in the scraped source. An empty result means every quote is faithful.
 */
export function unfaithfulCitations(citations: readonly Citation[], source: SourceLookup): Citation[] {
  return citations.filter((c) => {
    const sentence = source.sentence(c.document, c.id);
    return !sentence || sentence.text !== c.text || !(source.raw(c.document) ?? '').includes(c.text);
  });
}
