import { sentenceSpans } from './split.js';
import type { ArticleDocument, Block, Sentence } from './types.js';

export { sentenceSpans, splitSentences } from './split.js';

/**
 * Numbers the sentences of cleaned blocks. Headings are one sentence each; paragraphs are split.
 * Ids are `S1`, `S2`, … in reading order, so they stay stable while the source does not change.
 * Every sentence keeps its offsets in the raw file, and its text is exactly the raw text there.
 */
export function segmentBlocks(slug: string, blocks: Block[]): Sentence[] {
  const sentences: Sentence[] = [];
  let section: string | null = null;
  blocks.forEach((block, blockIndex) => {
    if (block.kind === 'section') section = block.text;
    const spans = block.kind === 'paragraph' ? sentenceSpans(block.text) : [{ start: 0, end: block.text.length }];
    for (const span of spans) {
      const ordinal = sentences.length + 1;
      sentences.push({
        id: `S${ordinal}`,
        document: slug,
        ordinal,
        text: block.text.slice(span.start, span.end),
        start: block.start + span.start,
        end: block.start + span.end,
        kind: block.kind,
        block: blockIndex,
        section,
      });
    }
  });
  return sentences;
}

/** Builds a document from its blocks; its title is the headline, or the slug when there is none. */
export function buildDocument(slug: string, blocks: Block[], publisher: string | null): ArticleDocument {
  const sentences = segmentBlocks(slug, blocks);
  const headline = sentences[0]?.kind === 'headline' ? sentences[0].text : undefined;
  return { slug, title: headline ?? slug, publisher, sentences };
}
