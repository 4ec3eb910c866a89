import type { Corpus } from '../corpus/load.js';
import type { Sentence } from '../corpus/types.js';
import { analyzeText } from './tokenize.js';

/** A sentence as the search side sees it: original, English rendering and the tokens of both. */
export interface Passage {
  /** `document#id`, unique across the corpus. */
  key: string;
  sentence: Sentence;
  /** English rendering, when the document has one. */
  translation?: string;
  /** What is embedded and keyword-indexed: the original followed by its rendering. */
  searchText: string;
  /** Keyword tokens of {@link Passage.searchText}. */
  tokenList: string[];
  tokens: Set<string>;
  /** Word keys (no bigrams): the vocabulary misspelt question words are matched against. */
  wordKeys: string[];
}

/** Key of a sentence across documents. */
export const passageKey = (document: string, id: string) => `${document}#${id}`;

/** Turns the corpus into passages, attaching English renderings where a document has them. */
export function buildPassages(corpus: Corpus): Passage[] {
  return corpus.documents.flatMap((document) => {
    const translations = corpus.translations.get(document.slug) ?? new Map<string, string>();
    return document.sentences.map((sentence) => {
      const translation = translations.get(sentence.id);
      const searchText = translation ? `${sentence.text}\n${translation}` : sentence.text;
      const words = analyzeText(searchText);
      const tokenList = words.flatMap((w) => [w.key, ...w.parts]);
      return { key: passageKey(document.slug, sentence.id), sentence, translation, searchText, tokenList, tokens: new Set(tokenList), wordKeys: words.map((w) => w.key) };
    });
  });
}
