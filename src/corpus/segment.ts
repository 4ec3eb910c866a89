import { splitSentences } from './split.js';
import type { ArticleDocument, Block, Sentence } from './types.js';

export { sentenceSpans, splitSentences } from './split.js';

/**
 * Numbers the sentences of cleaned blocks. Headings are one sentence each; paragraphs are split.
 * Ids are `S1`, `S2`, … in reading order, so they stay stable while the source does not change.
 */
export function segmentBlocks(slug: string, blocks: Block[]): Sentence[] {
  const sentences: Sentence[] = [];
  let section: string | null = null;
  blocks.forEach((block, blockIndex) => {
    if (block.kind === 'section') section = block.text;
    const texts = block.kind === 'paragraph' ? splitSentences(block.text) : [block.text];
    for (const text of texts) {
      const ordinal = sentences.length + 1;
      sentences.push({ id: `S${ordinal}`, document: slug, ordinal, text, kind: block.kind, block: blockIndex, section });
    }
  });
  return sentences;
}

/** Builds a document from its blocks. */
export function buildDocument(slug: string, blocks: Block[], publisher: string | null): ArticleDocument {
  const sentences = segmentBlocks(slug, blocks);
  return { slug, title: sentences[0]?.text ?? slug, publisher, sentences };
}
