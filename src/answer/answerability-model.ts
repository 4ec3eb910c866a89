import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 97.4%, seed unanswerable 57.4%, korquad answerable 93.6%, korquad other article 99.3%, korquad look-alike 41.7%, squad answerable 92.4%, squad other article 98.6%, squad look-alike 30.0%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.232,
  weights: {
    support: 1.473,
    similarity: 1.085,
    nameMissing: -0.19,
    unknownName: -0.229,
    shapeMissing: -2.937,
    missingFocus: -1.125,
    unseenShare: -2.791,
    noMatch: -1.538
  },
  threshold: 0.23
};
