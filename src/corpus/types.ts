/** The structural role of a sentence in the article. */
export type BlockKind = 'headline' | 'subheadline' | 'section' | 'paragraph';

/**
 * A unit of cleaned article text before sentence splitting: a line, a list item, or lines joined
 * where a hard line break falls inside a sentence.
 */
export interface Block {
  kind: BlockKind;
  /** The text exactly as it stands in the source, `raw.slice(start, end)`: trimmed, list or section marker left out. */
  text: string;
  /** Offset of the text in the raw file (UTF-16 code units, as `String.prototype.slice` counts). */
  start: number;
  /** Offset just past the text in the raw file. */
  end: number;
}

/** A sentence of an article with a stable id and its exact source text. */
export interface Sentence {
  /** Stable id within its document: `S` + 1-based ordinal, e.g. `S14`. */
  id: string;
  /** Slug of the document this sentence belongs to. */
  document: string;
  /** 1-based position in the document. */
  ordinal: number;
  /**
   * The sentence exactly as written in the source (a citation quotes this verbatim): `raw.slice(start, end)`.
   * A sentence that a hard line break runs through keeps that line break.
   */
  text: string;
  /** Offset of the sentence in the raw file. */
  start: number;
  /** Offset just past the sentence in the raw file. */
  end: number;
  kind: BlockKind;
  /** 0-based index of the block (line, list item or joined lines) the sentence comes from. */
  block: number;
  /** Text of the section head the sentence falls under, or null before the first one. */
  section: string | null;
}

/** A cleaned, segmented article. */
export interface ArticleDocument {
  /** File-name stem, e.g. `korea-us-supply-chain-dialogue`. */
  slug: string;
  /** The headline, or the slug when the text has no title line. */
  title: string;
  /** Publisher named in the byline (e.g. `연합뉴스`), or null when the scrape has none. */
  publisher: string | null;
  sentences: Sentence[];
}
