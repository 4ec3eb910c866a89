import type { ArticleDocument, Block, Sentence } from './types.js';

const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

const OPENING_QUOTES = /["“'‘「『]/gu;
const CLOSING_QUOTES = /["”'’」』]/gu;
/** Quotative particles and endings that continue a sentence after a closing quote (`"…?"라고 물었다`). */
const CONTINUES_QUOTE = /^(?:["”'’」』]|(?:이)?라(?:고|며|는)|고\s|며\s|하고\s)/u;

/** True while a segment has opened a quotation it has not closed (straight quotes count in pairs). */
function insideQuotation(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opened = (text.match(OPENING_QUOTES) ?? []).length - straight;
  const closed = (text.match(CLOSING_QUOTES) ?? []).length - straight;
  return straight % 2 === 1 || opened > closed;
}

/**
 * Splits a paragraph into sentences, each trimmed and exactly as written. The ICU segmenter breaks
 * inside quotations (`"정말 기쁩니다. 감사드립니다"라고 말했다.`); such pieces are joined back.
 */
export function splitSentences(paragraph: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    if (current !== '' && !insideQuotation(current) && !CONTINUES_QUOTE.test(segment)) {
      pieces.push(current);
      current = '';
    }
    current += segment;
  }
  if (current !== '') pieces.push(current);
  return pieces.map((s) => s.trim()).filter((s) => s !== '');
}

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
