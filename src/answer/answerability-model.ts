import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 97.4%, seed unanswerable 59.0%, korquad answerable 93.6%, korquad other article 99.3%, korquad look-alike 41.7%, squad answerable 92.4%, squad other article 98.6%, squad look-alike 30.0%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.229,
  weights: {
    support: 1.479,
    similarity: 1.091,
    nameMissing: -0.189,
    unknownName: -0.228,
    shapeMissing: -2.909,
    missingFocus: -1.136,
    unseenShare: -2.789,
    noMatch: -1.536
  },
  threshold: 0.23
};
