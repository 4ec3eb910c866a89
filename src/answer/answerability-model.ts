import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 98.3%, seed unanswerable 68.9%, korquad answerable 93.6%, korquad other article 99.3%, korquad look-alike 43.3%, squad answerable 93.8%, squad other article 98.6%, squad look-alike 30.0%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.41,
  weights: {
    support: 1.304,
    similarity: 1.235,
    nameMissing: -0.027,
    unknownName: -0.281,
    shapeMissing: -3.057,
    missingFocus: -1.183,
    unseenShare: -3.037,
    noMatch: -1.503,
    shapeNowhere: -0.556
  },
  threshold: 0.23
};
