import type { GlossaryMatcher } from './glossary.js';
import { analyzeText, type AnalyzedWord } from './tokenize.js';

/**
 * One thing a question asks about. A glossary hit (`Qualcomm` / `퀄컴`) is one concept with an
 * alternative per surface form; any other content word is a concept with one alternative.
 */
export interface Concept {
  label: string;
  /** Each alternative is the analysed words of one surface form; matching any one suffices. */
  alternatives: AnalyzedWord[][];
  /** True when the concept came from the glossary. */
  known: boolean;
  /** True for a glossary name (person, company, place, programme): its main English form is capitalised. */
  properName: boolean;
}

/** A question prepared for retrieval. */
export interface AnalyzedQuery {
  text: string;
  concepts: Concept[];
  /** Text for the vector side: the question plus the other-language forms of its glossary hits. */
  expandedText: string;
}

/** Splits a question into concepts, expanding glossary entries into both languages. */
export function analyzeQuery(question: string, glossary: GlossaryMatcher | null): AnalyzedQuery {
  const matches = glossary?.match(question) ?? [];
  let rest = question.normalize('NFC').toLowerCase();
  const concepts: Concept[] = [];
  const expansions: string[] = [];
  for (const m of matches) {
    // Particles glued to a Korean form (`라운드테이블에서`) belong to it, not to the next concept.
    let end = m.end;
    while (end < rest.length && /\p{Script=Hangul}/u.test(rest[end]!)) end++;
    rest = rest.slice(0, m.start) + ' '.repeat(end - m.start) + rest.slice(end);
    const forms = [...m.entry.ko, ...m.entry.en];
    const alternatives = forms.map((f) => analyzeText(f)).filter((a) => a.length > 0);
    if (alternatives.length === 0) continue;
    concepts.push({ label: m.form, alternatives, known: true, properName: /^\p{Lu}/u.test(m.entry.en[0] ?? '') });
    expansions.push(...forms);
  }
  for (const word of analyzeText(rest)) concepts.push({ label: word.key, alternatives: [[word]], known: false, properName: false });
  return { text: question, concepts, expandedText: [question, ...expansions].join(' ') };
}

/** How well a set of passage tokens contains one analysed word: 1 for the word, else the share of its bigrams. */
export function wordMatch(word: AnalyzedWord, tokens: ReadonlySet<string>): number {
  if (tokens.has(word.key)) return 1;
  if (word.parts.length === 0) return 0;
  let hits = 0;
  for (const p of word.parts) if (tokens.has(p)) hits++;
  return hits / word.parts.length;
}

/** How well passage tokens contain a concept: the best of its alternatives (all words of a form must match). */
export function conceptMatch(concept: Concept, tokens: ReadonlySet<string>): number {
  let best = 0;
  for (const alternative of concept.alternatives) {
    let sum = 0;
    for (const w of alternative) sum += wordMatch(w, tokens);
    best = Math.max(best, sum / alternative.length);
    if (best === 1) break;
  }
  return best;
}
