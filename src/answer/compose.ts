import type { RankedPassage } from '../search/retriever.js';
import { hasAnswerShape, type Intent } from './intent.js';
import type { Language } from './question.js';
import type { Citation } from './types.js';

/** When an answer is given and how much of it. */
export interface ComposePolicy {
  /** Least concept support of the best passage for the article to count as answering. */
  minSupport: number;
  /** A further passage is cited when its score is at least this share of the best. */
  followerRatio: number;
  /** Most citations in one answer, by intent. */
  maxCitations: Partial<Record<Intent, number>> & { default: number };
  /** Answer text budget in characters (a Discord embed shows ~4,096; readers want less). */
  maxAnswerLength: number;
  /** How far down the ranking to look for a passage shaped like the answer. */
  shapeWindow: number;
  /** Related sentences offered when not answered. */
  relatedCount: number;
}

export const DEFAULT_POLICY: ComposePolicy = {
  minSupport: 0.4,
  followerRatio: 0.85,
  maxCitations: { default: 2, list: 3, what: 2 },
  maxAnswerLength: 1000,
  relatedCount: 3,
  shapeWindow: 2,
};

const NOT_IN_ARTICLE: Record<Language, string> = {
  ko: '기사에서 이 질문에 대한 답을 찾을 수 없습니다. 기사가 다루지 않는 내용일 수 있습니다.',
  en: 'The article does not answer this question.',
};

/** The plain "the article does not say" message in the question's language. */
export function notInArticle(language: Language): string {
  return NOT_IN_ARTICLE[language];
}

/** Text of a passage in the answer's language: English renderings for English questions. */
function answerText(ranked: RankedPassage, language: Language): string {
  return language === 'en' && ranked.passage.translation ? ranked.passage.translation : ranked.passage.sentence.text;
}

function toCitation(ranked: RankedPassage, n: number, language: Language): Citation {
  const { sentence, translation } = ranked.passage;
  return {
    n,
    id: sentence.id,
    document: sentence.document,
    text: sentence.text,
    ...(language === 'en' && translation ? { translation } : {}),
    score: Math.round(ranked.score * 1000) / 1000,
  };
}

/** Result of composing, before timing and verification. */
export interface Composition {
  answered: boolean;
  answer: string;
  citations: Citation[];
  related: Citation[];
}

/**
 * Builds an extractive answer from ranked passages: the best one, plus close followers, each
 * sentence followed by its `[n]` marker. Declines, with related sentences, when the best passage
 * does not carry enough of the question.
 */
export function composeAnswer(ranked: readonly RankedPassage[], intent: Intent, language: Language, policy: ComposePolicy = DEFAULT_POLICY): Composition {
  // The best-ranked passage that carries enough of the question and has the shape of an answer
  // (a date for "when"); headings often outrank the body sentence that holds the detail.
  const best = ranked.slice(0, policy.shapeWindow).find((r) => r.support >= policy.minSupport && r.coversNames && hasAnswerShape(intent, r.passage));
  if (!best) {
    const related = ranked.slice(0, policy.relatedCount).map((r, i) => toCitation(r, i + 1, language));
    return { answered: false, answer: NOT_IN_ARTICLE[language], citations: [], related };
  }
  const limit = policy.maxCitations[intent] ?? policy.maxCitations.default;
  const chosen: RankedPassage[] = [best];
  const seenTexts = new Set([answerText(best, language)]);
  let length = answerText(best, language).length;
  for (const candidate of ranked) {
    if (candidate === best) continue;
    if (chosen.length >= limit) break;
    // A second sentence must carry the question about as fully as the first, or it is noise.
    if (candidate.score < best.score * policy.followerRatio || candidate.support < Math.max(policy.minSupport, best.support - 0.05)) continue;
    if (!candidate.coversNames || !hasAnswerShape(intent, candidate.passage)) continue;
    const text = answerText(candidate, language);
    if (seenTexts.has(text) || length + text.length + 5 > policy.maxAnswerLength) continue;
    seenTexts.add(text);
    length += text.length + 5;
    chosen.push(candidate);
  }
  chosen.sort((a, b) => b.score - a.score);
  const citations = chosen.map((r, i) => toCitation(r, i + 1, language));
  const answer = chosen.map((r, i) => `${answerText(r, language)} [${i + 1}]`).join(' ');
  return { answered: true, answer, citations, related: [] };
}
