import type { Passage } from '../search/passages.js';

/** Phrases that only ask for a summary ("main points", "sum it up"): no words to search for. */
export const SUMMARY_FRAME = /\b(?:key|main) (?:points?|takeaways?)\b|\bhighlights\b|\bsum (?:it |this |that )?up\b|\bbottom line\b|\bin a nutshell\b|\bin (?:one|a single) (?:line|sentence)\b|결론(?:은|이|만)?|요점(?:은|이|만)?|한\s*줄\s*(?:로|요약|정리)?|한\s*문장\s*(?:으로)?/giu;

/**
 * A request for the gist of the article rather than a fact in it: "요약해줘", "무슨 내용이야?",
 * "Summarize the article", "What is this story about?", "tl;dr", and the {@link SUMMARY_FRAME} phrases.
 */
const SUMMARY_CUE = new RegExp(
  `요약|간추려|핵심만|줄거리|무슨\\s*내용|어떤\\s*내용|무슨\\s*기사|뭐에\\s*(?:관한|대한)|(?:기사|내용)\\s*(?:을|를)?\\s*(?:정리|간단히)|\\bsummar(?:y|ies|ise|ize)\\b|\\btl;?\\s*dr\\b|\\bgist\\b|\\boverview\\b|\\bwhat(?:'s| is)\\s+(?:this|the)\\s+(?:article|story|piece|report|news)\\s+about\\b|${SUMMARY_FRAME.source}`,
  'iu',
);

/** True when the question asks for a summary; whether of the whole article depends on what else it names. */
export function hasSummaryCue(question: string): boolean {
  return SUMMARY_CUE.test(question);
}

/**
 * The sentences that sum a document up, in article order: its headline, its lead (the first body
 * sentence, which news writing makes the gist) and its sub-headlines, at most `max`. A text without
 * headings gives its first body sentences.
 */
export function summarySentences(passages: readonly Passage[], max: number): Passage[] {
  const ordered = [...passages].sort((a, b) => a.sentence.ordinal - b.sentence.ordinal);
  const headline = ordered.filter((p) => p.sentence.kind === 'headline').slice(0, 1);
  const body = ordered.filter((p) => p.sentence.kind === 'paragraph');
  const subheadlines = ordered.filter((p) => p.sentence.kind === 'subheadline');
  const chosen = [...headline, ...body.slice(0, 1), ...subheadlines, ...body.slice(1)].slice(0, max);
  return chosen.sort((a, b) => a.sentence.ordinal - b.sentence.ordinal);
}
