import type { RankedPassage } from '../search/retriever.js';
import { ANSWERABILITY_MODEL } from './answerability-model.js';
import { hasAnswerShape, hasSubtypeShape, namesOfficeAsked, type Intent } from './intent.js';
import { reportsAnotherSpeaker } from './speaker.js';
import type { UnderstoodQuestion } from './understand.js';

/** What the answerability score looks at, all in [0, 1]. */
export interface AnswerabilityFeatures {
  /** IDF-weighted share of the question's concepts that the best passage contains. */
  support: number;
  /** Cosine similarity of the best passage. */
  similarity: number;
  /** The question names someone or something the best passage does not mention. */
  nameMissing: number;
  /** The question names someone or something the article never mentions at all. */
  unknownName: number;
  /** The question asks for an amount, date or place (or a month, an age, a duration…) and the best passage has none. */
  shapeMissing: number;
  /** Weight share of the heaviest question concept the best passage lacks ("China" in a question about trade). */
  missingFocus: number;
  /** Share of the question's content words that the article never uses at all. */
  unseenShare: number;
  /** The question has words of its own and the best passage matches none of them. */
  noMatch: number;
  /** The asked shape is missing from the best passage and from each runner-up given (the article likely has no such answer at all). */
  shapeNowhere: number;
}

/** A logistic model over {@link AnswerabilityFeatures}, fitted by `npm run calibrate`. */
export interface AnswerabilityModel {
  bias: number;
  weights: Record<keyof AnswerabilityFeatures, number>;
  /** Probability at or above which the article counts as answering. */
  threshold: number;
}

/** Intents whose answer has a recognisable shape (a number, a date, a place). */
const SHAPED_INTENTS: ReadonlySet<Intent> = new Set(['how-much', 'how-many', 'when', 'where']);

/** Support below which a passage shares nothing that counts with the question. */
const NO_MATCH_SUPPORT = 0.05;

/** The features of a question's best passage; `runnersUp` (the next ranked passages) only inform {@link AnswerabilityFeatures.shapeNowhere}. */
export function answerabilityFeatures(best: RankedPassage, question: Pick<UnderstoodQuestion, 'question' | 'intent' | 'subtype' | 'unknownNames' | 'unseenShare' | 'query' | 'speaker'>, runnersUp: readonly RankedPassage[] = []): AnswerabilityFeatures {
  const { intent, unknownNames } = question;
  const lacksSubtype = (p: RankedPassage) => !hasSubtypeShape(question.subtype!, p.passage) || reportsAnotherSpeaker(question.speaker, p.passage) || (question.subtype === 'officeholder' && !namesOfficeAsked(question.question, p.passage));
  const lacksShape = (p: RankedPassage) => (question.subtype ? lacksSubtype(p) : SHAPED_INTENTS.has(intent) && !hasAnswerShape(intent, p.passage));
  return {
    shapeNowhere: [best, ...runnersUp].every(lacksShape) ? 1 : 0,
    support: best.support,
    similarity: best.similarity,
    nameMissing: best.coversNames ? 0 : 1,
    unknownName: unknownNames.length > 0 ? 1 : 0,
    shapeMissing: lacksShape(best) ? 1 : 0,
    missingFocus: best.missingFocus,
    unseenShare: Math.min(1, question.unseenShare),
    noMatch: question.query.concepts.length > 0 && best.support < NO_MATCH_SUPPORT ? 1 : 0,
  };
}

/** Probability that the passage answers the question, by the fitted model. */
export function answerabilityScore(features: AnswerabilityFeatures, model: AnswerabilityModel = ANSWERABILITY_MODEL): number {
  let z = model.bias;
  for (const key of Object.keys(model.weights) as (keyof AnswerabilityFeatures)[]) z += model.weights[key] * features[key];
  return 1 / (1 + Math.exp(-z));
}
