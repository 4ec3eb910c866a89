/** The structural role of a sentence in the article. */
export type BlockKind = 'headline' | 'subheadline' | 'section' | 'paragraph';

/** One line of cleaned article text, before sentence splitting. */
export interface Block {
  kind: BlockKind;
  /** The line exactly as it stands in the source (trimmed), section marker (◇) removed. */
  text: string;
}

/** A sentence of an article with a stable id and its exact source text. */
export interface Sentence {
  /** Stable id within its document: `S` + 1-based ordinal, e.g. `S14`. */
  id: string;
  /** Slug of the document this sentence belongs to. */
  document: string;
  /** 1-based position in the document. */
  ordinal: number;
  /** The sentence exactly as written in the source (a citation quotes this verbatim). */
  text: string;
  kind: BlockKind;
  /** 0-based index of the block (line) the sentence comes from. */
  block: number;
  /** Text of the `◇` section head the sentence falls under, or null before the first one. */
  section: string | null;
}

/** A cleaned, segmented article. */
export interface ArticleDocument {
  /** File-name stem, e.g. `korea-us-supply-chain-dialogue`. */
  slug: string;
  /** The headline (first sentence). */
  title: string;
  /** Publisher named in the byline (e.g. `연합뉴스`), or null when the scrape has none. */
  publisher: string | null;
  sentences: Sentence[];
}
